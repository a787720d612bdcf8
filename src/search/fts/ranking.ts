// The order of a worded query's window: by relevance (bm25 for rare terms, match tiers for broad
// queries), by most overdue, or newest first as the window already is.
import type { SearchSort } from '../search-index.ts';
import type { FtsConnection } from './connection.ts';
import type { QueryPlan } from './planner.ts';
import { foldForMatch } from './spelling.ts';

/** bm25 column weights: title, company, body. */
const BM25 = 'bm25(search_stories_fts, 10.0, 4.0, 1.0)';

/** Sorts the window's `keys` in place for `sort`; ties go to the newest. */
export function orderWindow(conn: FtsConnection, plan: QueryPlan, keys: number[], sort: SearchSort, bm25MaxMatches: number): void {
  if (sort === 'relevance' && keys.length > 1) {
    const score = relevance(conn, plan, keys, bm25MaxMatches);
    keys.sort((a, b) => (score.get(a) ?? 0) - (score.get(b) ?? 0) || b - a);
  } else if (sort === 'most_overdue' && keys.length > 1) {
    const rank = new Map(
      conn
        .prepare<{ k: number; r: number }>(
          `select doc_key as k, overdue_rank as r from search_stories where doc_key in (select value from json_each(?))`,
        )
        .all(JSON.stringify(keys))
        .map((r) => [r.k, r.r]),
    );
    keys.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0) || b - a);
  }
}

/**
 * Relevance scores (lower is better) of the window's stories. A query of rare terms gets bm25
 * (title 10 : company 4 : body 1), whose IDF pass reads every match of each term, hence only
 * up to bm25MaxMatches entries read. A broad query gets a cheap score over the window alone: query words
 * found in the title count 4, in the company name 2; recency breaks ties. Titles and company
 * names come from the FTS5 content table by primary key, so no position list is decoded.
 */
function relevance(conn: FtsConnection, plan: QueryPlan, keys: number[], bm25MaxMatches: number): Map<number, number> {
  const score = new Map<number, number>();
  if (plan.reads <= bm25MaxMatches) {
    const rows = conn.prepare<{ k: number; score: number }>(
      `select rowid as k, ${BM25} as score from search_stories_fts
       where search_stories_fts match ? and rowid between ? and ?`,
    ).all(plan.match, Math.min(...keys), Math.max(...keys));
    for (const r of rows) score.set(r.k, r.score);
    return score;
  }
  const texts = conn.prepare<{ k: number; title: string; company: string }>(
    `select id as k, c0 as title, c1 as company from search_stories_fts_content where id in (select value from json_each(?))`,
  ).all(JSON.stringify(keys));
  const matchers = plan.words.map((w, i) => ({ word: w, pattern: wordMatcher(w, i === plan.words.length - 1) }));
  const found = (text: string | undefined) => {
    if (!text) return 0;
    const folded = foldForMatch(text);
    let n = 0;
    // The substring test rules most texts out before the (Unicode-aware) pattern runs.
    for (const m of matchers) if (folded.includes(m.word) && m.pattern.test(folded)) n++;
    return n;
  };
  for (const r of texts) score.set(r.k, -(4 * found(r.title) + 2 * found(r.company)));
  return score;
}

/** Matches a folded word at a word start (and, unless it is the prefix typed last, a word end). */
function wordMatcher(word: string, prefix: boolean): RegExp {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])${escaped}${prefix ? '' : '(?![\\p{L}\\p{N}])'}`, 'u');
}
