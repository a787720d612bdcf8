// Password hashing with node:crypto scrypt, N=2^17, r=8, p=1 (OWASP's current scrypt baseline).
// Memory per hash is 128·N·r = 128 MiB, above Node's 32 MiB default, so maxmem is raised.
// The stored string carries its parameters, so they can be raised later without breaking old
// hashes (needsRehash tells when to upgrade at the next sign-in). See docs/decisions/0001.
//
// Every hash waits its turn in one bounded queue (decision 0018) and runs on a small pool of
// worker threads, never in libuv's thread pool (which file I/O — photos, SQLite's async callers —
// needs): at most HASH_CONCURRENCY hashes run at once, so the 128 MiB buffers stay bounded, and
// each worker lowers its own thread's scheduling priority (Linux: nice 10), so under load the
// event loop answers pages first. When HASH_QUEUE_MAX callers already wait, the next one gets a
// HashingBusy error at once (the pages answer 503 with Retry-After) instead of adding to a pile
// nobody can serve in time.
import { randomBytes, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { isCommonPassword } from './common-passwords.ts';
import { config } from '../config.ts';

/** The production cost: N = 2^17. */
export const SCRYPT_LOG_N = 17;
export const SCRYPT_R = 8;
export const SCRYPT_P = 1;
const KEY_LENGTH = 32;
const SALT_BYTES = 16;

/** Why 10: long enough to rule out most guessable choices, short enough for a passphrase habit. */
export const PASSWORD_MIN_LENGTH = 10;
/** Why 256: scrypt takes any length, but a cap stops megabyte "passwords" from being posted. */
export const PASSWORD_MAX_LENGTH = 256;

/**
 * The cost new hashes get. Production always uses SCRYPT_LOG_N; only when NODE_ENV is 'test' may
 * SCRYPT_LOG_N in the environment lower it (vitest.config.ts sets 12), so unit tests do not spend
 * seconds per hash. Stored hashes name their own cost, so a cheap test hash still verifies.
 */
export function scryptLogN(): number {
  return config().testScryptLogN ?? SCRYPT_LOG_N;
}

/**
 * How many hashes run at once: half the cores, at least one. Why not more: each run takes a core
 * and one of libuv's four pool threads for its whole duration; the rest of the server needs both.
 */
export const HASH_CONCURRENCY = Math.max(1, Math.floor(availableParallelism() / 2));
/** How many may wait. Why 16: at ~0.3 s a hash, the last one waits a few seconds, not a minute. */
export const HASH_QUEUE_MAX = 16;

/** The hashing queue is full: refuse the request now and ask the client to come back. */
export class HashingBusy extends Error {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super('password hashing queue is full');
    this.name = 'HashingBusy';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

let running = 0;
const waiting: (() => void)[] = [];

/** Runs `job` when a hashing slot is free; throws HashingBusy when too many already wait. */
async function inHashingQueue<T>(job: () => Promise<T>): Promise<T> {
  if (running >= HASH_CONCURRENCY) {
    const retryAfter = hashingQueueFull();
    if (retryAfter !== null) throw new HashingBusy(retryAfter);
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running++;
  }
  try {
    return await job();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** Seconds to come back after when a new hash would be refused right now, else null. */
export function hashingQueueFull(): number | null {
  return running >= HASH_CONCURRENCY && waiting.length >= HASH_QUEUE_MAX ? Math.max(1, Math.ceil(waiting.length / HASH_CONCURRENCY)) : null;
}

// The worker: plain CommonJS evaluated from this string, so the server bundle needs no extra file.
// It nices its own thread (/proc/thread-self names the thread id; other systems skip this).
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');
try {
  const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
  if (tid > 0) require('node:os').setPriority(tid, 10);
} catch {}
parentPort.on('message', (job) => {
  try {
    const key = scryptSync(job.password, Buffer.from(job.salt), job.keyLength, job.options);
    parentPort.postMessage({ key });
  } catch (error) {
    parentPort.postMessage({ error: String((error && error.message) || error) });
  }
});
`;

interface HashWorker {
  alive(): boolean;
  run(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer>;
}

const idleWorkers: HashWorker[] = [];

function startWorker(): HashWorker {
  const worker = new Worker(WORKER_SOURCE, { eval: true, name: 'password-hashing' });
  worker.unref(); // an idle pool never keeps a script (seed, tests) alive
  let pending: { resolve: (key: Buffer) => void; reject: (error: Error) => void } | null = null;
  let dead = false;
  const fail = (error: Error) => {
    dead = true;
    const index = idleWorkers.indexOf(self);
    if (index >= 0) idleWorkers.splice(index, 1);
    pending?.reject(error);
    pending = null;
  };
  worker.on('message', (m: { key?: Uint8Array; error?: string }) => {
    const p = pending;
    pending = null;
    if (!p) return;
    if (m.key) p.resolve(Buffer.from(m.key));
    else p.reject(new Error(m.error ?? 'scrypt failed'));
  });
  worker.on('error', (error) => fail(error));
  worker.on('exit', (code) => fail(new Error(`password hashing worker exited (${code})`)));
  const self: HashWorker = {
    alive: () => !dead,
    async run(password, salt, options) {
      if (dead) throw new Error('password hashing worker is gone');
      worker.ref(); // a hash in progress keeps the process alive until it is done
      try {
        return await new Promise<Buffer>((resolve, reject) => {
          pending = { resolve, reject };
          worker.postMessage({ password, salt, keyLength: KEY_LENGTH, options });
        });
      } finally {
        worker.unref();
      }
    },
  };
  return self;
}

function scryptAsync(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** logN;
  const options: ScryptOptions = { N, r, p, maxmem: 128 * N * r * 2 };
  return inHashingQueue(async () => {
    // The queue admits at most HASH_CONCURRENCY jobs, so at most that many workers exist.
    const hasher = idleWorkers.pop() ?? startWorker();
    try {
      return await hasher.run(password.normalize('NFKC'), salt, options);
    } finally {
      if (hasher.alive()) idleWorkers.push(hasher);
    }
  });
}

/** "scrypt$17$8$1$<salt b64>$<key b64>" */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const logN = scryptLogN();
  const key = await scryptAsync(password, salt, logN, SCRYPT_R, SCRYPT_P);
  return ['scrypt', logN, SCRYPT_R, SCRYPT_P, salt.toString('base64'), key.toString('base64')].join('$');
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
  return !parsed || parsed.logN < scryptLogN() || parsed.r !== SCRYPT_R || parsed.p !== SCRYPT_P;
}

let dummyHash: Promise<string> | undefined;

/**
 * Burns the same time as a real verification. Used when the e-mail is unknown, so that the
 * response time of sign-in does not tell whether an account exists.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('answerable-dummy-password-for-timing').catch((error: unknown) => {
    dummyHash = undefined; // refused (queue full): the next caller makes it
    throw error;
  });
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
