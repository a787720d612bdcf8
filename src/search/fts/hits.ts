// The display data of one page of results: rows of search_stories by primary key, title and
// body from the FTS5 content table (columns c0 = title, c2 = body), highlighted in memory
// (highlight.ts) rather than by FTS5's highlight()/snippet().
import { type PublicStoryState, type StoryHit, channelsOf, highlightedToHtml } from '../search-index.ts';
import type { FtsConnection } from './connection.ts';
import { highlightTerms, markMatches, snippetAround } from './highlight.ts';
import type { QueryPlan } from './planner.ts';

const SNIPPET_TOKENS = 28;

interface HitRow {
  k: number;
  story_id: number;
  company_id: number;
  company_slug: string;
  company_name: string;
  country: string;
  state: PublicStoryState;
  category: StoryHit['category'];
  channel_mask: number;
  language: StoryHit['language'];
  experience_date: string;
  published_at: number;
  reply_due_at: number;
  title: string;
  body: string;
}

/** The hits of `keys`, in their order; the words of `plan` (if any) highlighted. */
export function storyHits(conn: FtsConnection, keys: number[], plan: QueryPlan | null): StoryHit[] {
  if (keys.length === 0) return [];
  const rows = conn.prepare<HitRow>(
    `select s.doc_key as k, s.*, c.c0 as title, c.c2 as body
     from search_stories s join search_stories_fts_content c on c.id = s.doc_key
     where s.doc_key in (select value from json_each(?))`,
  ).all(JSON.stringify(keys));
  const terms = highlightTerms(plan?.words ?? []);
  const byKey = new Map(rows.map((r) => [r.k, r]));
  return keys.flatMap((k) => {
    const r = byKey.get(k);
    if (!r) return [];
    return [
      {
        id: r.story_id,
        companyId: r.company_id,
        companySlug: r.company_slug,
        companyName: r.company_name,
        country: r.country,
        state: r.state,
        category: r.category,
        channels: channelsOf(r.channel_mask),
        language: r.language,
        experienceDate: r.experience_date,
        publishedAt: r.published_at,
        replyDueAt: r.reply_due_at,
        titleHtml: highlightedToHtml(markMatches(r.title, terms)),
        snippetHtml: highlightedToHtml(snippetAround(r.body, terms, SNIPPET_TOKENS)),
      },
    ];
  });
}
