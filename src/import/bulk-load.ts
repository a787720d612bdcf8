// The bulk load path for large imports into a big or empty database (decision 0043).
//
// Today's path (StoryBatchWriter) writes each story with every secondary index, read-model
// trigger and FTS5 entry updated at once, at random places of large B-trees. This loader writes
// the rows in key order with all of that deferred:
//
// - begin(): in one transaction, the secondary (non-unique) indexes of stories, story_channels,
//   story_messages and search_stories are dropped, so are the read-model INSERT triggers (story
//   counts per company, statistics' dirty days), and a staging table for the search documents is
//   created; a journal row (bulk_import_journal) keeps the SQL of everything dropped and the first
//   ids of the rows to come.
// - write(): stories, channels and messages are inserted in id order (one transaction per
//   batch); companies are found or created exactly as StoryBatchWriter does; each story's search
//   document is appended to the staging table. Unique indexes stay, so a story seen before (in
//   the database or earlier in this import) is found and set aside for today's path.
// - finish(): in ONE transaction: the search rows and FTS5 entries are inserted from the staging
//   table in doc-key order (one ordered pass, as an FTS5 `rebuild` would), facet counts added up
//   in set-based statements, the dropped indexes rebuilt by sorting (CREATE INDEX), the read
//   models the triggers keep (company_story_counts, company_stats_dirty) recomputed for the new
//   rows in set-based statements, the triggers recreated, the journal row deleted. Then the set
//   aside stories go through today's path (updates, with triggers back on).
//
// Crash safety: until finish() commits, the journal row is there; recoverInterruptedBulkImport()
// (run by every migrateToLatest, so by the server's boot, the CLI and the next import) deletes
// the rows from the journal's first ids on, drops the staging table and recreates what was
// dropped, in one transaction: the database is as before the import, and a rerun completes it.
// The bulk path assumes nothing else writes stories while it runs (an import is an operator's
// job, run with the site in maintenance: see decision 0043).
import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import type { DB } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Channel } from '../db/schema.ts';
import { companyNameSearchText } from '../domain/company-name.ts';
import { storyDocumentBody, storyDocumentTitle, toStoryDocument } from '../search/documents.ts';
import { channelMask, storyChannels } from '../search/search-index.ts';
import { storyDocKey } from '../search/sqlite-fts.ts';
import { type ImportStory, type SearchMode, StoryBatchWriter } from './story-batch-writer.ts';

export type BulkPhase = 'load' | 'search' | 'indexes' | 'read-models' | 'updates' | 'done';

export interface BulkProgress {
  phase: BulkPhase;
  /** Stories written so far (new ones in the load phase; set-aside ones in the updates phase). */
  rows: number;
  elapsedMs: number;
  rowsPerSec: number;
}

export interface BulkSummary {
  imported: number;
  updated: number;
  /** Stories found already in the database or earlier in the import: written by today's path. */
  setAside: number;
  failed: { story: ImportStory; error: string }[];
  companiesCreated: number;
  touchedCompanyIds: number[];
  loadMs: number;
  finishMs: number;
  updatesMs: number;
}

/** Tables whose secondary indexes the load defers. */
const DEFERRED_INDEX_TABLES = ['stories', 'story_channels', 'story_messages', 'search_stories'];
/**
 * The insert triggers the loader knows how to reproduce in finish(); any other insert trigger on
 * these tables makes begin() refuse (the caller then uses today's path).
 */
const KNOWN_INSERT_TRIGGERS = new Set(['stories_stats_insert', 'stories_count_insert', 'story_channels_stats_insert']);
const TRIGGER_TABLES = ['stories', 'story_channels', 'story_messages', 'companies'];
const STAGE = 'bulk_import_stage';

interface Dropped {
  kind: 'index' | 'trigger';
  name: string;
  sql: string;
}

interface Journal {
  started_at: number;
  owner_pid: number;
  first_story_id: number;
  first_company_id: number;
  first_message_id: number;
  dropped: string;
}

/** The bulk path cannot reproduce this schema (an insert trigger it does not know): use today's path. */
export class BulkLoadRefused extends Error {
  override name = 'BulkLoadRefused';
}

/**
 * Rolls back a bulk import that was interrupted before its finish() committed: the database is
 * left as it was before the import. Returns true when there was one to roll back.
 */
