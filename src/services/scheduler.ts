// The workflow's clock: moves stories past their reply deadline to overdue, closes verdict
// windows, reminds authors before a verdict window closes, sends the 7/30-day "still resolved?"
// questions and the companies' daily digest, and refreshes statistics whose age
// weights have drifted. The server runs it every minute; `npm run tick` runs it from cron.
//
// Idempotent and safe to run concurrently: candidates are read outside any transaction, then
// every change is its own immediate transaction that re-reads the story and lets the domain
// decide again. A story another tick already moved is refused ('invalid_state') and skipped, a
// follow-up is marked sent with `where sent_at is null`, so nothing happens twice.
import { sweepExpiredDrafts } from './draft.service.ts';
import type { DB } from '../db/client.ts';
import { enqueueSearchEvent } from '../db/outbox.repository.ts';
import { findStaleCompanyStats, findStatsComputedAt, recomputeCompanyStats } from '../db/stats.repository.ts';
import { refreshCompanyChannelFigures } from '../db/channel-breakdown.repository.ts';
import { findDueFollowups, findStoriesPastReplyDeadline, findStoriesPastVerdictWindow, findVerdictReminderCandidates, getStoryOrThrow, markFollowupSent } from '../db/story.repository.ts';
import { DAY_MS, LATE_VERDICT_DAYS, VERDICT_REMINDER_DAYS } from '../domain/clocks.ts';
import { DomainError } from '../domain/errors.ts';
import { notifyStillResolved, sendDailyDigests } from './notifications.ts';
import { closeVerdictWindow, markStoryOverdue, remindVerdictWindow, serverWorkflowConfig, type ServiceOptions } from './story.service.ts';
import { inTransaction } from '../db/transaction.ts';

export interface TickResult {
  overdue: number;
  closed: number;
  followupsSent: number;
  /** Verdict windows whose author was reminded that they close soon. */
  verdictReminders: number;
  /** Daily digests queued for company representatives (one per person and day, none when nothing is new). */
  digests: number;
  statsRefreshed: number;
}

export interface TickOptions extends Pick<ServiceOptions, 'config'> {
  /** Most stories handled per step and tick (the rest wait for the next minute). */
  batch?: number;
  /** Statistics older than this are recomputed (age weights and windows move with time). */
  statsMaxAgeMs?: number;
}

/**
 * Lets the event loop answer requests between two changes. better-sqlite3 is synchronous and
 * awaiting a settled promise only runs microtasks, so without this a tick with a backlog (a
 * restart after a long stop, an import) would hold the server for its whole duration.
 */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Refusals that mean "someone already did it" or "not any more": skip, never fail the tick. */
function alreadyHandled(error: unknown): boolean {
  return error instanceof DomainError && (error.code === 'invalid_state' || error.code === 'not_due' || error.code === 'story_not_found');
}

export async function runTick(db: DB, now: number, opts: TickOptions = {}): Promise<TickResult> {
  const config = opts.config ?? serverWorkflowConfig();
  const batch = opts.batch ?? 500;
  const result: TickResult = { overdue: 0, closed: 0, followupsSent: 0, verdictReminders: 0, digests: 0, statsRefreshed: 0 };

  for (const id of await findStoriesPastReplyDeadline(db, now, batch)) {
    await yieldToEventLoop();
    try {
      await markStoryOverdue(db, id, { now, config });
      result.overdue++;
    } catch (error) {
      if (!alreadyHandled(error)) throw error;
    }
  }

  for (const id of await findStoriesPastVerdictWindow(db, now - config.verdictWindowDays * DAY_MS, batch)) {
    await yieldToEventLoop();
    try {
      await closeVerdictWindow(db, id, { now, config });
      result.closed++;
    } catch (error) {
      if (!alreadyHandled(error)) throw error;
    }
  }

  // No verdict window closes silently (rule 2): remind the author in its last days.
  const windows = { verdictMs: config.verdictWindowDays * DAY_MS, lateMs: LATE_VERDICT_DAYS * DAY_MS, horizonMs: VERDICT_REMINDER_DAYS * DAY_MS };
  for (const id of await findVerdictReminderCandidates(db, now, windows, batch)) {
    await yieldToEventLoop();
    if (await remindVerdictWindow(db, id, { now, config })) result.verdictReminders++;
  }

  for (const f of await findDueFollowups(db, now, batch)) {
    await yieldToEventLoop();
    const sent = await inTransaction(db, async (trx) => {
      const story = await getStoryOrThrow(trx, f.storyId);
      if (story.state !== 'resolved') return false;
      if (!(await markFollowupSent(trx, f.storyId, f.kind, now))) return false;
      await notifyStillResolved(trx, story, f.kind, now);
      return true;
    });
    if (sent) result.followupsSent++;
  }

  // After the overdue step, so that stories gone overdue this minute are in today's digest.
  result.digests = await sendDailyDigests(db, now);

  // Publish drafts past their expiry, with their photo files (decision 0041).
  await sweepExpiredDrafts(db, now);

  const staleBefore = now - (opts.statsMaxAgeMs ?? DAY_MS);
  for (const companyId of await findStaleCompanyStats(db, staleBefore, Math.min(batch, 200))) {
    await yieldToEventLoop();
    await inTransaction(db, async (trx) => {
      // Re-check inside the transaction: a concurrent tick may have refreshed it already.
      const computedAt = await findStatsComputedAt(trx, companyId);
      if (computedAt !== null && computedAt < staleBefore) {
        await recomputeCompanyStats(trx, companyId, now);
        // Cached company pages show these figures: let the outbox consumers know.
        await enqueueSearchEvent(trx, { kind: 'company.upsert', companyId }, now);
        result.statsRefreshed++;
      }
    });
  }
  // The company pages' channel tables for the statistics just refreshed (and any other new ones):
  // stored here so that a page render does not read every story of a large company (decision 0048).
  await refreshCompanyChannelFigures(db, { limit: 200, between: yieldToEventLoop });
  return result;
}

export interface SchedulerHandle {
  /** Stops the timer and waits for a tick in progress to finish. */
  stop(): Promise<void>;
  /** Runs a tick now (unless one is already running) and resolves when it is done. */
  runNow(): Promise<TickResult | null>;
}

/**
 * Runs the tick every `intervalMs` (default one minute) inside the server. Ticks never overlap in
 * one process; across processes they are safe anyway (see runTick). A failing tick is reported
 * and the next one runs as usual.
 */
export function startScheduler(
  db: DB,
  opts: TickOptions & { intervalMs?: number; now?: () => number; onError?: (error: unknown) => void } = {},
): SchedulerHandle {
  const intervalMs = opts.intervalMs ?? 60_000;
  const clock = opts.now ?? Date.now;
  const onError = opts.onError ?? ((error: unknown) => console.error('[scheduler] tick failed:', error));
  let running: Promise<TickResult | null> | null = null;
  let stopped = false;

  const tick = (): Promise<TickResult | null> => {
    if (stopped) return Promise.resolve(null);
    if (running) return running.then(() => null);
    running = runTick(db, clock(), opts)
      .catch((error: unknown) => {
        onError(error);
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref?.();
  void tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
    runNow: tick,
  };
}
