// The one search interface of the site. Two adapters implement it: SQLite FTS5 (sqlite-fts.ts,
// the default, embedded) and Meilisearch (meilisearch.ts, when MEILISEARCH_URL is set).
// Documents are built by the pure mappers in documents.ts and reach an index only through the
// outbox relay (outbox-relay.ts) or a full rebuild (reindex.ts). See docs/decisions/0005.
import { CHANNELS, PUBLIC_STORY_STATES, STORY_CATEGORIES, assertFlagsFit, type Channel, type Locale, type PublicStoryState, type StoryCategory } from '../domain/vocabulary.ts';

/** States a story may have while it is publicly visible (hidden and withdrawn never are). */
export const publicStoryStates = PUBLIC_STORY_STATES;
export type { PublicStoryState };
export const storyCategories = STORY_CATEGORIES;
export const storyChannels = CHANNELS;

// channel_mask keeps one bit per channel in an integer that bitwise operators handle.
assertFlagsFit('search channel_mask', storyChannels.length);

/** A story's channels as bits, in storyChannels order (the FTS5 index's channel_mask column). */
export function channelMask(channels: readonly Channel[]): number {
  let mask = 0;
  for (const c of channels) {
    const bit = storyChannels.indexOf(c);
    if (bit >= 0) mask |= 1 << bit;
  }
  return mask;
}

/** The channels of a channel_mask, in storyChannels order (the inverse of channelMask). */
export function channelsOf(mask: number): Channel[] {
  return storyChannels.filter((_, bit) => (mask & (1 << bit)) !== 0);
}

export const searchSorts = ['relevance', 'newest', 'most_overdue'] as const;
export type SearchSort = (typeof searchSorts)[number];

/** What an index holds for one public story. Nothing private: no order reference, no e-mail. */
export interface StoryDocument {
  id: number;
  companyId: number;
  companySlug: string;
  companyName: string;
  /** ISO 3166-1 alpha-2 of the company. */
  country: string;
  title: string;
  /** Plain text (Markdown syntax removed, e-mail addresses redacted). */
  body: string;
  language: Locale;
  state: PublicStoryState;
  category: StoryCategory;
  channels: Channel[];
  experienceDate: string;
  publishedAt: number;
  /** Publication day as an integer YYYYMMDD (UTC): the date-range filter works on it. */
  publishedDay: number;
  replyDueAt: number;
  /**
   * Sort key of "most overdue": the reply deadline for overdue stories (earliest = most overdue),
   * OVERDUE_RANK_NONE for every other state so that they sort after all overdue stories.
   */
  overdueRank: number;
}

/** Larger than any epoch-ms deadline: the overdueRank of stories that are not overdue. */
export const OVERDUE_RANK_NONE = 8_000_000_000_000_000;

export interface CompanyDocument {
  id: number;
  slug: string;
  name: string;
  domain: string | null;
  country: string;
  sector: string;
}

export interface StoryFilters {
  states?: PublicStoryState[];
  categories?: StoryCategory[];
  channels?: Channel[];
  countries?: string[];
  companySlug?: string;
  /** Inclusive publication-day bounds, 'YYYY-MM-DD' (UTC days). */
  from?: string;
  to?: string;
}

export interface StorySearchQuery {
  /** Free text as typed; empty means "browse everything that matches the filters". */
  q: string;
  filters?: StoryFilters;
  sort?: SearchSort;
  /** 1-based. */
  page?: number;
  perPage?: number;
}

/** Counts per value of each facet, over the stories matching the query and filters. */
export interface StoryFacets {
  state: Record<string, number>;
  category: Record<string, number>;
  channels: Record<string, number>;
  country: Record<string, number>;
}

export interface StoryHit {
  id: number;
  companyId: number;
  companySlug: string;
  companyName: string;
  country: string;
  state: PublicStoryState;
  category: StoryCategory;
  channels: Channel[];
  language: Locale;
  experienceDate: string;
  publishedAt: number;
  replyDueAt: number;
  /** HTML: the title, escaped, with matches wrapped in <mark>…</mark>. */
  titleHtml: string;
  /** HTML: an excerpt of the body, escaped, with matches wrapped in <mark>…</mark>. */
  snippetHtml: string;
}

export interface StorySearchResult {
  hits: StoryHit[];
  /** Number of matches, capped at maxTotalHits for broad queries (see totalIsExact). */
  total: number;
  /** False when a broad query has more matches than the index counts (total is then a floor). */
  totalIsExact: boolean;
  page: number;
  perPage: number;
  /** Pages that can be browsed (results past maxTotalHits are never paged to). */
  pageCount: number;
  facets: StoryFacets;
  /** A corrected query when some words look misspelt, or null. */
  suggestion: string | null;
}

export interface CompanySuggestion {
  id: number;
  slug: string;
  name: string;
  country: string;
}

export interface SearchHealth {
  ok: boolean;
  engine: SearchEngineName;
  documents: number | null;
  error?: string;
}

