// Process start-up inside the server: migrations first, then company statistics recomputed when
// the scoring rules version changed (an upgrade), then the background workers — the
// search outbox relay, the mail outbox relay, the workflow scheduler (every minute) and the
// orphan-photo sweep (every hour). Idempotent; the middleware awaits it before the first request.
// In production it refuses to start while demo accounts exist (src/server/demo-accounts.ts).
import { config } from '../config.ts';
import type { DB } from '../db/client.ts';
import { getDatabase } from '../db/client.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { rebuildIfRulesChanged } from '../db/stats.repository.ts';
import { startMailRelay } from '../mail/outbox.ts';
import { startSearchRelay } from '../search/outbox-relay.ts';
import { getSearchIndex } from '../search/select.ts';
import { sweepOrphanPhotoFiles } from '../services/erasure.service.ts';
import { startScheduler } from '../services/scheduler.ts';
import { demoAccountsMessage, findDemoAccounts } from './demo-accounts.ts';

type Stop = () => void | Promise<void>;

let booted: Promise<void> | undefined;
const stops: Stop[] = [];

export function ensureBooted(): Promise<void> {
  booted ??= boot();
  return booted;
}

/** Every hour (and at start): photo files that a crash left without their row are removed. */
function startOrphanPhotoSweep(db: DB, everyMs = 3_600_000): Stop {
  const sweep = () =>
    void sweepOrphanPhotoFiles(db, Date.now()).catch((error: unknown) => {
      console.warn('[photos] orphan sweep failed:', error instanceof Error ? error.message : error);
    });
  const timer = setInterval(sweep, everyMs);
  timer.unref();
  sweep();
  return () => clearInterval(timer);
}

async function boot(): Promise<void> {
  const { db } = getDatabase();
  await migrateToLatest(db);
  const { workers, mailRelay, production, allowDemoAccounts } = config();
  if (production && !allowDemoAccounts) {
    const demo = await findDemoAccounts(db);
    if (demo.length > 0) {
      console.error(demoAccountsMessage(demo));
      process.exit(1);
    }
  }
  if (await rebuildIfRulesChanged(db, Date.now())) console.log('[stats] scoring rules changed: every company recomputed');
  if (workers.includes('search')) stops.push(startSearchRelay(db, getSearchIndex()));
  if (workers.includes('mail') && mailRelay) stops.push(startMailRelay(db));
  if (workers.includes('scheduler')) {
    stops.push(startScheduler(db).stop);
    stops.push(startOrphanPhotoSweep(db));
  }
  const shutdown = (signal: NodeJS.Signals) => {
    void Promise.allSettled(stops.splice(0).map((stop) => stop())).then(() => process.exit(signal === 'SIGINT' ? 130 : 0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