export async function recoverInterruptedBulkImport(db: DB): Promise<boolean> {
  const exists = await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = 'bulk_import_journal'`.execute(db);
  if (!exists.rows[0]?.n) return false;
  const found = await sql<Journal>`select * from bulk_import_journal where id = 1`.execute(db);
  const j = found.rows[0];
  if (!j) return false;
  // Another process on this machine still running its import: leave it alone.
  if (j.owner_pid !== process.pid && processAlive(j.owner_pid)) return false;
  await inTransaction(db, async (trx) => {
    const run = (text: string) => sql.raw(text).execute(trx);
    // Every trigger on the tables touched is dropped while the rows are deleted (the rows never
    // reached the read models), then recreated with the ones the import had dropped.
    const triggers = await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'trigger' and tbl_name in (${sql.join(TRIGGER_TABLES)})`.execute(trx);
    for (const t of triggers.rows) await run(`drop trigger ${quote(t.name)}`);
    await run(`drop table if exists ${STAGE}`);
    const fs = Number(j.first_story_id);
    const fm = Number(j.first_message_id);
    const fc = Number(j.first_company_id);
    await run(`delete from story_channels where story_id >= ${fs}`);
    await run(`delete from story_messages where id >= ${fm} or story_id >= ${fs}`);
    await run(`delete from stories where id >= ${fs}`);
    await run(`delete from search_companies_fts where rowid >= ${fc}`);
    await run(`delete from search_companies where company_id >= ${fc}`);
    await run(`delete from companies where id >= ${fc}`);
    const present = new Set(
      (await sql<{ name: string }>`select name from sqlite_master where type in ('index', 'trigger')`.execute(trx)).rows.map((r) => r.name),
    );
    for (const d of JSON.parse(j.dropped) as Dropped[]) if (!present.has(d.name)) await run(d.sql);
    for (const t of triggers.rows) if (!present.has(t.name)) await run(t.sql);
    await run('delete from bulk_import_journal');
  });
  return true;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export interface BulkLoaderOptions {
  now: number;
  /** 'fts' builds the embedded index; 'none' leaves the search index alone (measurements). */
  search: Exclude<SearchMode, 'outbox'>;
  /** Batch size of the set-aside stories written by today's path. */
  updateBatchSize?: number;
  onProgress?: (p: BulkProgress) => void;
}

export class BulkStoryLoader {
  readonly #db: DB;
  readonly #sqlite: BetterSqlite3.Database;
  readonly #options: BulkLoaderOptions;
  readonly #writer: StoryBatchWriter;
  readonly #s;
  readonly #usedKeys = new Set<number>();
  readonly #setAside: ImportStory[] = [];
  readonly #touched = new Set<number>();
  readonly #started = performance.now();
  #journal: { firstStoryId: number; dropped: Dropped[] } | null = null;
  #imported = 0;
  #companiesCreated = 0;
  #staged = 0;
  #loadMs = 0;