export type SearchEngineName = 'sqlite-fts' | 'meilisearch';

/** Batches of documents for a full rebuild; an adapter builds a fresh index, then swaps it in. */
export interface RebuildSource {
  stories(): AsyncIterable<StoryDocument[]>;
  companies(): AsyncIterable<CompanyDocument[]>;
}

export interface RebuildResult {
  stories: number;
  companies: number;
}

export interface SearchIndex {
  readonly engine: SearchEngineName;
  /** Creates what the index needs and applies its settings; idempotent, safe at every start. */
  init(): Promise<void>;
  /** Insert or replace: sending the same document twice leaves one copy. */
  upsertStories(docs: StoryDocument[]): Promise<void>;
  /** Deleting an id the index does not hold is not an error. */
  deleteStories(ids: number[]): Promise<void>;
  upsertCompanies(docs: CompanyDocument[]): Promise<void>;
  deleteCompanies(ids: number[]): Promise<void>;
  /** The company document the index holds now, or null. */
  getCompany(id: number): Promise<CompanyDocument | null>;
  /**
   * What a match is, for both engines: every word of `q` must match (accents and capitals
   * ignored); the last word also matches as a prefix (results while typing); a word matches the
   * title, the body or the company's name in any of its spellings ("fiori veloci" = FioriVeloci).
   * Where they differ, by design: FTS5 matches words exactly and answers a misspelt word with no
   * results and a `suggestion` (did you mean); Meilisearch also matches a word within one typo
   * from 5 letters and two from 9 (its defaults), so it answers a misspelt word with results and
   * no suggestion, and a rare word can find more stories there (its typo neighbours). Both mark
   * matches the same way: every occurrence of a matched word, whole, in escaped text.
   * The contract suite (tests/integration/search-contract.test.ts) holds each clause.
   */
  searchStories(query: StorySearchQuery): Promise<StorySearchResult>;
  /** Company autocomplete: companies whose name (or domain) starts with the words typed. */
  suggestCompanies(prefix: string, limit?: number): Promise<CompanySuggestion[]>;
  health(): Promise<SearchHealth>;
  /** Builds a complete new index from `source` and swaps it in atomically. */
  rebuild(source: RebuildSource): Promise<RebuildResult>;
  /** Periodic housekeeping (FTS5: refresh the spelling vocabulary). Cheap when nothing is due. */
  maintain(now: number): Promise<void>;
}

export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 50;
/**
 * The most matches a query counts, ranks and pages through. Both adapters honour it (FTS5:
 * the ranking window; Meilisearch: pagination.maxTotalHits), so a broad query never costs more
 * than this many candidates. See docs/decisions/0005-search-design.md.
 */
export const MAX_TOTAL_HITS = 1000;

// --- errors: adapters map engine errors to these so the relay and pages never see client types.

export class SearchError extends Error {
  override name = 'SearchError';
}

/** The engine cannot be reached or is failing as a whole: retry later, the documents are fine. */
export class SearchUnavailableError extends SearchError {
  override name = 'SearchUnavailableError';
}

/** The engine did not answer in time. The operation may still complete; retrying is safe. */
export class SearchTimeoutError extends SearchUnavailableError {
  override name = 'SearchTimeoutError';
}

/** The engine refused this request (bad document, bad filter, failed task): retrying won't help. */
export class SearchRejectedError extends SearchError {
  override name = 'SearchRejectedError';
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

// --- highlighting shared by both adapters. Engines insert these two control characters around
// matches; the text is escaped first and only then are the markers turned into <mark> tags, so
// nothing from a story can ever become markup. documents.ts strips control characters from text.

export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEscapes[c]!);
}

/** Escapes `marked` and turns highlight markers into balanced <mark> elements. */
export function highlightedToHtml(marked: string): string {
  let open = false;
  let out = '';
  for (const part of marked.split(/([\u0002\u0003])/)) {
    if (part === HIGHLIGHT_START) {
      if (!open) out += '<mark>';
      open = true;
    } else if (part === HIGHLIGHT_END) {
      if (open) out += '</mark>';
      open = false;
    } else {
      out += escapeHtml(part);
    }
  }
  return open ? `${out}</mark>` : out;
}

export function emptyFacets(): StoryFacets {
  return { state: {}, category: {}, channels: {}, country: {} };
}

/** 'YYYY-MM-DD' → 20261123, or null when not a real calendar date. */
export function dayNumber(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return null;
  return y * 10000 + mo * 100 + d;
}

/** Epoch ms → UTC day as YYYYMMDD. */
export function dayNumberOf(ms: number): number {
  const d = new Date(ms);
  return d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}

export function clampPage(page: number | undefined): number {
  return Number.isInteger(page) && page! >= 1 ? page! : 1;
}

export function clampPerPage(perPage: number | undefined): number {
  if (!Number.isInteger(perPage) || perPage! < 1) return DEFAULT_PER_PAGE;
  return Math.min(perPage!, MAX_PER_PAGE);
}
