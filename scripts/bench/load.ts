// The bench's load phase (decision 0043). One pass over the corpus:
//
// 1. Bulk load. The first `stories - slice` stories go into the empty bench database through the
//    bulk load path (src/import/bulk-load.ts: rows in key order, indexes, triggers and FTS5
//    deferred, then built in set-based statements) — `bulk_load_s`, search index included.
//    Batch by batch in the same run, the same rows go into a separate database as the PHYSICAL
//    REFERENCE: plain key-ordered prepared inserts into tables with only their primary key
//    (stories, channels, messages), then one FTS5 `rebuild` of an external-content index over the
//    stories (quality.md: ≈ 45 s per million on this machine). Their ratio says how far the bulk
//    path is from what the disk and FTS5 allow.
// 2. Incremental slice. The last `slice` stories are appended to the bulk-loaded database
//    through today's path (StoryBatchWriter, the one incremental imports keep) — quality.md's
//    `import_ratio` compares it with RAW prepared inserts of the same rows into the same live
//    tables, search tables and FTS5 included (each batch's index entries in doc-key order), run
//    just before each batch in a transaction that is then rolled back, so both write into the
//    same database of the same size.
// The bench database ends with all `stories` stories, as before; the rest of the bench runs on it.
// Only the writes are timed; generating the corpus and preparing the reference rows are not.
import type BetterSqlite3 from 'better-sqlite3';
import type { OpenedDatabase } from '../../src/db/client.ts';
import { companyNameKey } from '../../src/db/company.repository.ts';
import { companyNameSearchText } from '../../src/domain/company-name.ts';
import { BulkStoryLoader, type BulkProgress } from '../../src/import/bulk-load.ts';
import { type ImportStory, StoryBatchWriter } from '../../src/import/story-batch-writer.ts';
import { toStoryDocument } from '../../src/search/documents.ts';
import { channelMask } from '../../src/search/search-index.ts';
import { storyDocKey } from '../../src/search/sqlite-fts.ts';
import type { Corpus } from './corpus.ts';

export interface LoadResult {
  stories: number;
  generateMs: number;
  /** Stories loaded by the bulk path (the corpus minus the incremental slice). */
  bulkStories: number;
  /** Bulk path, all of it: rows, search index, indexes, read models. */
  bulkMs: number;
  bulkRowsMs: number;
  bulkFinishMs: number;
  bulkStoriesPerSec: number;
  /** The physical reference: plain key-ordered inserts + one FTS5 rebuild (null: not measured). */
  physicalMs: number | null;
  physicalInsertMs: number | null;
  physicalRebuildMs: number | null;
  /** bulkMs / physicalMs. */
  bulkVsPhysical: number | null;
  /** Stories appended through today's path (the incremental slice). */
  sliceStories: number;
  importMs: number;
  importRowsPerSec: number;
  /** Raw prepared inserts of the slice, FTS5 included (quality.md's ceiling for import_ratio). */
  rawMs: number | null;
  rawRowsPerSec: number | null;
  ratio: number | null;
}

interface CompanyRow {
  id: number;
  slug: string;
  name: string;
  country: string;
  sector: string;
}

function docOf(id: number, s: ImportStory, company: CompanyRow) {
  const channels = (s.channels ?? []).map((c) => c.channel);
  const doc = toStoryDocument({
    story: {
      id, company_id: company.id, title: s.title, body: s.body, language: s.language, state: s.state, category: s.category,
      experience_date: s.experienceDate, published_at: s.publishedAt, reply_due_at: s.replyDueAt, hidden_at: null,
      withdrawn_at: null, order_reference: null,
    },
    company: { ...company, domain: null, merged_into_id: null, listed_at: 0 },
    channels,
  });
  return { doc, mask: channelMask(channels) };
}

const storyColumns = `company_id, author_id, source, external_id, title, body, experience_date, category, language,
  state, published_at, reply_due_at, first_reply_at, verdict_at, resolved, would_buy_again, rating, verdict_comment,
  closed_at, last_activity_at, created_at, updated_at`;

function storyValues(id: number, companyId: number, s: ImportStory, now: number): unknown[] {
  return [
    id, companyId, s.source, s.externalId, s.title, s.body, s.experienceDate, s.category, s.language, s.state,
    s.publishedAt, s.replyDueAt, s.firstReplyAt, s.verdictAt, s.resolved, s.wouldBuyAgain, s.rating, s.verdictComment,
    s.closedAt, s.lastActivityAt, now, now,
  ];
}

/** The physical reference: tables with only their primary key, then one FTS5 rebuild. */
class PhysicalReference {
  readonly #sqlite: BetterSqlite3.Database;
  readonly #s;
  readonly #companies = new Map<string, CompanyRow>();
  #nextId = 1;

