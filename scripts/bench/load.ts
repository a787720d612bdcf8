// Loads the corpus through the import's batch writer (the real path: company matching, stories,
// channels, messages and the FTS5 entries in one transaction per batch) and, batch by batch in the
// same run, inserts the very same rows into two more databases with bare prepared statements —
// the ceilings the import is compared with:
// - `raw`: the same rows into the same tables, search tables and FTS5 included, each batch's
//   index entries in doc-key order (the cheapest order for FTS5) — quality.md's figure (≥ 0.30,
//   "FTS index included"): what the import's lookups, upserts, document building and facet
//   upkeep cost on top of writing the same data;
// - `plain`: the story, channel and message rows only, no search index — context: FTS5 itself
//   costs several times the plain inserts (quality.md's own reference points: ~96,000 plain rows/s,
//   ~32 s of FTS5 for 1M stories), so no design that indexes in the same transaction comes
//   near 0.30 of it.
// Only the writes are timed; generating the corpus and preparing the raw rows are not.
import type BetterSqlite3 from 'better-sqlite3';
import type { OpenedDatabase } from '../../src/db/client.ts';
import { companyNameKey, slugify } from '../../src/db/company.repository.ts';
import { type ImportStory, StoryBatchWriter } from '../../src/import/story-batch-writer.ts';
import { toStoryDocument } from '../../src/search/documents.ts';
import { channelMask } from '../../src/search/search-index.ts';
import { storyDocKey } from '../../src/search/sqlite-fts.ts';
import type { Corpus } from './corpus.ts';

export interface LoadResult {
  stories: number;
  batches: number;
  importMs: number;
  generateMs: number;
  importRowsPerSec: number;
  /** Bare inserts of the same rows, FTS5 included (quality.md's ceiling). */
  rawMs: number | null;
  rawRowsPerSec: number | null;
  ratio: number | null;
  /** Bare inserts of the story rows only, no search index (context). */
  plainMs: number | null;
  plainRowsPerSec: number | null;
  plainRatio: number | null;
}

/** Bare prepared inserts of the rows the import writes: no lookups, no upserts, no facet upkeep. */
class RawWriter {
  readonly #sqlite: BetterSqlite3.Database;
  readonly #withSearch: boolean;
  readonly #s;
  readonly #companies: { id: number; slug: string; name: string; country: string }[] = [];
  readonly #companyIndex = new Map<string, number>();
  #nextId = 1;

  constructor(sqlite: BetterSqlite3.Database, corpus: Corpus, now: number, withSearch: boolean) {
    this.#sqlite = sqlite;
    this.#withSearch = withSearch;
    this.#s = {
      company: sqlite.prepare(
        'insert into companies (id, slug, name, name_key, website, country, sector, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      story: sqlite.prepare(
        `insert into stories (id, company_id, author_id, source, external_id, title, body, experience_date, category, language,
           state, published_at, reply_due_at, first_reply_at, verdict_at, resolved, would_buy_again, rating, verdict_comment,
           closed_at, last_activity_at, created_at, updated_at)
         values (?, ?, null, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      channel: sqlite.prepare('insert into story_channels (story_id, channel, wait_minutes, answered) values (?, ?, ?, ?)'),
      message: sqlite.prepare('insert into story_messages (story_id, author_id, author_role, body, created_at) values (?, null, ?, ?, ?)'),
      search: sqlite.prepare(
        `insert into search_stories (doc_key, story_id, company_id, company_slug, company_name, country, state, category,
          channel_mask, language, experience_date, published_at, published_day, reply_due_at, overdue_rank)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      fts: sqlite.prepare('insert into search_stories_fts (rowid, title, company, body) values (?, ?, ?, ?)'),
    };
    sqlite.transaction(() => {
      corpus.companies.forEach((c, i) => {
        const id = i + 1;
        const slug = `${slugify(c.name)}-${id}`;
        this.#s.company.run(id, slug, c.name, companyNameKey(c.name), c.website ?? null, c.country, c.sector, now, now);
        this.#companies.push({ id, slug, name: c.name, country: c.country });
        this.#companyIndex.set(c.name, i);
      });
    }).immediate();
  }

