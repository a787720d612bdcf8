// The window of a worded query walked in SQL: FTS5 matches newest first joined to
// search_stories, one primary-key lookup per match until the window is full. Used until the
// filter columns are loaded, and for a company filter, which the company index answers well.
import type { StoryFilters } from '../search-index.ts';
import type { FtsConnection } from './connection.ts';
import { countFacets } from './facets.ts';
import { filterSql } from './filter-sql.ts';
import type { QueryPlan } from './planner.ts';
import type { MatchWindow, WindowRow } from './window.ts';

export function joinWindow(conn: FtsConnection, plan: QueryPlan, filters: StoryFilters, size: number): MatchWindow {
  // Date bounds go on the FTS rowid so that FTS5 itself seeks to the range.
  const { where, params } = filterSql(filters, 'search_stories_fts.rowid');
  const rows = conn.prepare<WindowRow>(
    `select search_stories_fts.rowid as k, s.state, s.category, s.channel_mask, s.country
       from search_stories_fts join search_stories s on s.doc_key = search_stories_fts.rowid
       where search_stories_fts match ? ${where.map((w) => `and ${w}`).join(' ')}
       order by search_stories_fts.rowid desc limit ?`,
  ).all(plan.match, ...params, size + 1);
  const window = rows.slice(0, size);
  return { keys: window.map((r) => r.k), facets: countFacets(window), exact: rows.length <= size };
}