  constructor(sqlite: BetterSqlite3.Database, corpus: Corpus) {
    this.#sqlite = sqlite;
    sqlite.exec(`
      create table ref_stories (id integer primary key, company_id integer, author_id integer, source text, external_id text,
        title text, body text, experience_date text, category text, language text, state text, published_at integer,
        reply_due_at integer, first_reply_at integer, verdict_at integer, resolved integer, would_buy_again integer,
        rating integer, verdict_comment text, closed_at integer, last_activity_at integer, created_at integer,
        updated_at integer, company text);
      create table ref_channels (story_id integer, channel text, wait_minutes integer, answered integer, primary key (story_id, channel));
      create table ref_messages (id integer primary key, story_id integer, author_role text, body text, created_at integer);
      create virtual table ref_fts using fts5(title, company, body, content = 'ref_stories', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2');`);
    corpus.companies.forEach((c, i) => {
      this.#companies.set(c.name, { id: i + 1, slug: `c-${i + 1}`, name: c.name, country: c.country, sector: c.sector });
    });
    this.#s = {
      story: sqlite.prepare(`insert into ref_stories (id, ${storyColumns}, company) values (?, ?, null, ${new Array(21).fill('?').join(', ')})`),
      channel: sqlite.prepare('insert into ref_channels (story_id, channel, wait_minutes, answered) values (?, ?, ?, ?)'),
      message: sqlite.prepare('insert into ref_messages (story_id, author_role, body, created_at) values (?, ?, ?, ?)'),
    };
  }

  /** Untimed: ids and values; the returned function is nothing but the inserts. */
  prepare(batch: readonly ImportStory[], now: number): () => void {
    const rows = batch.map((s) => {
      const company = this.#companies.get(s.company.name)!;
      return { values: [...storyValues(this.#nextId++, company.id, s, now), companyNameSearchText(company.name)], s };
    });
    const st = this.#s;
    return this.#sqlite.transaction(() => {
      for (const { values, s } of rows) {
        st.story.run(...values);
        const id = values[0] as number;
        for (const c of s.channels ?? []) st.channel.run(id, c.channel, c.waitMinutes, c.answered ? 1 : 0);
        for (const m of s.messages ?? []) st.message.run(id, m.role, m.body, m.createdAt);
      }
    }) as () => void;
  }

  rebuild(): void {
    this.#sqlite.exec(`insert into ref_fts (ref_fts) values ('rebuild')`);
  }
}

const ROLLBACK = Symbol('rollback');
const BULK_BATCH = 20_000;

/** Raw prepared inserts of a slice batch into the live tables of the bench database, rolled back. */
class RawSlice {
  readonly #sqlite: BetterSqlite3.Database;
  readonly #s;
  readonly #companies = new Map<string, CompanyRow>();

