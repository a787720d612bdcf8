// npm run stats:rebuild — recompute every company's statistics (all three windows) from the
// stories table, and record the scoring rules version they follow. The server keeps them current
// incrementally and runs this at start-up when the rules version changed; this is for repairs,
// after bulk imports, and to measure the full recomputation.
import { openDatabase } from '../src/db/client.ts';
import { rebuildAllCompanyStats } from '../src/db/stats.repository.ts';
import { checkConfigOrExit } from '../src/config.ts';

checkConfigOrExit();

const { db, path } = openDatabase();
try {
  const started = performance.now();
  const companies = await rebuildAllCompanyStats(db, Date.now());
  console.log(JSON.stringify({ database: path, companies, ms: Math.round(performance.now() - started) }));
} finally {
  await db.destroy();
}
