// The mail relay: delivers outbox rows of topic 'mail'. Slow password-reset mail is the very
// failure our users complain about, so the relay does not wait for a poll: every enqueueMail
// signals outboxSignals (src/db/outbox.repository.ts), which wakes the relay at once;
// notifyMailEnqueued() does the same explicitly. A short poll remains for mail enqueued by other processes (scripts) and retries.
// Failed sends retry with exponential backoff and are parked after MAX_ATTEMPTS.
import type { DB } from '../db/client.ts';
import {
  findPendingOutbox,
  markOutboxFailed,
  markOutboxProcessed,
  outboxSignals,
  type MailMessage,
} from '../db/outbox.repository.ts';
import { createTransportFromEnv, type MailTransport } from './transport.ts';

// Kept on globalThis so that a module loaded twice (dev server reloads, bundle chunks) still
// shares one wake-up channel and one running relay per process.
interface RelayGlobals {
  active: { stop: () => Promise<void> } | null;
}
const G = globalThis as typeof globalThis & { __answerableMailRelay?: RelayGlobals };
G.__answerableMailRelay ??= { active: null };
const relayGlobals = G.__answerableMailRelay;
const wake = outboxSignals;

/** Call after committing a transaction that enqueued mail (enqueueMail): the relay sends it now. */
export function notifyMailEnqueued(): void {
  wake.emit('mail');
}

export interface MailRelayOptions {
  transport?: MailTransport;
  /** Fallback poll for mail written by other processes; default 2 s. */
  pollMs?: number;
  batchSize?: number;
  maxAttempts?: number;
  now?: () => number;
  /** Called after each delivered or failed row (tests, metrics). */
  onEvent?: (e: { id: number; ok: boolean; error?: string }) => void;
}

const DEFAULT_MAX_ATTEMPTS = 8;

/** 30 s, 1 min, 2 min, … capped at 1 h. */
export function mailRetryDelayMs(attempts: number): number {
  return Math.min(60 * 60_000, 30_000 * 2 ** Math.max(0, attempts));
}

/** Sends every due mail row once; returns how many were delivered. */
export async function drainMailOutbox(db: DB, transport: MailTransport, opts: Omit<MailRelayOptions, 'transport' | 'pollMs'> = {}): Promise<number> {
  const now = opts.now ?? Date.now;
  const batchSize = opts.batchSize ?? 20;
  const maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  let delivered = 0;
  for (;;) {
    const rows = await findPendingOutbox(db, 'mail', now(), batchSize);
    if (rows.length === 0) return delivered;
    for (const row of rows) {
      try {
        const mail = JSON.parse(row.payload) as MailMessage;
        await transport.send(mail, row.id, now());
        await markOutboxProcessed(db, [row.id], now());
        // The mail is gone: keep no copy of its links or its recipient in the outbox.
        await db.updateTable('outbox').set({ payload: JSON.stringify({ template: mail.template, delivered: true }), key: null }).where('id', '=', row.id).execute();
        delivered++;
        opts.onEvent?.({ id: row.id, ok: true });
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        const t = now();
        await markOutboxFailed(db, row, message, t, t + mailRetryDelayMs(row.attempts), maxAttempts);
        opts.onEvent?.({ id: row.id, ok: false, error: message });
      }
    }
    if (rows.length < batchSize) return delivered;
  }
}

/**
 * Starts the relay in this process; returns a function that stops it (and waits for the batch
 * in flight). The server starts it once at boot.
 */
export function startMailRelay(db: DB, opts: MailRelayOptions = {}): () => Promise<void> {
  // One relay per process: two would pick the same rows and send every mail twice.
  if (relayGlobals.active) return relayGlobals.active.stop;
  const transport = opts.transport ?? createTransportFromEnv(db);
  const pollMs = opts.pollMs ?? 2_000;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;

  const run = (): void => {
    if (stopped) return;
    if (running) {
      again = true; // a mail arrived during a batch: go round once more afterwards
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await drainMailOutbox(db, transport, opts);
        } catch (err) {
          // The database itself failed (disk full, closed): log once per round and retry on the next poll.
          console.warn('[mail] relay round failed:', err instanceof Error ? err.message : err);
        }
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
  };

  wake.on('mail', run);
  const timer = setInterval(run, pollMs);
  timer.unref();
  run();

  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    if (relayGlobals.active?.stop === stop) relayGlobals.active = null;
    wake.off('mail', run);
    clearInterval(timer);
    if (running) await running;
    transport.close();
  };
  relayGlobals.active = { stop };
  return stop;
}

/** Whether a relay runs in this process (the server starts one; the middleware makes sure). */
export function mailRelayRunning(): boolean {
  return relayGlobals.active !== null;
}
