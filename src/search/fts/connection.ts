// The FTS5 adapter's hold on the site's single SQLite connection. Everything runs inside
// exclusive(), which holds Kysely's connection (db.connection()), so a search or a write can
// never interleave with a transaction another part of the server has open on the same
// connection. Read statements are prepared once and kept by SQL text; prepare() is for use
// inside exclusive().
import type BetterSqlite3 from 'better-sqlite3';
import type { DB } from '../../db/client.ts';

/** Prepared statements kept at most; the variants are bounded by the filter combinations. */
const MAX_STATEMENTS = 256;

export class FtsConnection {
  readonly #db: DB;
  readonly #sqlite: BetterSqlite3.Database;
  readonly #statements = new Map<string, BetterSqlite3.Statement>();

  constructor(db: DB, sqlite: BetterSqlite3.Database) {
    this.#db = db;
    this.#sqlite = sqlite;
  }

  /** Runs `fn` holding Kysely's connection, so no other transaction is open on it meanwhile. */
  exclusive<T>(fn: (sqlite: BetterSqlite3.Database) => T): Promise<T> {
    return this.#db.connection().execute(async () => fn(this.#sqlite));
  }

  /** A cached prepared statement; preparing FTS5 queries costs as much as running small ones. */
  prepare<R>(text: string): BetterSqlite3.Statement<unknown[], R> {
    let statement = this.#statements.get(text);
    if (!statement) {
      if (this.#statements.size >= MAX_STATEMENTS) this.#statements.clear();
      statement = this.#sqlite.prepare(text);
      this.#statements.set(text, statement);
    }
    return statement as BetterSqlite3.Statement<unknown[], R>;
  }

  /** Forgets the prepared statements (a rebuild replaced the tables they were prepared on). */
  forgetStatements(): void {
    this.#statements.clear();
  }
}
