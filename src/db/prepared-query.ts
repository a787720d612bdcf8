// Page queries compiled once and run with each call's arguments (browse and company repositories).
import type { Compilable, CompiledQuery } from 'kysely';
import type { DB } from './client.ts';

/** Stands for the i-th argument of a prepared query while it is compiled. */
class QueryArgument {
  readonly index: number;
  constructor(index: number) {
    this.index = index;
  }
}

/**
 * A page query built and compiled once, then run with each call's arguments: building a wide
 * select with Kysely (dozens of column references) cost more than SQLite took to run it, on every
 * request (profile of the story page). `build` receives placeholders for the arguments and must
 * not branch on them; every other value it binds (the listed states…) stays as compiled.
 */
export function preparedQuery<A extends unknown[], R>(build: (db: DB, ...args: A) => Compilable<R>): (db: DB, ...args: A) => Promise<R[]> {
  let compiled: CompiledQuery<R> | undefined;
  return async (db, ...args) => {
    compiled ??= build(db, ...(args.map((_, i) => new QueryArgument(i)) as A)).compile();
    const parameters = compiled.parameters.map((p) => (p instanceof QueryArgument ? args[p.index] : p));
    return (await db.executeQuery<R>({ ...compiled, parameters })).rows;
  };
}
