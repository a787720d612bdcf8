import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import type { MailMessage } from '../../src/db/outbox.repository.ts';
import { AUTH_LIMITS, rateLimit, tooManyRequests } from '../../src/auth/rate-limit.ts';
import { isCommonPassword } from '../../src/auth/common-passwords.ts';
import { hashPassword, needsRehash, passwordProblem, SCRYPT_LOG_N, scryptLogN, verifyPassword } from '../../src/auth/password.ts';
import { validateSessionToken } from '../../src/auth/session.ts';
import { digestKey } from '../../src/auth/token.ts';
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
    // The suite hashes cheaply (SCRYPT_LOG_N=12 in vitest.config.ts); this test checks the real cost.
    const cheap = process.env.SCRYPT_LOG_N;
    delete process.env.SCRYPT_LOG_N;
    const hash = await hashPassword('a long enough phrase').finally(() => {
      if (cheap !== undefined) process.env.SCRYPT_LOG_N = cheap;
    });
    expect(hash).toMatch(/^scrypt\$17\$8\$1\$/);
    expect(await verifyPassword(hash, 'a long enough phrase')).toBe(true);
    expect(await verifyPassword(hash, 'a long enough phrasE')).toBe(false);
    expect(await verifyPassword('garbage', 'x')).toBe(false);
    delete process.env.SCRYPT_LOG_N;
    try {
      expect(needsRehash(hash)).toBe(false);
      expect(needsRehash('scrypt$14$8$1$AAAA$BBBB')).toBe(true);
    } finally {
      if (cheap !== undefined) process.env.SCRYPT_LOG_N = cheap;
    }
  });

  it('hashes cheaply only in tests, and a stored hash names its own cost', async () => {
    const hash = await hashPassword('a long enough phrase');
    expect(hash).toMatch(new RegExp(`^scrypt\\$${process.env.SCRYPT_LOG_N ?? 17}\\$8\\$1\\$`));
    expect(await verifyPassword(hash, 'a long enough phrase')).toBe(true);
    const env = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      expect(scryptLogN()).toBe(SCRYPT_LOG_N);
      expect(needsRehash(hash)).toBe(process.env.SCRYPT_LOG_N !== undefined);
    } finally {
      process.env.NODE_ENV = env;
    }
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
    // The link verifies the address and opens no session (it could be somebody else's link).
    expect(verified).toEqual({ userId: user.id });
    expect(await tdb.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).toEqual([]);
    const after = await tdb.db.selectFrom('users').select('email_verified_at').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(after.email_verified_at).toBe(T0 + 1000);
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

  it('rate-limits password guessing on one account and answers with Retry-After, without locking the owner out', async () => {
    const u = await makeUser(tdb.db);
    const attacker = freshIp();
    const results = [];
    for (let i = 0; i < 11; i++) {
      results.push(await signIn(tdb.db, { email: u.email, password: `wrong guess number ${i}` }, info(T0 + i, { ip: attacker })));
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
    // Even the right password waits at that address: the limiter answers before the password is checked.
    expect((await signIn(tdb.db, { email: u.email, password: PASSWORD }, info(T0 + 20, { ip: attacker }))).kind).toBe('rate_limited');
    // The owner, from another address, gets in.
    expect((await signIn(tdb.db, { email: u.email, password: PASSWORD }, info(T0 + 21, { ip: freshIp() }))).kind).toBe('ok');
    // After the window the attacker's address may try again.
    expect((await signIn(tdb.db, { email: u.email, password: PASSWORD }, info(T0 + 15 * 60_000 + 1, { ip: attacker }))).kind).toBe('ok');
  });

  it('slows guessing from many addresses: once the account is hot, an address that already failed twice waits', async () => {
    const u = await makeUser(tdb.db);
    for (let i = 0; i < 10; i++) expect((await signIn(tdb.db, { email: u.email, password: `guess ${i}` }, info(T0 + i, { ip: freshIp() }))).kind).toBe('invalid');
    const ip = freshIp();
    expect((await signIn(tdb.db, { email: u.email, password: 'guess a' }, info(T0 + 20, { ip }))).kind).toBe('invalid');
    expect((await signIn(tdb.db, { email: u.email, password: 'guess b' }, info(T0 + 21, { ip }))).kind).toBe('invalid');
    expect((await signIn(tdb.db, { email: u.email, password: PASSWORD }, info(T0 + 22, { ip }))).kind).toBe('rate_limited');
    // A new place still gets its first tries, so the owner is not locked out by the others.
    expect((await signIn(tdb.db, { email: u.email, password: PASSWORD }, info(T0 + 23, { ip: freshIp() }))).kind).toBe('ok');
  });

  it('has a hard per-account ceiling for guessing from very many addresses', async () => {
    const u = await makeUser(tdb.db);
    const { limit, windowMs } = AUTH_LIMITS.signInAccountCeiling;
    const key = `signin:account:${digestKey(u.email)}`;
    for (let i = 0; i < limit; i++) await rateLimit(tdb.db, key, limit, windowMs, T0);
    expect((await signIn(tdb.db, { email: u.email, password: PASSWORD }, info(T0 + 1, { ip: freshIp() }))).kind).toBe('rate_limited');
  });

  it('counts concurrent attempts before checking: no more password checks than the limit', async () => {
    const u = await makeUser(tdb.db);
    const ip = freshIp();
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn(tdb.db, { email: u.email, password: `parallel guess ${i}` }, info(T0 + i, { ip }))));
    expect(results.filter((r) => r.kind === 'invalid').length).toBe(AUTH_LIMITS.signInPerAccountAndIp.limit);
    expect(results.filter((r) => r.kind === 'rate_limited').length).toBe(30 - AUTH_LIMITS.signInPerAccountAndIp.limit);
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
  it('answers the same whether or not the address exists; only a real account gets a link', async () => {
    const u = await makeUser(tdb.db);
    const known = await requestPasswordReset(tdb.db, { email: u.email }, info(T0, { ip: freshIp() }));
    const unknown = await requestPasswordReset(tdb.db, { email: 'ghost@example.org' }, info(T0, { ip: freshIp() }));
    expect(known).toEqual(unknown);
    expect((await mailsTo(u.email)).map((m) => m.template)).toEqual(['reset_password']);
    // The same work for an unknown address: one mail, which says no account uses it (no link).
    const ghost = await mailsTo('ghost@example.org');
    expect(ghost.map((m) => m.template)).toEqual(['reset_no_account']);
    expect(ghost[0]!.text).not.toContain('reset-password');
    expect(ghost[0]!.text).toContain('/en/account/sign-up');
  });

  it('keeps only the newest reset link alive', async () => {
    const u = await makeUser(tdb.db);
    await requestPasswordReset(tdb.db, { email: u.email }, info(T0, { ip: freshIp() }));
    await requestPasswordReset(tdb.db, { email: u.email }, info(T0 + 1, { ip: freshIp() }));
    const [older, newer] = (await mailsTo(u.email)).filter((m) => m.template === 'reset_password').map((m) => tokenFromLink(firstLink(m.text)));
    expect(await resetPassword(tdb.db, { token: older!, password: 'una frase tutta nuova' }, info(T0 + 2))).toEqual({ kind: 'invalid_token' });
    expect(await resetPassword(tdb.db, { token: newer!, password: 'una frase tutta nuova' }, info(T0 + 3))).toEqual({ kind: 'ok', userId: u.id });
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
