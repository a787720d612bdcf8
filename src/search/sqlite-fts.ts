// The embedded search index: SQLite FTS5 in the site's own database. Zero set-up.
//
// Performance plan (quality.md: ≤5 ms p50 at 1M stories, with a filter and facet counts):
// - the FTS rowid is a recency key (publication second × 2^21 + id mod 2^21), so matches come
//   out of FTS5 newest first and a date range is a rowid range FTS5 seeks to;
// - a query walks at most MAX_TOTAL_HITS (+1) matches in rowid order: that window is what gets
//   ranked (bm25 with title > company > body), counted and faceted, so a broad query never
//   ranks or counts every match; `totalIsExact` says when the window was full;
// - with no words and no filters, totals and facets come from search_facet_counts, kept up to
//   date by every write; browsing uses plain indexes of search_stories.
// Writes go through Kysely's connection (db.connection()) so they can never interleave with a
// transaction another part of the server has open on the same single SQLite connection.
import type BetterSqlite3 from 'better-sqlite3';
import type { Channel } from '../db/schema.ts';
import type { DB } from '../db/client.ts';
import {
  type CompanyDocument,
  type CompanySuggestion,
  type PublicStoryState,
  type RebuildResult,
  type RebuildSource,
  type SearchHealth,
  type SearchIndex,
  type StoryDocument,
  type StoryFacets,
  type StoryFilters,
  type StoryHit,
  type StorySearchQuery,
  type StorySearchResult,
  MAX_TOTAL_HITS,
  SearchRejectedError,
  channelMask,
  publicStoryStates,
  storyCategories,
  clampPage,
  clampPerPage,
  dayNumber,
  emptyFacets,
  highlightedToHtml,
  storyChannels,
} from './search-index.ts';
import { type FilterColumnRow, type PackedFacetCounts, FilterColumns, countPacked, passes } from './filter-columns.ts';
import { highlightTerms, markMatches, snippetAround } from './highlight.ts';
import { bestCorrection, editsAtDistanceOne, foldTerm, maxDistanceFor, queryWords, suggestQuery, type VocabularyTerm } from './spelling.ts';

const KEY_SHIFT = 2 ** 21;
/** bm25 column weights: title, company, body. */
const BM25 = 'bm25(search_stories_fts, 10.0, 4.0, 1.0)';
/** How often the spelling vocabulary may be rebuilt from the FTS index while writes go on. */
const VOCABULARY_REFRESH_MS = 10 * 60_000;
const SNIPPET_TOKENS = 28;

/** Recency-ordered FTS rowid of a story. */
export function storyDocKey(publishedAt: number, id: number): number {
  return Math.floor(Math.max(0, publishedAt) / 1000) * KEY_SHIFT + (id % KEY_SHIFT);
}

/** The smallest doc key of a UTC day (YYYYMMDD), for rowid ranges. */
function dayStartKey(day: number): number {
  const ms = Date.UTC(Math.floor(day / 10000), (Math.floor(day / 100) % 100) - 1, day % 100);
  return storyDocKey(ms, 0);
}

function channelsOf(mask: number): Channel[] {
  return storyChannels.filter((_, bit) => (mask & (1 << bit)) !== 0);
}

interface TableNames {
  stories: string;
  fts: string;
  facets: string;
  companies: string;
  companiesFts: string;
}

const liveTables: TableNames = {
  stories: 'search_stories',
  fts: 'search_stories_fts',
  facets: 'search_facet_counts',
  companies: 'search_companies',
  companiesFts: 'search_companies_fts',
};

/** DDL of a staging copy for a rebuild (same shapes as migrations/2026-11-23T1000-search.ts and T1400). */
function stagingDdl(t: TableNames, gen: string): string {
  return `
    create table ${t.stories} (
      doc_key integer primary key, story_id integer not null unique, company_id integer not null,
      company_slug text not null, company_name text not null, country text not null, state text not null,
      category text not null, channel_mask integer not null, language text not null,
      experience_date text not null, published_at integer not null, published_day integer not null,
      reply_due_at integer not null, overdue_rank integer not null
    ) strict;
    create virtual table ${t.fts} using fts5(title, company, body, tokenize = 'unicode61 remove_diacritics 2');
    create table ${t.facets} (facet text not null, value text not null, count integer not null, primary key (facet, value)) strict, without rowid;
    create table ${t.companies} (
      company_id integer primary key, slug text not null, name text not null, domain text,
      country text not null, sector text not null
    ) strict;
    create virtual table ${t.companiesFts} using fts5(name, domain, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');
    create index search_stories_company_${gen} on ${t.stories} (company_slug, doc_key);
    create index search_stories_overdue_${gen} on ${t.stories} (overdue_rank);
  `;
}

/** A story written (row) or removed (null) by a write, for the in-memory filter columns. */
interface ColumnChange {
  key: number;
  row: FilterColumnRow | null;
}

interface StoryRowInIndex {
  doc_key: number;
  story_id: number;
  state: string;
  category: string;
  channel_mask: number;
  country: string;
}

