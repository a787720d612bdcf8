// The story filters as SQL conditions on search_stories (alias s), for the searches that join
// in SQL (window-join.ts, browse.ts). Values are always bound, never spliced into the text.
import { type StoryFilters, channelMask } from '../search-index.ts';
import { keyRange } from './doc-keys.ts';

/** The conditions (joined by `and`) and their values; date bounds go on `keyColumn`. */
export function filterSql(f: StoryFilters, keyColumn = 's.doc_key'): { where: string[]; params: unknown[] } {
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