  private constructor(database: { db: DB; sqlite: BetterSqlite3.Database }, options: BulkLoaderOptions) {
    this.#db = database.db;
    this.#sqlite = database.sqlite;
    this.#options = options;
    // Today's writer: company matching (shared, so ids and slugs are the same as on today's path)
    // and the set-aside stories at the end.
    this.#writer = new StoryBatchWriter(database, { now: options.now, search: options.search });
    const sqlite = this.#sqlite;
    this.#s = {
      findStory: sqlite.prepare<[string, string], { id: number }>('select id from stories where source = ? and external_id = ?'),
      insertStory: sqlite.prepare(
        `insert into stories (company_id, author_id, source, external_id, title, body, experience_date, category, language,
           state, published_at, reply_due_at, first_reply_at, verdict_at, resolved, would_buy_again, rating, verdict_comment,
           closed_at, last_activity_at, created_at, updated_at)
         values (?, null, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertChannel: sqlite.prepare('insert into story_channels (story_id, channel, wait_minutes, answered) values (?, ?, ?, ?)'),
      insertMessage: sqlite.prepare('insert into story_messages (story_id, author_id, author_role, body, created_at) values (?, null, ?, ?, ?)'),
      keyTaken: sqlite.prepare<[number], { story_id: number }>('select story_id from search_stories where doc_key = ?'),
    };
  }

  /** Recovers an interrupted bulk import if any, then prepares the database for the load. */
  static async begin(database: { db: DB; sqlite: BetterSqlite3.Database }, options: BulkLoaderOptions): Promise<BulkStoryLoader> {
    await recoverInterruptedBulkImport(database.db);
    const left = await sql<{ owner_pid: number }>`select owner_pid from bulk_import_journal`.execute(database.db);
    if (left.rows.length > 0) throw new Error(`another bulk import (process ${left.rows[0]!.owner_pid}) is running on this database`);
    const loader = new BulkStoryLoader(database, options);
    await database.db.connection().execute(async () => loader.#prepare());
    return loader;
  }

  #prepare(): void {
    const sqlite = this.#sqlite;
    sqlite.transaction(() => {
      const triggers = sqlite
        .prepare<[], { name: string; sql: string }>(
          `select name, sql from sqlite_master where type = 'trigger' and tbl_name in (${TRIGGER_TABLES.map((t) => `'${t}'`).join(', ')})`,
        )
        .all();
      const dropped: Dropped[] = [];
      for (const t of triggers) {
        if (!/\b(before|after|instead\s+of)\s+insert\b/i.test(t.sql)) continue;
        if (!KNOWN_INSERT_TRIGGERS.has(t.name)) throw new BulkLoadRefused(`insert trigger ${t.name} is not one the bulk path reproduces`);
        dropped.push({ kind: 'trigger', name: t.name, sql: t.sql });
      }
      for (const table of DEFERRED_INDEX_TABLES) {
        const list = sqlite.prepare<[], { name: string; unique: number; origin: string }>(`pragma index_list(${quote(table)})`).all();
        for (const idx of list) {
          if (idx.unique || idx.origin !== 'c') continue;
          const row = sqlite.prepare<[string], { sql: string | null }>(`select sql from sqlite_master where type = 'index' and name = ?`).get(idx.name);
          if (row?.sql) dropped.push({ kind: 'index', name: idx.name, sql: row.sql });
        }
      }
      const next = (table: string) => (sqlite.prepare(`select coalesce(max(id), 0) + 1 as n from ${table}`).get() as { n: number }).n;
      const firstStoryId = next('stories');
      sqlite
        .prepare(
          `insert into bulk_import_journal (id, started_at, owner_pid, first_story_id, first_company_id, first_message_id, dropped)
           values (1, ?, ?, ?, ?, ?, ?)`,
        )
        .run(Date.now(), process.pid, firstStoryId, next('companies'), next('story_messages'), JSON.stringify(dropped));
      for (const d of dropped) sqlite.exec(`drop ${d.kind} ${quote(d.name)}`);
      sqlite.exec(`create table ${STAGE} (
        doc_key integer not null, story_id integer not null, company_id integer not null, company_slug text not null,
        company_name text not null, country text not null, state text not null, category text not null,
        channel_mask integer not null, language text not null, experience_date text not null, published_at integer not null,
        published_day integer not null, reply_due_at integer not null, overdue_rank integer not null,
        company_text text not null)`);
      this.#journal = { firstStoryId, dropped };
    }).immediate();
    this.#stageInsert = sqlite.prepare(`insert into ${STAGE} values (${new Array(16).fill('?').join(', ')})`);
  }

  #stageInsert: BetterSqlite3.Statement | null = null;
  readonly #companyTexts = new Map<string, string>();

  #companyText(name: string): string {
    let text = this.#companyTexts.get(name);
    if (text === undefined) {
      text = companyNameSearchText(name);
      if (this.#companyTexts.size > 50_000) this.#companyTexts.clear();
      this.#companyTexts.set(name, text);
    }
    return text;
  }

  #progress(phase: BulkPhase, rows: number, sinceMs = this.#started): void {
    const elapsedMs = performance.now() - this.#started;
    const phaseMs = performance.now() - sinceMs;
    this.#options.onProgress?.({ phase, rows, elapsedMs, rowsPerSec: phaseMs > 0 ? (rows / phaseMs) * 1000 : 0 });
  }

  /**
   * Writes one batch of stories in one transaction (new stories only; see the module comment).
   * If the batch fails, it is retried one story per transaction, as on today's path, and the
   * stories that still fail are returned with their error (by position in the batch).
   */
  async write(stories: readonly ImportStory[]): Promise<{ index: number; error: string }[]> {
    if (!this.#journal) throw new Error('the bulk load is finished');
    const t = performance.now();
    const failed: { index: number; error: string }[] = [];
    await this.#db.connection().execute(async () => {
      const attempt = (rows: readonly ImportStory[]) => {
        const newCompanies: string[] = [];
        try {
          this.#sqlite.transaction(() => this.#batch(rows, newCompanies)).immediate();
        } catch (error) {
          this.#writer.forgetCompanies(newCompanies);
          throw error;
        }
      };
      try {
        attempt(stories);
      } catch {
        stories.forEach((story, index) => {
          try {
            attempt([story]);
          } catch (error) {
            failed.push({ index, error: (error as Error).message });
          }
        });
      }
    });
    this.#loadMs += performance.now() - t;
    this.#progress('load', this.#imported);
    return failed;
  }

  #batch(stories: readonly ImportStory[], newCompanies: string[]): void {
    const st = this.#s;
    const now = this.#options.now;
    const stage = this.#stageInsert!;
    const setAside: ImportStory[] = [];
    let imported = 0;
    let staged = 0;
    let created = 0;
    const batchKeys = new Set<number>();
    for (const s of stories) {
      // The company first, for every story (also a set-aside one): companies get the ids they
      // would get on today's path.
      const resolved = this.#writer.companyFor(s.company, newCompanies);
      if (resolved.created) created++;
      const company = resolved.info;
      if (st.findStory.get(s.source, s.externalId)) {
        setAside.push(s);
        continue;
      }
      const r = st.insertStory.run(
        company.id, s.source, s.externalId, s.title, s.body, s.experienceDate, s.category, s.language,
        s.state, s.publishedAt, s.replyDueAt, s.firstReplyAt, s.verdictAt, s.resolved, s.wouldBuyAgain, s.rating,
        s.verdictComment, s.closedAt, s.lastActivityAt, now, now,
      );
      const id = Number(r.lastInsertRowid);
      imported++;
      this.#touched.add(company.id);
      for (const m of s.messages ?? []) st.insertMessage.run(id, m.role, m.body, m.createdAt);
      const channels: Channel[] = [];
      for (const c of s.channels ?? []) {
        if (channels.includes(c.channel)) continue;
        channels.push(c.channel);
        st.insertChannel.run(id, c.channel, c.waitMinutes, c.answered ? 1 : 0);
      }
      if (this.#options.search !== 'fts') continue;
      // The document's fields; its title and body are computed in finish() from the stories
      // table (storyDocumentTitle / storyDocumentBody), not staged twice.
      const d = toStoryDocument({
        story: {
          id, company_id: company.id, title: '', body: '', language: s.language, state: s.state, category: s.category,
          experience_date: s.experienceDate, published_at: s.publishedAt, reply_due_at: s.replyDueAt, hidden_at: null,
          withdrawn_at: null, order_reference: null,
        },
        company,
        channels,
      });
      if (!d) continue;
      let key = storyDocKey(d.publishedAt, d.id);
      while (this.#usedKeys.has(key) || batchKeys.has(key) || st.keyTaken.get(key)) key++;
      batchKeys.add(key);
      stage.run(
        key, d.id, d.companyId, d.companySlug, d.companyName, d.country, d.state, d.category, channelMask(d.channels),
        d.language, d.experienceDate, d.publishedAt, d.publishedDay, d.replyDueAt, d.overdueRank, this.#companyText(d.companyName),
      );
      staged++;
    }
    // Counted only once the transaction commits (better-sqlite3 runs this inside it; a throw
    // above rolls back and skips these lines).
    this.#imported += imported;
    this.#staged += staged;
    this.#companiesCreated += created;
    for (const key of batchKeys) this.#usedKeys.add(key);
    this.#setAside.push(...setAside);
  }

  /** Builds the search index, the indexes and the read models, then writes the set-aside stories. */
  async finish(): Promise<BulkSummary> {
    const journal = this.#journal;
    if (!journal) throw new Error('the bulk load is finished');
    const finishStarted = performance.now();
    await this.#db.connection().execute(async () => {
      const sqlite = this.#sqlite;
      sqlite.transaction(() => {
        if (this.#options.search === 'fts' && this.#staged > 0) {
          this.#progress('search', this.#staged, finishStarted);
          this.#buildSearch();
        } else {
          sqlite.exec(`drop table ${STAGE}`);
        }
        this.#progress('indexes', this.#imported, finishStarted);
        for (const d of journal.dropped) if (d.kind === 'index') sqlite.exec(d.sql);
        this.#progress('read-models', this.#imported, finishStarted);
        this.#readModels(journal.firstStoryId);
        for (const d of journal.dropped) if (d.kind === 'trigger') sqlite.exec(d.sql);
        sqlite.exec('delete from bulk_import_journal');
      }).immediate();
    });
    this.#journal = null;
    const finishMs = performance.now() - finishStarted;

    // The stories seen before: today's path, in order, with the triggers back on.
    const updatesStarted = performance.now();
    const failed: BulkSummary['failed'] = [];
    let updated = 0;
    let imported = this.#imported;
    const size = this.#options.updateBatchSize ?? 2000;
    for (let i = 0; i < this.#setAside.length; i += size) {
      const batch = this.#setAside.slice(i, i + size);
      const outcome = await this.#writer.write(batch);
      updated += outcome.updated;
      imported += outcome.imported;
      for (const f of outcome.failed) failed.push({ story: batch[f.index]!, error: f.error });
      this.#progress('updates', Math.min(i + size, this.#setAside.length), updatesStarted);
    }
    for (const id of this.#writer.touchedCompanyIds) this.#touched.add(id);
    const summary: BulkSummary = {
      imported,
      updated,
      setAside: this.#setAside.length,
      failed,
      companiesCreated: this.#companiesCreated + this.#writer.companiesCreated,
      touchedCompanyIds: [...this.#touched],
      loadMs: Math.round(this.#loadMs),
      finishMs: Math.round(finishMs),
      updatesMs: Math.round(performance.now() - updatesStarted),
    };
    this.#progress('done', imported + updated);
    return summary;
  }

  /** The search rows and FTS5 entries in doc-key order, and the facet counts, from the staging table. */
  #buildSearch(): void {
    // New stories carry no order reference (the secret a document hides), as on today's path.
    this.#sqlite.function('bulk_story_title', { deterministic: true }, (t) => storyDocumentTitle(String(t)));
    this.#sqlite.function('bulk_story_body', { deterministic: true }, (b) => storyDocumentBody(String(b)));
    const sqlite = this.#sqlite;
    sqlite.exec(`create index ${STAGE}_key on ${STAGE} (doc_key)`);
    const searchCols = `doc_key, story_id, company_id, company_slug, company_name, country, state, category, channel_mask, language,
      experience_date, published_at, published_day, reply_due_at, overdue_rank`;
    sqlite.exec(`insert into search_stories (${searchCols}) select ${searchCols} from ${STAGE} indexed by ${STAGE}_key order by doc_key`);
    sqlite.exec(
      `insert into search_stories_fts (rowid, title, company, body)
       select st.doc_key, bulk_story_title(s.title), st.company_text, bulk_story_body(s.body)
       from ${STAGE} st indexed by ${STAGE}_key join stories s on s.id = st.story_id order by st.doc_key`,
    );
    // The facet counts FtsBulkWriter adds up batch by batch, added up in one pass.
    const channelFacets = storyChannels
      .map((c, bit) => `select 'channels', '${c}', count(*) from ${STAGE} where channel_mask & ${1 << bit} != 0 having count(*) > 0`)
      .join(' union all ');
    sqlite.exec(
      `insert into search_facet_counts (facet, value, count)
       select * from (
         select 'total', 'all', count(*) from ${STAGE} having count(*) > 0
         union all select 'state', state, count(*) from ${STAGE} group by state
         union all select 'category', category, count(*) from ${STAGE} group by category
         union all select 'country', country, count(*) from ${STAGE} group by country
         union all ${channelFacets}
       ) where true
       on conflict (facet, value) do update set count = count + excluded.count`,
    );
    sqlite.exec(`drop table ${STAGE}`);
    sqlite.exec(`insert into search_meta (key, value) values ('vocabulary_dirty', '1') on conflict (key) do update set value = '1'`);
    sqlite.exec(
      `insert into search_meta (key, value) values ('generation', '1')
       on conflict (key) do update set value = cast(cast(value as integer) + 1 as text)`,
    );
  }

  /** What the dropped insert triggers would have written for the new rows, in set-based statements. */
  #readModels(firstStoryId: number): void {
    const sqlite = this.#sqlite;
    // stories_count_insert
    sqlite
      .prepare(
        `insert into company_story_counts (company_id, state, n)
         select company_id, state, count(*) from stories where id >= ? group by company_id, state
         on conflict (company_id, state) do update set n = n + excluded.n`,
      )
      .run(firstStoryId);
    // stories_stats_insert and story_channels_stats_insert (the same company and day)
    sqlite
      .prepare(`insert or ignore into company_stats_dirty (company_id, day) select company_id, published_at / 86400000 from stories where id >= ?`)
      .run(firstStoryId);
  }
}
