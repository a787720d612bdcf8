// One use case = one write transaction. SQLite allows one writer at a time; several server
// processes (and `npm run tick` from cron) share the file, so every use case starts with
// BEGIN IMMEDIATE: the write lock is taken before the story is read, the decision is made on
// data nobody can change underneath, and a second writer waits (busy_timeout) instead of failing
// halfway. Inside one process Kysely's connection mutex already serialises transactions.
// It lives in src/db/ so that repositories (stats.repository.ts, decision 0015) and services may
// both import it. This is the only place that opens a Kysely transaction (`npm run lint` refuses db.transaction()
// elsewhere); synchronous better-sqlite3 batches use sqlite.transaction(fn).immediate().
import { sql } from 'kysely';
import type { DB } from './client.ts';
import { DomainError } from '../domain/errors.ts';

const insideTransaction = new WeakSet<object>();

const RETRIES = 5;

function isRetryable(error: unknown): boolean {
  if (error instanceof DomainError) return error.code === 'conflict';
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * Runs `fn` in an immediate write transaction and commits, or rolls back on any error. Called
 * with a `db` that is already a transaction, it simply runs `fn` in it (use cases compose).
 * Busy databases and optimistic-version conflicts are retried a few times with backoff.
 */
export async function inTransaction<T>(db: DB, fn: (trx: DB) => Promise<T>): Promise<T> {
  if (insideTransaction.has(db) || db.isTransaction) return fn(db);
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.connection().execute(async (conn) => {
        insideTransaction.add(conn);
        await sql`begin immediate`.execute(conn);
        try {
          const result = await fn(conn);
          await sql`commit`.execute(conn);
          return result;
        } catch (error) {
          await sql`rollback`.execute(conn).catch(() => undefined);
          throw error;
        }
      });
    } catch (error) {
      if (attempt >= RETRIES || !isRetryable(error)) throw error;
      // Visible in the logs: a busy retry means another process holds the write lock (the
      // mixed-traffic bench counts these lines; its target is zero).
      const code = (error as { code?: unknown } | null)?.code;
      if (typeof code === 'string' && code.startsWith('SQLITE_')) console.warn(`[db] ${code}: write transaction retried (attempt ${attempt + 1})`);
      await new Promise((resolve) => setTimeout(resolve, 5 * 2 ** attempt + Math.random() * 10));
    }
  }
}
