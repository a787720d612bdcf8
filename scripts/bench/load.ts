// Loads the corpus through the import's batch writer (the real path: company matching, stories,
// channels, messages and the FTS5 entries in one transaction per batch) and, batch by batch in the
// same run, inserts the very same rows into a second database with bare prepared statements: the
// ceiling the import is compared with (quality.md: ratio ≥ 0.30, FTS included). The ceiling is
// the story rows (with their channels and messages) in the same tables, with the same indexes,
// one transaction per batch — and no search index: the import pays for FTS5 and the ceiling does
// not, as quality.md's reference point does (raw inserts ~96,000 rows/s; FTS5 over them ~32 s).
// Only the writes are timed; generating the corpus and preparing the raw rows are not.
import type BetterSqlite3 from 'better-sqlite3';
import type { OpenedDatabase } from '../../src/db/client.ts';
import { companyNameKey, slugify } from '../../src/db/company.repository.ts';
import { type ImportStory, StoryBatchWriter } from '../../src/import/story-batch-writer.ts';
import type { Corpus } from './corpus.ts';

export interface LoadResult {
  stories: number;
  batches: number;
  importMs: number;
  rawMs: number | null;
  generateMs: number;
  importRowsPerSec: number;
  rawRowsPerSec: number | null;
  ratio: number | null;
}

/** Bare prepared inserts of the rows the import writes: no lookups, no upserts, no search index. */
class RawWriter {
  readonly #sqlite: BetterSqlite3.Database;
  readonly #s;
  readonly #companies: { id: number; slug: string; name: string; country: string }[] = [];
  readonly #companyIndex = new Map<string, number>();
  #nextId = 1;

  constructor(sqlite: BetterSqlite3.Database, corpus: Corpus, now: number) {
    this.#sqlite = sqlite;
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
    };
    sqlite.transaction(() => {
      corpus.companies.forEach((c, i) => {
        const id = i + 1;
        const slug = `${slugify(c.name)}-${id}`;
        this.#s.company.run(id, slug, c.name, companyNameKey(c.name), c.website ?? null, c.country, c.sector, now, now);
        this.#companies.push({ id, slug, name: c.name, country: c.country });
        this.#companyIndex.set(c.name, i);
      });
    })();
  }

  /** Untimed: ids and companies, so the timed part is nothing but inserts. */
  prepare(batch: readonly ImportStory[], now: number): () => void {
    const rows = batch.map((s) => ({ id: this.#nextId++, s, company: this.#companies[this.#companyIndex.get(s.company.name)!]! }));
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
    }) as () => void;
  }
}

export interface LoadOptions {
  batchSize: number;
  now: number;
  onBatch?: (done: number, total: number) => void;
}

export async function loadCorpus(corpus: Corpus, target: OpenedDatabase, raw: OpenedDatabase | null, options: LoadOptions): Promise<LoadResult> {
  const writer = new StoryBatchWriter(target, { now: options.now, search: 'fts' });
  const rawWriter = raw ? new RawWriter(raw.sqlite, corpus, options.now) : null;
  let importMs = 0;
  let rawMs = 0;
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
    t = performance.now();
    const outcome = await writer.write(batch);
    importMs += performance.now() - t;
    if (outcome.failed.length > 0) throw new Error(`corpus rows refused by the import: ${outcome.failed[0]!.error}`);
    stories += batch.length;
    batches++;
    options.onBatch?.(stories, corpus.options.stories);
  }
  const importRowsPerSec = stories / (importMs / 1000);
  const rawRowsPerSec = rawWriter ? stories / (rawMs / 1000) : null;
  return {
    stories,
    batches,
    importMs: Math.round(importMs),
    rawMs: rawWriter ? Math.round(rawMs) : null,
    generateMs: Math.round(generateMs),
    importRowsPerSec: Math.round(importRowsPerSec),
    rawRowsPerSec: rawRowsPerSec === null ? null : Math.round(rawRowsPerSec),
    ratio: rawRowsPerSec === null ? null : Number((importRowsPerSec / rawRowsPerSec).toFixed(3)),
  };
}
