// The search page keeps all of its state in the query string, so every result page is a
// shareable URL. Parsing never throws: unknown values are dropped, malformed dates reported.
import type { Channel, StoryCategory } from '../db/schema.ts';
import {
  type PublicStoryState,
  type SearchSort,
  type StorySearchQuery,
  dayNumber,
  publicStoryStates,
  searchSorts,
  storyCategories,
  storyChannels,
} from './search-index.ts';

export interface SearchPageState {
  q: string;
  states: PublicStoryState[];
  categories: StoryCategory[];
  channels: Channel[];
  countries: string[];
  /** Company slug or name as typed (the page resolves it to one company). */
  company: string;
  from: string;
  to: string;
  sort: SearchSort;
  page: number;
}

/** Longest query kept: a search box, not a story. */
export const MAX_QUERY_CHARS = 200;
/** The last page reachable (MAX_TOTAL_HITS / smallest page size). */
const MAX_PAGE = 1000;

export type SearchParamError = 'search.error.from' | 'search.error.to' | 'search.error.range';

function pick<T extends string>(values: string[], allowed: readonly T[]): T[] {
  return [...new Set(values.filter((v): v is T => (allowed as readonly string[]).includes(v)))];
}

export function parseSearchState(params: URLSearchParams): { state: SearchPageState; errors: SearchParamError[] } {
  const errors: SearchParamError[] = [];
  const q = (params.get('q') ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_CHARS);
  const date = (name: 'from' | 'to'): string => {
    const value = (params.get(name) ?? '').trim();
    if (value === '') return '';
    if (dayNumber(value) === null) {
      errors.push(name === 'from' ? 'search.error.from' : 'search.error.to');
      return '';
    }
    return value;
  };
  const from = date('from');
  const to = date('to');
  if (from && to && from > to) errors.push('search.error.range');
  const sortParam = params.get('sort') ?? '';
  const sort: SearchSort = (searchSorts as readonly string[]).includes(sortParam) ? (sortParam as SearchSort) : q ? 'relevance' : 'newest';
  const pageNumber = Number(params.get('page'));
  return {
    state: {
      q,
      states: pick(params.getAll('state'), publicStoryStates),
      categories: pick(params.getAll('category'), storyCategories),
      channels: pick(params.getAll('channel'), storyChannels),
      countries: [...new Set(params.getAll('country').map((c) => c.trim().toUpperCase()).filter((c) => /^[A-Z]{2}$/.test(c)))],
      company: (params.get('company') ?? '').trim().slice(0, 120),
      from: errors.includes('search.error.range') ? '' : from,
      to: errors.includes('search.error.range') ? '' : to,
      sort,
      page: Number.isInteger(pageNumber) && pageNumber >= 1 ? Math.min(pageNumber, MAX_PAGE) : 1,
    },
    errors,
  };
}

/** The query string of a state; defaults are left out so URLs stay short. */
export function searchQueryString(state: SearchPageState): string {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const v of state.states) p.append('state', v);
  for (const v of state.categories) p.append('category', v);
  for (const v of state.channels) p.append('channel', v);
  for (const v of state.countries) p.append('country', v);
  if (state.company) p.set('company', state.company);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.sort !== (state.q ? 'relevance' : 'newest')) p.set('sort', state.sort);
  if (state.page > 1) p.set('page', String(state.page));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Link to the search page with some of the state changed; changing anything but the page resets it. */
export function searchHref(lang: string, state: SearchPageState, change: Partial<SearchPageState> = {}): string {
  const next = { ...state, ...change };
  if (!('page' in change)) next.page = 1;
  return `/${lang}/search${searchQueryString(next)}`;
}

export function hasFilters(state: SearchPageState): boolean {
  return state.states.length + state.categories.length + state.channels.length + state.countries.length > 0 || !!state.company || !!state.from || !!state.to;
}

export function toStorySearchQuery(state: SearchPageState, companySlug: string | undefined, perPage: number): StorySearchQuery {
  return {
    q: state.q,
    filters: {
      states: state.states,
      categories: state.categories,
      channels: state.channels,
      countries: state.countries,
      companySlug,
      from: state.from || undefined,
      to: state.to || undefined,
    },
    sort: state.sort,
    page: state.page,
    perPage,
  };
}

/** Highlighted HTML from an index (escaped text + <mark>) back to text runs, for templates. */
export function highlightRuns(html: string): { text: string; mark: boolean }[] {
  const unescape = (s: string) =>
    s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);
  const runs: { text: string; mark: boolean }[] = [];
  let mark = false;
  for (const part of html.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') mark = true;
    else if (part === '</mark>') mark = false;
    else if (part) runs.push({ text: unescape(part), mark });
  }
  return runs;
}

/**
 * The same highlighted HTML as a string for `set:html`, rebuilt from its runs: every text run
 * escaped again (whatever the engine sent, nothing but <mark> survives as markup), byte for byte
 * what the template would write from highlightRuns, without a node per run for Astro to render.
 */
export function highlightHtml(html: string): string {
  let out = '';
  for (const run of highlightRuns(html)) {
    const text = run.text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
    out += run.mark ? `<mark>${text}</mark>` : text;
  }
  return out;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
