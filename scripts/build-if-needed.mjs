// Builds the site with `astro build` when dist/ is missing or older than any source file, so that
// `npm start` and the browser tests always run what is in the tree.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const entry = join(root, 'dist/server/entry.mjs');

function newest(path) {
  let latest = 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    latest = Math.max(latest, newest(join(path, name)));
  }
  return latest;
}

export function buildIfNeeded({ force = false } = {}) {
  const sources = ['src', 'migrations', 'public', 'astro.config.mjs', 'package-lock.json'].map((p) => join(root, p)).filter(existsSync);
  const srcTime = Math.max(...sources.map(newest));
  if (!force && existsSync(entry) && statSync(entry).mtimeMs >= srcTime) return false;
  console.log('Building the site (astro build)…');
  const r = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env },
  });
  if (r.status !== 0) {
    console.error('astro build failed');
    process.exit(r.status ?? 1);
  }
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfNeeded({ force: process.argv.includes('--force') });
