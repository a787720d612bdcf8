// `npm start`: build if needed, migrate, load the demo data into an empty database, serve.
// Configuration through environment variables: see README.md.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildIfNeeded } from './build-if-needed.mjs';
import { checkConfigOrExit } from '../src/config.ts';

const root = new URL('..', import.meta.url).pathname;
const cfg = checkConfigOrExit();
if (!process.argv.includes('--no-build')) buildIfNeeded();

// Migrations and demo data run in a child process (Node 24 runs the TypeScript directly).
// The demo data (accounts with a published password) loads by default only outside production;
// SEED_DEMO=on|off decides explicitly (src/config.ts). A production server refuses to run with
// demo accounts unless ALLOW_DEMO_ACCOUNTS=on (src/server/boot.ts).
if (cfg.seedDemo) {
  const r = spawnSync(process.execPath, [join(root, 'scripts/seed.ts'), '--if-empty'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

await import(join(root, 'scripts/serve.mjs'));
