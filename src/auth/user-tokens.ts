// One-time links (e-mail verification, password reset, company-claim verification) in the
// user_tokens table, with the same id + hashed-secret scheme as sessions. A link is used at most
// once: consuming it is a single conditional UPDATE, so two clicks cannot both succeed.
import type { DB } from '../db/client.ts';
import type { UserTokenTable } from '../db/schema.ts';
import { generateToken, hashSecret, secretMatches, splitToken } from './token.ts';

export type TokenKind = UserTokenTable['kind'];

/** How long each link works. Why: a reset link is a password, keep it short; the others less so. */
export const TOKEN_TTL_MS: Record<TokenKind, number> = {
  reset_password: 60 * 60_000,
  verify_email: 3 * 24 * 60 * 60_000,
  claim_company: 7 * 24 * 60 * 60_000,
};

export interface UserTokenData {
  id: string;
  userId: number;
  data: unknown;
  expiresAt: number;
}

export async function createUserToken(
  db: DB,
  userId: number,
  kind: TokenKind,
  now: number,
  data?: unknown,
): Promise<string> {
  const { id, secret, token } = generateToken();
  await db
    .insertInto('user_tokens')
    .values({
      id,
      user_id: userId,
      kind,
      secret_hash: hashSecret(secret),
      data: data === undefined ? null : JSON.stringify(data),
      created_at: now,
      expires_at: now + TOKEN_TTL_MS[kind],
      used_at: null,
    })
    .execute();
  return token;
}

/** The token if it is valid (right kind, not used, not expired), without using it up. */
export async function findUserToken(db: DB, token: string | null | undefined, kind: TokenKind, now: number): Promise<UserTokenData | null> {
  const parts = splitToken(token);
  if (!parts) return null;
  const row = await db
    .selectFrom('user_tokens')
    .selectAll()
    .where('id', '=', parts.id)
    .where('kind', '=', kind)
    .executeTakeFirst();
  if (!row || !secretMatches(parts.secret, row.secret_hash)) return null;
  if (row.used_at !== null || now >= row.expires_at) return null;
  return { id: row.id, userId: row.user_id, data: row.data === null ? null : JSON.parse(row.data), expiresAt: row.expires_at };
}

/** Validates and uses up the token in one step; null when invalid, expired or already used. */
export async function consumeUserToken(db: DB, token: string | null | undefined, kind: TokenKind, now: number): Promise<UserTokenData | null> {
  const found = await findUserToken(db, token, kind, now);
  if (!found) return null;
  const res = await db
    .updateTable('user_tokens')
    .set({ used_at: now })
    .where('id', '=', found.id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1 ? found : null;
}

/** Invalidates the user's other open links of a kind (a new reset link kills the old ones). */
export async function revokeUserTokens(db: DB, userId: number, kind: TokenKind, now: number): Promise<void> {
  await db
    .updateTable('user_tokens')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .where('used_at', 'is', null)
    .execute();
}

/** Erasure: every one-time link of the person. */
export async function deleteUserTokens(db: DB, userId: number): Promise<void> {
  await db.deleteFrom('user_tokens').where('user_id', '=', userId).execute();
}
