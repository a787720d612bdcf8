// Facet counts of the FTS5 index, three ways: kept up to date by every write for the whole
// index (search_facet_counts), counted from a window's rows read in SQL, or counted from the
// packed filter columns of a window read from memory.
import {
  type StoryFacets,
  channelsOf,
  emptyFacets,
  publicStoryStates,
  storyCategories,
  storyChannels,
} from '../search-index.ts';
import type { FtsConnection } from './connection.ts';
import type { FilterColumns, PackedFacetCounts } from './filter-columns.ts';

/** What a story contributes to the facets, as search_stories holds it. */
export interface FacetRow {
  state: string;
  category: string;
  channel_mask: number;
  country: string;
}

/** Whole-index total and facet counts, as every write keeps them in search_facet_counts. */
export function precomputedFacets(conn: FtsConnection): { total: number; facets: StoryFacets } {
  const facets = emptyFacets();
  let total = 0;
  for (const r of conn.prepare(`select facet, value, count from search_facet_counts where count > 0`).all() as {
    facet: string;
    value: string;
    count: number;
  }[]) {
    if (r.facet === 'total') total = r.count;
    else if (r.facet in facets) facets[r.facet as keyof StoryFacets][r.value] = r.count;
  }
  return { total, facets };
}

/** Facet counts of rows read from search_stories. */
export function countFacets(rows: FacetRow[]): StoryFacets {
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

/** Facet counts by value name from the packed counters of a window. */
export function facetsOf(counts: PackedFacetCounts, columns: FilterColumns): StoryFacets {
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
