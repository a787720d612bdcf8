// One SQLite connection per process, wrapped by Kysely. better-sqlite3 is synchronous, so one
// connection is the fastest set-up; Kysely's driver serialises transactions on it.
import { config } from '../config.ts';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Database as Schema } from './schema.ts';

export type DB = Kysely<Schema>;

export interface OpenedDatabase {
  db: DB;
  sqlite: Database.Database;
  path: string;
}

export function databasePath(): string {
  return resolve(config().databasePath);
}

/**
 * Pragmas, and why:
 * - journal_mode=WAL: readers never block the writer, and the writer never blocks readers.
 * - synchronous=NORMAL: in WAL mode a commit is durable against a process crash (kill -9)
 *   because the WAL is written before the call returns; only an OS crash / power loss can lose
 *   the last transactions. FULL would fsync every commit and cut write throughput several-fold.
 * - foreign_keys=ON: SQLite leaves them off by default.
 * - busy_timeout=5000: a second process (a script, the backup) waits instead of failing at once.
 */
export function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // SQLite's own page cache (the OS caches the file as well): SQLITE_CACHE_MB, default 32 MiB.
  const cacheMiB = config().sqliteCacheMb;
  sqlite.pragma(`cache_size = -${cacheMiB * 1024}`);
  sqlite.pragma('temp_store = MEMORY');
  // Test-only hook (tests/reliability/disk-full.test.ts): caps the file at N pages so writes fail with SQLITE_FULL exactly as on a full disk.
  const maxPageCount = config().maxPageCount;
  if (maxPageCount !== null) sqlite.pragma(`max_page_count = ${maxPageCount}`);
}

/**
 * better-sqlite3 under Kysely, with prepared statements kept and reused: Kysely's driver calls
 * prepare() for every query, and compiling the same SQL again was the largest single cost of a
 * page in the profile. Statements run synchronously, so one cached statement is never used by
 * two queries at once — except a streamed query (iterate), which gets a fresh statement.
 */
export function statementCachingDatabase(sqlite: Database.Database, max = 1000): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string): SqliteStatement {
      let stmt = cache.get(text);
      if (!stmt) {
        stmt = sqlite.prepare(text);
        cache.set(text, stmt);
        if (cache.size > max) cache.delete(cache.keys().next().value!);
      }
      const s = stmt;
      return {
        reader: s.reader,
        all: (params) => s.all(params as unknown[]),
        run: (params) => s.run(params as unknown[]),
        iterate: (params) => sqlite.prepare(text).iterate(params as unknown[]),
      };
    },
  };
}

export function openDatabase(path = databasePath()): OpenedDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  applyPragmas(sqlite);
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: statementCachingDatabase(sqlite) }) });
  return { db, sqlite, path };
}

let shared: OpenedDatabase | undefined;

/** The server's process-wide database (opened lazily on first use). */
export function getDatabase(): OpenedDatabase {
  shared ??= openDatabase();
  return shared;
}

export function getDb(): DB {
  return getDatabase().db;
}

export async function closeDatabase(): Promise<void> {
  if (shared) {
    const s = shared;
    shared = undefined;
    await s.db.destroy();
  }
}
