// The bounded window of a worded query: at most `size` (+1) matches walked in rowid order,
// newest first. That window is what gets ranked (ranking.ts), counted and faceted, so a broad
// query never ranks or counts every match; `exact` says whether it held every match. It is
// walked over the in-memory filter columns when they are current (window-rowid.ts), in SQL
// otherwise (window-join.ts).
import type { StoryFacets, StoryFilters } from '../search-index.ts';
import type { FilterColumnCache } from './column-cache.ts';
import type { FtsConnection } from './connection.ts';
import type { FacetRow } from './facets.ts';
import type { QueryPlan } from './planner.ts';
import { joinWindow } from './window-join.ts';
import { rowidWindow } from './window-rowid.ts';

/** The window of a worded query: its keys newest first, their facet counts, and whether it holds every match. */
export interface MatchWindow {
  keys: number[];
  facets: StoryFacets;
  exact: boolean;
}

/** A story of a window as read from search_stories: its doc key and facet values. */
export interface WindowRow extends FacetRow {
  k: number;
}

export function matchWindow(
  conn: FtsConnection,
  columns: FilterColumnCache,
  plan: QueryPlan,
  filters: StoryFilters,
  size: number,
): MatchWindow {
  return rowidWindow(conn, columns, plan, filters, size) ?? joinWindow(conn, plan, filters, size);
}
