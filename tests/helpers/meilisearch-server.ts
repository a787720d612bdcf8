// A real Meilisearch server for tests: its own temp data dir, a random master key, a free loopback
// port; stopped (and its data removed) by stop(). The binary is MEILISEARCH_BINARY if set, else
// the shared build beside the repository (../shared/tools/meilisearch/meilisearch).
//
// meilisearchTarget() says where the Meilisearch tests run: the server CI started for the whole run
// (ANSWERABLE_TEST_MEILISEARCH_URL + _KEY, see .ci/run), else a server the caller points at with
// MEILISEARCH_URL (+ MEILISEARCH_API_KEY), else a server started from the binary, else nowhere —
// then the tests skip with a message, unless ANSWERABLE_REQUIRE_MEILISEARCH=1 (CI sets it), which
// turns that skip into a failure so that CI can never pass with the Meilisearch tests skipped.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../..');

export const meilisearchBinary = process.env.MEILISEARCH_BINARY?.trim() || resolve(repoRoot, '../shared/tools/meilisearch/meilisearch');

export type MeilisearchTarget = { kind: 'url'; url: string; apiKey: string | undefined } | { kind: 'binary'; binary: string } | null;

export function meilisearchTarget(): MeilisearchTarget {
  const ciUrl = process.env.ANSWERABLE_TEST_MEILISEARCH_URL?.trim();
  if (ciUrl) return { kind: 'url', url: ciUrl, apiKey: process.env.ANSWERABLE_TEST_MEILISEARCH_KEY?.trim() || undefined };
  const url = process.env.MEILISEARCH_URL?.trim();
  if (url) return { kind: 'url', url, apiKey: process.env.MEILISEARCH_API_KEY?.trim() || undefined };
  if (existsSync(meilisearchBinary)) return { kind: 'binary', binary: meilisearchBinary };
  return null;
}

/** True when a missing Meilisearch must fail the run instead of skipping (CI). */
export const meilisearchRequired = process.env.ANSWERABLE_REQUIRE_MEILISEARCH === '1';

export const noMeilisearchMessage = `no Meilisearch here: set MEILISEARCH_URL (and MEILISEARCH_API_KEY) or provide the server binary at ${meilisearchBinary} (or MEILISEARCH_BINARY)`;

// Servers still running when the test process exits are killed (a failed test may skip stop()).
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

export interface MeilisearchServer {
  url: string;
  apiKey: string;
  dataDir: string;
  /** The running process (null between kill() and restart()). */
  readonly process: ChildProcess | null;
  /** Sends a signal (SIGKILL by default) and waits until the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the server again on the same port and data dir; resolves once /health answers. */
  restart(): Promise<void>;
  /** Stops the server and removes its data dir. */
  stop(): Promise<void>;
}

async function waitHealthy(url: string, child: ChildProcess, log: () => string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`Meilisearch exited (${child.exitCode ?? child.signalCode}) while starting:\n${log()}`);
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) });
      if (res.ok && ((await res.json()) as { status?: string }).status === 'available') return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Meilisearch did not answer /health within ${timeoutMs} ms:\n${log()}`);
}

export async function startMeilisearchServer(options: { binary?: string } = {}): Promise<MeilisearchServer> {
  const binary = options.binary ?? meilisearchBinary;
  if (!existsSync(binary)) throw new Error(noMeilisearchMessage);
  const dataDir = mkdtempSync(join(tmpdir(), 'answerable-meili-'));
  const apiKey = randomBytes(24).toString('base64url');
  let port = await freePort();
  let url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let output = '';

  const launch = async () => {
    output = '';
    const proc = spawn(
      binary,
      ['--db-path', join(dataDir, 'db'), '--dump-dir', join(dataDir, 'dumps'), '--snapshot-dir', join(dataDir, 'snapshots'), '--http-addr', `127.0.0.1:${port}`, '--master-key', apiKey, '--no-analytics', '--env', 'development', '--log-level', 'WARN'],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '', HOME: dataDir } },
    );
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4_000);
    };
    proc.stdout!.on('data', keep);
    proc.stderr!.on('data', keep);
    child = proc;
    running.add(proc);
    proc.once('exit', () => running.delete(proc));
    await waitHealthy(url, proc, () => output);
  };

  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) {
      child = null;
      return;
    }
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    proc.kill(signal);
    await exited;
    child = null;
  };

  // The port found free may be taken by someone else before the server binds it: a first start
  // that exits at once is retried on another port (a restart keeps its port: clients know it).
  for (let attempt = 1; ; attempt++) {
    try {
      await launch();
      break;
    } catch (error) {
      const proc = child as ChildProcess | null;
      const exitedEarly = proc !== null && (proc.exitCode !== null || proc.signalCode !== null);
      if (!exitedEarly || attempt >= 3) {
        await kill();
        rmSync(dataDir, { recursive: true, force: true });
        throw error;
      }
      port = await freePort();
      url = `http://127.0.0.1:${port}`;
    }
  }
  return {
    url,
    apiKey,
    dataDir,
    get process() {
      return child;
    },
    kill,
    restart: launch,
    async stop() {
      await kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
