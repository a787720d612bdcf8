// Sizing of the rowid walk (window-rowid.ts). Pure: FTS5 hands out matching rowids in chunks,
// and each chunk should be large enough to fill the window with few round trips but not so
// large that a selective query reads far more rowids than the window needs. The first chunk
// comes from the filters' share of the whole index; later ones from the share seen so far.
import type { StoryFacets, StoryFilters } from '../search-index.ts';

/** The lowest share a filter is assumed to have: bounds the first chunk of a rare filter. */
const MIN_SELECTIVITY = 1 / 64;
/** The lowest pass rate assumed once walking: bounds a later chunk when almost nothing passed. */
const MIN_PASSING = 1 / 256;
const MIN_CHUNK = 512;
const MAX_FIRST_CHUNK = 65_536;
const MAX_CHUNK = 262_144;

/**
 * The share of all stories that pass the filters, from whole-index counts (`total` stories,
 * `facets` per value), the filters taken as independent; at least MIN_SELECTIVITY.
 */
export function filterSelectivity(total: number, facets: StoryFacets, f: StoryFilters): number {
  if (total <= 0) return 1;
  const share = (counts: Record<string, number>, values: readonly string[] | undefined) =>
    values && values.length > 0 ? Math.min(1, values.reduce((n, v) => n + (counts[v] ?? 0), 0) / total) : 1;
  const selectivity =
    share(facets.state, f.states) *
    share(facets.category, f.categories) *
    share(facets.channels, f.channels) *
    share(facets.country, f.countries?.map((c) => c.toUpperCase()));
  return Math.max(selectivity, MIN_SELECTIVITY);
}

/** Rowids to read first for `wanted` passing matches, with 25% to spare. */
export function firstChunk(wanted: number, selectivity: number): number {
  return Math.min(MAX_FIRST_CHUNK, Math.max(MIN_CHUNK, Math.ceil((1.25 * wanted) / selectivity)));
}

/**
 * Rowids to read next after `walked` rowids gave `found` of the `wanted` passing matches, with
 * 30% to spare: filters correlate with recency (the newest stories are still awaiting a reply),
 * so the share seen so far predicts the rest better than the whole-index share.
 */
export function nextChunk(wanted: number, found: number, walked: number): number {
  const passing = Math.max(found / walked, MIN_PASSING);
  return Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, Math.ceil((1.3 * (wanted - found)) / passing)));
}
