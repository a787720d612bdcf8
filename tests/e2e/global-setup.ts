// Starts the built server (scripts/serve.mjs, as `npm start` does) once for the browser suite: a fresh SQLite file seeded with the demo
// data, a free port on 127.0.0.1, development mail (the /dev/mail mailbox).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
  }
}

const root = new URL('../..', import.meta.url).pathname;

function freePort(): Promise<number> {
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

async function waitForHealthy(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server at ${url} did not become healthy within ${timeoutMs / 1000} s`);
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'answerable-e2e-'));
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_PATH: join(dataDir, 'e2e.sqlite'),
    PHOTOS_DIR: join(dataDir, 'photos'),
    SMTP_URL: '',
    // The browser suite runs on the embedded FTS5 index even where a Meilisearch is configured.
    MEILISEARCH_URL: '',
  };
  const seeded = spawnSync(process.execPath, [join(root, 'scripts/seed.ts')], { cwd: root, env, stdio: 'inherit' });
  if (seeded.status !== 0) throw new Error('seeding the e2e database failed');
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'scripts/serve.mjs')], {
    cwd: root,
    env: { ...env, HOST: '127.0.0.1', PORT: String(port), SITE_URL: `http://localhost:${port}` },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://localhost:${port}`;
  await waitForHealthy(`http://127.0.0.1:${port}`, child);
  project.provide('baseUrl', baseUrl);
  project.provide('dataDir', dataDir);
  return async () => {
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };
}
