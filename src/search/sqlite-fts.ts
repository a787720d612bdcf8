// The embedded search index: SQLite FTS5 in the site's own database. Zero set-up. This file is
// the adapter (SearchIndex) that composes the parts in fts/:
// - doc-keys.ts: the FTS rowid is a recency key, so matches come out newest first and a date
//   range is a rowid range FTS5 seeks to;
// - planner.ts: the words typed → an FTS5 expression, with match estimates from the vocabulary;
// - window.ts: a query walks at most MAX_TOTAL_HITS (+1) matches in rowid order, and that window
//   is what gets ranked (ranking.ts), counted and faceted, so a broad query never ranks or counts
//   every match; `totalIsExact` says when the window was full. It is walked over the in-memory
//   filter columns (window-rowid.ts, kept current by column-cache.ts, chunks sized by
//   selectivity.ts) or joined in SQL (window-join.ts);
// - browse.ts: with no words, plain indexes of search_stories, and with no filters either the
//   totals and facets of search_facet_counts, kept up to date by every write (writer.ts);
// - hits.ts, vocabulary.ts ("did you mean"), companies.ts (autocomplete), rebuild.ts;
// - compaction.ts: segments merged into one after a rebuild or bulk load (compact()) and by a
//   daily background pass in short steps (maintain()), decision 0045.
// Everything runs holding Kysely's connection (connection.ts) so that it can never interleave
// with a transaction another part of the server has open on the same single SQLite connection.
// Performance target (quality.md): ≤5 ms p50 at 1M stories, with a filter and facet counts.
import type BetterSqlite3 from 'better-sqlite3';
import type { DB } from '../db/client.ts';
import {
  type CompanyDocument,
  type CompanySuggestion,
  type RebuildResult,
  type RebuildSource,
  type SearchHealth,
  type SearchIndex,
  type StoryDocument,
  type StorySearchQuery,
  type StorySearchResult,
  MAX_TOTAL_HITS,
  SearchRejectedError,
  clampPage,
  clampPerPage,
} from './search-index.ts';
import { browse } from './fts/browse.ts';
import { type FilterColumnsMode, FilterColumnCache } from './fts/column-cache.ts';
import { companyDocument, suggestCompanies } from './fts/companies.ts';
import { backgroundCompactionStep, compactIndex } from './fts/compaction.ts';
import { FtsConnection } from './fts/connection.ts';
import { storyHits } from './fts/hits.ts';
import { planQuery } from './fts/planner.ts';
import { orderWindow } from './fts/ranking.ts';
import { rebuildTables } from './fts/rebuild.ts';
import { didYouMean, refreshVocabulary, vocabularyDue } from './fts/vocabulary.ts';
import { matchWindow } from './fts/window.ts';
import { Writer, liveTables } from './fts/writer.ts';

export { storyDocKey } from './fts/doc-keys.ts';
export type { QueryPlan } from './fts/planner.ts';

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
   * The in-memory filter columns (fts/filter-columns.ts): 'background' (default) loads them in
   * slices after the first need and answers with SQL joins meanwhile; 'sync' loads them at once
   * when needed (tests); 'off' always joins in SQL.
   */
  filterColumns?: FilterColumnsMode;
}

export class SqliteFtsIndex implements SearchIndex {
  readonly engine = 'sqlite-fts' as const;
  readonly #sqlite: BetterSqlite3.Database;
  readonly #conn: FtsConnection;
  readonly #columns: FilterColumnCache;
  readonly #window: number;
  readonly #bm25MaxMatches: number;
  readonly #now: () => number;
  #writer: Writer | null = null;

  constructor(database: { db: DB; sqlite: BetterSqlite3.Database }, options: SqliteFtsOptions = {}) {
    this.#sqlite = database.sqlite;
    this.#conn = new FtsConnection(database.db, database.sqlite);
    this.#columns = new FilterColumnCache(this.#conn, options.filterColumns ?? 'background');
    this.#window = options.maxTotalHits ?? MAX_TOTAL_HITS;
    this.#bm25MaxMatches = options.bm25MaxMatches ?? 2000;
    this.#now = options.now ?? Date.now;
  }

