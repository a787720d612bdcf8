// Process start-up inside the server: migrations first, then the background workers — the
// search outbox relay, the mail outbox relay and the workflow scheduler. Idempotent; the
// middleware awaits it before the first request is served.
import type { DB } from '../db/client.ts';
import { getDatabase } from '../db/client.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { startMailRelay } from '../mail/outbox.ts';
import { startSearchRelay } from '../search/outbox-relay.ts';
import { getSearchIndex } from '../search/select.ts';
import { sweepOrphanPhotoFiles } from '../services/erasure.service.ts';
import { runTick } from '../services/scheduler.ts';

type Stop = () => void | Promise<void>;

let booted: Promise<void> | undefined;
const stops: Stop[] = [];

export function ensureBooted(): Promise<void> {
  booted ??= boot();
  return booted;
}

/**
 * Every minute: overdue deadlines, closed verdict windows, "still resolved?" mails, stale stats.
 * Every hour (and at start): photo files that a crash left without their row are removed.
 */
export function startScheduler(db: DB, everyMs = 60_000, sweepEveryMs = 3_600_000): Stop {
  let running = false;
  let lastSweep = 0;
  const tick = async () => {
    if (running) return; // a slow tick is never overlapped by the next one
    running = true;
    try {
      const now = Date.now();
      await runTick(db, now);
      if (now - lastSweep >= sweepEveryMs) {
        lastSweep = now;
        await sweepOrphanPhotoFiles(db, now);
      }
    } catch (error) {
      console.warn('[scheduler] tick failed:', error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}

async function boot(): Promise<void> {
  const { db } = getDatabase();
  await migrateToLatest(db);
  const workers = process.env.ANSWERABLE_WORKERS === 'off' ? [] : (process.env.ANSWERABLE_WORKERS ?? 'search,mail,scheduler').split(',');
  if (workers.includes('search')) stops.push(startSearchRelay(db, getSearchIndex()));
  if (workers.includes('mail') && process.env.MAIL_RELAY !== 'off') stops.push(startMailRelay(db));
  if (workers.includes('scheduler')) stops.push(startScheduler(db));
  const shutdown = (signal: NodeJS.Signals) => {
    void Promise.allSettled(stops.splice(0).map((stop) => stop())).then(() => process.exit(signal === 'SIGINT' ? 130 : 0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
