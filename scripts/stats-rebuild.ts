// npm run stats:rebuild — recompute every company's statistics (all three windows) from the
// stories table, and record the scoring rules version they follow. The server keeps them current
// incrementally and runs this at start-up when the rules version changed; this is for repairs,
// after bulk imports, and to measure the full recomputation. It runs on one worker thread per
// core (at most 4; STATS_THREADS=N overrides, 1 = single-threaded), decision 0045.
import { openDatabase } from '../src/db/client.ts';
import { rebuildAllCompanyStatsParallel } from '../src/db/stats-rebuild-parallel.ts';
import { refreshCompanyChannelFigures } from '../src/db/channel-breakdown.repository.ts';
import { checkConfigOrExit } from '../src/config.ts';

checkConfigOrExit();

const { db, path } = openDatabase();
try {
  const started = performance.now();
  const threads = process.env.STATS_THREADS ? Math.max(1, Number.parseInt(process.env.STATS_THREADS, 10) || 1) : undefined;
  const { companies, threads: used } = await rebuildAllCompanyStatsParallel(db, path, Date.now(), threads);
  const statsMs = Math.round(performance.now() - started);
  // The company pages' channel tables for the new statistics (decision 0048).
  const channelTables = await refreshCompanyChannelFigures(db);
  console.log(JSON.stringify({ database: path, companies, threads: used, ms: statsMs, channelTables, channelTablesMs: Math.round(performance.now() - started) - statsMs }));
} finally {
  await db.destroy();
}
