// Password hashing with node:crypto scrypt, N=2^17, r=8, p=1 (OWASP's current scrypt baseline).
// Memory per hash is 128·N·r = 128 MiB, above Node's 32 MiB default, so maxmem is raised.
// The stored string carries its parameters, so they can be raised later without breaking old
// hashes (needsRehash tells when to upgrade at the next sign-in). See docs/decisions/0001.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { isCommonPassword } from './common-passwords.ts';

export const SCRYPT_LOG_N = 17;
export const SCRYPT_R = 8;
export const SCRYPT_P = 1;
const KEY_LENGTH = 32;
const SALT_BYTES = 16;

/** Why 10: long enough to rule out most guessable choices, short enough for a passphrase habit. */
export const PASSWORD_MIN_LENGTH = 10;
/** Why 256: scrypt takes any length, but a cap stops megabyte "passwords" from being posted. */
export const PASSWORD_MAX_LENGTH = 256;

function scryptAsync(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** logN;
  const options: ScryptOptions = { N, r, p, maxmem: 128 * N * r * 2 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** "scrypt$17$8$1$<salt b64>$<key b64>" */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await scryptAsync(password, salt, SCRYPT_LOG_N, SCRYPT_R, SCRYPT_P);
  return ['scrypt', SCRYPT_LOG_N, SCRYPT_R, SCRYPT_P, salt.toString('base64'), key.toString('base64')].join('$');
}

interface ParsedHash {
  logN: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [logN, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (![logN, r, p].every((n) => Number.isInteger(n) && n > 0) || logN > 20 || r > 32 || p > 16) return null;
  return { logN, r, p, salt: Buffer.from(parts[4]!, 'base64'), key: Buffer.from(parts[5]!, 'base64') };
}

/** Constant-time verification. A malformed stored hash never matches. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await scryptAsync(password, parsed.salt, parsed.logN, parsed.r, parsed.p);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  return !parsed || parsed.logN < SCRYPT_LOG_N || parsed.r !== SCRYPT_R || parsed.p !== SCRYPT_P;
}

let dummyHash: Promise<string> | undefined;

/**
 * Burns the same time as a real verification. Used when the e-mail is unknown, so that the
 * response time of sign-in does not tell whether an account exists.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('answerable-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
  return false;
}

export type PasswordProblem = 'tooShort' | 'tooLong' | 'common' | 'containsEmail';

/** Policy: length, not on the common list, not the e-mail or display name itself. */
export function passwordProblem(password: string, context: { email?: string; displayName?: string } = {}): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'tooShort';
  if (length > PASSWORD_MAX_LENGTH) return 'tooLong';
  if (isCommonPassword(password)) return 'common';
  const lower = password.toLowerCase();
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local) && lower.length - local.length < 4) return 'containsEmail';
  const name = context.displayName?.toLowerCase().replace(/\s+/g, '');
  if (name && name.length >= 4 && lower.replace(/\s+/g, '').includes(name) && lower.length - name.length < 4) return 'containsEmail';
  return null;
}