  constructor(sqlite: BetterSqlite3.Database) {
    this.#sqlite = sqlite;
    for (const c of sqlite.prepare<[], CompanyRow & { name_key: string }>('select id, slug, name, name_key, country, sector from companies order by id').all()) {
      if (!this.#companies.has(c.name_key)) this.#companies.set(c.name_key, c);
    }
    this.#s = {
      story: sqlite.prepare(`insert into stories (id, ${storyColumns}) values (?, ?, null, ${new Array(20).fill('?').join(', ')})`),
      channel: sqlite.prepare('insert into story_channels (story_id, channel, wait_minutes, answered) values (?, ?, ?, ?)'),
      message: sqlite.prepare('insert into story_messages (story_id, author_id, author_role, body, created_at) values (?, null, ?, ?, ?)'),
      search: sqlite.prepare(
        `insert into search_stories (doc_key, story_id, company_id, company_slug, company_name, country, state, category,
          channel_mask, language, experience_date, published_at, published_day, reply_due_at, overdue_rank)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      fts: sqlite.prepare('insert into search_stories_fts (rowid, title, company, body) values (?, ?, ?, ?)'),
      maxId: sqlite.prepare<[], { m: number }>('select coalesce(max(id), 0) as m from stories'),
    };
  }

  /** Inserts the batch (timed, returned in ms) and rolls it back. Untimed: ids, documents, keys. */
  run(batch: readonly ImportStory[], now: number): number {
    let nextId = this.#s.maxId.get()!.m + 1;
    const rows = batch.map((s) => {
      const company = this.#companies.get(companyNameKey(s.company.name))!;
      return { id: nextId++, s, company };
    });
    const docs = rows
      .map(({ id, s, company }) => ({ id, company, key: storyDocKey(s.publishedAt, id), ...docOf(id, s, company) }))
      .filter((d) => d.doc !== null)
      .sort((a, b) => a.key - b.key);
    const st = this.#s;
    let elapsed = 0;
    const started = performance.now();
    try {
      this.#sqlite.transaction(() => {
        for (const { id, s, company } of rows) {
          st.story.run(...storyValues(id, company.id, s, now));
          for (const c of s.channels ?? []) st.channel.run(id, c.channel, c.waitMinutes, c.answered ? 1 : 0);
          for (const m of s.messages ?? []) st.message.run(id, m.role, m.body, m.createdAt);
        }
        for (const { id, company, doc, key, mask } of docs) {
          const d = doc!;
          st.search.run(
            key, id, company.id, company.slug, d.companyName, d.country, d.state, d.category, mask, d.language,
            d.experienceDate, d.publishedAt, d.publishedDay, d.replyDueAt, d.overdueRank,
          );
          st.fts.run(key, d.title, companyNameSearchText(d.companyName), d.body);
        }
        elapsed = performance.now() - started;
        throw ROLLBACK;
      }).immediate();
    } catch (error) {
      if (error !== ROLLBACK) throw error;
    }
    return elapsed;
  }
}

export interface LoadOptions {
  batchSize: number;
  now: number;
  /** Stories appended through today's path at the end (quality.md's import_ratio). */
  slice: number;
  onBatch?: (done: number, total: number) => void;
  onBulkProgress?: (p: BulkProgress) => void;
}

/** `reference`: an empty database file for the physical reference (null: not measured, nor the raw slice). */
export async function loadCorpus(
  corpus: Corpus,
  target: OpenedDatabase,
  reference: OpenedDatabase | null,
  options: LoadOptions,
): Promise<LoadResult> {
  const total = corpus.options.stories;
  const slice = Math.min(options.slice, Math.floor(total / 2));
  const bulkStories = total - slice;
  const physical = reference ? new PhysicalReference(reference.sqlite, corpus) : null;
  let generateMs = 0;
  let physicalInsertMs = 0;
  let bulkRowsMs = 0;
  let done = 0;
  const sliceRows: ImportStory[][] = [];

  const loader = await BulkStoryLoader.begin(target, { now: options.now, search: 'fts', onProgress: options.onBulkProgress });
  // The bulk path and the reference write 20,000 stories per transaction, as the CLI's bulk path does.
  const iterator = corpus.batches(Math.max(options.batchSize, BULK_BATCH));
  for (;;) {
    let t = performance.now();
    const next = iterator.next();
    generateMs += performance.now() - t;
    if (next.done) break;
    let batch = next.value;
    if (done + batch.length > bulkStories) {
      const keep = Math.max(0, bulkStories - done);
      sliceRows.push(batch.slice(keep));
      batch = batch.slice(0, keep);
    }
    if (batch.length === 0) continue;
    if (physical) {
      const insert = physical.prepare(batch, options.now);
      t = performance.now();
      insert();
      physicalInsertMs += performance.now() - t;
    }
    t = performance.now();
    await loader.write(batch);
    bulkRowsMs += performance.now() - t;
    done += batch.length;
    options.onBatch?.(done, total);
  }
  let physicalRebuildMs: number | null = null;
  if (physical) {
    const t = performance.now();
    physical.rebuild();
    physicalRebuildMs = performance.now() - t;
  }
  let t = performance.now();
  const summary = await loader.finish();
  const bulkFinishMs = performance.now() - t;
  if (summary.failed.length > 0) throw new Error(`corpus rows refused by the bulk load: ${summary.failed[0]!.error}`);
  const bulkMs = bulkRowsMs + bulkFinishMs;

  // The incremental slice, through today's path, against raw inserts into the same database.
  const writer = new StoryBatchWriter(target, { now: options.now, search: 'fts' });
  const raw = reference ? new RawSlice(target.sqlite) : null;
  let importMs = 0;
  let rawMs = 0;
  let sliceDone = 0;
  const batches = sliceRows.flatMap((rows) => {
    const out: ImportStory[][] = [];
    for (let i = 0; i < rows.length; i += options.batchSize) out.push(rows.slice(i, i + options.batchSize));
    return out;
  });
  for (const batch of batches) {
    if (raw) rawMs += raw.run(batch, options.now);
    t = performance.now();
    const outcome = await writer.write(batch);
    importMs += performance.now() - t;
    if (outcome.failed.length > 0) throw new Error(`corpus rows refused by the import: ${outcome.failed[0]!.error}`);
    sliceDone += batch.length;
    options.onBatch?.(done + sliceDone, total);
  }
  const perSec = (n: number, ms: number) => Math.round(n / (ms / 1000));
  const physicalMs = physical ? physicalInsertMs + physicalRebuildMs! : null;
  const importRowsPerSec = perSec(sliceDone, importMs);
  const rawRowsPerSec = raw ? perSec(sliceDone, rawMs) : null;
  return {
    stories: done + sliceDone,
    generateMs: Math.round(generateMs),
    bulkStories: done,
    bulkMs: Math.round(bulkMs),
    bulkRowsMs: Math.round(bulkRowsMs),
    bulkFinishMs: Math.round(bulkFinishMs),
    bulkStoriesPerSec: perSec(done, bulkMs),
    physicalMs: physicalMs === null ? null : Math.round(physicalMs),
    physicalInsertMs: physical ? Math.round(physicalInsertMs) : null,
    physicalRebuildMs: physicalRebuildMs === null ? null : Math.round(physicalRebuildMs),
    bulkVsPhysical: physicalMs === null ? null : Number((bulkMs / physicalMs).toFixed(3)),
    sliceStories: sliceDone,
    importMs: Math.round(importMs),
    importRowsPerSec,
    rawMs: raw ? Math.round(rawMs) : null,
    rawRowsPerSec,
    ratio: rawRowsPerSec === null || sliceDone === 0 ? null : Number((importRowsPerSec / rawRowsPerSec).toFixed(3)),
  };
}
