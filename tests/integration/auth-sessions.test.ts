import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import {
  createSession,
  invalidateSession,
  listUserSessions,
  revokeUserSession,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  SESSION_REFRESH_MS,
  validateSessionToken,
  validateSessionTokenWithoutWrites,
} from '../../src/auth/session.ts';
import { deleteSessionCookie, parseSetCookie, readSessionToken, setSessionCookie } from '../../src/auth/cookies.ts';
import { banUser, changePassword, signIn, signOut, signOutEverywhere } from '../../src/services/account.service.ts';
import { contextFor, info, makeCompany, makeUser, PASSWORD, T0 } from './auth-fixtures.ts';

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb.cleanup();
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('sessions', () => {
  it('stores only a SHA-256 of the secret, never the token itself', async () => {
    const u = await makeUser(tdb.db);
    const { token, session } = await createSession(tdb.db, u.id, { now: T0 });
    const row = await tdb.db.selectFrom('sessions').selectAll().where('id', '=', session.id).executeTakeFirstOrThrow();
    const secret = token.split('.')[1]!;
    expect(Buffer.from(row.secret_hash).toString('base64url')).not.toContain(secret);
    expect(row.secret_hash.length).toBe(32);
    expect(JSON.stringify(row)).not.toContain(secret);
  });

  it('rejects a token whose secret was tampered with, and malformed tokens', async () => {
    const u = await makeUser(tdb.db);
    const { token } = await createSession(tdb.db, u.id, { now: T0 });
    const [id, secret] = token.split('.') as [string, string];
    const flipped = `${id}.${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    expect(await validateSessionToken(tdb.db, flipped, T0)).toBeNull();
    expect(await validateSessionToken(tdb.db, id, T0)).toBeNull();
    expect(await validateSessionToken(tdb.db, "x' or 1=1 --", T0)).toBeNull();
    expect(await validateSessionToken(tdb.db, token, T0)).not.toBeNull();
  });

  it('gives a new session at sign-in and deletes the one the browser presented (rotation)', async () => {
    const u = await makeUser(tdb.db);
    const first = await signIn(tdb.db, { email: u.email, password: PASSWORD }, info());
    expect(first.kind).toBe('ok');
    if (first.kind !== 'ok') return;
    const second = await signIn(tdb.db, { email: u.email, password: PASSWORD }, info(T0 + 1000), first.token);
    expect(second.kind).toBe('ok');
    if (second.kind !== 'ok') return;
    expect(second.session.id).not.toBe(first.session.id);
    expect(second.token).not.toBe(first.token);
    expect(await validateSessionToken(tdb.db, first.token, T0 + 2000)).toBeNull();
    const ok = await validateSessionToken(tdb.db, second.token, T0 + 2000);
    expect(ok?.user.id).toBe(u.id);
  });

  it('deletes the session server-side at sign-out, so a copied cookie stops working', async () => {
    const u = await makeUser(tdb.db);
    const { token, session } = await createSession(tdb.db, u.id, { now: T0 });
    await signOut(tdb.db, session.id);
    expect(await tdb.db.selectFrom('sessions').select('id').where('id', '=', session.id).executeTakeFirst()).toBeUndefined();
    expect(await validateSessionToken(tdb.db, token, T0 + 1)).toBeNull();
  });

  it('expires a session left idle longer than the idle limit', async () => {
    const u = await makeUser(tdb.db);
    const { token } = await createSession(tdb.db, u.id, { now: T0 });
    expect(await validateSessionToken(tdb.db, token, T0 + SESSION_IDLE_MS - 1)).not.toBeNull();
    const { token: idle } = await createSession(tdb.db, u.id, { now: T0 });
    expect(await validateSessionToken(tdb.db, idle, T0 + SESSION_IDLE_MS)).toBeNull();
    expect(await tdb.db.selectFrom('sessions').select('id').where('id', '=', idle.split('.')[0]!).executeTakeFirst()).toBeUndefined();
  });

  it('slides the idle expiry forward on use, at most once an hour', async () => {
    const u = await makeUser(tdb.db);
    const { token, session } = await createSession(tdb.db, u.id, { now: T0 });
    const soon = await validateSessionToken(tdb.db, token, T0 + SESSION_REFRESH_MS - 1);
    expect(soon?.refreshed).toBe(false);
    expect(soon?.session.expiresAt).toBe(session.expiresAt);
    const later = await validateSessionToken(tdb.db, token, T0 + SESSION_REFRESH_MS);
    expect(later?.refreshed).toBe(true);
    expect(later?.session.expiresAt).toBe(T0 + SESSION_REFRESH_MS + SESSION_IDLE_MS);
  });

  it('ends every session at its absolute lifetime however active it is', async () => {
    const u = await makeUser(tdb.db);
    const { token } = await createSession(tdb.db, u.id, { now: T0 });
    // Used every 10 days: never idle, yet it must die at the absolute limit.
    let t = T0;
    while (t + 10 * DAY < T0 + SESSION_ABSOLUTE_MS) {
      t += 10 * DAY;
      const v = await validateSessionToken(tdb.db, token, t);
      expect(v).not.toBeNull();
      expect(v!.session.expiresAt).toBeLessThanOrEqual(T0 + SESSION_ABSOLUTE_MS);
    }
    expect(await validateSessionToken(tdb.db, token, T0 + SESSION_ABSOLUTE_MS)).toBeNull();
  });

  it('revokes every session, on all devices, when the password changes, and opens a fresh one', async () => {
    const u = await makeUser(tdb.db);
    const a = await createSession(tdb.db, u.id, { now: T0 });
    const b = await createSession(tdb.db, u.id, { now: T0 });
    const res = await changePassword(tdb.db, u.id, { current: PASSWORD, password: 'una nuova frase segreta 7' }, info(T0 + 1000));
    expect(res.kind).toBe('ok');
    if (res.kind !== 'ok') return;
    expect(await validateSessionToken(tdb.db, a.token, T0 + 2000)).toBeNull();
    expect(await validateSessionToken(tdb.db, b.token, T0 + 2000)).toBeNull();
    expect((await validateSessionToken(tdb.db, res.token, T0 + 2000))?.user.id).toBe(u.id);
    expect(await listUserSessions(tdb.db, u.id, T0 + 2000)).toHaveLength(1);
    const old = await signIn(tdb.db, { email: u.email, password: PASSWORD }, info(T0 + 3000));
    expect(old.kind).toBe('invalid');
  });

  it('refuses to change the password when the current one is wrong, and keeps the sessions', async () => {
    const u = await makeUser(tdb.db);
    const a = await createSession(tdb.db, u.id, { now: T0 });
    const res = await changePassword(tdb.db, u.id, { current: 'not the password', password: 'una nuova frase segreta 7' }, info());
    expect(res.kind).toBe('wrong_current');
    expect(await validateSessionToken(tdb.db, a.token, T0 + 1)).not.toBeNull();
  });

  it('revokes every session when a user is banned, and refuses their sign-in', async () => {
    const u = await makeUser(tdb.db);
    const a = await createSession(tdb.db, u.id, { now: T0 });
    await banUser(tdb.db, { id: null, role: 'system' }, u.id, T0 + 1, 'spam');
    expect(await validateSessionToken(tdb.db, a.token, T0 + 2)).toBeNull();
    const again = await signIn(tdb.db, { email: u.email, password: PASSWORD }, info(T0 + 3));
    expect(again.kind).toBe('banned');
  });

  it('signs out everywhere, and lets a user revoke only their own sessions', async () => {
    const u = await makeUser(tdb.db);
    const other = await makeUser(tdb.db);
    const mine = await createSession(tdb.db, u.id, { now: T0, userAgent: 'Firefox' });
    const theirs = await createSession(tdb.db, other.id, { now: T0 });
    expect(await revokeUserSession(tdb.db, u.id, theirs.session.id)).toBe(false);
    expect(await validateSessionToken(tdb.db, theirs.token, T0 + 1)).not.toBeNull();
    await createSession(tdb.db, u.id, { now: T0 });
    expect((await listUserSessions(tdb.db, u.id, T0 + 1)).map((s) => s.userAgent)).toContain('Firefox');
    expect(await signOutEverywhere(tdb.db, u.id, T0 + 1)).toBe(2);
    expect(await validateSessionToken(tdb.db, mine.token, T0 + 2)).toBeNull();
    await invalidateSession(tdb.db, theirs.session.id);
  });

  it('loads the companies a user represents with the session', async () => {
    const u = await makeUser(tdb.db);
    const { token } = await createSession(tdb.db, u.id, { now: T0 });
    expect((await validateSessionToken(tdb.db, token, T0))?.user.companyIds).toEqual([]);
  });
});

describe('read-only session validation (the page cache fast path)', () => {
  it('agrees with the full validation whenever that one writes nothing, and otherwise declines without writing', async () => {
    const u = await makeUser(tdb.db, { role: 'company_rep', name: 'Rita' });
    const companies = [await makeCompany(tdb.db, `c-${u.id}-b`, null), await makeCompany(tdb.db, `c-${u.id}-a`, null)];
    for (const [i, companyId] of companies.entries()) {
      await tdb.db
        .insertInto('company_claims')
        .values({ company_id: companyId, user_id: u.id, method: 'moderator', email: null, status: i === 0 ? 'approved' : 'verified', created_at: T0, decided_at: T0, decided_by: null })
        .execute();
    }
    const { token, session } = await createSession(tdb.db, u.id, { now: T0 });
    const sessionRow = () => tdb.db.selectFrom('sessions').selectAll().where('id', '=', session.id).executeTakeFirst();
    const before = await sessionRow();

    // Within the hour: both give the same user and session, nothing is written.
    for (const now of [T0, T0 + SESSION_REFRESH_MS - 1]) {
      const readOnly = validateSessionTokenWithoutWrites(tdb.sqlite, token, now);
      expect(readOnly).toEqual(await validateSessionToken(tdb.db, token, now));
      expect(readOnly?.user).toMatchObject({ displayName: 'Rita', role: 'company_rep', companyIds: [...companies].sort((a, b) => a - b) });
    }
    expect(await sessionRow()).toEqual(before);

    // Refresh due, idle, past the absolute lifetime, tampered, unknown: null, and still nothing written.
    const [id, secret] = token.split('.') as [string, string];
    for (const [candidate, now] of [
      [token, T0 + SESSION_REFRESH_MS],
      [token, T0 + SESSION_IDLE_MS],
      [token, T0 + SESSION_ABSOLUTE_MS],
      [`${id}.${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`, T0],
      [`${'A'.repeat(20)}.${secret}`, T0],
      ['garbage', T0],
      [null, T0],
    ] as const) {
      expect(validateSessionTokenWithoutWrites(tdb.sqlite, candidate, now)).toBeNull();
    }
    expect(await sessionRow()).toEqual(before);

    // After the full path has refreshed it, the read-only one accepts it again for the next hour.
    expect((await validateSessionToken(tdb.db, token, T0 + SESSION_REFRESH_MS))?.refreshed).toBe(true);
    expect(validateSessionTokenWithoutWrites(tdb.sqlite, token, T0 + SESSION_REFRESH_MS + 1)?.session.expiresAt).toBe(T0 + SESSION_REFRESH_MS + SESSION_IDLE_MS);

    // A banned user: declined (the full path deletes the session).
    await tdb.db.updateTable('users').set({ banned_at: T0 }).where('id', '=', u.id).execute();
    expect(validateSessionTokenWithoutWrites(tdb.sqlite, token, T0 + SESSION_REFRESH_MS + 2)).toBeNull();
    expect(await sessionRow()).toBeDefined();
    expect(await validateSessionToken(tdb.db, token, T0 + SESSION_REFRESH_MS + 2)).toBeNull();
    expect(await sessionRow()).toBeUndefined();
  });
});

describe('session cookie', () => {
  it('is HttpOnly, Secure, SameSite=Lax, Path=/ and expires with the session on http://localhost', async () => {
    const ctx = contextFor('http://localhost:4321/it/account/sign-in');
    const expiresAt = T0 + SESSION_IDLE_MS;
    setSessionCookie(ctx.cookies, ctx.url, 'abc.def', expiresAt);
    const headers = [...ctx.cookies.headers()];
    expect(headers).toHaveLength(1);
    const flags = parseSetCookie(headers[0]!);
    expect(flags).toMatchObject({ name: 'answerable_session', value: 'abc.def', httpOnly: true, secure: true, path: '/', domain: null });
    expect(flags.sameSite?.toLowerCase()).toBe('lax');
    expect(flags.expires?.getTime()).toBe(Math.floor(expiresAt / 1000) * 1000);
  });

  it('carries the __Host- prefix over HTTPS, and is read back under the same name', async () => {
    const ctx = contextFor('https://answerable.example/en/account');
    setSessionCookie(ctx.cookies, ctx.url, 'tok.en', T0 + DAY);
    const flags = parseSetCookie([...ctx.cookies.headers()][0]!);
    expect(flags.name).toBe('__Host-answerable_session');
    expect(flags.secure).toBe(true);
    expect(flags.path).toBe('/');
    expect(flags.domain).toBeNull();
    const back = contextFor('https://answerable.example/en/account', { headers: { cookie: '__Host-answerable_session=tok.en; answerable_session=wrong' } });
    expect(readSessionToken(back.cookies, back.url)).toBe('tok.en');
  });

  it('is removed with the same attributes at sign-out', async () => {
    const ctx = contextFor('http://localhost:4321/it/account/sign-out');
    deleteSessionCookie(ctx.cookies, ctx.url);
    const flags = parseSetCookie([...ctx.cookies.headers()][0]!);
    expect(flags.name).toBe('answerable_session');
    expect(flags.value).toBe('deleted');
    expect(flags.httpOnly && flags.secure).toBe(true);
    expect(flags.expires!.getTime()).toBeLessThan(Date.now());
  });
});
