// The full recomputation of every company's statistics on several threads (decision 0045):
// the companies are split into contiguous id ranges of about equal story counts, and each
// worker thread opens its own connection to the same database file and computes its range's
// chunks with computeRebuildChunks() — the same scan and the same functions as the
// single-threaded rebuildAllCompanyStats(). The chunks come back to this thread, which writes
// them with writeRebuildChunk() as they arrive, so the stored figures and day blocks are
// identical, and the workers never wait for SQLite's write lock (reads in WAL mode do not).
//
// Used by `npm run stats:rebuild` and the bench; the server's start-up rebuild (rules version
// change) keeps the single-threaded path, which needs no file path and no worker file in the
// build output.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { CompiledQuery } from 'kysely';
import type { DB } from './client.ts';
import { type RebuildChunk, rebuildAllCompanyStats, recordStatsRulesVersion, writeRebuildChunk } from './stats.repository.ts';

/** Stories (by the previous counts, plus one per company) below which the rebuild stays on one thread. */
export const parallelRebuildOptions = { minStories: 100_000 };

export interface ParallelRebuildResult {
  companies: number;
  threads: number;
  /** Company id ranges [from, to) given to the threads. */
  ranges: [number, number][];
}

/**
 * Splits company ids (ascending, each with a weight) into at most `parts` contiguous ranges of
 * about equal total weight; ranges are [from, to) and together cover every id.
 */
export function splitByWeight(companies: readonly { id: number; weight: number }[], parts: number): [number, number][] {
  if (companies.length === 0 || parts <= 1) return [[-Infinity, Infinity]];
  const total = companies.reduce((n, c) => n + c.weight, 0);
  const ranges: [number, number][] = [];
  let from = -Infinity;
  let acc = 0;
  for (let i = 0; i < companies.length - 1 && ranges.length < parts - 1; i++) {
    acc += companies[i]!.weight;
    if (acc >= (total * (ranges.length + 1)) / parts) {
      const to = companies[i + 1]!.id;
      ranges.push([from, to]);
      from = to;
    }
  }
  ranges.push([from, Infinity]);
  return ranges;
}

/** Company ids with their story counts, from the stored 'all' rows (every company counts at least 1). */
async function companyWeights(db: DB): Promise<{ id: number; weight: number }[]> {
  const { rows } = await db.executeQuery<{ id: number; n: number | null }>(
    CompiledQuery.raw(
      `select c.id, s.story_count as n from companies c left join company_stats s on s.company_id = c.id and s.period = 'all' order by c.id`,
    ),
  );
  return rows.map((r) => ({ id: r.id, weight: 1 + (r.n ?? 0) }));
}

/**
 * rebuildAllCompanyStats() on `threads` worker threads (default: the machine's cores, at most
 * 4). `path` is the database file `db` is open on. With one thread, for an in-memory
 * database, or below parallelRebuildOptions.minStories stories, it is rebuildAllCompanyStats() itself.
 */
export async function rebuildAllCompanyStatsParallel(
  db: DB,
  path: string,
  now: number,
  threads = Math.min(4, availableParallelism()),
): Promise<ParallelRebuildResult> {
  if (threads <= 1 || path === ':memory:' || path === '') {
    return { companies: await rebuildAllCompanyStats(db, now), threads: 1, ranges: [[-Infinity, Infinity]] };
  }
  // Previous story counts balance the ranges; without them every company weighs the same.
  const weights = await companyWeights(db);
  // Starting a worker (its own module graph and connection) costs about a second on a busy
  // machine: below this many stories one thread is faster.
  if (weights.reduce((n, c) => n + c.weight, 0) < parallelRebuildOptions.minStories) {
    return { companies: await rebuildAllCompanyStats(db, now), threads: 1, ranges: [[-Infinity, Infinity]] };
  }
  await db.executeQuery(CompiledQuery.raw('delete from company_stats_dirty'));
  const ranges = splitByWeight(weights, threads);
  // One writer: the chunks of all workers are written here, one transaction each, in turn.
  let writing: Promise<void> = Promise.resolve();
  const write = (chunk: RebuildChunk) => {
    writing = writing.then(() => writeRebuildChunk(db, chunk, now));
    return writing;
  };
  const counts = await Promise.all(ranges.map(([from, to]) => runWorker(path, now, from, to, write)));
  await writing;
  await recordStatsRulesVersion(db);
  return { companies: counts.reduce((a, b) => a + b, 0), threads: ranges.length, ranges };
}

function runWorker(path: string, now: number, from: number, to: number, write: (chunk: RebuildChunk) => Promise<void>): Promise<number> {
  return new Promise((resolve, reject) => {
    // Infinity does not survive structured cloning as a range bound of SQL; send null.
    const worker = new Worker(new URL('./stats-rebuild.worker.ts', import.meta.url), {
      workerData: { path, now, from: Number.isFinite(from) ? from : null, to: Number.isFinite(to) ? to : null },
    });
    let result: number | null = null;
    let failed: unknown = null;
    const writes: Promise<void>[] = [];
    worker.on('message', (m: { chunk?: RebuildChunk; companies?: number }) => {
      if (m.chunk) writes.push(write(m.chunk).catch((error: unknown) => void (failed ??= error)));
      if (m.companies !== undefined) result = m.companies;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      void Promise.all(writes).then(() => {
        if (failed) reject(failed);
        else if (code === 0 && result !== null) resolve(result);
        else reject(new Error(`statistics rebuild worker for companies [${from}, ${to}) exited with code ${code}`));
      });
    });
  });
}
