// When the in-memory filter columns (filter-columns.ts) may be used, and keeping them so. The
// columns are current for one state of the index, named by a token (indexToken()); our own
// writes carry their changes into them, any other write changes the token and they are loaded
// again, slice by slice in the background (or at once in 'sync' mode), while searches join in
// SQL meanwhile. Also keeps the whole-index facet counts per token, for selectivity estimates.
import type { StoryFacets } from '../search-index.ts';
import type { FtsConnection } from './connection.ts';
import { precomputedFacets } from './facets.ts';
import { FilterColumns } from './filter-columns.ts';
import type { ColumnChange } from './writer.ts';

/** Rows of search_stories read per slice while loading the filter columns. */
const COLUMN_SLICE = 25_000;

/**
 * 'background' (default) loads the columns in slices after the first need and answers with SQL
 * joins meanwhile; 'sync' loads them at once when needed (tests); 'off' always joins in SQL.
 */
export type FilterColumnsMode = 'background' | 'sync' | 'off';

export class FilterColumnCache {
  readonly #conn: FtsConnection;
  readonly #mode: FilterColumnsMode;
  /** Filter columns in step with the index as of `token` (see indexToken()). */
  #columns: { columns: FilterColumns; token: string } | null = null;
  /** A load in progress: the columns so far and the token they will be current for. */
  #loading: { columns: FilterColumns; token: string } | null = null;
  #loadingDone: Promise<void> | null = null;
  /** Whole-index facet counts by token (selectivity estimates of filters). */
  #globalFacets: { token: string; total: number; facets: StoryFacets } | null = null;

  constructor(conn: FtsConnection, mode: FilterColumnsMode) {
    this.#conn = conn;
    this.#mode = mode;
  }

  /**
   * What identifies the state of the story index: the generation counter that every write of
   * this adapter and of the bulk import (src/import/search-bulk.ts) bumps, in any process, plus
   * the whole-index facet counts and the newest key as a safety net for a writer that does not.
   */
  indexToken(): string {
    const row = this.#conn.prepare<{ g: string | null; f: string | null; k: number | null }>(
      `select (select value from search_meta where key = 'generation') as g,
              (select group_concat(count, ',') from search_facet_counts) as f,
              (select max(doc_key) from search_stories) as k`,
    ).get()!;
    return `${row.g ?? 0}|${row.k ?? 0}|${row.f ?? ''}`;
  }

  /** Runs one of our own writes and carries its changes into the filter columns. */
  ownWrite(write: () => ColumnChange[]): void {
    const tracked = [this.#columns, this.#loading].filter((c) => c !== null);
    const before = tracked.length > 0 ? this.indexToken() : '';
    const changes = write();
    if (tracked.length === 0) return;
    const after = this.indexToken();
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
  current(): FilterColumns | null {
    if (this.#mode === 'off') return null;
    const token = this.indexToken();
    if (this.#columns?.token === token) return this.#columns.columns;
    this.#columns = null;
    if (this.#mode === 'sync') {
      const columns = this.#emptyColumns(token);
      for (let after: number | null = -1; after !== null; ) after = appendSlice(columns, this.#slice(after));
      this.#columns = { columns, token };
      return columns;
    }
    void this.#load();
    return null;
  }

  /** Drops the columns (a search found them out of step): the next need reloads them. */
  invalidate(): void {
    this.#columns = null;
  }

  /** Drops the columns and the whole-index counts (a rebuild replaced the index). */
  reset(): void {
    this.#columns = null;
    this.#globalFacets = null;
  }

  /** Columns sized for the whole index as of `token`. */
  #emptyColumns(token: string): FilterColumns {
    return new FilterColumns(this.globalCounts(token).total + 1024);
  }

  /** The slice of rows after doc key `after`, in doc key order. */
  #slice(after: number): [number, string, string, number, string][] {
    return this.#conn
      .prepare<[number, string, string, number, string]>(
        `select doc_key, state, category, channel_mask, country from search_stories where doc_key > ? order by doc_key limit ${COLUMN_SLICE}`,
      )
      .raw()
      .all(after);
  }

  /**
   * Loads the filter columns slice by slice, letting searches (answered by SQL meanwhile) and
   * writes run between slices. Our own writes during the load go into it as they happen
   * (ownWrite); any other write is seen as a token change at the end, and the load starts over.
   */
  #load(): Promise<void> {
    this.#loadingDone ??= (async () => {
      try {
        for (let attempt = 0; attempt < 3; attempt++) {
          const loading = await this.#conn.exclusive(() => {
            const token = this.indexToken();
            return { columns: this.#emptyColumns(token), token };
          });
          this.#loading = loading;
          for (let after = -1; ; ) {
            const rows = await this.#conn.exclusive(() => this.#slice(after));
            const next = appendSlice(loading.columns, rows);
            if (next === null) break;
            after = next;
            await new Promise((resolve) => setImmediate(resolve));
          }
          const current = await this.#conn.exclusive(() => this.indexToken() === loading.token);
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
  async ensure(): Promise<void> {
    if (this.#mode === 'off') return;
    const current = await this.#conn.exclusive(() => this.#columns?.token === this.indexToken());
    if (!current) await this.#load();
  }

  /** ensure() without waiting, in 'background' mode only (periodic housekeeping). */
  ensureInBackground(): void {
    if (this.#mode === 'background') void this.ensure().catch(() => {});
  }

  /** Whole-index totals and facet counts, read once per index state. */
  globalCounts(token: string): { total: number; facets: StoryFacets } {
    if (this.#globalFacets?.token !== token) this.#globalFacets = { token, ...precomputedFacets(this.#conn) };
    return this.#globalFacets;
  }

  /** globalCounts() of the state the columns are current for (else of the index now). */
  globalCountsNow(): { total: number; facets: StoryFacets } {
    return this.globalCounts(this.#columns?.token ?? this.indexToken());
  }
}

/** Appends a slice of rows; the doc key to read on from, or null when it was the last slice. */
function appendSlice(columns: FilterColumns, rows: [number, string, string, number, string][]): number | null {
  columns.append(rows);
  return rows.length < COLUMN_SLICE ? null : rows[rows.length - 1]![0];
}
