// Shared machinery of the reliability suite: the BUILT server (dist/server/entry.mjs) started on
// a free 127.0.0.1 port against a temporary database and photos directory, killed with SIGKILL or
// stopped, a seeded pseudo-random generator, test members with sessions written straight into the
// database, and the checks every scenario ends with. Every child process is started in its own
// process group and remembered, so afterAll (and process exit) can kill the whole group.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createSession } from '../../src/auth/session.ts';
import { openDatabase } from '../../src/db/client.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { PHOTO_SIZES, parsePhotoFileName } from '../../src/content/photos.ts';

export const root = new URL('../..', import.meta.url).pathname;

// --- processes ---------------------------------------------------------------------------------

const children = new Set<ChildProcess>();

/** Spawns a child in its own process group and remembers it for killAll(). */
export function spawnTracked(command: string, args: string[], options: { env: NodeJS.ProcessEnv; stdio?: 'pipe' | 'ignore' }): ChildProcess {
  const child = spawn(command, args, { cwd: root, env: options.env, detached: true, stdio: ['ignore', options.stdio ?? 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** SIGKILL to the child's whole process group (the child and anything it started). */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Kills every child still running (afterAll, and on process exit as a last resort). */
export async function killAll(): Promise<void> {
  const running = [...children];
  for (const child of running) killGroup(child);
  await Promise.all(running.map(exited));
}

process.once('exit', () => {
  for (const child of children) killGroup(child);
});

// --- seeded randomness -------------------------------------------------------------------------

export { prng, suiteSeed } from './random.ts';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// --- the server --------------------------------------------------------------------------------

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface DataDir {
  dir: string;
  dbPath: string;
  photosDir: string;
  remove(): void;
}

export function makeDataDir(prefix: string): DataDir {
  const dir = mkdtempSync(join(tmpdir(), `answerable-${prefix}-`));
  return { dir, dbPath: join(dir, 'answerable.sqlite'), photosDir: join(dir, 'photos'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RunningServer {
  child: ChildProcess;
  baseUrl: string;
  /** What the server wrote to stderr (shown when a check fails). */
  stderr: () => string;
}

/** Environment of the server and of helper processes for one data directory. */
export function serverEnv(data: DataDir, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_PATH: data.dbPath,
    PHOTOS_DIR: data.photosDir,
    SEED_DEMO: 'off',
    SMTP_URL: '',
    MEILISEARCH_URL: '',
    ...extra,
  };
}

/** Starts dist/server/entry.mjs and waits until /healthz answers 200 (bounded by attempts). */
export async function startServer(data: DataDir, extra: Record<string, string> = {}): Promise<RunningServer> {
  if (!existsSync(join(root, 'dist/server/entry.mjs'))) throw new Error('dist/server/entry.mjs is missing: run `node scripts/build-if-needed.mjs` (npm run test:reliability does)');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawnTracked(process.execPath, [join(root, 'dist/server/entry.mjs')], {
    env: serverEnv(data, { HOST: '127.0.0.1', PORT: String(port), SITE_URL: baseUrl, ...extra }),
    stdio: 'ignore',
  });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${err}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok) return { child, baseUrl, stderr: () => err };
    } catch {
      /* not listening yet */
    }
    await sleep(100);
  }
  killGroup(child);
  throw new Error(`the server at ${baseUrl} did not become healthy:\n${err}`);
}

export async function sigkill(server: RunningServer): Promise<void> {
  killGroup(server.child, 'SIGKILL');
  await exited(server.child);
}

// --- members and their sessions ----------------------------------------------------------------

export interface Member {
  userId: number;
  /** Cookie header value carrying the session token. */
  cookie: string;
}

/**
 * Migrates a fresh database and creates verified members with a session each (written directly,
 * as src/auth/session.ts does on sign-in), plus one company they write about.
 */
export interface PreparedDatabase {
  members: Member[];
  /** A representative of the company (verified claim): their replies answer the stories. */
  representative: Member;
  companySlug: string;
  companyName: string;
}

export async function prepareDatabase(dbPath: string, members: number): Promise<PreparedDatabase> {
  const { db } = openDatabase(dbPath);
  try {
    await migrateToLatest(db);
    const now = Date.now();
    const member = async (i: number, role: 'consumer' | 'company_rep'): Promise<Member> => {
      const { id } = await db
        .insertInto('users')
        .values({ email: `${role}-${i}@reliability.test`, email_verified_at: now, display_name: `Writer ${i}`, password_hash: 'not-a-real-hash', role, locale: i % 2 ? 'en' : 'it', created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      const { token } = await createSession(db, id, { now });
      return { userId: id, cookie: `answerable_session=${token}` };
    };
    const out: Member[] = [];
    for (let i = 0; i < members; i++) out.push(await member(i, 'consumer'));
    const company = await db
      .insertInto('companies')
      .values({ slug: 'affidabile-spa', name: 'Affidabile S.p.A.', name_key: 'affidabile', website: 'https://affidabile.example', domain: 'affidabile.example', created_at: now, updated_at: now })
      .returning(['id', 'slug', 'name'])
      .executeTakeFirstOrThrow();
    const representative = await member(members, 'company_rep');
    await db
      .insertInto('company_claims')
      .values({ company_id: company.id, user_id: representative.userId, method: 'domain_email', email: 'care@affidabile.example', status: 'verified', created_at: now })
      .execute();
    return { members: out, representative, companySlug: company.slug, companyName: company.name };
  } finally {
    await db.destroy();
  }
}

// --- checks ------------------------------------------------------------------------------------

export interface ConsistencyReport {
  integrity: string;
  foreignKeyViolations: number;
  stories: number;
  messages: number;
  photos: number;
  /** Photo rows missing one of their files. */
  rowsWithoutFiles: string[];
  /** Photo files (or leftover temporary files) with no row. */
  filesWithoutRows: string[];
}

/** Opens the database read-only (after the server is gone) and compares rows with files. */
export function inspect(dbPath: string, photosDir: string): ConsistencyReport {
  const sqlite = new Database(dbPath, { readonly: true });
  try {
    const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const foreignKeyViolations = (sqlite.pragma('foreign_key_check') as unknown[]).length;
    const count = (table: string) => (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    const photoIds = new Set((sqlite.prepare('select id from photos').all() as { id: string }[]).map((r) => r.id));
    const files = existsSync(photosDir) ? readdirSync(photosDir) : [];
    const fileSet = new Set(files);
    const rowsWithoutFiles = [...photoIds].filter((id) => PHOTO_SIZES.some((size) => !fileSet.has(`${id}-${size}.webp`)));
    const filesWithoutRows = files.filter((name) => {
      const parsed = parsePhotoFileName(name);
      return !parsed || !photoIds.has(parsed.id);
    });
    return { integrity, foreignKeyViolations, stories: count('stories'), messages: count('story_messages'), photos: photoIds.size, rowsWithoutFiles, filesWithoutRows };
  } finally {
    sqlite.close();
  }
}

/** Which of the given story ids / reply markers / photo ids are missing from the database. */
export function missingAcknowledged(dbPath: string, ack: Acknowledged): { stories: number[]; replies: string[]; photos: string[] } {
  const sqlite = new Database(dbPath, { readonly: true });
  try {
    const story = sqlite.prepare('select 1 from stories where id = ?');
    const reply = sqlite.prepare('select 1 from story_messages where story_id = ? and body = ?');
    const photo = sqlite.prepare('select 1 from photos where id = ?');
    return {
      stories: ack.stories.filter((id) => !story.get(id)),
      replies: ack.replies.filter((r) => !reply.get(r.storyId, r.body)).map((r) => r.body),
      photos: ack.photos.filter((id) => !photo.get(id)),
    };
  } finally {
    sqlite.close();
  }
}

export interface Acknowledged {
  stories: number[];
  replies: { storyId: number; body: string }[];
  photos: string[];
}

export function emptyAck(): Acknowledged {
  return { stories: [], replies: [], photos: [] };
}

export function copyAck(ack: Acknowledged): Acknowledged {
  return { stories: [...ack.stories], replies: [...ack.replies], photos: [...ack.photos] };
}

// --- the photo writer process (fallback: direct service calls, see photo-writer.ts) -------------

export interface PhotoWriter {
  child: ChildProcess;
  /** Photos acknowledged by this process so far. */
  count(): number;
  stderr(): string;
}

export function startPhotoWriter(data: DataDir, seed: number, ack: Acknowledged, maxPhotos = 60): PhotoWriter {
  const child = spawnTracked(process.execPath, [join(root, 'tests/reliability/photo-writer.ts'), data.dbPath, data.photosDir, String(seed), String(maxPhotos)], {
    env: serverEnv(data),
  });
  let count = 0;
  let pending = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => {
    pending += d.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const id = /^PHOTO ([0-9a-f]{32})$/.exec(line)?.[1];
      if (id) {
        ack.photos.push(id);
        count++;
      }
    }
  });
  child.stderr?.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
  return { child, count: () => count, stderr: () => err };
}

/** Waits until `done()` holds, checking every 10 ms, at most `attempts` times. */
export async function waitFor(done: () => boolean, attempts = 2_000): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    if (done()) return true;
    await sleep(10);
  }
  return done();
}
