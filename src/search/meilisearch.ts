// The Meilisearch adapter, through the official `meilisearch` client (v0.62: tasks are awaited
// with `.waitTask()` on the promise a write returns). Used when MEILISEARCH_URL is set.
// Every engine error is mapped to our own (search-index.ts) so the relay can tell "engine down,
// retry later" from "this document is refused".
import {
  type EnqueuedTaskPromise,
  type Index,
  type SearchParams,
  type Settings,
  type Task,
  Meilisearch,
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
} from 'meilisearch';
import {
  type CompanyDocument,
  type CompanySuggestion,
  type RebuildResult,
  type RebuildSource,
  type SearchHealth,
  type SearchIndex,
  type StoryDocument,
  type StoryFacets,
  type StoryFilters,
  type StorySearchQuery,
  type StorySearchResult,
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  MAX_TOTAL_HITS,
  SearchError,
  SearchRejectedError,
  SearchTimeoutError,
  SearchUnavailableError,
  clampPage,
  clampPerPage,
  dayNumber,
  emptyFacets,
  highlightedToHtml,
} from './search-index.ts';
import { type MeilisearchHttp, createMeilisearchHttp } from './meilisearch-http.ts';
import { type HighlightTerms, highlightTerms, markMatches, snippetAround } from './fts/highlight.ts';
import { foldForMatch, queryWords } from './fts/spelling.ts';
import { companyNameForms } from '../domain/company-name.ts';

export interface MeilisearchIndexOptions {
  host: string;
  apiKey?: string;
  /** Index uids are `<prefix>_stories` and `<prefix>_companies`. */
  indexPrefix?: string;
  /** Per HTTP request. */
  requestTimeoutMs?: number;
  /** How long a write waits for its task to finish before reporting a timeout. */
  taskTimeoutMs?: number;
  /**
   * How many document batches a rebuild sends ahead of the one being indexed (1 = wait for each
   * batch before sending the next).
   */
  rebuildBatchesInFlight?: number;
  /** Replaces the HTTP client of meilisearch-http.ts (tests measure the global fetch with it). */
  httpClient?: MeilisearchHttp['httpClient'];
}

const storySettings: Settings = {
  searchableAttributes: ['title', 'companyName', 'companyNameForms', 'body'],
  filterableAttributes: ['state', 'category', 'channels', 'country', 'companySlug', 'companyId', 'publishedDay'],
  sortableAttributes: ['publishedAt', 'overdueRank'],
  // Defaults, then recency as the last tie-break (the FTS5 adapter breaks ties the same way).
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'publishedAt:desc'],
  // Typo tolerance: one typo from 4 letters, two from 8 (Italian words run long), never on
  // numbers (order numbers, amounts) — the same thresholds as the FTS5 "did you mean".
  typoTolerance: {
    enabled: true,
    minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
    disableOnNumbers: true,
  },
  faceting: { maxValuesPerFacet: 100 },
  pagination: { maxTotalHits: MAX_TOTAL_HITS },
};

const companySettings: Settings = {
  searchableAttributes: ['name', 'nameForms', 'domain'],
  filterableAttributes: ['country', 'sector'],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
};

const CROP_WORDS = 28;

// The extra spellings of a company name (camel case split, words joined: domain/company-name.ts)
// are a searchable field of each document, never shown: FioriVeloci is found by "fiori veloci".
function withStoryNameForms(doc: StoryDocument): StoryDocument & { companyNameForms: string } {
  return { ...doc, companyNameForms: companyNameForms(doc.companyName) };
}

function withCompanyNameForms(doc: CompanyDocument): CompanyDocument & { nameForms: string } {
  return { ...doc, nameForms: companyNameForms(doc.name) };
}

async function* mapBatches<T, U>(batches: AsyncIterable<T[]>, map: (doc: T) => U): AsyncGenerator<U[]> {
  for await (const batch of batches) yield batch.map(map);
}
const REBUILD_TASK_TIMEOUT_MS = 10 * 60_000;

