// Tokens of the form "<id>.<secret>": the id finds the row, only SHA-256(secret) is stored, and the
// comparison is constant-time. A leaked database therefore yields no usable session or link.
// Used by sessions (src/auth/session.ts) and one-time links (src/auth/user-tokens.ts).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 120 bits: enough to make guessing an id pointless, short enough for a readable URL. */
const ID_BYTES = 15;
/** 256 bits of secret. */
const SECRET_BYTES = 32;

export interface SplitToken {
  id: string;
  secret: string;
}

export function generateToken(): { id: string; secret: string; token: string } {
  const id = randomBytes(ID_BYTES).toString('base64url');
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  return { id, secret, token: `${id}.${secret}` };
}

const TOKEN_SHAPE = /^([A-Za-z0-9_-]{20})\.([A-Za-z0-9_-]{43})$/;

/** Splits a token; anything of the wrong shape is null (never reaches the database). */
export function splitToken(token: string | null | undefined): SplitToken | null {
  if (!token) return null;
  const m = TOKEN_SHAPE.exec(token);
  return m ? { id: m[1]!, secret: m[2]! } : null;
}

export function hashSecret(secret: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(secret).digest());
}

/** Constant-time check of a presented secret against the stored hash. */
export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
  const presented = hashSecret(secret);
  return storedHash.length === presented.length && timingSafeEqual(presented, storedHash);
}

/** A stable, non-reversible key for rate limits and logs (never store raw e-mail there). */
export function digestKey(value: string): string {
  return createHash('sha256').update(value).digest('base64url').slice(0, 22);
}
