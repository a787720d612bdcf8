// The built server on a free port with the bench database, and autocannon runs against it.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createSession } from '../../src/auth/session.ts';
import type { OpenedDatabase } from '../../src/db/client.ts';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  pid: number;
  child: ChildProcess;
  stop(): Promise<void>;
  /** Peak resident memory so far (VmHWM), in MiB; null where /proc is not available. */
  peakRssMiB(): number | null;
  /** CPU time the server process has used so far (user + system), in ms; null without /proc. */
  cpuMs(): number | null;
  output(): string;
}

export async function startServer(root: string, databasePath: string, extraEnv: Record<string, string> = {}, nodeArgs: string[] = []): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  // The server as deployed (npm start): scripts/serve.mjs in front of Astro's handler, with the
  // V8 flags `npm start` gives it (package.json; decision 0014).
  const child = spawn(process.execPath, ['--max-semi-space-size=8', '--max-old-space-size=256', ...nodeArgs, join(root, 'scripts/serve.mjs')], {
    cwd: root,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_PATH: databasePath,
      SITE_URL: url,
      NODE_ENV: 'production',
      // Measure page rendering alone: no background relays or scheduler competing for the CPU.
      ANSWERABLE_WORKERS: 'off',
      MAIL_RELAY: 'off',
      // The benchmark's load comes from one address: the per-IP read limits would measure 429s.
      SEARCH_RATE_LIMIT_PER_MINUTE: '1000000',
      API_RATE_LIMIT_PER_MINUTE: '1000000',
      // FTS5 unless a run asks for Meilisearch explicitly (its own server run passes MEILISEARCH_URL).
      MEILISEARCH_URL: '',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited during start-up:\n${log}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer /healthz within 60 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid!,
    child,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
    },
    peakRssMiB() {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1]);
        return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
      } catch {
        return null;
      }
    },
    cpuMs() {
      try {
        // Fields 14 and 15 of /proc/PID/stat (after the parenthesised command name): utime, stime in clock ticks.
        const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
      } catch {
        return null;
      }
    },
    output: () => log,
  };
}

/** USER_HZ: 100 on Linux everywhere that matters. */
const CLOCK_TICKS_PER_SECOND = 100;

export interface HttpFigure {
  path: string;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  statusOfFirst: number;
  /** Cache-Control of the first response: tells a cached page from an uncached one. */
  cacheControl: string | null;
}

export async function hammer(baseUrl: string, path: string, options: { connections: number; seconds: number; headers?: Record<string, string> }): Promise<HttpFigure> {
  // No Accept-Encoding: autocannon itself slows down on compressed answers (a 7.8 KB gzipped page
  // measured 4× fewer req/s than the same 7.8 KB sent plain, server aside), so gzipped hits
  // (decision 0044) are left out of the figure, as the minimal page is.
  const headers = options.headers;
  const first = await fetch(baseUrl + path, { headers: options.headers, redirect: 'manual' });
  await first.arrayBuffer();
  const result = await autocannon({
    url: baseUrl + path,
    connections: options.connections,
    duration: options.seconds,
    headers,
    // A slow page (seconds per answer under 32 connections) is measured as slow, not as 0 req/s of
    // timeouts (autocannon's default is 10 s; the 1M run of 2026-12-05 lost the uncached company page so).
    timeout: 30,
  });
  return {
    path,
    reqPerSec: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statusOfFirst: first.status,
    cacheControl: first.headers.get('cache-control'),
  };
}

/** The signed-in visitor of the page figures: one user and a session row written directly; its session token. */
export async function benchVisitorSession(opened: OpenedDatabase): Promise<string> {
  const user = opened.sqlite
    .prepare(`insert into users (email, display_name, password_hash, role, locale, created_at, email_verified_at)
              values ('bench@example.invalid', 'Bench', 'not-a-password-hash', 'consumer', 'it', ?, ?)
              on conflict (email) do update set display_name = excluded.display_name returning id`)
    .get(Date.now(), Date.now()) as { id: number };
  return (await createSession(opened.db, user.id, { now: Date.now() })).token;
}