const ENGINE_MARK = new RegExp(`${HIGHLIGHT_START}([^${HIGHLIGHT_START}${HIGHLIGHT_END}]*)${HIGHLIGHT_END}`, 'gu');

/**
 * What a hit highlights, the same way for both engines: the words of the query (the last one also
 * as a prefix), plus every word Meilisearch itself marked in the title or its excerpt (the words it
 * matched with a typo). The markup is then computed from the plain text by fts/highlight.ts, so
 * every occurrence of a matched word is marked as a whole word — Meilisearch's own markup misses
 * occurrences next to punctuation (`<script>` in `Escaping <script>alert("x")</script>`).
 */
export function meilisearchHighlightTerms(q: string, formatted: (string | undefined)[]): HighlightTerms {
  const terms = highlightTerms(queryWords(q).map(foldForMatch));
  for (const text of formatted) {
    if (!text) continue;
    for (const m of text.matchAll(ENGINE_MARK)) for (const word of queryWords(m[1]!)) terms.exact.add(foldForMatch(word));
  }
  return terms;
}

/**
 * The API error behind `error`, if any. With a custom httpClient the official client wraps
 * whatever it throws (our MeilisearchApiError for 4xx/5xx answers) in a MeilisearchRequestError.
 */
function apiErrorOf(error: unknown): MeilisearchApiError | null {
  if (error instanceof MeilisearchApiError) return error;
  if (error instanceof MeilisearchRequestError && error.cause instanceof MeilisearchApiError) return error.cause;
  return null;
}

/** Maps a client error to ours; `SearchError`s pass through. */
export function toSearchError(error: unknown): SearchError {
  if (error instanceof SearchError) return error;
  const apiError = apiErrorOf(error);
  if (apiError) {
    const status = apiError.response.status;
    if (status >= 500 || status === 429) return new SearchUnavailableError(`Meilisearch answered ${status}: ${apiError.message}`);
    return new SearchRejectedError(apiError.cause?.code ?? `http_${status}`, apiError.message);
  }
  if (error instanceof MeilisearchTaskTimeOutError) {
    return new SearchTimeoutError(`Meilisearch task ${error.cause.taskUid} not finished after ${error.cause.timeout} ms`);
  }
  if (error instanceof MeilisearchRequestError) {
    if (error.cause instanceof MeilisearchRequestTimeOutError) {
      return new SearchTimeoutError(`Meilisearch did not answer within ${error.cause.cause.timeout} ms`);
    }
    return new SearchUnavailableError(`Meilisearch unreachable: ${error.message}`);
  }
  return new SearchUnavailableError(`Meilisearch error: ${(error as Error)?.message ?? String(error)}`);
}

