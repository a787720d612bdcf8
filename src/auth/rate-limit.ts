// Fixed-window rate limits kept in the rate_limits table, so they hold across restarts and
// between server processes sharing the database. One atomic upsert per check: no read-then-write
// race between two requests of the same client.
import { sql } from 'kysely';
import type { DB } from '../db/client.ts';
import { t, type Locale } from '../i18n/index.ts';

export type RateLimitResult =
  | { ok: true; remaining: number }
  | { ok: false; retryAfterSeconds: number };

/**
 * Counts one hit for `key`. The window starts at the first hit and lasts `windowMs`; after
 * `limit` hits inside it the answer is "no" until it ends.
 */
export async function rateLimit(db: DB, key: string, limit: number, windowMs: number, now: number): Promise<RateLimitResult> {
  const row = await sql<{ window_start: number; count: number }>`
    insert into rate_limits (key, window_start, count) values (${key}, ${now}, 1)
    on conflict (key) do update set
      count = case when rate_limits.window_start + ${windowMs} <= excluded.window_start then 1 else rate_limits.count + 1 end,
      window_start = case when rate_limits.window_start + ${windowMs} <= excluded.window_start then excluded.window_start else rate_limits.window_start end
    returning window_start, count`.execute(db);
  const { window_start, count } = row.rows[0]!;
  if (count <= limit) return { ok: true, remaining: limit - count };
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window_start + windowMs - now) / 1000)) };
}

/**
 * Whether `key` is already over its limit, without counting a hit. With rateLimit() after a
 * failure, this limits failures only (sign-in: successful sign-ins never lock anybody out).
 */
export async function rateLimitPeek(db: DB, key: string, limit: number, windowMs: number, now: number): Promise<RateLimitResult> {
  const row = await db.selectFrom('rate_limits').select(['window_start', 'count']).where('key', '=', key).executeTakeFirst();
  if (!row || row.window_start + windowMs <= now || row.count < limit) return { ok: true, remaining: row && row.window_start + windowMs > now ? limit - row.count : limit };
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((row.window_start + windowMs - now) / 1000)) };
}

/** Checks several limits (e.g. per address and per e-mail); every one counts the hit. */
export async function rateLimitAll(
  db: DB,
  checks: { key: string; limit: number; windowMs: number }[],
  now: number,
): Promise<RateLimitResult> {
  let worst: RateLimitResult = { ok: true, remaining: Number.POSITIVE_INFINITY };
  for (const c of checks) {
    const r = await rateLimit(db, c.key, c.limit, c.windowMs, now);
    if (!r.ok && (worst.ok || r.retryAfterSeconds > worst.retryAfterSeconds)) worst = r;
    else if (r.ok && worst.ok) worst = { ok: true, remaining: Math.min(worst.remaining, r.remaining) };
  }
  return worst;
}

/**
 * Gives one hit back (a reserved attempt that turned out fine, e.g. a successful sign-in), inside
 * the current window only; never below zero.
 */
export async function releaseRateLimit(db: DB, key: string, windowMs: number, now: number): Promise<void> {
  await db
    .updateTable('rate_limits')
    .set((eb) => ({ count: sql<number>`max(${eb.ref('count')} - 1, 0)` }))
    .where('key', '=', key)
    .where('window_start', '>', now - windowMs)
    .execute();
}

/** Forgets a key, e.g. the per-account sign-in failures after a successful sign-in. */
export async function resetRateLimit(db: DB, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}

/** Housekeeping: drops windows that ended more than `maxWindowMs` ago. */
export async function pruneRateLimits(db: DB, now: number, maxWindowMs: number): Promise<number> {
  const res = await db.deleteFrom('rate_limits').where('window_start', '<', now - maxWindowMs).executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** The limits of the account forms. Why these numbers: a person never hits them, a script soon does. */
export const AUTH_LIMITS = {
  // Sign-in (decision 0019): every attempt is counted BEFORE its password is checked, so a burst
  // of concurrent guesses gets no more checks than the limit; a success gives its hit back.
  /** Per client address, across any accounts. */
  signInPerIp: { limit: 20, windowMs: 15 * 60_000 },
  /** Per account and client address: the guesser's own limit, which never touches the owner elsewhere. */
  signInPerAccountAndIp: { limit: 10, windowMs: 15 * 60_000 },
  /**
   * Per account from all addresses: slows guessing from many addresses, but only for addresses that
   * already failed `signInFreshTries` times on this account, so a right password from a new place
   * still gets in while somebody else hammers the account.
   */
  signInPerAccount: { limit: 10, windowMs: 15 * 60_000 },
  signInFreshTries: 2,
  /** Per account, for every address: the hard ceiling against guessing from very many addresses. */
  signInAccountCeiling: { limit: 100, windowMs: 15 * 60_000 },
  signUpPerIp: { limit: 20, windowMs: 60 * 60_000 },
  /** Per address signed up with: an existing account's owner gets at most this many "account exists" mails. */
  signUpPerEmail: { limit: 3, windowMs: 60 * 60_000 },
  resetPerIp: { limit: 10, windowMs: 60 * 60_000 },
  /** Per address asked for: nobody's inbox gets flooded with reset mails. */
  resetPerEmail: { limit: 3, windowMs: 60 * 60_000 },
  verifyResendPerUser: { limit: 3, windowMs: 60 * 60_000 },
  claimPerUser: { limit: 5, windowMs: 24 * 60 * 60_000 },
} as const;

/** A plain 429 answer with Retry-After, for endpoints and JSON routes. */
export function tooManyRequests(locale: Locale, retryAfterSeconds: number, json = false): Response {
  const message = t(locale, 'error.tooMany', { seconds: retryAfterSeconds });
  const headers = { 'Retry-After': String(retryAfterSeconds), 'Cache-Control': 'no-store' };
  return json
    ? Response.json({ error: 'rate_limited', message, retryAfter: retryAfterSeconds }, { status: 429, headers })
    : new Response(message, { status: 429, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** Erasure: the rate-limit windows keyed by the account ("report:user:7", "publish:7", …). */
export async function deleteAccountRateLimits(db: DB, userId: number): Promise<void> {
  await db
    .deleteFrom('rate_limits')
    .where((eb) => eb.or([eb('key', 'like', `%:user:${userId}`), eb('key', '=', `publish:${userId}`)]))
    .execute();
}
