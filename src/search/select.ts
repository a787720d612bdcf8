// Which index the server uses: Meilisearch when MEILISEARCH_URL is set, otherwise the embedded
// SQLite FTS5 index in the site's own database — either behind a small cache of results for
// identical queries that any write to the index invalidates (SEARCH_CACHE=off turns it off).
import { config } from '../config.ts';
import type BetterSqlite3 from 'better-sqlite3';
import { type DB, getDatabase } from '../db/client.ts';
import { MeilisearchIndex } from './meilisearch.ts';
import type {
  CompanyDocument,
  CompanySuggestion,
  RebuildResult,
  RebuildSource,
  SearchHealth,
  SearchIndex,
  StoryDocument,
  StorySearchQuery,
  StorySearchResult,
} from './search-index.ts';
import { SqliteFtsIndex } from './sqlite-fts.ts';

export interface SearchEnv {
  MEILISEARCH_URL?: string;
  MEILISEARCH_API_KEY?: string;
  /** Index uid prefix, so that several sites (or test runs) can share one server. */
  MEILISEARCH_INDEX_PREFIX?: string;
  /** 'off': no result cache in front of the FTS5 index. */
  SEARCH_CACHE?: string;
  [key: string]: string | undefined;
}

/** The search settings of config() in the SearchEnv shape. */
function searchEnvFromConfig(): SearchEnv {
  const c = config();
  return {
    MEILISEARCH_URL: c.meilisearch?.url,
    MEILISEARCH_API_KEY: c.meilisearch?.apiKey,
    MEILISEARCH_INDEX_PREFIX: c.meilisearch?.indexPrefix,
    SEARCH_CACHE: c.searchCache ? 'on' : 'off',
  };
}

export function createSearchIndexFromEnv(
  database: { db: DB; sqlite: BetterSqlite3.Database },
  env: SearchEnv = searchEnvFromConfig(),
): SearchIndex {
  const url = env.MEILISEARCH_URL?.trim();
  const cache = env.SEARCH_CACHE?.trim() !== 'off';
  if (url) {
    const index = new MeilisearchIndex({
      host: url,
      apiKey: env.MEILISEARCH_API_KEY?.trim() || undefined,
      indexPrefix: env.MEILISEARCH_INDEX_PREFIX?.trim() || 'answerable',
    });
    return cache ? new CachedSearchIndex(index) : index;
  }
  const index = new SqliteFtsIndex(database);
  return cache ? new CachedSearchIndex(index) : index;
}

interface Entry<T> {
  version: string;
  value: T;
}

/** An index that can say which version of its contents a result was computed from. */
type VersionedIndex = SearchIndex & {
  version(): Promise<string>;
  searchStoriesVersioned(query: StorySearchQuery): Promise<Entry<StorySearchResult>>;
  suggestCompaniesVersioned(prefix: string, limit?: number): Promise<Entry<CompanySuggestion[]>>;
};

/**
 * An index (FTS5 or Meilisearch) with the results of recent identical queries kept in memory
 * (least recently used out first). Each result carries the index version() it was computed from,
 * read in the same step as the search (FTS5: one local read; Meilisearch: the newest finished
 * task, one call to the task queue); a cached result is served only while the index still has
 * that version, and every write to the index (ours, the relay's, another process's) changes it.
 * So a cache hit costs one version read, and a result is never older than the index.
 * Results are shared between callers: treat them as read-only.
 */
export class CachedSearchIndex implements SearchIndex {
  readonly engine: SearchIndex['engine'];
  readonly #index: VersionedIndex;
  readonly #max: number;
  readonly #stories = new Map<string, Entry<StorySearchResult>>();
  readonly #companies = new Map<string, Entry<CompanySuggestion[]>>();

  constructor(index: VersionedIndex, maxEntries = 500) {
    this.#index = index;
    this.engine = index.engine;
    this.#max = maxEntries;
  }

  async #cached<T>(cache: Map<string, Entry<T>>, key: string, compute: () => Promise<Entry<T>>): Promise<T> {
    const entry = cache.get(key);
    if (entry && entry.version === (await this.#index.version())) {
      cache.delete(key);
      cache.set(key, entry);
      return entry.value;
    }
    const fresh = await compute();
    cache.delete(key);
    cache.set(key, fresh);
    if (cache.size > this.#max) cache.delete(cache.keys().next().value!);
    return fresh.value;
  }

  searchStories(query: StorySearchQuery): Promise<StorySearchResult> {
    return this.#cached(this.#stories, JSON.stringify(query), () => this.#index.searchStoriesVersioned(query));
  }

  suggestCompanies(prefix: string, limit?: number): Promise<CompanySuggestion[]> {
    return this.#cached(this.#companies, JSON.stringify([prefix, limit]), () => this.#index.suggestCompaniesVersioned(prefix, limit));
  }

  init(): Promise<void> {
    return this.#index.init();
  }
  upsertStories(docs: StoryDocument[]): Promise<void> {
    return this.#index.upsertStories(docs);
  }
  deleteStories(ids: number[]): Promise<void> {
    return this.#index.deleteStories(ids);
  }
  upsertCompanies(docs: CompanyDocument[]): Promise<void> {
    return this.#index.upsertCompanies(docs);
  }
  deleteCompanies(ids: number[]): Promise<void> {
    return this.#index.deleteCompanies(ids);
  }
  getCompany(id: number): Promise<CompanyDocument | null> {
    return this.#index.getCompany(id);
  }
  health(): Promise<SearchHealth> {
    return this.#index.health();
  }
  rebuild(source: RebuildSource): Promise<RebuildResult> {
    return this.#index.rebuild(source);
  }
  maintain(now: number): Promise<void> {
    return this.#index.maintain(now);
  }
}

let shared: SearchIndex | undefined;

/** The server's process-wide index, over the process-wide database (pages and endpoints). */
export function getSearchIndex(): SearchIndex {
  shared ??= createSearchIndexFromEnv(getDatabase());
  return shared;
}
