// Which index the server uses: Meilisearch when MEILISEARCH_URL is set, otherwise the embedded
// SQLite FTS5 index in the site's own database.
import type BetterSqlite3 from 'better-sqlite3';
import { type DB, getDatabase } from '../db/client.ts';
import { MeilisearchIndex } from './meilisearch.ts';
import type { SearchIndex } from './search-index.ts';
import { SqliteFtsIndex } from './sqlite-fts.ts';

export interface SearchEnv {
  MEILISEARCH_URL?: string;
  MEILISEARCH_API_KEY?: string;
  /** Index uid prefix, so that several sites (or test runs) can share one server. */
  MEILISEARCH_INDEX_PREFIX?: string;
  [key: string]: string | undefined;
}

export function createSearchIndexFromEnv(
  database: { db: DB; sqlite: BetterSqlite3.Database },
  env: SearchEnv = process.env,
): SearchIndex {
  const url = env.MEILISEARCH_URL?.trim();
  if (url) {
    return new MeilisearchIndex({
      host: url,
      apiKey: env.MEILISEARCH_API_KEY?.trim() || undefined,
      indexPrefix: env.MEILISEARCH_INDEX_PREFIX?.trim() || 'answerable',
    });
  }
  return new SqliteFtsIndex(database);
}

let shared: SearchIndex | undefined;

/** The server's process-wide index, over the process-wide database (pages and endpoints). */
export function getSearchIndex(): SearchIndex {
  shared ??= createSearchIndexFromEnv(getDatabase());
  return shared;
}
