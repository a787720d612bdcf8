// One thread of the parallel statistics rebuild (stats-rebuild-parallel.ts): its own read
// connection to the database file, computeRebuildChunks() over its company ids, each chunk
// posted to the main thread, which writes them all (one writer: no lock waits between threads).
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './client.ts';
import { computeRebuildChunks } from './stats.repository.ts';

const { path, now, from, to } = workerData as { path: string; now: number; from: number | null; to: number | null };
const { db } = openDatabase(path);
try {
  const companies = await computeRebuildChunks(db, now, 500, from ?? -Infinity, to ?? Infinity, (chunk) => {
    parentPort!.postMessage({ chunk });
  });
  parentPort!.postMessage({ companies });
} finally {
  await db.destroy();
}