/** Prepared writes against one set of tables (the live ones, or a rebuild's staging copy). */
class Writer {
  readonly #sqlite: BetterSqlite3.Database;
  readonly #s;
  readonly #live: boolean;
  constructor(sqlite: BetterSqlite3.Database, t: TableNames) {
    this.#sqlite = sqlite;
    // A rebuild's staging tables are not the index yet: the swap bumps the generation once.
    this.#live = t.stories === liveTables.stories;
    this.#s = {
      findStory: sqlite.prepare<[number], StoryRowInIndex>(
        `select doc_key, story_id, state, category, channel_mask, country from ${t.stories} where story_id = ?`,
      ),
      keyTaken: sqlite.prepare<[number], { story_id: number }>(`select story_id from ${t.stories} where doc_key = ?`),
      deleteStory: sqlite.prepare(`delete from ${t.stories} where doc_key = ?`),
      deleteFts: sqlite.prepare(`delete from ${t.fts} where rowid = ?`),
      insertStory: sqlite.prepare(
        `insert into ${t.stories} (doc_key, story_id, company_id, company_slug, company_name, country, state, category,
          channel_mask, language, experience_date, published_at, published_day, reply_due_at, overdue_rank)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertFts: sqlite.prepare(`insert into ${t.fts} (rowid, title, company, body) values (?, ?, ?, ?)`),
      bumpFacet: sqlite.prepare(
        `insert into ${t.facets} (facet, value, count) values (?, ?, ?)
         on conflict (facet, value) do update set count = count + excluded.count`,
      ),
      deleteCompany: sqlite.prepare(`delete from ${t.companies} where company_id = ?`),
      deleteCompanyFts: sqlite.prepare(`delete from ${t.companiesFts} where rowid = ?`),
      insertCompany: sqlite.prepare(
        `insert into ${t.companies} (company_id, slug, name, domain, country, sector) values (?, ?, ?, ?, ?, ?)`,
      ),
      insertCompanyFts: sqlite.prepare(`insert into ${t.companiesFts} (rowid, name, domain) values (?, ?, ?)`),
      markDirty: sqlite.prepare(
        `insert into search_meta (key, value) values ('vocabulary_dirty', '1') on conflict (key) do update set value = '1'`,
      ),
      bumpGeneration: sqlite.prepare(
        `insert into search_meta (key, value) values ('generation', '1')
         on conflict (key) do update set value = cast(cast(value as integer) + 1 as text)`,
      ),
    };
  }

  #facets(row: Pick<StoryRowInIndex, 'state' | 'category' | 'channel_mask' | 'country'>, delta: number): void {
    this.#s.bumpFacet.run('total', 'all', delta);
    this.#s.bumpFacet.run('state', row.state, delta);
    this.#s.bumpFacet.run('category', row.category, delta);
    this.#s.bumpFacet.run('country', row.country, delta);
    for (const channel of channelsOf(row.channel_mask)) this.#s.bumpFacet.run('channels', channel, delta);
  }

  #removeStory(storyId: number, changes: ColumnChange[]): void {
    const old = this.#s.findStory.get(storyId);
    if (!old) return;
    this.#s.deleteFts.run(old.doc_key);
    this.#s.deleteStory.run(old.doc_key);
    this.#facets(old, -1);
    changes.push({ key: old.doc_key, row: null });
  }

  /** Writes the documents; returns what changed in the filter columns, in order. */
  upsertStories(docs: StoryDocument[]): ColumnChange[] {
    const changes: ColumnChange[] = [];
    this.#sqlite.transaction(() => {
      for (const d of docs) {
        this.#removeStory(d.id, changes);
        let key = storyDocKey(d.publishedAt, d.id);
        // Two stories share a key only with >2M stories in one second: take the next free one.
        while (this.#s.keyTaken.get(key)) key++;
        const mask = channelMask(d.channels);
        this.#s.insertStory.run(
          key, d.id, d.companyId, d.companySlug, d.companyName, d.country, d.state, d.category, mask,
          d.language, d.experienceDate, d.publishedAt, d.publishedDay, d.replyDueAt, d.overdueRank,
        );
        this.#s.insertFts.run(key, d.title, d.companyName, d.body);
        this.#facets({ state: d.state, category: d.category, channel_mask: mask, country: d.country }, 1);
        changes.push({ key, row: { key, state: d.state, category: d.category, channelMask: mask, country: d.country } });
      }
      if (docs.length > 0) {
        this.#s.markDirty.run();
        if (this.#live) this.#s.bumpGeneration.run();
      }
    }).immediate();
    return changes;
  }

  deleteStories(ids: number[]): ColumnChange[] {
    const changes: ColumnChange[] = [];
    this.#sqlite.transaction(() => {
      for (const id of ids) this.#removeStory(id, changes);
      if (changes.length > 0 && this.#live) this.#s.bumpGeneration.run();
    }).immediate();
    return changes;
  }

  upsertCompanies(docs: CompanyDocument[]): ColumnChange[] {
    this.#sqlite.transaction(() => {
      for (const d of docs) {
        this.#s.deleteCompany.run(d.id);
        this.#s.deleteCompanyFts.run(d.id);
        this.#s.insertCompany.run(d.id, d.slug, d.name, d.domain, d.country, d.sector);
        this.#s.insertCompanyFts.run(d.id, d.name, d.domain ?? '');
      }
      if (docs.length > 0 && this.#live) this.#s.bumpGeneration.run();
    }).immediate();
    return [];
  }

  deleteCompanies(ids: number[]): ColumnChange[] {
    this.#sqlite.transaction(() => {
      for (const id of ids) {
        this.#s.deleteCompany.run(id);
        this.#s.deleteCompanyFts.run(id);
      }
      if (ids.length > 0 && this.#live) this.#s.bumpGeneration.run();
    }).immediate();
    return [];
  }
}

interface WindowRow {
  k: number;
  state: string;
  category: string;
  channel_mask: number;
  country: string;
}

/** The bounded window of a worded query: its keys newest first, their facet counts, and whether it holds every match. */
interface MatchWindow {
  keys: number[];
  facets: StoryFacets;
  exact: boolean;
}

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

/**
 * How a query runs: the FTS5 expression, the words it was built from, and, from the spelling
 * vocabulary's document counts, an estimate of how many stories match and of how many doclist
 * entries bm25's IDF pass would read (every match of every term), which picks the ranking.
 */
export interface QueryPlan {
  match: string;
  words: string[];
  estimate: number;
  reads: number;
}

/** Terms of the vocabulary the last word may be completed to, most frequent first. */
const PREFIX_EXPANSIONS = 8;

export interface SqliteFtsOptions {
  /** Ranking/counting window; tests lower it to exercise the capped paths. */
  maxTotalHits?: number;
  /**
   * A query is ranked by bm25 when its IDF pass would read at most this many doclist entries
   * (the document counts of all its terms added up: "rimborso caconcuezza" has few matches but
   * reads every "rimborso"); other queries are ranked by match tiers inside the window instead.
   */
  bm25MaxMatches?: number;
  now?: () => number;
  /**
   * The in-memory filter columns (filter-columns.ts): 'background' (default) loads them in
   * slices after the first need and answers with SQL joins meanwhile; 'sync' loads them at once
   * when needed (tests); 'off' always joins in SQL.
   */
  filterColumns?: 'background' | 'sync' | 'off';
}

/** Rows of search_stories read per slice while loading the filter columns. */
const COLUMN_SLICE = 25_000;

export class SqliteFtsIndex implements SearchIndex {
  readonly engine = 'sqlite-fts' as const;
  readonly #db: DB;
  readonly #sqlite: BetterSqlite3.Database;
  readonly #window: number;
  readonly #bm25MaxMatches: number;
  readonly #now: () => number;
  #writer: Writer | null = null;
  /** Prepared read statements by SQL text (the variants are bounded by the filter combinations). */
  readonly #statements = new Map<string, BetterSqlite3.Statement>();
  readonly #columnsMode: 'background' | 'sync' | 'off';
  /** Filter columns in step with the index as of `token` (see #indexToken). */
  #columns: { columns: FilterColumns; token: string } | null = null;
  /** A load in progress: the columns so far and the token they will be current for. */
  #loading: { columns: FilterColumns; token: string } | null = null;
  #loadingDone: Promise<void> | null = null;
  /** Whole-index facet counts by token (selectivity estimates of filters). */
  #globalFacets: { token: string; total: number; facets: StoryFacets } | null = null;

  constructor(database: { db: DB; sqlite: BetterSqlite3.Database }, options: SqliteFtsOptions = {}) {
    this.#db = database.db;
    this.#sqlite = database.sqlite;
    this.#window = options.maxTotalHits ?? MAX_TOTAL_HITS;
    this.#bm25MaxMatches = options.bm25MaxMatches ?? 2000;
    this.#now = options.now ?? Date.now;
    this.#columnsMode = options.filterColumns ?? 'background';
  }

  /** Runs `fn` holding Kysely's connection, so no other transaction is open on it meanwhile. */
  #exclusive<T>(fn: (sqlite: BetterSqlite3.Database) => T): Promise<T> {
    return this.#db.connection().execute(async () => fn(this.#sqlite));
  }

  /** A cached prepared statement; preparing FTS5 queries costs as much as running small ones. */
  #prepare<R>(s: BetterSqlite3.Database, text: string): BetterSqlite3.Statement<unknown[], R> {
    let statement = this.#statements.get(text);
    if (!statement) {
      if (this.#statements.size >= 256) this.#statements.clear();
      statement = s.prepare(text);
      this.#statements.set(text, statement);
    }
    return statement as BetterSqlite3.Statement<unknown[], R>;
  }

  #live(): Writer {
    this.#writer ??= new Writer(this.#sqlite, liveTables);
    return this.#writer;
  }

  async init(): Promise<void> {
    await this.#exclusive((s) => {
      const row = s.prepare(`select count(*) as n from sqlite_master where name = 'search_stories_fts'`).get() as { n: number };
      if (row.n !== 1) throw new SearchRejectedError('schema_missing', 'search tables missing: run the migrations first');
    });
  }

  async upsertStories(docs: StoryDocument[]): Promise<void> {
    if (docs.length) await this.#exclusive((s) => this.#ownWrite(s, () => this.#live().upsertStories(docs)));
  }

  async deleteStories(ids: number[]): Promise<void> {
    if (ids.length) await this.#exclusive((s) => this.#ownWrite(s, () => this.#live().deleteStories(ids)));
  }

  /**
   * What identifies the state of the story index: the generation counter that every write of
   * this adapter and of the bulk import (src/import/search-bulk.ts) bumps, in any process, plus
   * the whole-index facet counts and the newest key as a safety net for a writer that does not.
   */
  #indexToken(s: BetterSqlite3.Database): string {
    const row = this.#prepare<{ g: string | null; f: string | null; k: number | null }>(
      s,
      `select (select value from search_meta where key = 'generation') as g,
              (select group_concat(count, ',') from search_facet_counts) as f,
              (select max(doc_key) from search_stories) as k`,
    ).get()!;
    return `${row.g ?? 0}|${row.k ?? 0}|${row.f ?? ''}`;
  }

  /** Runs one of our own writes and carries its changes into the filter columns. */
  #ownWrite(s: BetterSqlite3.Database, write: () => ColumnChange[]): void {
    const tracked = [this.#columns, this.#loading].filter((c) => c !== null);
    const before = tracked.length > 0 ? this.#indexToken(s) : '';
    const changes = write();
    if (tracked.length === 0) return;
    const after = this.#indexToken(s);
    for (const target of tracked) {
      // Columns that missed an outside write stay behind their token and get reloaded.
      if (target.token !== before) continue;
      for (const c of changes) {
        if (c.row) target.columns.set(c.row);
        else target.columns.delete(c.key);
      }
      target.token = after;
    }
  }

  /** The filter columns if they are current; otherwise null, and a load is started or done. */
  #currentColumns(s: BetterSqlite3.Database): FilterColumns | null {
    if (this.#columnsMode === 'off') return null;
    const token = this.#indexToken(s);
    if (this.#columns?.token === token) return this.#columns.columns;
    this.#columns = null;
    if (this.#columnsMode === 'sync') {
      const columns = new FilterColumns(this.#globalCounts(s, token).total + 1024);
      for (let after = -1; ; ) {
        const rows = this.#columnSlice(s, after);
        columns.append(rows);
        if (rows.length < COLUMN_SLICE) break;
        after = rows[rows.length - 1]![0];
      }
      this.#columns = { columns, token };
      return columns;
    }
    void this.#loadColumns();
    return null;
  }

  #columnSlice(s: BetterSqlite3.Database, after: number): [number, string, string, number, string][] {
    return this.#prepare<[number, string, string, number, string]>(
      s,
      `select doc_key, state, category, channel_mask, country from search_stories where doc_key > ? order by doc_key limit ${COLUMN_SLICE}`,
    )
      .raw()
      .all(after);
  }

  /**
   * Loads the filter columns slice by slice, letting searches (answered by SQL meanwhile) and
   * writes run between slices. Our own writes during the load go into it as they happen
   * (#ownWrite); any other write is seen as a token change at the end, and the load starts over.
   */
  #loadColumns(): Promise<void> {
    this.#loadingDone ??= (async () => {
      try {
        for (let attempt = 0; attempt < 3; attempt++) {
          const loading = await this.#exclusive((s) => {
            const token = this.#indexToken(s);
            return { columns: new FilterColumns(this.#globalCounts(s, token).total + 1024), token };
          });
          this.#loading = loading;
          for (let after = -1; ; ) {
            const rows = await this.#exclusive((s) => this.#columnSlice(s, after));
            loading.columns.append(rows);
            if (rows.length < COLUMN_SLICE) break;
            after = rows[rows.length - 1]![0];
            await new Promise((resolve) => setImmediate(resolve));
          }
          const current = await this.#exclusive((s) => this.#indexToken(s) === loading.token);
          this.#loading = null;
          if (current) {
            this.#columns = loading;
            return;
          }
        }
      } catch {
        // The database went away (shutdown, tests): searches go on joining in SQL.
      } finally {
        this.#loading = null;
        this.#loadingDone = null;
      }
    })();
    return this.#loadingDone;
  }

  /** Loads the filter columns now if they are not current (warm-up; searches never wait). */
  async #ensureColumns(): Promise<void> {
    if (this.#columnsMode === 'off') return;
    const current = await this.#exclusive((s) => this.#columns?.token === this.#indexToken(s));
    if (!current) await this.#loadColumns();
  }

  /** Whole-index totals and facet counts, read once per index state. */
  #globalCounts(s: BetterSqlite3.Database, token: string): { total: number; facets: StoryFacets } {
    if (this.#globalFacets?.token !== token) this.#globalFacets = { token, ...this.#precomputedFacets(s) };
    return this.#globalFacets;
  }

  async upsertCompanies(docs: CompanyDocument[]): Promise<void> {
    if (docs.length) await this.#exclusive((s) => this.#ownWrite(s, () => this.#live().upsertCompanies(docs)));
  }

  async deleteCompanies(ids: number[]): Promise<void> {
    if (ids.length) await this.#exclusive((s) => this.#ownWrite(s, () => this.#live().deleteCompanies(ids)));
  }

  /**
   * A string that changes whenever what searches can return may have changed: every write of
   * this adapter and of the bulk import (in any process) bumps the generation; the whole-index
   * facet counts, the newest story key and the newest company catch a writer that does not.
   * A cache of results keyed by it is invalidated exactly by writes (select.ts).
   */
  async version(): Promise<string> {
    return this.#exclusive((s) => this.#version(s));
  }

  #version(s: BetterSqlite3.Database): string {
    const company = this.#prepare<{ c: number | null }>(s, `select max(company_id) as c from search_companies`).get();
    return `${this.#indexToken(s)}|${company?.c ?? 0}`;
  }

  async getCompany(id: number): Promise<CompanyDocument | null> {
    return this.#exclusive((s) => {
      const row = this.#prepare<{ id: number; slug: string; name: string; domain: string | null; country: string; sector: string }>(
        s,
        `select company_id as id, slug, name, domain, country, sector from search_companies where company_id = ?`,
      ).get(id);
      return row ?? null;
    });
  }

  async searchStories(query: StorySearchQuery): Promise<StorySearchResult> {
    return this.#exclusive((s) => this.#search(s, query));
  }

  /** searchStories, with the version() of the index the result was computed from. */
  async searchStoriesVersioned(query: StorySearchQuery): Promise<{ version: string; value: StorySearchResult }> {
    return this.#exclusive((s) => ({ version: this.#version(s), value: this.#search(s, query) }));
  }

  /** suggestCompanies, with the version() of the index the result was computed from. */
  async suggestCompaniesVersioned(prefix: string, limit = 8): Promise<{ version: string; value: CompanySuggestion[] }> {
    return this.#exclusive((s) => ({ version: this.#version(s), value: this.#suggestCompanies(s, prefix, limit) }));
  }

  #search(s: BetterSqlite3.Database, query: StorySearchQuery): StorySearchResult {
    const page = clampPage(query.page);
    const perPage = clampPerPage(query.perPage);
    const sort = query.sort ?? 'relevance';
    const filters = query.filters ?? {};
    const plan = this.#plan(s, query.q);
    const offset = (page - 1) * perPage;
    let total: number;
    let exact: boolean;
    let facets: StoryFacets;
    let pageKeys: number[];

    if (plan) {
      // One bounded walk over the newest matches: rank, count and facet only this window.
      const window = this.#columnWindow(s, plan, filters) ?? this.#sqlWindow(s, plan, filters);
      ({ exact, facets } = window);
      const keys = window.keys;
      total = keys.length;
      if (sort === 'relevance' && keys.length > 1) {
        const score = this.#relevance(s, plan, keys);
        keys.sort((a, b) => (score.get(a) ?? 0) - (score.get(b) ?? 0) || b - a);
      } else if (sort === 'most_overdue' && keys.length > 1) {
        const rank = new Map(
          this.#prepare<{ k: number; r: number }>(
            s,
            `select doc_key as k, overdue_rank as r from search_stories where doc_key in (select value from json_each(?))`,
          )
            .all(JSON.stringify(keys))
            .map((r) => [r.k, r.r]),
        );
        keys.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0) || b - a);
      }
      pageKeys = keys.slice(offset, offset + perPage);
    } else {
      const { where, params } = filterSql(filters, 's.doc_key');
      const filtered = where.length > 0;
      if (filtered) {
        const rows = this.#prepare<WindowRow>(
          s,
          `select s.doc_key as k, s.state, s.category, s.channel_mask, s.country
           from search_stories s where ${where.join(' and ')} order by s.doc_key desc limit ?`,
        ).all(...params, this.#window + 1);
        exact = rows.length <= this.#window;
        total = Math.min(rows.length, this.#window);
        facets = countFacets(rows.slice(0, this.#window));
      } else {
        ({ total, facets } = this.#precomputedFacets(s));
        exact = total <= this.#window;
        total = Math.min(total, this.#window);
      }
      const order = sort === 'most_overdue' ? 's.overdue_rank asc, s.doc_key desc' : 's.doc_key desc';
      pageKeys =
        offset >= total
          ? []
          : this.#prepare<{ k: number }>(
              s,
              `select s.doc_key as k from search_stories s ${filtered ? `where ${where.join(' and ')}` : ''}
               order by ${order} limit ? offset ?`,
            )
              .all(...params, perPage, offset)
              .map((r) => r.k);
    }

    const hits = this.#hits(s, pageKeys, plan);
    const suggestion = plan ? this.#suggest(s, query.q) : null;
    return { hits, total, totalIsExact: exact, page, perPage, pageCount: Math.ceil(total / perPage), facets, suggestion };
  }

  /**
   * The window by SQL: FTS5 matches newest first joined to search_stories, one primary-key
   * lookup per match until the window is full (used until the filter columns are loaded, and
   * for a company filter, which the company index answers well).
   */
  #sqlWindow(s: BetterSqlite3.Database, plan: QueryPlan, filters: StoryFilters): MatchWindow {
    // Date bounds go on the FTS rowid so that FTS5 itself seeks to the range.
    const { where, params } = filterSql(filters, 'search_stories_fts.rowid');
    const rows = this.#prepare<WindowRow>(
      s,
      `select search_stories_fts.rowid as k, s.state, s.category, s.channel_mask, s.country
         from search_stories_fts join search_stories s on s.doc_key = search_stories_fts.rowid
         where search_stories_fts match ? ${where.map((w) => `and ${w}`).join(' ')}
         order by search_stories_fts.rowid desc limit ?`,
    ).all(plan.match, ...params, this.#window + 1);
    const window = rows.slice(0, this.#window);
    return { keys: window.map((r) => r.k), facets: countFacets(window), exact: rows.length <= this.#window };
  }

  /**
   * The window from the filter columns: FTS5 rowids only (no join), newest first, in chunks
   * sized by the filter's expected selectivity, each tested in memory. Null when the columns
   * are not loaded yet or the query filters by company.
   */
  #columnWindow(s: BetterSqlite3.Database, plan: QueryPlan, filters: StoryFilters): MatchWindow | null {
    if (filters.companySlug) return null;
    const columns = this.#currentColumns(s);
    if (!columns) return null;
    const filter = columns.compile(filters);
    const { from, below } = keyRange(filters);
    const wanted = this.#window + 1;
    const selectivity = this.#selectivity(s, filters);
    let chunk = Math.min(65_536, Math.max(512, Math.ceil((1.25 * wanted) / selectivity)));
    const chunkOf = this.#prepare<number>(
      s,
      `select rowid from search_stories_fts where search_stories_fts match ? and rowid >= ? and rowid < ?
       order by rowid desc limit ?`,
    ).pluck();
    const keys: number[] = [];
    const packed: number[] = [];
    const slot = { at: Number.MAX_SAFE_INTEGER };
    let upper = below;
    let walked = 0;
    walk: for (;;) {
      const rowids = chunkOf.all(plan.match, from, upper, chunk) as number[];
      walked += rowids.length;
      for (const k of rowids) {
        const p = columns.lookup(k, slot);
        if (p < 0) {
          // A match the columns do not know: they are out of step; answer by SQL and reload.
          this.#columns = null;
          return null;
        }
        if (!passes(p, filter)) continue;
        keys.push(k);
        packed.push(p);
        if (keys.length === wanted) break walk;
      }
      if (rowids.length < chunk) break;
      upper = rowids[rowids.length - 1]!;
      // The next chunk from the share that passed so far: filters correlate with recency (the
      // newest stories are still awaiting a reply), so the whole-index share can be far off.
      const passing = Math.max(keys.length / walked, 1 / 256);
      chunk = Math.min(262_144, Math.max(512, Math.ceil((1.3 * (wanted - keys.length)) / passing)));
    }
    const exact = keys.length <= this.#window;
    if (!exact) {
      keys.pop();
      packed.pop();
    }
    const counts = columns.newFacetCounts();
    for (const p of packed) countPacked(counts, p);
    return { keys, facets: facetsOf(counts, columns), exact };
  }

  /** The share of all stories that pass the filters, from whole-index counts (independence assumed). */
  #selectivity(s: BetterSqlite3.Database, f: StoryFilters): number {
    const { total, facets } = this.#globalCounts(s, this.#columns?.token ?? this.#indexToken(s));
    if (total <= 0) return 1;
    const share = (counts: Record<string, number>, values: readonly string[] | undefined) =>
      values && values.length > 0 ? Math.min(1, values.reduce((n, v) => n + (counts[v] ?? 0), 0) / total) : 1;
    const selectivity =
      share(facets.state, f.states) *
      share(facets.category, f.categories) *
      share(facets.channels, f.channels) *
      share(facets.country, f.countries?.map((c) => c.toUpperCase()));
    return Math.max(selectivity, 1 / 64);
  }

  /**
   * Every word must match. Earlier words match exactly; the last one is a prefix, completed to
   * the most frequent vocabulary terms that start with it (an OR of exact terms streams in
   * rowid order, where an FTS5 prefix query over a long prefix materialises every matching
   * doclist first). A prefix the vocabulary does not know yet falls back to FTS5's own prefix
   * query, which is cheap precisely because such terms are rare.
   */
  #plan(s: BetterSqlite3.Database, q: string): QueryPlan | null {
    const words = queryWords(q).map(foldTerm).filter((w) => w.length > 0);
    if (words.length === 0) return null;
    const docsOf = this.#prepare<{ docs: number }>(s, `select docs from search_vocabulary where term = ?`);
    const completions = this.#prepare<{ term: string; docs: number }>(
      s,
      `select term, docs from search_vocabulary where term >= ? and term < ? order by docs desc limit ${PREFIX_EXPANSIONS}`,
    );
    const parts: string[] = [];
    let estimate = Infinity;
    let reads = 0;
    const count = (docs: number) => {
      estimate = Math.min(estimate, docs);
      reads += docs;
    };
    words.forEach((w, i) => {
      const last = i === words.length - 1;
      if (!last || w.length < 2) {
        parts.push(`"${w}"`);
        count(docsOf.get(w)?.docs ?? 0);
        return;
      }
      const terms = completions.all(w, `${w}\u{10FFFF}`);
      if (terms.length === 0) {
        parts.push(`"${w}"*`);
        count(docsOf.get(w)?.docs ?? 0);
        return;
      }
      parts.push(terms.length === 1 ? `"${terms[0]!.term}"` : `(${terms.map((t) => `"${t.term}"`).join(' OR ')})`);
      count(terms.reduce((n, t) => n + t.docs, 0));
    });
    return { match: parts.join(' AND '), words, estimate, reads };
  }

  /**
   * Relevance scores (lower is better) of the window's stories. A query of rare terms gets bm25
   * (title 10 : company 4 : body 1), whose IDF pass reads every match of each term, hence only
   * up to bm25MaxMatches entries read. A broad query gets a cheap score over the window alone: query words
   * found in the title count 4, in the company name 2; recency breaks ties. Titles and company
   * names come from the FTS5 content table by primary key, so no position list is decoded.
   */
  #relevance(s: BetterSqlite3.Database, plan: QueryPlan, keys: number[]): Map<number, number> {
    const score = new Map<number, number>();
    if (plan.reads <= this.#bm25MaxMatches) {
      const rows = this.#prepare<{ k: number; score: number }>(
        s,
        `select rowid as k, ${BM25} as score from search_stories_fts
         where search_stories_fts match ? and rowid between ? and ?`,
      ).all(plan.match, Math.min(...keys), Math.max(...keys));
      for (const r of rows) score.set(r.k, r.score);
      return score;
    }
    const texts = this.#prepare<{ k: number; title: string; company: string }>(
      s,
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

  #precomputedFacets(s: BetterSqlite3.Database): { total: number; facets: StoryFacets } {
    const facets = emptyFacets();
    let total = 0;
    for (const r of this.#prepare(s, `select facet, value, count from search_facet_counts where count > 0`).all() as {
      facet: string;
      value: string;
      count: number;
    }[]) {
      if (r.facet === 'total') total = r.count;
      else if (r.facet in facets) facets[r.facet as keyof StoryFacets][r.value] = r.count;
    }
    return { total, facets };
  }

  /**
   * Display data of one page of results, in the order of `keys`: rows by primary key, title and
   * body from the FTS5 content table (columns c0 = title, c2 = body), highlighted in memory.
   */
  #hits(s: BetterSqlite3.Database, keys: number[], plan: QueryPlan | null): StoryHit[] {
    if (keys.length === 0) return [];
    const rows = this.#prepare<HitRow>(
      s,
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

  /** "Did you mean": see spelling.ts for how candidates are found without scanning. */
  #suggest(s: BetterSqlite3.Database, q: string): string | null {
    const inVocabulary = this.#prepare<{ docs: number }>(s, `select docs from search_vocabulary where term = ?`);
    const inIndex = this.#prepare<{ doc: number }>(s, `select doc from search_stories_fts_vocab where term = ?`);
    const startsAny = this.#prepare<{ term: string }>(s,
      `select term from search_vocabulary where term >= ? and term < ? limit 1`,
    );
    const words = queryWords(q).map(foldTerm);
    const last = words.at(-1);
    const isKnown = (w: string): boolean => {
      if (inVocabulary.get(w) || inIndex.get(w)) return true;
      // The last word is searched as a prefix: a word still being typed is not a typo.
      return w === last && startsAny.get(w, `${w}\u{10FFFF}`) !== undefined;
    };
    const byTerms = this.#prepare<VocabularyTerm>(s,
      `select term, docs from search_vocabulary where term in (select value from json_each(?))`,
    );
    const byRange = this.#prepare<VocabularyTerm>(s,
      `select term, docs from search_vocabulary where term >= ? and term < ? and length(term) between ? and ?`,
    );
    const correct = (w: string): string | null => {
      const near = byTerms.all(JSON.stringify(editsAtDistanceOne(w)));
      const fix = bestCorrection(w, near);
      if (fix || maxDistanceFor(w) < 2) return fix;
      const head = w.slice(0, 2);
      return bestCorrection(w, byRange.all(head, `${head}\u{10FFFF}`, w.length - 2, w.length + 2));
    };
    return suggestQuery(q, isKnown, correct);
  }

  async suggestCompanies(prefix: string, limit = 8): Promise<CompanySuggestion[]> {
    return this.#exclusive((s) => this.#suggestCompanies(s, prefix, limit));
  }

  #suggestCompanies(s: BetterSqlite3.Database, prefix: string, limit: number): CompanySuggestion[] {
    const words = queryWords(prefix).map(foldTerm);
    if (words.length === 0) return [];
    const match = `name : (${words.map((w) => `"${w}"*`).join(' ')})`;
    const folded = words.join(' ');
    const n = Math.max(1, Math.min(limit, 20));
    return (
      this.#prepare<{ company_id: number; slug: string; name: string; country: string }>(
        s,
        `select c.company_id, c.slug, c.name, c.country
         from search_companies_fts join search_companies c on c.company_id = search_companies_fts.rowid
         where search_companies_fts match ?
         order by bm25(search_companies_fts, 1.0, 0.2), length(c.name), c.name limit ?`,
      )
        .all(match, n * 3)
        .map((r) => ({ id: r.company_id, slug: r.slug, name: r.name, country: r.country }))
        // A name that starts with what was typed beats one that merely contains the words.
        .sort((a, b) => Number(foldTerm(b.name).startsWith(folded)) - Number(foldTerm(a.name).startsWith(folded)))
        .slice(0, n)
    );
  }

  async health(): Promise<SearchHealth> {
    try {
      return await this.#exclusive((s) => {
        const row = s.prepare(`select count from search_facet_counts where facet = 'total' and value = 'all'`).get() as
          | { count: number }
          | undefined;
        return { ok: true, engine: this.engine, documents: row?.count ?? 0 };
      });
    } catch (error) {
      return { ok: false, engine: this.engine, documents: null, error: (error as Error).message };
    }
  }

  /**
   * Fills staging tables batch by batch (other writers go on between batches), then swaps them
   * in by renaming inside one short transaction: searches see the old index or the new one.
   */
  async rebuild(source: RebuildSource): Promise<RebuildResult> {
    const gen = `r${this.#now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
    const staging: TableNames = {
      stories: `search_stories_${gen}`,
      fts: `search_stories_fts_${gen}`,
      facets: `search_facet_counts_${gen}`,
      companies: `search_companies_${gen}`,
      companiesFts: `search_companies_fts_${gen}`,
    };
    await this.#exclusive((s) => s.exec(stagingDdl(staging, gen)));
    const result = { stories: 0, companies: 0 };
    try {
      const writer = await this.#exclusive((s) => new Writer(s, staging));
      for await (const batch of source.stories()) {
        await this.#exclusive(() => writer.upsertStories(batch));
        result.stories += batch.length;
      }
      for await (const batch of source.companies()) {
        await this.#exclusive(() => writer.upsertCompanies(batch));
        result.companies += batch.length;
      }
      await this.#exclusive((s) =>
        s.transaction(() => {
          s.exec(`drop table if exists search_stories_fts_vocab`);
          for (const name of Object.keys(liveTables) as (keyof TableNames)[]) {
            s.exec(`drop table if exists ${liveTables[name]}`);
            s.exec(`alter table ${staging[name]} rename to ${liveTables[name]}`);
          }
          s.exec(`create virtual table search_stories_fts_vocab using fts5vocab(search_stories_fts, row)`);
          s.exec(`insert into search_meta (key, value) values ('generation', '1')
                  on conflict (key) do update set value = cast(cast(value as integer) + 1 as text)`);
        }).immediate(),
      );
    } catch (error) {
      await this.#exclusive((s) => {
        for (const name of Object.values(staging)) s.exec(`drop table if exists ${name}`);
      });
      throw error;
    }
    this.#writer = null;
    this.#statements.clear();
    this.#columns = null;
    this.#globalFacets = null;
    await this.refreshVocabulary();
    return result;
  }

  async maintain(now: number): Promise<void> {
    const due = await this.#exclusive((s) => {
      const meta = new Map(
        (s.prepare(`select key, value from search_meta`).all() as { key: string; value: string }[]).map((r) => [r.key, r.value]),
      );
      if (meta.get('vocabulary_dirty') !== '1') return false;
      const last = Number(meta.get('vocabulary_refreshed_at') ?? 0);
      return now - last >= VOCABULARY_REFRESH_MS || last === 0;
    });
    if (due) await this.refreshVocabulary(now);
    else if (this.#columnsMode === 'background') void this.#ensureColumns().catch(() => {});
  }

  /**
   * Rebuilds the spelling vocabulary from the FTS index. Reading fts5vocab walks every doclist
   * (seconds at 1M stories), so it goes one initial letter at a time into a temporary table,
   * releasing the connection between slices, and replaces the vocabulary in one short step.
   */
  async refreshVocabulary(now = this.#now()): Promise<void> {
    await this.#exclusive((s) => {
      s.exec(`create temp table if not exists search_vocabulary_next (term text primary key, docs integer not null) without rowid`);
      s.exec(`delete from temp.search_vocabulary_next`);
      // Cleared first: a write during the refresh marks it dirty again for the next one.
      s.exec(`insert into search_meta (key, value) values ('vocabulary_dirty', '0') on conflict (key) do update set value = '0'`);
    });
    // Folded terms without digits start with a-z, or with a letter beyond ASCII.
    const bounds = [...'abcdefghijklmnopqrstuvwxyz{'].map((c, i, all) => [c, all[i + 1] ?? '\u{10FFFF}'] as const);
    for (const [from, to] of bounds) {
      await this.#exclusive((s) =>
        this.#prepare(
          s,
          `insert into temp.search_vocabulary_next (term, docs)
           select term, doc from search_stories_fts_vocab
           where term >= ? and term < ? and length(term) between 3 and 40 and term not glob '*[0-9]*'`,
        ).run(from, to),
      );
    }
    await this.#exclusive((s) =>
      s.transaction(() => {
        s.exec(`delete from search_vocabulary`);
        s.exec(`insert into search_vocabulary (term, docs) select term, docs from temp.search_vocabulary_next`);
        s.exec(`delete from temp.search_vocabulary_next`);
        s.prepare(
          `insert into search_meta (key, value) values ('vocabulary_refreshed_at', ?)
           on conflict (key) do update set value = excluded.value`,
        ).run(String(now));
      }).immediate(),
    );
    // The other derived structure: the filter columns, loaded now if they are not current.
    await this.#ensureColumns();
  }
}

function countFacets(rows: Pick<WindowRow, 'state' | 'category' | 'channel_mask' | 'country'>[]): StoryFacets {
  const facets = emptyFacets();
  const bump = (m: Record<string, number>, v: string) => {
    m[v] = (m[v] ?? 0) + 1;
  };
  for (const r of rows) {
    bump(facets.state, r.state);
    bump(facets.category, r.category);
    bump(facets.country, r.country);
    for (const c of channelsOf(r.channel_mask)) bump(facets.channels, c);
  }
  return facets;
}

/** The doc-key range [from, below) of the date filters (the whole key space without them). */
function keyRange(f: StoryFilters): { from: number; below: number } {
  const from = f.from ? dayNumber(f.from) : null;
  const to = f.to ? dayNumber(f.to) : null;
  return {
    from: from === null ? 0 : dayStartKey(from),
    below: to === null ? Number.MAX_SAFE_INTEGER : dayStartKey(nextDay(to)),
  };
}

function nextDay(day: number): number {
  const next = new Date(Date.UTC(Math.floor(day / 10000), (Math.floor(day / 100) % 100) - 1, (day % 100) + 1));
  return next.getUTCFullYear() * 10000 + (next.getUTCMonth() + 1) * 100 + next.getUTCDate();
}

/** Facet counts by value name from the packed counters of a window. */
function facetsOf(counts: PackedFacetCounts, columns: FilterColumns): StoryFacets {
  const facets = emptyFacets();
  publicStoryStates.forEach((state, i) => {
    if (counts.state[i]) facets.state[state] = counts.state[i]!;
  });
  storyCategories.forEach((category, i) => {
    if (counts.category[i]) facets.category[category] = counts.category[i]!;
  });
  storyChannels.forEach((channel, i) => {
    if (counts.channels[i]) facets.channels[channel] = counts.channels[i]!;
  });
  for (const [country, n] of counts.country) facets.country[columns.countryName(country)] = n;
  return facets;
}

/** SQL conditions on search_stories (alias s) for the filters; values always bound. */
function filterSql(f: StoryFilters, keyColumn = 's.doc_key'): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const inList = (column: string, values: readonly string[] | undefined) => {
    if (!values || values.length === 0) return;
    where.push(`s.${column} in (${values.map(() => '?').join(',')})`);
    params.push(...values);
  };
  inList('state', f.states);
  inList('category', f.categories);
  inList('country', f.countries?.map((c) => c.toUpperCase()));
  if (f.channels && f.channels.length > 0) {
    where.push('(s.channel_mask & ?) != 0');
    params.push(channelMask(f.channels));
  }
  if (f.companySlug) {
    where.push('s.company_slug = ?');
    params.push(f.companySlug);
  }
  // Day bounds become doc-key bounds, which FTS5 and the primary key both seek to directly.
  const { from, below } = keyRange(f);
  if (f.from) {
    where.push(`${keyColumn} >= ?`);
    params.push(from);
  }
  if (f.to) {
    where.push(`${keyColumn} < ?`);
    params.push(below);
  }
  return { where, params };
}


/** Folding for in-memory word checks; skips Unicode normalisation for plain ASCII text. */
function foldForMatch(text: string): string {
  return /[^\x00-\x7f]/.test(text) ? foldTerm(text) : text.toLowerCase();
}

/** Matches a folded word at a word start (and, unless it is the prefix typed last, a word end). */
function wordMatcher(word: string, prefix: boolean): RegExp {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])${escaped}${prefix ? '' : '(?![\\p{L}\\p{N}])'}`, 'u');
}
