// The window of a worded query walked over the in-memory filter columns: FTS5 rowids only (no
// join), newest first, in chunks sized by the filter's expected selectivity (selectivity.ts),
// each rowid tested against the filters with a few bit operations (filter-columns.ts).
import type { StoryFilters } from '../search-index.ts';
import type { FilterColumnCache } from './column-cache.ts';
import type { FtsConnection } from './connection.ts';
import { keyRange } from './doc-keys.ts';
import { facetsOf } from './facets.ts';
import { countPacked, passes } from './filter-columns.ts';
import type { QueryPlan } from './planner.ts';
import { filterSelectivity, firstChunk, nextChunk } from './selectivity.ts';
import type { MatchWindow } from './window.ts';

/** Null when the columns are not loaded yet (or out of step) or the query filters by company. */
export function rowidWindow(
  conn: FtsConnection,
  cache: FilterColumnCache,
  plan: QueryPlan,
  filters: StoryFilters,
  size: number,
): MatchWindow | null {
  if (filters.companySlug) return null;
  const columns = cache.current();
  if (!columns) return null;
  const filter = columns.compile(filters);
  const { from, below } = keyRange(filters);
  const wanted = size + 1;
  const { total, facets } = cache.globalCountsNow();
  let chunk = firstChunk(wanted, filterSelectivity(total, facets, filters));
  const chunkOf = conn.prepare<number>(
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
        cache.invalidate();
        return null;
      }
      if (!passes(p, filter)) continue;
      keys.push(k);
      packed.push(p);
      if (keys.length === wanted) break walk;
    }
    if (rowids.length < chunk) break;
    upper = rowids[rowids.length - 1]!;
    chunk = nextChunk(wanted, keys.length, walked);
  }
  const exact = keys.length <= size;
  if (!exact) {
    keys.pop();
    packed.pop();
  }
  const counts = columns.newFacetCounts();
  for (const p of packed) countPacked(counts, p);
  return { keys, facets: facetsOf(counts, columns), exact };
}
