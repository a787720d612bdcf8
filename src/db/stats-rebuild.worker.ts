// One thread of the parallel statistics rebuild (stats-rebuild-parallel.ts): its own connection
// to the database file, rebuildCompanyRange() over its company ids, the count posted back.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from './client.ts';
import { rebuildCompanyRange } from './stats.repository.ts';

const { path, now, from, to } = workerData as { path: string; now: number; from: number | null; to: number | null };
const { db } = openDatabase(path);
try {
  const companies = await rebuildCompanyRange(db, now, 500, from ?? -Infinity, to ?? Infinity);
  parentPort!.postMessage({ companies });
} finally {
  await db.destroy();
}
