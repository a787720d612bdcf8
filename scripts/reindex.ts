// npm run reindex — rebuild the search index from the database. With MEILISEARCH_URL set it
// builds new Meilisearch indexes and swaps them in; otherwise it rebuilds the SQLite FTS5 tables
// (staging tables renamed into place). Safe while the server runs.
import { openDatabase } from '../src/db/client.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { rebuildSearchIndex } from '../src/search/reindex.ts';
import { createSearchIndexFromEnv } from '../src/search/select.ts';
import { checkConfigOrExit } from '../src/config.ts';

checkConfigOrExit();

const opened = openDatabase();
try {
  await migrateToLatest(opened.db);
  const index = createSearchIndexFromEnv(opened);
  const started = performance.now();
  let last = 0;
  const result = await rebuildSearchIndex(opened.db, index, {
    onProgress: ({ stories, companies }) => {
      if (performance.now() - last > 1000) {
        last = performance.now();
        process.stdout.write(`\r${stories} stories, ${companies} companies…`);
      }
    },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `\rReindexed ${result.stories} stories and ${result.companies} companies into ${index.engine} in ${seconds} s` +
      (result.requeued ? `; ${result.requeued} change(s) made meanwhile queued for the relay.` : '.'),
  );
  const health = await index.health();
  if (!health.ok) throw new Error(`index unhealthy after rebuild: ${health.error}`);
} catch (error) {
  console.error(`reindex failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await opened.db.destroy();
}
