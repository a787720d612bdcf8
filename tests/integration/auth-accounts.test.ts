import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import type { MailMessage } from '../../src/db/outbox.repository.ts';
import { AUTH_LIMITS, rateLimit, tooManyRequests } from '../../src/auth/rate-limit.ts';
import { isCommonPassword } from '../../src/auth/common-passwords.ts';
import { hashPassword, needsRehash, passwordProblem, verifyPassword } from '../../src/auth/password.ts';
import { validateSessionToken } from '../../src/auth/session.ts';
import {
  requestPasswordReset,
  resendVerification,
  resetPassword,
  setUserRole,
  signIn,
  signUp,
  verifyEmail,
} from '../../src/services/account.service.ts';
import { firstLink, info, makeUser, PASSWORD, T0, tokenFromLink } from './auth-fixtures.ts';

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.cleanup();
});

async function mailsTo(email: string): Promise<MailMessage[]> {
  const rows = await tdb.db.selectFrom('outbox').select('payload').where('topic', '=', 'mail').orderBy('id').execute();
  return rows.map((r) => JSON.parse(r.payload) as MailMessage).filter((m) => m.to === email);
}

let ipSeq = 0;
const freshIp = () => `198.51.100.${++ipSeq}`;

describe('passwords', () => {
  it('hashes with scrypt N=2^17, r=8, p=1 and verifies in constant time', async () => {
    const hash = await hashPassword('a long enough phrase');
    expect(hash).toMatch(/^scrypt\$17\$8\$1\$/);
    expect(await verifyPassword(hash, 'a long enough phrase')).toBe(true);
    expect(await verifyPassword(hash, 'a long enough phrasE')).toBe(false);
    expect(await verifyPassword('garbage', 'x')).toBe(false);
    expect(needsRehash(hash)).toBe(false);
    expect(needsRehash('scrypt$14$8$1$AAAA$BBBB')).toBe(true);
  });

  it('refuses short passwords and common ones, also disguised', () => {
    expect(passwordProblem('short')).toBe('tooShort');
    for (const p of ['password123', 'Password2024!', 'P@ssw0rd2024', 'qwertyuiop', '1234567890', 'iloveyou!!', 'juventus1897', 'forzanapoli', 'aaaaaaaaaaaa', 'tiamotiamo', 'abcdefghij', '0987654321']) {
      expect(isCommonPassword(p), p).toBe(true);
    }
    for (const p of ['tre gatti sul tetto', 'correct horse battery staple', 'k8#Vq2!zLp9m', 'my bike is blue 1988']) {
      expect(isCommonPassword(p), p).toBe(false);
    }
    expect(passwordProblem('mario.rossi1', { email: 'mario.rossi@example.org' })).toBe('containsEmail');
  });
});

describe('sign-up and e-mail verification', () => {
  it('creates an unverified account, mails a link, and the link verifies and signs in once', async () => {
    const res = await signUp(tdb.db, { displayName: 'Anna B.', email: ' Anna@Example.ORG ', password: PASSWORD }, info(T0, { ip: freshIp() }));
    expect(res).toEqual({ kind: 'check_inbox' });
    const user = await tdb.db.selectFrom('users').selectAll().where('email', '=', 'anna@example.org').executeTakeFirstOrThrow();
    expect(user.email_verified_at).toBeNull();
    expect(user.password_hash).not.toContain(PASSWORD);
    const [mail] = await mailsTo('anna@example.org');
    expect(mail?.template).toBe('verify_email');
    const link = firstLink(mail!.text);
    expect(link).toMatch(/^http:\/\/localhost:4321\/en\/account\/verify-email\?token=/);
    const verified = await verifyEmail(tdb.db, tokenFromLink(link), info(T0 + 1000));
    expect(verified?.userId).toBe(user.id);
    expect((await validateSessionToken(tdb.db, verified!.token, T0 + 2000))?.user.emailVerified).toBe(true);
    expect(await verifyEmail(tdb.db, tokenFromLink(link), info(T0 + 3000))).toBeNull();
  });

  it('does not reveal whether an address is registered: same answer, and a mail to the owner instead', async () => {
    const existing = await makeUser(tdb.db, { email: 'taken@example.org' });
    const a = await signUp(tdb.db, { displayName: 'Intruder', email: 'taken@example.org', password: 'yet another phrase 42' }, info(T0, { ip: freshIp() }));
    const b = await signUp(tdb.db, { displayName: 'Newcomer', email: 'new@example.org', password: 'yet another phrase 42' }, info(T0, { ip: freshIp() }));
    expect(a).toEqual(b);
    const owner = await tdb.db.selectFrom('users').select(['display_name', 'password_hash']).where('id', '=', existing.id).executeTakeFirstOrThrow();
    expect(owner.display_name).not.toBe('Intruder');
    expect(await verifyPassword(owner.password_hash, PASSWORD)).toBe(true);
    const mails = await mailsTo('taken@example.org');
    expect(mails.map((m) => m.template)).toEqual(['account_exists']);
  });

  it('resends the verification link only to unverified accounts', async () => {
    const u = await makeUser(tdb.db, { verified: false });
    expect((await resendVerification(tdb.db, u.id, info())).kind).toBe('sent');
    const v = await makeUser(tdb.db);
    expect((await resendVerification(tdb.db, v.id, info())).kind).toBe('already_verified');
  });
});