/** Quotes a value for a Meilisearch filter expression. */
function quote(value: string | number): string {
  return typeof value === 'number' ? String(value) : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function meilisearchFilter(f: StoryFilters): string[] {
  const out: string[] = [];
  const inList = (attribute: string, values: readonly string[] | undefined) => {
    if (values && values.length > 0) out.push(`${attribute} IN [${values.map(quote).join(', ')}]`);
  };
  inList('state', f.states);
  inList('category', f.categories);
  inList('channels', f.channels);
  inList('country', f.countries?.map((c) => c.toUpperCase()));
  if (f.companySlug) out.push(`companySlug = ${quote(f.companySlug)}`);
  const from = f.from ? dayNumber(f.from) : null;
  const to = f.to ? dayNumber(f.to) : null;
  if (from !== null) out.push(`publishedDay >= ${from}`);
  if (to !== null) out.push(`publishedDay <= ${to}`);
  return out;
}

/** The words and the search parameters the adapter sends for `query` (the bench reuses them). */
export function meilisearchSearchParams(query: StorySearchQuery) {
  const page = clampPage(query.page);
  const perPage = clampPerPage(query.perPage);
  const q = query.q.trim();
  // Browsing without words lists newest first, as the FTS5 adapter does.
  const sort = query.sort === 'relevance' && q === '' ? 'newest' : (query.sort ?? 'relevance');
  const params = {
    filter: meilisearchFilter(query.filters ?? {}),
    facets: ['state', 'category', 'channels', 'country'],
    sort: sort === 'newest' ? ['publishedAt:desc'] : sort === 'most_overdue' ? ['overdueRank:asc', 'publishedAt:desc'] : undefined,
    // Every word must match, as with FTS5 (the default 'last' drops words to find more).
    matchingStrategy: 'all',
    page,
    hitsPerPage: perPage,
    // The engine's own marks only tell which words it matched (typos included); the markup
    // itself is computed from the plain text (meilisearchHighlightTerms).
    attributesToHighlight: ['title', 'body'],
    attributesToCrop: ['body'],
    cropLength: CROP_WORDS,
    cropMarker: '…',
    highlightPreTag: HIGHLIGHT_START,
    highlightPostTag: HIGHLIGHT_END,
  } satisfies SearchParams;
  return { q, params };
}

export class MeilisearchIndex implements SearchIndex {
  readonly engine = 'meilisearch' as const;
  readonly client: Meilisearch;
  readonly storiesUid: string;
  readonly companiesUid: string;
  readonly #taskTimeoutMs: number;
  readonly #batchesInFlight: number;
  readonly #http: MeilisearchHttp;

  constructor(options: MeilisearchIndexOptions) {
    this.#http = createMeilisearchHttp();
    this.client = new Meilisearch({
      host: options.host,
      apiKey: options.apiKey,
      timeout: options.requestTimeoutMs ?? 5_000,
      clientAgents: ['Answerable'],
      // Not the global fetch: see meilisearch-http.ts (a fixed ~45 ms per answer otherwise).
      httpClient: options.httpClient ?? this.#http.httpClient,
    });
    const prefix = options.indexPrefix ?? 'answerable';
    this.storiesUid = `${prefix}_stories`;
    this.companiesUid = `${prefix}_companies`;
    this.#taskTimeoutMs = options.taskTimeoutMs ?? 30_000;
    this.#batchesInFlight = Math.max(1, options.rebuildBatchesInFlight ?? 8);
  }

  /** Waits for a write's task; a failed task becomes SearchRejectedError, anything else maps. */
  async #completed(enqueued: EnqueuedTaskPromise, allowCodes: string[] = []): Promise<Task> {
    let task: Task;
    try {
      task = await enqueued.waitTask({ timeout: this.#taskTimeoutMs, interval: 50 });
    } catch (error) {
      throw toSearchError(error);
    }
    if (task.status === 'failed' && !allowCodes.includes(task.error?.code ?? '')) {
      throw new SearchRejectedError(task.error?.code ?? 'task_failed', `Meilisearch task ${task.uid} failed: ${task.error?.message ?? 'no reason given'}`);
    }
    if (task.status === 'canceled') throw new SearchUnavailableError(`Meilisearch task ${task.uid} was canceled`);
    return task;
  }

  async #call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw toSearchError(error);
    }
  }

  async #ensureIndex(uid: string, settings: Settings): Promise<void> {
    await this.#completed(this.client.createIndex(uid, { primaryKey: 'id' }), ['index_already_exists']);
    await this.#completed(this.client.index(uid).updateSettings(settings));
  }

  async init(): Promise<void> {
    await this.#ensureIndex(this.storiesUid, storySettings);
    await this.#ensureIndex(this.companiesUid, companySettings);
  }

  #stories(): Index<StoryDocument> {
    return this.client.index<StoryDocument>(this.storiesUid);
  }

  async upsertStories(docs: StoryDocument[]): Promise<void> {
    if (docs.length) await this.#completed(this.#stories().addDocuments(docs.map(withStoryNameForms), { primaryKey: 'id' }));
  }

  async deleteStories(ids: number[]): Promise<void> {
    if (ids.length) await this.#completed(this.#stories().deleteDocuments(ids));
  }

  async upsertCompanies(docs: CompanyDocument[]): Promise<void> {
    if (docs.length) await this.#completed(this.client.index(this.companiesUid).addDocuments(docs.map(withCompanyNameForms), { primaryKey: 'id' }));
  }

  async deleteCompanies(ids: number[]): Promise<void> {
    if (ids.length) await this.#completed(this.client.index(this.companiesUid).deleteDocuments(ids));
  }

  async getCompany(id: number): Promise<CompanyDocument | null> {
    try {
      const { nameForms: _forms, ...doc } = (await this.client.index(this.companiesUid).getDocument(id)) as CompanyDocument & { nameForms?: string };
      return doc;
    } catch (error) {
      if (apiErrorOf(error)?.response.status === 404) return null;
      throw toSearchError(error);
    }
  }

  /**
   * A string that changes whenever what searches can return may have changed: the uid of the
   * newest finished task on the server. Every document write, deletion, index swap and settings
   * change is a task, and our own writes return only once theirs has finished, so a result cache
   * keyed by it (select.ts) never serves a result older than the engine's own view. One cheap
   * call (the task queue, not the index).
   */
  async version(): Promise<string> {
    const res = await this.#call(() => this.client.tasks.getTasks({ statuses: ['succeeded', 'failed', 'canceled'], limit: 1 }));
    return `meili:${res.results[0]?.uid ?? -1}`;
  }

  /** A search with the version() read before it (a write finishing meanwhile changes the version). */
  async searchStoriesVersioned(query: StorySearchQuery): Promise<{ version: string; value: StorySearchResult }> {
    const version = await this.version();
    return { version, value: await this.searchStories(query) };
  }

  async suggestCompaniesVersioned(prefix: string, limit = 8): Promise<{ version: string; value: CompanySuggestion[] }> {
    const version = await this.version();
    return { version, value: await this.suggestCompanies(prefix, limit) };
  }

  async searchStories(query: StorySearchQuery): Promise<StorySearchResult> {
    const { q, params } = meilisearchSearchParams(query);
    const { page, hitsPerPage: perPage } = params;
    const res = await this.#call(() => this.#stories().search(q, params));
    const facets = emptyFacets();
    for (const name of Object.keys(facets) as (keyof StoryFacets)[]) {
      Object.assign(facets[name], res.facetDistribution?.[name] ?? {});
    }
    const total = Math.min(res.totalHits, MAX_TOTAL_HITS);
    return {
      hits: res.hits.map((h) => {
        const terms = meilisearchHighlightTerms(q, [h._formatted?.title, h._formatted?.body]);
        return {
          id: h.id,
          companyId: h.companyId,
          companySlug: h.companySlug,
          companyName: h.companyName,
          country: h.country,
          state: h.state,
          category: h.category,
          channels: h.channels,
          language: h.language,
          experienceDate: h.experienceDate,
          publishedAt: h.publishedAt,
          replyDueAt: h.replyDueAt,
          titleHtml: highlightedToHtml(markMatches(h.title, terms)),
          snippetHtml: highlightedToHtml(snippetAround(h.body, terms, CROP_WORDS)),
        };
      }),
      total,
      totalIsExact: res.totalHits < MAX_TOTAL_HITS,
      page,
      perPage,
      pageCount: Math.ceil(total / perPage),
      facets,
      // Typo tolerance already finds "rimbroso" → "rimborso": no separate suggestion needed.
      suggestion: null,
    };
  }

  async suggestCompanies(prefix: string, limit = 8): Promise<CompanySuggestion[]> {
    if (prefix.trim() === '') return [];
    const res = await this.#call(() =>
      this.client.index<CompanyDocument>(this.companiesUid).search(prefix, {
        limit: Math.max(1, Math.min(limit, 20)),
        attributesToRetrieve: ['id', 'slug', 'name', 'country'],
      }),
    );
    return res.hits.map((h) => ({ id: h.id, slug: h.slug, name: h.name, country: h.country }));
  }

  async health(): Promise<SearchHealth> {
    try {
      await this.client.health();
      const stats = await this.#stories().getStats();
      return { ok: true, engine: this.engine, documents: stats.numberOfDocuments };
    } catch (error) {
      return { ok: false, engine: this.engine, documents: null, error: toSearchError(error).message };
    }
  }

  /**
   * Sends every batch to `uid` without waiting for each to be indexed: up to
   * #batchesInFlight tasks are enqueued ahead (Meilisearch indexes them together in one larger
   * batch), then the oldest is awaited before the next is sent, so memory and the task queue
   * stay bounded. Resolves once every task has succeeded; the first failed task rejects.
   */
  async #sendAhead(uid: string, batches: AsyncIterable<object[]>): Promise<number> {
    const index = this.client.index(uid);
    const pending: number[] = [];
    const settle = async (taskUid: number) => {
      // Several batches are indexed together here: allow far longer than one relay write.
      const task = await this.#call(() => this.client.tasks.waitForTask(taskUid, { timeout: Math.max(this.#taskTimeoutMs, REBUILD_TASK_TIMEOUT_MS), interval: 50 }));
      if (task.status === 'failed') {
        throw new SearchRejectedError(task.error?.code ?? 'task_failed', `Meilisearch task ${task.uid} failed: ${task.error?.message ?? 'no reason given'}`);
      }
      if (task.status === 'canceled') throw new SearchUnavailableError(`Meilisearch task ${task.uid} was canceled`);
    };
    let count = 0;
    for await (const batch of batches) {
      if (batch.length === 0) continue;
      const enqueued = await this.#call(() => index.addDocuments(batch, { primaryKey: 'id' }));
      pending.push(enqueued.taskUid);
      count += batch.length;
      if (pending.length >= this.#batchesInFlight) await settle(pending.shift()!);
    }
    // Tasks of one index are processed in the order they were enqueued.
    while (pending.length > 0) await settle(pending.shift()!);
    return count;
  }

  /** Builds `<uid>_rebuild_<time>` indexes, swaps each with the live one, deletes the old data. */
  async rebuild(source: RebuildSource): Promise<RebuildResult> {
    const suffix = `_rebuild_${Date.now().toString(36)}`;
    const stagingStories = this.storiesUid + suffix;
    const stagingCompanies = this.companiesUid + suffix;
    const result = { stories: 0, companies: 0 };
    try {
      await this.#ensureIndex(stagingStories, storySettings);
      await this.#ensureIndex(stagingCompanies, companySettings);
      result.stories = await this.#sendAhead(stagingStories, mapBatches(source.stories(), withStoryNameForms));
      result.companies = await this.#sendAhead(stagingCompanies, mapBatches(source.companies(), withCompanyNameForms));
      // A swap needs both indexes to exist: the live ones are created (empty) on a first run.
      await this.init();
      await this.#completed(
        this.client.swapIndexes([
          { indexes: [this.storiesUid, stagingStories], rename: false },
          { indexes: [this.companiesUid, stagingCompanies], rename: false },
        ]),
      );
    } finally {
      // After the swap the staging uids hold the old data; on failure, the half-built index.
      await this.#call(() => this.client.deleteIndexIfExists(stagingStories)).catch(() => false);
      await this.#call(() => this.client.deleteIndexIfExists(stagingCompanies)).catch(() => false);
    }
    return result;
  }

  async maintain(): Promise<void> {
    // Nothing periodic: Meilisearch keeps its own dictionaries.
  }

  /** Closes the kept-alive connections to the server. */
  close(): void {
    this.#http.close();
  }

  /** Removes both indexes (tests and `reindex --drop` only). */
  async dropIndexes(): Promise<void> {
    await this.#call(() => this.client.deleteIndexIfExists(this.storiesUid));
    await this.#call(() => this.client.deleteIndexIfExists(this.companiesUid));
  }
}
