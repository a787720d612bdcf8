// The development mailbox: when no SMTP server is configured, "delivered" mail lands in the
// dev_mailbox table and is shown at /dev/mail (never in production).
import { config } from '../config.ts';
import { sql, type Generated, type Selectable } from 'kysely';
import type { DB } from '../db/client.ts';
import type { MailMessage } from '../db/outbox.repository.ts';

export interface DevMailboxTable {
  id: Generated<number>;
  outbox_id: number | null;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  template: string;
  /** The mail's extra headers as a JSON object (List-Unsubscribe, …), or null. */
  headers: string | null;
  delivered_at: number;
}
export type DevMail = Selectable<DevMailboxTable>;

function mailbox(db: DB) {
  return db.$extendTables<{ dev_mailbox: DevMailboxTable }>();
}

export async function storeDevMail(db: DB, mail: MailMessage, outboxId: number | null, now: number): Promise<void> {
  await mailbox(db)
    .insertInto('dev_mailbox')
    .values({ outbox_id: outboxId, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? null, template: mail.template, headers: mail.headers ? JSON.stringify(mail.headers) : null, delivered_at: now })
    .execute();
}

export async function listDevMail(db: DB, opts: { to?: string; limit?: number } = {}): Promise<DevMail[]> {
  let q = mailbox(db).selectFrom('dev_mailbox').selectAll().orderBy('id', 'desc').limit(opts.limit ?? 50);
  if (opts.to) q = q.where('to', '=', opts.to.toLowerCase());
  return q.execute();
}

export async function findDevMail(db: DB, id: number): Promise<DevMail | null> {
  return (await mailbox(db).selectFrom('dev_mailbox').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

/** The stored headers of a mail, as name → value. */
export function devMailHeaders(mail: Pick<DevMail, 'headers'>): Record<string, string> {
  if (!mail.headers) return {};
  try {
    const parsed: unknown = JSON.parse(mail.headers);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function devMailboxEnabled(): boolean {
  return !config().production;
}

/** Erasure: the development mailbox's copies of mail to the person (the table exists only where mail was delivered locally). */
export async function deleteDevMailTo(db: DB, email: string): Promise<void> {
  const r = await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = 'dev_mailbox'`.execute(db);
  if (Number(r.rows[0]?.n ?? 0) > 0) await mailbox(db).deleteFrom('dev_mailbox').where('to', '=', email).execute();
}
