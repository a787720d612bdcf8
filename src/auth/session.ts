// Sessions as Lucia's author now recommends (lucia-auth.com, "Basic session implementation"):
// a session table, token = id + secret, only SHA-256(secret) stored, constant-time comparison,
// idle expiry plus an absolute lifetime, and a sliding refresh written at most once an hour so a
// busy reader does not turn every page view into a write. See docs/decisions/0001.
import { sql } from 'kysely';
import type { DB } from '../db/client.ts';
import type { Locale, Role } from '../db/schema.ts';
import { generateToken, hashSecret, secretMatches, splitToken } from './token.ts';
import type { SessionInfo, SessionUser } from './types.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** A session nobody has used for this long dies (a forgotten shared computer). */
export const SESSION_IDLE_MS = 14 * DAY;
/** No session lives longer than this, however active: a stolen cookie cannot live forever. */
export const SESSION_ABSOLUTE_MS = 60 * DAY;
/** last_seen_at / expires_at are written at most this often per session. */
export const SESSION_REFRESH_MS = HOUR;

export interface CreatedSession {
  token: string;
  session: SessionInfo;
}

export interface ValidatedSession {
  user: SessionUser;
  session: SessionInfo;
  /** True when the expiry moved forward: the caller re-sends the cookie with the new expiry. */
  refreshed: boolean;
}

export interface SessionListItem {
  id: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  userAgent: string | null;
}

function expiryFor(createdAt: number, lastSeenAt: number): number {
  return Math.min(lastSeenAt + SESSION_IDLE_MS, createdAt + SESSION_ABSOLUTE_MS);
}

export async function createSession(
  db: DB,
  userId: number,
  opts: { now: number; userAgent?: string | null },
): Promise<CreatedSession> {
  const { id, secret, token } = generateToken();
  const now = opts.now;
  const expiresAt = expiryFor(now, now);
  await db
    .insertInto('sessions')
    .values({
      id,
      user_id: userId,
      secret_hash: hashSecret(secret),
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
      user_agent: opts.userAgent ? opts.userAgent.slice(0, 300) : null,
    })
    .execute();
  return { token, session: { id, createdAt: now, expiresAt } };
}

interface SessionJoinRow {
  id: string;
  secret_hash: Uint8Array;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  user_id: number;
  email: string;
  display_name: string;
  role: Role;
  locale: Locale;
  email_verified_at: number | null;
  banned_at: number | null;
  company_ids: string | null;
}

/**
 * The session and its user for a cookie token, or null. Expired sessions and sessions of banned
 * users are deleted on sight. One query: the session, its user and the companies the user
 * represents (verified or moderator-approved claims).
 */
export async function validateSessionToken(db: DB, token: string | null | undefined, now: number): Promise<ValidatedSession | null> {
  const parts = splitToken(token);
  if (!parts) return null;
  const row = (await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id',
      's.secret_hash',
      's.created_at',
      's.last_seen_at',
      's.expires_at',
      's.user_id',
      'u.email',
      'u.display_name',
      'u.role',
      'u.locale',
      'u.email_verified_at',
      'u.banned_at',
      sql<string | null>`(select group_concat(c.company_id) from company_claims c
        where c.user_id = u.id and c.status in ('verified', 'approved'))`.as('company_ids'),
    ])
    .where('s.id', '=', parts.id)
    .executeTakeFirst()) as SessionJoinRow | undefined;
  if (!row) return null;
  if (!secretMatches(parts.secret, row.secret_hash)) return null;
  if (now >= row.expires_at || now >= row.created_at + SESSION_ABSOLUTE_MS || row.banned_at !== null) {
    await invalidateSession(db, row.id);
    return null;
  }
  let expiresAt = row.expires_at;
  let refreshed = false;
  if (now - row.last_seen_at >= SESSION_REFRESH_MS) {
    expiresAt = expiryFor(row.created_at, now);
    await db.updateTable('sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', row.id).execute();
    refreshed = true;
  }
  const companyIds = row.company_ids
    ? [...new Set(row.company_ids.split(',').map(Number))].sort((a, b) => a - b)
    : [];
  return {
    refreshed,
    session: { id: row.id, createdAt: row.created_at, expiresAt },
    user: {
      id: row.user_id,
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      locale: row.locale,
      emailVerified: row.email_verified_at !== null,
      companyIds,
    },
  };
}

export async function invalidateSession(db: DB, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Signs a user out everywhere; `exceptSessionId` keeps the session making the request. */
export async function invalidateUserSessions(db: DB, userId: number, exceptSessionId?: string): Promise<number> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId) q = q.where('id', '!=', exceptSessionId);
  const res = await q.executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** Revokes one of the user's own sessions; false when it is not theirs (or already gone). */
export async function revokeUserSession(db: DB, userId: number, sessionId: string): Promise<boolean> {
  const res = await db.deleteFrom('sessions').where('id', '=', sessionId).where('user_id', '=', userId).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export async function listUserSessions(db: DB, userId: number, now: number): Promise<SessionListItem[]> {
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'user_agent'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
    userAgent: r.user_agent,
  }));
}

/** Housekeeping: removes expired sessions (validation also removes them lazily). */
export async function deleteExpiredSessions(db: DB, now: number): Promise<number> {
  const res = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(res.numDeletedRows);
}