  #live(): Writer {
    this.#writer ??= new Writer(this.#sqlite, liveTables);
    return this.#writer;
  }

  async init(): Promise<void> {
    await this.#conn.exclusive((s) => {
      const row = s.prepare(`select count(*) as n from sqlite_master where name = 'search_stories_fts'`).get() as { n: number };
      if (row.n !== 1) throw new SearchRejectedError('schema_missing', 'search tables missing: run the migrations first');
    });
  }

  async upsertStories(docs: StoryDocument[]): Promise<void> {
    if (docs.length) await this.#conn.exclusive(() => this.#columns.ownWrite(() => this.#live().upsertStories(docs)));
  }

  async deleteStories(ids: number[]): Promise<void> {
    if (ids.length) await this.#conn.exclusive(() => this.#columns.ownWrite(() => this.#live().deleteStories(ids)));
  }

  async upsertCompanies(docs: CompanyDocument[]): Promise<void> {
    if (docs.length) await this.#conn.exclusive(() => this.#columns.ownWrite(() => this.#live().upsertCompanies(docs)));
  }

  async deleteCompanies(ids: number[]): Promise<void> {
    if (ids.length) await this.#conn.exclusive(() => this.#columns.ownWrite(() => this.#live().deleteCompanies(ids)));
  }

  /**
   * A string that changes whenever what searches can return may have changed: every write of
   * this adapter and of the bulk import (in any process) bumps the generation; the whole-index
   * facet counts, the newest story key and the newest company catch a writer that does not.
   * A cache of results keyed by it is invalidated exactly by writes (select.ts).
   */
  async version(): Promise<string> {
    return this.#conn.exclusive(() => this.#version());
  }

  #version(): string {
    const company = this.#conn.prepare<{ c: number | null }>(`select max(company_id) as c from search_companies`).get();
    return `${this.#columns.indexToken()}|${company?.c ?? 0}`;
  }

  async getCompany(id: number): Promise<CompanyDocument | null> {
    return this.#conn.exclusive(() => companyDocument(this.#conn, id));
  }

  async searchStories(query: StorySearchQuery): Promise<StorySearchResult> {
    return this.#conn.exclusive(() => this.#search(query));
  }

  /** searchStories, with the version() of the index the result was computed from. */
  async searchStoriesVersioned(query: StorySearchQuery): Promise<{ version: string; value: StorySearchResult }> {
    return this.#conn.exclusive(() => ({ version: this.#version(), value: this.#search(query) }));
  }

  async suggestCompanies(prefix: string, limit = 8): Promise<CompanySuggestion[]> {
    return this.#conn.exclusive(() => suggestCompanies(this.#conn, prefix, limit));
  }

  /** suggestCompanies, with the version() of the index the result was computed from. */
  async suggestCompaniesVersioned(prefix: string, limit = 8): Promise<{ version: string; value: CompanySuggestion[] }> {
    return this.#conn.exclusive(() => ({ version: this.#version(), value: suggestCompanies(this.#conn, prefix, limit) }));
  }

  #search(query: StorySearchQuery): StorySearchResult {
    const page = clampPage(query.page);
    const perPage = clampPerPage(query.perPage);
    const sort = query.sort ?? 'relevance';
    const filters = query.filters ?? {};
    const plan = planQuery(this.#conn, query.q);
    const offset = (page - 1) * perPage;
    let total: number;
    let exact: boolean;
    let facets: StorySearchResult['facets'];
    let pageKeys: number[];

    if (plan) {
      // One bounded walk over the newest matches: rank, count and facet only this window.
      const window = matchWindow(this.#conn, this.#columns, plan, filters, this.#window);
      ({ exact, facets } = window);
      const keys = window.keys;
      total = keys.length;
      orderWindow(this.#conn, plan, keys, sort, this.#bm25MaxMatches);
      pageKeys = keys.slice(offset, offset + perPage);
    } else {
      ({ total, exact, facets, pageKeys } = browse(this.#conn, filters, sort, { offset, perPage }, this.#window));
    }

    const hits = storyHits(this.#conn, pageKeys, plan);
    const suggestion = plan ? didYouMean(this.#conn, query.q) : null;
    return { hits, total, totalIsExact: exact, page, perPage, pageCount: Math.ceil(total / perPage), facets, suggestion };
  }

  async health(): Promise<SearchHealth> {
    try {
      return await this.#conn.exclusive((s) => {
        const row = s.prepare(`select count from search_facet_counts where facet = 'total' and value = 'all'`).get() as
          | { count: number }
          | undefined;
        return { ok: true, engine: this.engine, documents: row?.count ?? 0 };
      });
    } catch (error) {
      return { ok: false, engine: this.engine, documents: null, error: (error as Error).message };
    }
  }

  /** Builds new tables and swaps them in (fts/rebuild.ts); what was derived from the old ones goes. */
  async rebuild(source: RebuildSource): Promise<RebuildResult> {
    const result = await rebuildTables(this.#conn, source, this.#now());
    this.#writer = null;
    this.#conn.forgetStatements();
    this.#columns.reset();
    await this.compact();
    await this.refreshVocabulary();
    return result;
  }

  async maintain(now: number): Promise<void> {
    if (await vocabularyDue(this.#conn, now)) await this.refreshVocabulary(now);
    else this.#columns.ensureInBackground();
    // One short step of the daily segment merge (fts/compaction.ts).
    await backgroundCompactionStep(this.#conn, now);
  }

  /**
   * Merges the index's segments into one, in steps (fts/compaction.ts): after a bulk load or a
   * rebuild, so that queries read one doclist per term instead of one per segment.
   */
  async compact(): Promise<{ steps: number }> {
    return compactIndex(this.#conn);
  }

  /** Rebuilds the spelling vocabulary (fts/vocabulary.ts), then loads the filter columns if they are not current. */
  async refreshVocabulary(now = this.#now()): Promise<void> {
    await refreshVocabulary(this.#conn, now);
    // The other derived structure: the filter columns, loaded now if they are not current.
    await this.#columns.ensure();
  }
}
