// Demo accounts in production (issue 11): their password is published in the README, so a
// production server must neither load them by default nor run while they exist.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { exited, freePort, killGroup, makeDataDir, root, spawnTracked } from '../reliability/harness.ts';
import { signIn, sleep, startSite } from './harness.ts';

describe('demo accounts in production', () => {
  it('refuses to start in production on a database that holds demo accounts, with a clear message', async () => {
    const error = await startSite({ env: { NODE_ENV: 'production' } }).then(
      async (site) => {
        await site.stop();
        return null;
      },
      (e: unknown) => String(e),
    );
    expect(error).toMatch(/exited \(1\)/);
    expect(error).toContain('demo accounts');
    expect(error).toContain('ALLOW_DEMO_ACCOUNTS');
  });

  it('starts with them when explicitly allowed', async () => {
    const site = await startSite({ env: { NODE_ENV: 'production', ALLOW_DEMO_ACCOUNTS: 'on' } });
    try {
      expect((await signIn(site, 'giulia.r@example.org')).res.status).toBe(303);
    } finally {
      await site.stop();
    }
  });

  it('loads no demo data on a fresh production start unless SEED_DEMO asks for it', async () => {
    const data = makeDataDir('security-demo');
    const port = await freePort();
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_PATH: data.dbPath,
      PHOTOS_DIR: data.photosDir,
      SMTP_URL: '',
      MEILISEARCH_URL: '',
      HOST: '127.0.0.1',
      PORT: String(port),
      SITE_URL: `http://localhost:${port}`,
      SEED_DEMO: '',
      ALLOW_DEMO_ACCOUNTS: '',
    };
    const child = spawnTracked(process.execPath, [join(root, 'scripts/start.mjs'), '--no-build'], { env, stdio: 'ignore' });
    let err = '';
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    try {
      let healthy = false;
      for (let i = 0; i < 300 && !healthy && child.exitCode === null; i++) {
        healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
        if (!healthy) await sleep(100);
      }
      expect(healthy, err).toBe(true);
      const db = new Database(data.dbPath, { readonly: true });
      try {
        expect(db.prepare('select count(*) as n from users').get()).toEqual({ n: 0 });
        expect(db.prepare('select count(*) as n from companies').get()).toEqual({ n: 0 });
      } finally {
        db.close();
      }
    } finally {
      killGroup(child, 'SIGTERM');
      await exited(child);
      data.remove();
    }
  });
});