  /** Untimed: ids, companies, document text and doc keys, so the timed part is nothing but inserts. */
  prepare(batch: readonly ImportStory[], now: number): () => void {
    const rows = batch.map((s) => ({ id: this.#nextId++, s, company: this.#companies[this.#companyIndex.get(s.company.name)!]! }));
    const docs = this.#withSearch
      ? rows
          .map(({ id, s, company }) => {
            const channels = (s.channels ?? []).map((c) => c.channel);
            const doc = toStoryDocument({
              story: {
                id, company_id: company.id, title: s.title, body: s.body, language: s.language, state: s.state, category: s.category,
                experience_date: s.experienceDate, published_at: s.publishedAt, reply_due_at: s.replyDueAt, hidden_at: null,
                withdrawn_at: null, order_reference: null,
              },
              company: { ...company, domain: null, sector: s.company.sector, merged_into_id: null, listed_at: 0 },
              channels,
            })!;
            return { id, company, doc, key: storyDocKey(s.publishedAt, id), mask: channelMask(channels) };
          })
          .sort((a, b) => a.key - b.key)
      : [];
    const st = this.#s;
    return this.#sqlite.transaction(() => {
      for (const { id, s, company } of rows) {
        st.story.run(
          id, company.id, s.source, s.externalId, s.title, s.body, s.experienceDate, s.category, s.language, s.state,
          s.publishedAt, s.replyDueAt, s.firstReplyAt, s.verdictAt, s.resolved, s.wouldBuyAgain, s.rating, s.verdictComment,
          s.closedAt, s.lastActivityAt, now, now,
        );
        for (const c of s.channels ?? []) st.channel.run(id, c.channel, c.waitMinutes, c.answered ? 1 : 0);
        for (const m of s.messages ?? []) st.message.run(id, m.role, m.body, m.createdAt);
      }
      for (const { id, company, doc, key, mask } of docs) {
        st.search.run(
          key, id, company.id, company.slug, doc.companyName, doc.country, doc.state, doc.category, mask, doc.language,
          doc.experienceDate, doc.publishedAt, doc.publishedDay, doc.replyDueAt, doc.overdueRank,
        );
        st.fts.run(key, doc.title, doc.companyName, doc.body);
      }
    }) as () => void;
  }
}

export interface LoadOptions {
  batchSize: number;
  now: number;
  onBatch?: (done: number, total: number) => void;
}

/** `raw` and `plain` are empty migrated databases for the two ceilings (null: not measured). */
export async function loadCorpus(
  corpus: Corpus,
  target: OpenedDatabase,
  ceilings: { raw: OpenedDatabase | null; plain: OpenedDatabase | null },
  options: LoadOptions,
): Promise<LoadResult> {
  const writer = new StoryBatchWriter(target, { now: options.now, search: 'fts' });
  const rawWriter = ceilings.raw ? new RawWriter(ceilings.raw.sqlite, corpus, options.now, true) : null;
  const plainWriter = ceilings.plain ? new RawWriter(ceilings.plain.sqlite, corpus, options.now, false) : null;
  let importMs = 0;
  let rawMs = 0;
  let plainMs = 0;
  let generateMs = 0;
  let stories = 0;
  let batches = 0;
  const iterator = corpus.batches(options.batchSize);
  for (;;) {
    let t = performance.now();
    const next = iterator.next();
    generateMs += performance.now() - t;
    if (next.done) break;
    const batch = next.value;
    if (rawWriter) {
      const insert = rawWriter.prepare(batch, options.now);
      t = performance.now();
      insert();
      rawMs += performance.now() - t;
    }
    if (plainWriter) {
      const insert = plainWriter.prepare(batch, options.now);
      t = performance.now();
      insert();
      plainMs += performance.now() - t;
    }
    t = performance.now();
    const outcome = await writer.write(batch);
    importMs += performance.now() - t;
    if (outcome.failed.length > 0) throw new Error(`corpus rows refused by the import: ${outcome.failed[0]!.error}`);
    stories += batch.length;
    batches++;
    options.onBatch?.(stories, corpus.options.stories);
  }
  const perSec = (ms: number) => stories / (ms / 1000);
  const importRowsPerSec = perSec(importMs);
  const rawRowsPerSec = rawWriter ? perSec(rawMs) : null;
  const plainRowsPerSec = plainWriter ? perSec(plainMs) : null;
  const ratioTo = (ceiling: number | null) => (ceiling === null ? null : Number((importRowsPerSec / ceiling).toFixed(3)));
  return {
    stories,
    batches,
    importMs: Math.round(importMs),
    generateMs: Math.round(generateMs),
    importRowsPerSec: Math.round(importRowsPerSec),
    rawMs: rawWriter ? Math.round(rawMs) : null,
    rawRowsPerSec: rawRowsPerSec === null ? null : Math.round(rawRowsPerSec),
    ratio: ratioTo(rawRowsPerSec),
    plainMs: plainWriter ? Math.round(plainMs) : null,
    plainRowsPerSec: plainRowsPerSec === null ? null : Math.round(plainRowsPerSec),
    plainRatio: ratioTo(plainRowsPerSec),
  };
}