describe('sign-in', () => {
  it('answers an unknown address exactly like a wrong password', async () => {
    const u = await makeUser(tdb.db);
    const wrong = await signIn(tdb.db, { email: u.email, password: 'not my password at all' }, info(T0, { ip: freshIp() }));
    const unknown = await signIn(tdb.db, { email: 'nobody-here@example.org', password: 'not my password at all' }, info(T0, { ip: freshIp() }));
    expect(wrong).toEqual({ kind: 'invalid' });
    expect(unknown).toEqual(wrong);
  });

  it('lets an account sign in with any capitalisation of its address', async () => {
    const u = await makeUser(tdb.db, { email: 'case@example.org' });
    const res = await signIn(tdb.db, { email: 'CASE@Example.org', password: PASSWORD }, info(T0, { ip: freshIp() }));
    expect(res.kind === 'ok' && res.userId).toBe(u.id);
  });

  it('rate-limits password guessing on one account across addresses and answers with Retry-After', async () => {
    const u = await makeUser(tdb.db);
    const results = [];
    for (let i = 0; i < 11; i++) {
      results.push(await signIn(tdb.db, { email: u.email, password: `wrong guess number ${i}` }, info(T0 + i, { ip: freshIp() })));
    }
    expect(results.slice(0, 10).every((r) => r.kind === 'invalid')).toBe(true);
    const last = results[10]!;
    expect(last.kind).toBe('rate_limited');
    if (last.kind !== 'rate_limited') return;
    expect(last.retryAfterSeconds).toBeGreaterThan(0);
    expect(last.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    const res = tooManyRequests('it', last.retryAfterSeconds);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe(String(last.retryAfterSeconds));
    expect(await res.text()).toContain('Troppi tentativi');
    // Even the right password waits: the limiter answers before the password is checked.
    expect((await signIn(tdb.db, { email: u.email, password: PASSWORD }, info(T0 + 20, { ip: freshIp() }))).kind).toBe('rate_limited');
    // After the window the owner gets in.
    expect((await signIn(tdb.db, { email: u.email, password: PASSWORD }, info(T0 + 15 * 60_000 + 1, { ip: freshIp() }))).kind).toBe('ok');
  });
});

describe('sign-in limits', () => {
  it('count failures only, so many successful sign-ins from one address are never refused', async () => {
    const u = await makeUser(tdb.db);
    const ip = freshIp();
    const kinds = new Set<string>();
    for (let i = 0; i < 25; i++) kinds.add((await signIn(tdb.db, { email: u.email, password: PASSWORD }, info(T0 + i, { ip }))).kind);
    expect([...kinds]).toEqual(['ok']);
  });
});

describe('rate limiter', () => {
  it('counts in a fixed window stored in the database and reopens when it ends', async () => {
    const key = `post:user:${Math.random()}`;
    for (let i = 0; i < 3; i++) expect((await rateLimit(tdb.db, key, 3, 60_000, T0 + i)).ok).toBe(true);
    const blocked = await rateLimit(tdb.db, key, 3, 60_000, T0 + 30_000);
    expect(blocked).toEqual({ ok: false, retryAfterSeconds: 30 });
    const row = await tdb.db.selectFrom('rate_limits').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
    expect(row.count).toBe(4);
    expect(await rateLimit(tdb.db, key, 3, 60_000, T0 + 60_000)).toEqual({ ok: true, remaining: 2 });
  });

  it('limits sign-ups per client address', async () => {
    const ip = freshIp();
    const { limit, windowMs } = AUTH_LIMITS.signUpPerIp;
    // Fill the window cheaply (sign-up hashes a password each time), then one real attempt.
    for (let i = 0; i < limit; i++) expect((await rateLimit(tdb.db, `signup:ip:${ip}`, limit, windowMs, T0)).ok).toBe(true);
    const res = await signUp(tdb.db, { displayName: 'Flood', email: 'flood@example.org', password: PASSWORD }, info(T0 + 1000, { ip }));
    expect(res).toEqual({ kind: 'rate_limited', retryAfterSeconds: windowMs / 1000 - 1 });
    expect(await tdb.db.selectFrom('users').select('id').where('email', '=', 'flood@example.org').executeTakeFirst()).toBeUndefined();
  });
});

describe('password reset', () => {
  it('answers the same whether or not the address exists, and mails only real accounts', async () => {
    const u = await makeUser(tdb.db);
    const known = await requestPasswordReset(tdb.db, { email: u.email }, info(T0, { ip: freshIp() }));
    const unknown = await requestPasswordReset(tdb.db, { email: 'ghost@example.org' }, info(T0, { ip: freshIp() }));
    expect(known).toEqual(unknown);
    expect((await mailsTo(u.email)).map((m) => m.template)).toEqual(['reset_password']);
    expect(await mailsTo('ghost@example.org')).toEqual([]);
  });

  it('sets a new password once per link, verifies the address and signs out every device', async () => {
    const u = await makeUser(tdb.db, { verified: false });
    const before = await signIn(tdb.db, { email: u.email, password: PASSWORD }, info(T0, { ip: freshIp() }));
    expect(before.kind).toBe('ok');
    await requestPasswordReset(tdb.db, { email: u.email }, info(T0, { ip: freshIp() }));
    const link = firstLink((await mailsTo(u.email)).find((m) => m.template === 'reset_password')!.text);
    expect(link).toContain('/en/account/reset-password?token=');
    const token = tokenFromLink(link);
    expect(await resetPassword(tdb.db, { token, password: 'password2024' }, info(T0 + 1))).toEqual({ kind: 'weak', problem: 'common' });
    expect(await resetPassword(tdb.db, { token, password: 'una frase tutta nuova' }, info(T0 + 2))).toEqual({ kind: 'ok', userId: u.id });
    expect(await resetPassword(tdb.db, { token, password: 'and once more please' }, info(T0 + 3))).toEqual({ kind: 'invalid_token' });
    if (before.kind === 'ok') expect(await validateSessionToken(tdb.db, before.token, T0 + 4)).toBeNull();
    const after = await signIn(tdb.db, { email: u.email, password: 'una frase tutta nuova' }, info(T0 + 5, { ip: freshIp() }));
    expect(after.kind).toBe('ok');
    const row = await tdb.db.selectFrom('users').select('email_verified_at').where('id', '=', u.id).executeTakeFirstOrThrow();
    expect(row.email_verified_at).not.toBeNull();
  });

  it('refuses an expired reset link', async () => {
    const u = await makeUser(tdb.db);
    await requestPasswordReset(tdb.db, { email: u.email }, info(T0, { ip: freshIp() }));
    const token = tokenFromLink(firstLink((await mailsTo(u.email))[0]!.text));
    expect(await resetPassword(tdb.db, { token, password: 'una frase tutta nuova' }, info(T0 + 60 * 60_000))).toEqual({ kind: 'invalid_token' });
  });

  it('limits reset mails per address so nobody’s inbox can be flooded', async () => {
    const u = await makeUser(tdb.db);
    const kinds = [];
    for (let i = 0; i < 4; i++) kinds.push((await requestPasswordReset(tdb.db, { email: u.email }, info(T0, { ip: freshIp() }))).kind);
    expect(kinds).toEqual(['sent', 'sent', 'sent', 'rate_limited']);
  });
});

describe('roles', () => {
  it('sets a role by e-mail and reports unknown addresses', async () => {
    const u = await makeUser(tdb.db);
    expect(await setUserRole(tdb.db, u.email.toUpperCase(), 'moderator', T0)).toBe(true);
    expect((await tdb.db.selectFrom('users').select('role').where('id', '=', u.id).executeTakeFirstOrThrow()).role).toBe('moderator');
    expect(await setUserRole(tdb.db, 'nobody@example.org', 'admin', T0)).toBe(false);
  });
});
