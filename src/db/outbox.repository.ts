// The transactional outbox. enqueue* is always called with the same `db` (transaction) as the
// change it announces, so the announcement exists if and only if the change committed.
import { EventEmitter } from 'node:events';
import type { DB } from './client.ts';
import type { OutboxRow } from './schema.ts';

export type SearchEvent =
  | { kind: 'story.upsert'; storyId: number }
  | { kind: 'story.delete'; storyId: number }
  | { kind: 'company.upsert'; companyId: number }
  | { kind: 'company.delete'; companyId: number };

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Why this mail exists, for the dev mailbox and logs: 'reset_password', 'verify_email', … */
  template: string;
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). */
  headers?: Record<string, string>;
}

/**
 * In-process wake-up for the relays: enqueueMail signals 'mail' so the mail relay sends at once
 * instead of waiting for its poll (a reset mail must arrive within seconds). The relay's query
 * goes through the same Kysely connection, whose mutex makes it wait until the enqueueing
 * transaction has committed. Kept on globalThis so that a module loaded twice shares it.
 */
const G = globalThis as typeof globalThis & { __answerableOutboxSignals?: EventEmitter };
export const outboxSignals: EventEmitter = (G.__answerableOutboxSignals ??= new EventEmitter().setMaxListeners(50));

export async function enqueueSearchEvent(db: DB, event: SearchEvent, now = Date.now()): Promise<void> {
  const key = 'storyId' in event ? `story:${event.storyId}` : `company:${event.companyId}`;
  await db
    .insertInto('outbox')
    .values({ topic: 'search', kind: event.kind, key, payload: JSON.stringify(event), created_at: now, available_at: now })
    .execute();
}

export async function enqueueMail(db: DB, mail: MailMessage, now = Date.now()): Promise<number> {
  const row = await db
    .insertInto('outbox')
    .values({ topic: 'mail', kind: mail.template, key: mail.to, payload: JSON.stringify(mail), created_at: now, available_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  setImmediate(() => outboxSignals.emit('mail'));
  return row.id;
}

/** Oldest pending rows of a topic that are due, in id order. */
export async function findPendingOutbox(db: DB, topic: OutboxRow['topic'], now: number, limit: number): Promise<OutboxRow[]> {
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('topic', '=', topic)
    .where('processed_at', 'is', null)
    .where('parked_at', 'is', null)
    .where('available_at', '<=', now)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function markOutboxProcessed(db: DB, ids: number[], now: number): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('outbox').set({ processed_at: now }).where('id', 'in', ids).execute();
}

/** Records a failed attempt: retry later with backoff, or park the row after `maxAttempts`. */
export async function markOutboxFailed(
  db: DB,
  row: Pick<OutboxRow, 'id' | 'attempts'>,
  error: string,
  now: number,
  retryAt: number,
  maxAttempts: number,
): Promise<void> {
  const attempts = row.attempts + 1;
  await db
    .updateTable('outbox')
    .set({
      attempts,
      last_error: error.slice(0, 2000),
      available_at: retryAt,
      parked_at: attempts >= maxAttempts ? now : null,
    })
    .where('id', '=', row.id)
    .execute();
}

export interface OutboxLag {
  pending: number;
  parked: number;
  oldestPendingAt: number | null;
}

export async function getOutboxLag(db: DB, topic: OutboxRow['topic']): Promise<OutboxLag> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('processed_at', 'is', null).filterWhere('parked_at', 'is', null).as('pending'),
      eb.fn.countAll<number>().filterWhere('parked_at', 'is not', null).as('parked'),
      eb.fn.min<number | null>('created_at').filterWhere('processed_at', 'is', null).filterWhere('parked_at', 'is', null).as('oldest'),
    ])
    .where('topic', '=', topic)
    .executeTakeFirstOrThrow();
  return { pending: Number(row.pending), parked: Number(row.parked), oldestPendingAt: row.oldest ?? null };
}

/** Erasure: mail to the person, sent or pending (the address and the text are personal data). */
export async function deleteMailTo(db: DB, email: string): Promise<void> {
  await db.deleteFrom('outbox').where('topic', '=', 'mail').where('key', '=', email).execute();
}
