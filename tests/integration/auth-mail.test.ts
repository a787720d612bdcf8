import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { enqueueMail } from '../../src/db/outbox.repository.ts';
import { drainMailOutbox, mailRetryDelayMs, startMailRelay } from '../../src/mail/outbox.ts';
import { createDevTransport, createSmtpTransport, type MailTransport } from '../../src/mail/transport.ts';
import { listDevMail } from '../../src/mail/dev-mailbox.ts';
import { requestPasswordReset, resetPassword } from '../../src/services/account.service.ts';
import { firstLink, info, makeUser, T0, tokenFromLink } from './auth-fixtures.ts';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

let tdb: TestDatabase;
let smtp: SMTPServer;
let port = 0;
const inbox: Received[] = [];
const waiters: (() => void)[] = [];

beforeAll(async () => {
  tdb = await createTestDatabase();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        waiters.splice(0).forEach((w) => w());
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await tdb.cleanup();
});

function nextMail(): Promise<void> {
  return new Promise((resolve) => waiters.push(resolve));
}

/** Quoted-printable soft line breaks and =XX escapes undone, enough to read a link back. */
function decodeQp(raw: string): string {
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

describe('mail over real SMTP', () => {
  it('delivers the reset mail to an SMTP server as soon as it is enqueued, not at the next poll', async () => {
    const u = await makeUser(tdb.db, { email: 'reset-me@example.org' });
    const transport = createSmtpTransport(`smtp://127.0.0.1:${port}`, 'Answerable <no-reply@answerable.test>');
    // A poll of one hour: only the wake-up after commit can deliver the mail while the test waits.
    const stop = startMailRelay(tdb.db, { transport, pollMs: 60 * 60_000 });
    try {
      await new Promise((r) => setTimeout(r, 50)); // the start-up round has found nothing
      const arrived = nextMail();
      const res = await requestPasswordReset(tdb.db, { email: u.email }, info(Date.now()));
      expect(res.kind).toBe('sent');
      await arrived;
    } finally {
      await stop();
    }
    const mail = inbox.at(-1)!;
    expect(mail.to).toEqual(['reset-me@example.org']);
    expect(mail.from).toBe('no-reply@answerable.test');
    const body = decodeQp(mail.raw);
    expect(body).toMatch(/Subject: Reset your Answerable password/);
    const link = firstLink(body.slice(body.indexOf('http://localhost:4321/en/account/reset-password')));
    // The link from the real mail works.
    const done = await resetPassword(tdb.db, { token: tokenFromLink(link), password: 'a fresh phrase for me' }, info(Date.now()));
    expect(done).toEqual({ kind: 'ok', userId: u.id });
    // The delivered row keeps neither the link nor the address.
    const row = await tdb.db.selectFrom('outbox').selectAll().where('topic', '=', 'mail').where('kind', '=', 'reset_password').executeTakeFirstOrThrow();
    expect(row.processed_at).not.toBeNull();
    expect(row.payload).not.toContain('token');
    expect(row.key).toBeNull();
  });

  it('retries with backoff when the SMTP server is unreachable, then parks the mail', async () => {
    const dead: MailTransport = createSmtpTransport('smtp://127.0.0.1:1');
    await enqueueMail(tdb.db, { to: 'x@example.org', subject: 's', text: 't', template: 'test' }, T0);
    const events: boolean[] = [];
    await drainMailOutbox(tdb.db, dead, { now: () => T0, maxAttempts: 2, onEvent: (e) => events.push(e.ok) });
    expect(events).toEqual([false]);
    let row = await tdb.db.selectFrom('outbox').selectAll().where('key', '=', 'x@example.org').executeTakeFirstOrThrow();
    expect(row.attempts).toBe(1);
    expect(row.available_at).toBe(T0 + mailRetryDelayMs(0));
    expect(row.last_error).toBeTruthy();
    await drainMailOutbox(tdb.db, dead, { now: () => T0 + mailRetryDelayMs(0), maxAttempts: 2 });
    row = await tdb.db.selectFrom('outbox').selectAll().where('key', '=', 'x@example.org').executeTakeFirstOrThrow();
    expect(row.parked_at).not.toBeNull();
    dead.close();
  });

  it('puts mail in the development mailbox when no SMTP server is configured', async () => {
    await enqueueMail(tdb.db, { to: 'dev@example.org', subject: 'Hello', text: 'Body http://localhost/x', template: 'test' }, T0);
    await drainMailOutbox(tdb.db, createDevTransport(tdb.db), { now: () => T0 });
    const [mail] = await listDevMail(tdb.db, { to: 'dev@example.org' });
    expect(mail).toMatchObject({ to: 'dev@example.org', subject: 'Hello', template: 'test' });
  });
});
