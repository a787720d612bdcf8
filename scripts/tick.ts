// npm run tick — one run of the workflow scheduler (overdue stories, verdict windows,
// "still resolved?" mails, the companies' daily digest, stale statistics). Safe to run from cron while the server runs it too.
import { openDatabase } from '../src/db/client.ts';
import { runTick } from '../src/services/scheduler.ts';
import { checkConfigOrExit } from '../src/config.ts';

checkConfigOrExit();

const { db, path } = openDatabase();
try {
  const result = await runTick(db, Date.now());
  console.log(JSON.stringify({ database: path, ...result }));
} finally {
  await db.destroy();
}
