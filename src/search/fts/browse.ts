// Browsing: a search with no words. Stories come from plain indexes of search_stories (newest
// or most overdue first); with no filters either, the total and facets are the whole-index
// counts that every write keeps up to date, otherwise they count the newest `size` (+1) rows
// that pass the filters, like the window of a worded query.
import type { SearchSort, StoryFacets, StoryFilters } from '../search-index.ts';
import type { FtsConnection } from './connection.ts';
import { countFacets, precomputedFacets } from './facets.ts';
import { filterSql } from './filter-sql.ts';
import type { WindowRow } from './window.ts';

export interface BrowsePage {
  total: number;
  exact: boolean;
  facets: StoryFacets;
  /** Doc keys of the requested page, in display order. */
  pageKeys: number[];
}

export function browse(
  conn: FtsConnection,
  filters: StoryFilters,
  sort: SearchSort,
  page: { offset: number; perPage: number },
  size: number,
): BrowsePage {
  const { offset, perPage } = page;
  let total: number;
  let exact: boolean;
  let facets: StoryFacets;
  const { where, params } = filterSql(filters, 's.doc_key');
  const filtered = where.length > 0;
  if (filtered) {
    const rows = conn.prepare<WindowRow>(
      `select s.doc_key as k, s.state, s.category, s.channel_mask, s.country
       from search_stories s where ${where.join(' and ')} order by s.doc_key desc limit ?`,
    ).all(...params, size + 1);
    exact = rows.length <= size;
    total = Math.min(rows.length, size);
    facets = countFacets(rows.slice(0, size));
  } else {
    ({ total, facets } = precomputedFacets(conn));
    exact = total <= size;
    total = Math.min(total, size);
  }
  const order = sort === 'most_overdue' ? 's.overdue_rank asc, s.doc_key desc' : 's.doc_key desc';
  const pageKeys =
    offset >= total
      ? []
      : conn
          .prepare<{ k: number }>(
            `select s.doc_key as k from search_stories s ${filtered ? `where ${where.join(' and ')}` : ''}
             order by ${order} limit ? offset ?`,
          )
          .all(...params, perPage, offset)
          .map((r) => r.k);
  return { total, exact, facets, pageKeys };
}
