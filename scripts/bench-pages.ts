// npm run bench:pages -- --db-dir DIR [--seconds S] [--connections N] [--only a,b] [--profile DIR]
//
// The page-serving part of `npm run bench` alone, against a database a previous
// `npm run bench -- --keep --db-dir DIR` left behind (DIR/bench.sqlite): no corpus, no load, no
// statistics, so the pages can be measured again in a minute after each change. Same server as
// the bench (scripts/bench/server.ts), same pages (the largest company, its newest answered story,
// the first broad Italian query of the corpus with a category filter), same ratios to the minimal
// page of the same process. --profile DIR runs the servers with `node --cpu-prof` (profiles in DIR).
// Prints one JSON document on stdout; progress on stderr.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { sessionCookieName } from '../src/auth/cookies.ts';
import { openDatabase } from '../src/db/client.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { ratio } from './bench/report.ts';
import { type HttpFigure, benchVisitorSession, hammer, startServer } from './bench/server.ts';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    'db-dir': { type: 'string' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    only: { type: 'string' },
    profile: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});
const log = (message: string) => process.stderr.write(`${message}\n`);
if (!values['db-dir'] || !existsSync(join(values['db-dir'], 'bench.sqlite'))) {
  console.error('--db-dir must name the directory of a kept bench database (npm run bench -- --keep --db-dir DIR)');
  process.exit(2);
}
const benchPath = join(values['db-dir'], 'bench.sqlite');
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const only = values.only ? new Set(values.only.split(',')) : null;
const want = (name: string) => only === null || only.has(name);

if (!values['no-build']) {
  const r = spawnSync(process.execPath, [join(root, 'scripts/build-if-needed.mjs')], { cwd: root, stdio: ['ignore', 2, 2] });
  if (r.status !== 0) throw new Error('the build failed; see the output above');
}
const opened = openDatabase(benchPath);
await migrateToLatest(opened.db);
const company = opened.sqlite
  .prepare('select c.id, c.slug, count(*) as n from stories s join companies c on c.id = s.company_id group by c.id order by n desc limit 1')
  .get() as { id: number; slug: string };
const story = opened.sqlite
  .prepare('select id from stories where company_id = ? and first_reply_at is not null order by published_at desc limit 1')
  .get(company.id) as { id: number };
const token = await benchVisitorSession(opened);
opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
await opened.db.destroy();

type PageFigure = HttpFigure & { cpuMsPerRequest: number | null };

const companyPath = `/it/companies/${company.slug}`;
const storyPath = `/it/stories/${story.id}`;
const searchPath = `/it/search?q=rimborso&category=refund`;

async function withServer<T>(env: Record<string, string>, label: string, body: (run: (name: string, path: string, headers?: Record<string, string>) => Promise<PageFigure | null>, url: string) => Promise<T>): Promise<T> {
  const running = await startServer(root, benchPath, env, values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`, `--cpu-prof-name=${label.replace(/\W+/g, '-')}-\${pid}.cpuprofile`] : []);
  try {
    const run = async (name: string, path: string, headers?: Record<string, string>) => {
      if (!want(name) && name !== 'minimal') return null;
      await hammer(running.url, path, { connections, seconds: 1, headers });
      const cpuBefore = running.cpuMs();
      const result = await hammer(running.url, path, { connections, seconds, headers });
      const cpuAfter = running.cpuMs();
      // The server's own CPU time per answer: unlike req/s, it hardly moves when other jobs share the
      // machine (their time is not the server's), so it compares runs on a busy machine.
      const cpuMsPerRequest = cpuBefore !== null && cpuAfter !== null && result.requests > 0 ? Number(((cpuAfter - cpuBefore) / result.requests).toFixed(4)) : null;
      log(`  [${label}] ${name} ${path}: ${result.reqPerSec} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ${cpuMsPerRequest} ms CPU/request, non-2xx ${result.non2xx}, errors ${result.errors}, ${result.cacheControl}`);
      return { ...result, cpuMsPerRequest };
    };
    return await body(run, running.url);
  } finally {
    await running.stop();
  }
}

const cached = await withServer({}, 'cache-on', async (run, url) => ({
  minimal: await run('minimal', '/bench/minimal'),
  companyAnonymous: await run('company', companyPath),
  companySignedIn: await run('company-signed-in', companyPath, { cookie: `${sessionCookieName(new URL(url))}=${token}` }),
  storyAnonymous: await run('story-cached', storyPath),
}));
const uncached = await withServer({ PAGE_CACHE: 'off' }, 'cache-off', async (run) => ({
  minimal: await run('minimal', '/bench/minimal'),
  companyAnonymous: await run('company-uncached', companyPath),
  story: await run('story', storyPath),
  search: await run('search', searchPath),
}));
const r = (a: PageFigure | null, b: PageFigure | null) => (a && a.errors === 0 && a.non2xx === 0 ? ratio(a.reqPerSec, b?.reqPerSec) : null);
/** The same ratio from CPU time per answer (minimal's over the page's): what req/s would give on an idle machine. */
const rc = (a: PageFigure | null, b: PageFigure | null) => (a && a.errors === 0 && a.non2xx === 0 ? ratio(b?.cpuMsPerRequest, a.cpuMsPerRequest) : null);
const ratios = {
  companyAnonymous: r(cached.companyAnonymous, cached.minimal),
  companySignedIn: r(cached.companySignedIn, cached.minimal),
  storyCached: r(cached.storyAnonymous, cached.minimal),
  companyUncached: r(uncached.companyAnonymous, uncached.minimal),
  story: r(uncached.story, uncached.minimal),
  search: r(uncached.search, uncached.minimal),
};
const cpuRatios = {
  companyAnonymous: rc(cached.companyAnonymous, cached.minimal),
  companySignedIn: rc(cached.companySignedIn, cached.minimal),
  storyCached: rc(cached.storyAnonymous, cached.minimal),
  companyUncached: rc(uncached.companyAnonymous, uncached.minimal),
  story: rc(uncached.story, uncached.minimal),
  search: rc(uncached.search, uncached.minimal),
};
log(`req/s ratios ${JSON.stringify(ratios)}`);
log(`CPU-time ratios ${JSON.stringify(cpuRatios)}`);
process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), db: benchPath, paths: { companyPath, storyPath, searchPath }, ratios, cpuRatios, cached, uncached }, null, 1)}\n`);
