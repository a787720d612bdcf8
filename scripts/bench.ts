// npm run bench [-- --small | --stories N --companies M] [--seconds S] [--out DIR] [--no-build] [--no-server] [--no-raw] [--no-meilisearch] [--no-mixed] [--users N] [--keep] [--stats-threads T]
//
// Measures every figure of ../shared/docs/quality.md (Performance) in one run, on a deterministic
// corpus (scripts/bench/corpus.ts): load rate through the import path vs bare prepared inserts of
// the same rows; page throughput and latency of the built server with autocannon (ratios to a
// minimal page measured in the same run); FTS5 search latency over a fixed query mix; full and
// incremental statistics; the server's peak resident memory; and Meilisearch beside FTS5
// (scripts/bench/meilisearch.ts: reindex, relay, the same query mix, the search page with it as
// the engine) when MEILISEARCH_URL is set or the Meilisearch binary is at ../shared/tools. Prints one JSON document on stdout
// and a readable table on stderr, and saves the JSON under bench/results/.
// Figures are medians and same-run ratios; absolute numbers are context, not targets.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { sessionCookieName } from '../src/auth/cookies.ts';
import { openDatabase, type OpenedDatabase } from '../src/db/client.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { rebuildAllCompanyStats, recomputeCompanyStats } from '../src/db/stats.repository.ts';
import { rebuildAllCompanyStatsParallel } from '../src/db/stats-rebuild-parallel.ts';
import { refreshCompanyChannelFigures } from '../src/db/channel-breakdown.repository.ts';
import { SqliteFtsIndex } from '../src/search/sqlite-fts.ts';
import { Corpus } from './bench/corpus.ts';
import { loadCorpus, type LoadResult } from './bench/load.ts';
import { Rng } from './bench/prng.ts';
import { type Figure, figure, ratio, table } from './bench/report.ts';
import { measureSearch, queryMix, type SearchLatency } from './bench/search-mix.ts';
import { type MeilisearchBench, type MeilisearchFigures, benchMeilisearch, meilisearchForBench } from './bench/meilisearch.ts';
import { type HttpFigure, benchVisitorSession, hammer, startServer } from './bench/server.ts';
import { checkConfigOrExit } from '../src/config.ts';
import { type CatchUp, type MixedResult, busyCounter, catchUpToNow, prepareMixed, runMixed } from './bench/mixed.ts';

checkConfigOrExit();

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    small: { type: 'boolean', default: false },
    stories: { type: 'string' },
    companies: { type: 'string' },
    seconds: { type: 'string' },
    connections: { type: 'string', default: '32' },
    'batch-size': { type: 'string', default: '2000' },
    seed: { type: 'string', default: '20261123' },
    out: { type: 'string', default: join(root, 'bench/results') },
    'db-dir': { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    'no-server': { type: 'boolean', default: false },
    'no-raw': { type: 'boolean', default: false },
    'no-meilisearch': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    // stats: threads of the full statistics rebuild (1 = the single-threaded path only).
    'stats-threads': { type: 'string', default: '2' },
    // Mixed traffic (scripts/bench/mixed.ts): --no-mixed skips it; --users sets the virtual users.
    'no-mixed': { type: 'boolean', default: false },
    users: { type: 'string' },
  },
});

function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} must be a positive whole number`);
    process.exit(2);
  }
  return n;
}

const small = values.small;
const params = {
  stories: int('stories', values.stories, small ? 5_000 : 1_000_000),
  companies: int('companies', values.companies, small ? 100 : 10_000),
  seconds: int('seconds', values.seconds, small ? 2 : 10),
  connections: int('connections', values.connections, 32),
  batchSize: int('batch-size', values['batch-size'], 2000),
  seed: int('seed', values.seed, 20261123),
  searchRounds: small ? 5 : 30,
  relayRows: small ? 1_000 : 10_000,
  incrementalSamples: small ? 20 : 50,
  // Stories appended through today's import path at the end of the load (import_ratio); the
  // rest go through the bulk load path (decision 0043).
  importSlice: small ? 500 : 50_000,
  // A fixed "now" keeps the corpus and every figure reproducible.
  now: Date.UTC(2026, 10, 1, 12),
};
const log = (message: string) => process.stderr.write(`${message}\n`);
const dbDir = values['db-dir'] ?? mkdtempSync(join(os.tmpdir(), 'answerable-bench-'));
mkdirSync(dbDir, { recursive: true });
const startedAt = new Date();

async function open(path: string): Promise<OpenedDatabase> {
  rmSync(path, { force: true });
  rmSync(`${path}-wal`, { force: true });
  rmSync(`${path}-shm`, { force: true });
  const opened = openDatabase(path);
  await migrateToLatest(opened.db);
  return opened;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) / 2;
  return (s[Math.floor(h)]! + s[Math.ceil(h)]!) / 2;
}

// --- 1. corpus and load --------------------------------------------------------------------------
log(`bench: ${params.stories} stories, ${params.companies} companies, seed ${params.seed}, databases in ${dbDir}`);
const corpus = new Corpus({ stories: params.stories, companies: params.companies, seed: params.seed, now: params.now });
const benchPath = join(dbDir, 'bench.sqlite');
// --- bulk load (decision 0043): the corpus through the bulk load path, the physical reference
// beside it, and the last `slice` stories through today's incremental path vs raw inserts.
const referencePath = join(dbDir, 'reference.sqlite');
const bench = await open(benchPath);
let reference: OpenedDatabase | null = null;
if (!values['no-raw']) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(referencePath + suffix, { force: true });
  reference = openDatabase(referencePath);
}
let lastProgress = 0;
const load: LoadResult = await loadCorpus(corpus, bench, reference, {
  batchSize: params.batchSize,
  now: params.now,
  slice: params.importSlice,
  onBatch(done, total) {
    if (performance.now() - lastProgress > 5000 || done === total) {
      lastProgress = performance.now();
      log(`  loaded ${done}/${total}`);
    }
  },
  onBulkProgress(p) {
    if (p.phase !== 'load') log(`  bulk load: ${p.phase} (${p.rows} stories, ${(p.elapsedMs / 1000).toFixed(1)} s)`);
  },
});
if (reference) {
  await reference.db.destroy();
  for (const suffix of ['', '-wal', '-shm']) rmSync(referencePath + suffix, { force: true });
}
bench.sqlite.pragma('wal_checkpoint(TRUNCATE)');
log(
  `  bulk load ${load.bulkStories} stories in ${(load.bulkMs / 1000).toFixed(1)} s (${load.bulkStoriesPerSec}/s), ` +
    `physical reference ${load.physicalMs === null ? 'n/a' : `${(load.physicalMs / 1000).toFixed(1)} s`}; ` +
    `incremental slice of ${load.sliceStories}: import ${load.importRowsPerSec} rows/s, raw with FTS5 ${load.rawRowsPerSec ?? 'n/a'} rows/s`,
);

// --- 2. statistics ----------------------------------------------------------------------------------
// The single-threaded rebuild first (the same-run reference), then the parallel one the
// figure reports (decision 0045): both store the same rows.
const statsThreads = int('stats-threads', values['stats-threads'], 2);
let t = performance.now();
let statsCompanies = await rebuildAllCompanyStats(bench.db, params.now);
const statsSingleMs = performance.now() - t;
let statsFullMs = statsSingleMs;
if (statsThreads > 1) {
  t = performance.now();
  statsCompanies = (await rebuildAllCompanyStatsParallel(bench.db, benchPath, params.now, statsThreads)).companies;
  statsFullMs = performance.now() - t;
}
log(`  full statistics: ${statsCompanies} companies in ${Math.round(statsFullMs)} ms (${statsThreads} threads; one thread ${Math.round(statsSingleMs)} ms)`);
// One event's recomputation, for the companies of randomly chosen stories (so a company is picked
// as often as events happen to it: big companies more often).
const pickRng = new Rng(params.seed ^ 0x57a7);
const incremental: number[] = [];
const maxStoryId = (bench.sqlite.prepare('select max(id) as m from stories').get() as { m: number }).m;
const companyOf = bench.sqlite.prepare<[number], { company_id: number }>('select company_id from stories where id = ?');
for (let i = 0; i < params.incrementalSamples; i++) {
  const companyId = companyOf.get(pickRng.int(1, maxStoryId))!.company_id;
  t = performance.now();
  await recomputeCompanyStats(bench.db, companyId, params.now);
  incremental.push(performance.now() - t);
}
const topCompany = bench.sqlite
  .prepare('select c.id, c.slug, count(*) as n from stories s join companies c on c.id = s.company_id group by c.id order by n desc limit 1')
  .get() as { id: number; slug: string; n: number };
t = performance.now();
await recomputeCompanyStats(bench.db, topCompany.id, params.now);
const incrementalTopMs = performance.now() - t;
// The company pages' channel tables for these statistics, as `npm run stats:rebuild` stores them
// after a rebuild (decision 0048): timed apart, not part of the statistics figure.
t = performance.now();
const channelTables = await refreshCompanyChannelFigures(bench.db);
const channelTablesMs = performance.now() - t;
log(`  channel tables: ${channelTables} companies in ${Math.round(channelTablesMs)} ms`);

// --- 3. search ----------------------------------------------------------------------------------------
const index = new SqliteFtsIndex(bench);
t = performance.now();
await index.refreshVocabulary(params.now);
const vocabularyMs = performance.now() - t;
// stats: the segment merge the index gets after a bulk load or rebuild and daily in the
// background (src/search/fts/compaction.ts, decision 0045), timed; search is measured after it.
t = performance.now();
const ftsCompaction = await index.compact();
const ftsCompactMs = performance.now() - t;
log(`  FTS5 segments merged in ${Math.round(ftsCompactMs)} ms (${ftsCompaction.steps} steps)`);
const search: SearchLatency = await measureSearch(index, queryMix(corpus), params.searchRounds);
log(`  search p50 ${search.p50Ms} ms, p95 ${search.p95Ms} ms`);

// --- 3b. Meilisearch beside FTS5 ------------------------------------------------------------------
let meili: { figures: MeilisearchFigures; bench: MeilisearchBench } | null = null;
let meiliSkipped: string | null = values['no-meilisearch'] ? 'skipped (--no-meilisearch)' : null;
if (!meiliSkipped) {
  const target = await meilisearchForBench();
  if (typeof target === 'string') meiliSkipped = target;
  else meili = await benchMeilisearch(bench, target, queryMix(corpus), index, { rounds: params.searchRounds, relayRows: params.relayRows, log });
}
if (meiliSkipped) log(`  meilisearch ${meiliSkipped}`);

// --- 4. server --------------------------------------------------------------------------------------------
// Two runs of the built server on the same database: as deployed (anonymous page cache on) for
// the company page figures, and with PAGE_CACHE=off for the pages quality.md measures uncached
// (story, search). Each run measures its own minimal page, and every ratio uses the minimal page
// of the same server process.
interface ServerResults {
  build: 'checked' | 'skipped';
  cached: { minimal: HttpFigure; companyAnonymous: HttpFigure; companySignedIn: HttpFigure; storyAnonymous: HttpFigure };
  uncached: { minimal: HttpFigure; companyAnonymous: HttpFigure; story: HttpFigure; search: HttpFigure };
  /** Page cache off, Meilisearch as the engine (null when Meilisearch was not measured). */
  meilisearch: { minimal: HttpFigure; search: HttpFigure } | null;
  /** The larger of the two server processes' peak resident memory. */
  peakRssMiB: number | null;
}
let server: ServerResults | null = null;
const serverSkipped: string | null = values['no-server'] ? 'skipped (--no-server)' : null;
if (!values['no-server']) {
  let build: ServerResults['build'] = 'skipped';
  if (!values['no-build']) {
    const r = spawnSync(process.execPath, [join(root, 'scripts/build-if-needed.mjs')], { cwd: root, stdio: ['ignore', 2, 2] });
    if (r.status !== 0) throw new Error('the build failed; see the output above');
    build = 'checked';
  }
  // A signed-in visitor: a user and a session row written directly.
  const token = await benchVisitorSession(bench);
  const story = bench.sqlite
    .prepare('select id from stories where company_id = ? and first_reply_at is not null order by published_at desc limit 1')
    .get(topCompany.id) as { id: number };
  const terms = corpus.queryTerms('it');
  bench.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const companyPath = `/it/companies/${topCompany.slug}`;
  const storyPath = `/it/stories/${story.id}`;
  const searchPath = `/it/search?q=${encodeURIComponent(terms.broad[0]!)}&category=refund`;

  const withServer = async <T>(env: Record<string, string>, label: string, body: (run: (path: string, headers?: Record<string, string>) => Promise<HttpFigure>, url: string) => Promise<T>) => {
    const running = await startServer(root, benchPath, env);
    try {
      const run = async (path: string, headers?: Record<string, string>) => {
        // A short untimed run first: JIT, page cache and connection pools warm.
        await hammer(running.url, path, { connections: params.connections, seconds: 1, headers });
        const result = await hammer(running.url, path, { connections: params.connections, seconds: params.seconds, headers });
        log(`  [${label}] ${path}${headers ? ' (signed in)' : ''}: ${result.reqPerSec} req/s, p99 ${result.p99Ms} ms, status ${result.statusOfFirst}, non-2xx ${result.non2xx}, cache-control ${result.cacheControl}`);
        return result;
      };
      const result = await body(run, running.url);
      return { result, peak: running.peakRssMiB() };
    } finally {
      await running.stop();
    }
  };
  const cached = await withServer({}, 'page cache on', async (run, url) => {
    const cookie = `${sessionCookieName(new URL(url))}=${token}`;
    return {
      minimal: await run('/bench/minimal'),
      companyAnonymous: await run(companyPath),
      companySignedIn: await run(companyPath, { cookie }),
      // pages: the story page as anonymous visitors get it, through the page cache (decision 0044).
      storyAnonymous: await run(storyPath),
    };
  });
  const uncached = await withServer({ PAGE_CACHE: 'off' }, 'page cache off', async (run) => ({
    minimal: await run('/bench/minimal'),
    companyAnonymous: await run(companyPath),
    story: await run(storyPath),
    search: await run(searchPath),
  }));
  const withMeilisearch = meili
    ? await withServer({ PAGE_CACHE: 'off', ...meili.bench.env }, 'meilisearch, page cache off', async (run) => ({ minimal: await run('/bench/minimal'), search: await run(searchPath) }))
    : null;
  const peaks = [cached.peak, uncached.peak].filter((p): p is number => p !== null);
  server = { build, cached: cached.result, uncached: uncached.result, meilisearch: withMeilisearch?.result ?? null, peakRssMiB: peaks.length ? Math.max(...peaks) : null };
}
// --- 4b. mixed traffic (scripts/bench/mixed.ts) ------------------------------------------------------
// Many virtual users at once, reads and writes through the real forms, with the background
// workers on; its own minimal page in the same server process is the reference.
type MixedRun = { catchUp: CatchUp; minimal: HttpFigure; result: MixedResult; peakRssMiB: number | null };
let mixed: MixedRun | null = null;
let mixedMeilisearch: MixedRun | null = null;
const mixedSkipped: string | null = values['no-mixed'] ? 'skipped (--no-mixed)' : values['no-server'] ? 'skipped (--no-server)' : null;
if (!mixedSkipped) {
  const mixedOptions = {
    users: int('users', values.users, small ? 64 : 96),
    connections: params.connections,
    seconds: params.seconds,
    seed: params.seed,
    writers: small ? 120 : 400,
    repCompanies: small ? 20 : 60,
    readers: small ? 16 : 64,
    log,
  };
  const catchUp = await catchUpToNow(bench);
  log(`  [mixed] database brought to the real clock in ${catchUp.ms} ms: ${catchUp.overdue} overdue, ${catchUp.closed} closed, ${catchUp.searchRows} search rows, ${catchUp.channelTables} channel tables`);
  const setup = await prepareMixed(bench, corpus, mixedOptions);
  bench.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const runMixedPass = async (label: string, env: Record<string, string>, seed: number) => {
    const running = await startServer(root, benchPath, { ANSWERABLE_WORKERS: 'on', MAIL_RELAY: 'on', ...env });
    const busy = busyCounter(running.child);
    try {
      await hammer(running.url, '/bench/minimal', { connections: params.connections, seconds: 1 });
      const minimal = await hammer(running.url, '/bench/minimal', { connections: params.connections, seconds: params.seconds });
      log(`  [${label}, workers on] /bench/minimal: ${minimal.reqPerSec} req/s, p99 ${minimal.p99Ms} ms`);
      const result = await runMixed(running.url, bench, corpus, setup, { ...mixedOptions, seed, busy });
      const v = result.verification;
      log(`  [${label}] ${result.users} users: ${result.reqPerSec} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, errors ${result.errors}, 429 ${result.rateLimited}, busy ${result.sqliteBusy}, cache hits ${result.pageCache.hitRate}`);
      log(`  [${label}] acknowledged: ${v.stories.acknowledged} stories (${v.stories.missing} missing, ${v.stories.missingInSearch} not in search), ${v.replies.acknowledged} replies (${v.replies.missing} missing), ${v.verdicts.acknowledged} verdicts (${v.verdicts.missing} missing), ${v.reports.acknowledged} reports (${v.reports.missing} missing)`);
      if (result.errorSamples.length) log(`  [${label}] errors: ${result.errorSamples.join('; ')}\n  [${label}] the server's last output:\n${running.output().slice(-6000)}`);
      return { catchUp, minimal, result, peakRssMiB: running.peakRssMiB() };
    } finally {
      await running.stop();
    }
  };
  mixed = await runMixedPass('mixed', {}, params.seed);
  // The same traffic with Meilisearch as the engine: its outbox relay indexes the live writes while
  // the load runs (issue: "the relay keeps up with the mixed-traffic write rate"); every
  // acknowledged story must be found by the search page once the outbox has drained.
  if (meili) mixedMeilisearch = await runMixedPass('mixed, meilisearch', meili.bench.env, params.seed ^ 0x5eed);
}

await meili?.bench.stop();
await bench.db.destroy();
if (!values.keep && !values['db-dir']) rmSync(dbDir, { recursive: true, force: true });

// --- 5. report ----------------------------------------------------------------------------------------------
const ok = (h: HttpFigure | undefined) => (h && h.non2xx === 0 && h.errors === 0 ? h : undefined);
const c = server?.cached;
const u = server?.uncached;
const m = server?.meilisearch;
const mf = meili?.figures;
const figures: Figure[] = [
  figure('import_ratio', `incremental import rate / raw prepared inserts of the same rows (FTS5 included in both; ${load.sliceStories} stories appended)`, load.ratio, '', { op: '>=', value: 0.3 }),
  figure('bulk_load_s', `bulk load of ${load.bulkStories} stories, search index included (target 90 s per million, scaled)`, Number((load.bulkMs / 1000).toFixed(1)), 's', { op: '<=', value: Number(((90 * load.bulkStories) / 1_000_000).toFixed(2)) }),
  figure('bulk_load_stories_per_s', 'bulk load rate, search index included', load.bulkStoriesPerSec, 'stories/s', null),
  figure('company_anonymous_ratio', 'anonymous company page req/s / minimal page', ratio(ok(c?.companyAnonymous)?.reqPerSec, ok(c?.minimal)?.reqPerSec), '', { op: '>=', value: 15 }),
  figure('company_signed_in_ratio', 'signed-in company page req/s / minimal page', ratio(ok(c?.companySignedIn)?.reqPerSec, ok(c?.minimal)?.reqPerSec), '', { op: '>=', value: 3 }),
  figure('company_p99_ratio', 'company page p99 / minimal page p99 (anonymous)', ratio(ok(c?.companyAnonymous)?.p99Ms, ok(c?.minimal)?.p99Ms), '', { op: '<=', value: 2 }),
  figure('company_signed_in_p99_ratio', 'company page p99 / minimal page p99 (signed in)', ratio(ok(c?.companySignedIn)?.p99Ms, ok(c?.minimal)?.p99Ms), '', { op: '<=', value: 2 }),
  figure('story_ratio', 'story page req/s / minimal page (uncached)', ratio(ok(u?.story)?.reqPerSec, ok(u?.minimal)?.reqPerSec), '', { op: '>=', value: 0.6 }),
  figure('story_cached_ratio', 'story page req/s / minimal page (anonymous, through the page cache)', ratio(ok(c?.storyAnonymous)?.reqPerSec, ok(c?.minimal)?.reqPerSec), '', null),
  figure('search_page_ratio', 'search page req/s / minimal page (uncached)', ratio(ok(u?.search)?.reqPerSec, ok(u?.minimal)?.reqPerSec), '', { op: '>=', value: 0.6 }),
  figure('search_p50_ms', 'FTS5 search p50 (1–3 words, filter, facets, top 20)', search.p50Ms, 'ms', { op: '<=', value: 5 }),
  figure('search_p95_ms', 'FTS5 search p95', search.p95Ms, 'ms', { op: '<=', value: 15 }),
  figure('stats_full_s', 'full recomputation of every company\'s statistics', Number((statsFullMs / 1000).toFixed(2)), 's', { op: '<=', value: 5 }),
  figure('stats_incremental_ms', 'one company\'s statistics after one event (median)', Number(median(incremental).toFixed(3)), 'ms', { op: '<=', value: 1 }),
  figure('server_peak_rss_mib', 'server peak resident memory under load', server?.peakRssMiB ?? null, 'MiB', { op: '<=', value: 300 }),
  figure('meili_p95_processing_ratio', 'Meilisearch search p95 through the adapter / the engine\'s own processingTimeMs p95', mf?.p95Ratio ?? null, '', { op: '<=', value: 2 }),
  figure('meili_search_page_ratio', 'search page req/s / minimal page, Meilisearch as the engine (uncached)', ratio(ok(m?.search)?.reqPerSec, ok(m?.minimal)?.reqPerSec), '', { op: '>=', value: 0.6 }),
  figure('meili_search_p50_ms', 'Meilisearch search p50 (same mix, through the adapter)', mf?.search.p50Ms ?? null, 'ms', null),
  figure('meili_search_p95_ms', 'Meilisearch search p95', mf?.search.p95Ms ?? null, 'ms', null),
  figure('meili_reindex_stories_per_s', 'Meilisearch full reindex (npm run reindex path)', mf?.reindex.storiesPerSec ?? null, 'stories/s', null),
  figure('meili_relay_rows_per_s', 'Meilisearch outbox relay, story.upsert rows drained', mf?.relay.rowsPerSec ?? null, 'rows/s', null),
  ...mixedFigures(),
  ...mixedMeilisearchFigures(),
  figure('bulk_physical_ratio', 'bulk load time / physical reference (plain key-ordered inserts + one FTS5 rebuild, same run)', load.bulkVsPhysical, '', null),
  figure('physical_ref_s', `physical reference for the same ${load.bulkStories} stories (quality.md: ≈ 45 s per million here)`, load.physicalMs === null ? null : Number((load.physicalMs / 1000).toFixed(1)), 's', null),
  figure('import_rows_per_s', 'incremental import rate (today\'s path, appended to the loaded database)', load.importRowsPerSec, 'rows/s', null),
  figure('raw_rows_per_s', 'raw prepared inserts of the same slice, FTS5 included', load.rawRowsPerSec, 'rows/s', null),
  figure('minimal_req_per_s', 'minimal page', c?.minimal.reqPerSec ?? null, 'req/s', null),
  figure('company_anonymous_uncached_ratio', 'anonymous company page, cache off / minimal page', ratio(ok(u?.companyAnonymous)?.reqPerSec, ok(u?.minimal)?.reqPerSec), '', null),
  figure('channel_tables_s', 'company pages\' channel tables stored for every company (after a rebuild, decision 0048)', Number((channelTablesMs / 1000).toFixed(2)), 's', null, `${channelTables} companies`),
  figure('stats_full_single_s', 'full recomputation of every company\'s statistics on one thread (same-run reference)', Number((statsSingleMs / 1000).toFixed(2)), 's', null),
  figure('fts_compact_s', 'FTS5 segment merge into one (after the load, before the search figures)', Number((ftsCompactMs / 1000).toFixed(2)), 's', null),
  figure('stats_incremental_top_ms', 'statistics after one event, largest company', Number(incrementalTopMs.toFixed(3)), 'ms', null, `${topCompany.n} stories`),
];
function mixedMeilisearchFigures(): Figure[] {
  const r = mixedMeilisearch?.result;
  const v = r?.verification;
  const lost = v ? v.stories.missing + v.replies.missing + v.verdicts.missing + v.reports.missing + v.stories.missingInSearch : null;
  const writes = v ? v.stories.acknowledged + v.replies.acknowledged + v.verdicts.acknowledged + v.reports.acknowledged : null;
  return [
    figure('meili_mixed_ratio', 'mixed traffic req/s / minimal page, Meilisearch as the engine', ratio(r?.reqPerSec, mixedMeilisearch?.minimal.reqPerSec), '', null),
    figure('meili_mixed_write_rate', 'mixed traffic with Meilisearch: acknowledged writes per second of load', writes !== null && r ? Number((writes / r.seconds).toFixed(1)) : null, 'writes/s', null),
    figure('meili_mixed_search_pending', 'mixed traffic with Meilisearch: search outbox rows pending when the load stopped', r ? (r.outbox.pendingAtStop.search ?? 0) : null, 'rows', null),
    figure('meili_mixed_relay_drain_s', 'mixed traffic with Meilisearch: seconds for the outbox (search relay included) to drain after the load — the relay keeps up', r?.outbox.drainSeconds ?? null, 's', { op: '<=', value: 5 }),
    figure('meili_mixed_writes_lost', 'mixed traffic with Meilisearch: acknowledged writes missing, or stories the search page does not find', lost, '', { op: '<=', value: 0 }, writes !== null ? `${writes} acknowledged` : undefined),
    figure('meili_mixed_errors', 'mixed traffic with Meilisearch: errors (429 apart)', r?.errors ?? null, '', { op: '<=', value: 0 }),
  ];
}
function mixedFigures(): Figure[] {
  const r = mixed?.result;
  const mm = mixed?.minimal;
  const v = r?.verification;
  const lost = v ? v.stories.missing + v.replies.missing + v.verdicts.missing + v.reports.missing + v.stories.missingInSearch : null;
  const acked = v ? v.stories.acknowledged + v.replies.acknowledged + v.verdicts.acknowledged + v.reports.acknowledged : null;
  const k = r?.byKind;
  return [
    figure('mixed_ratio', 'mixed traffic req/s / minimal page (workers on, same process)', ratio(r?.reqPerSec, mm?.reqPerSec), '', { op: '>=', value: 2 }, r ? `${r.users} users over ${r.connections} connections` : undefined),
    figure('mixed_p99_ratio', 'mixed traffic p99 / minimal page p99', ratio(r?.p99Ms, mm?.p99Ms), '', { op: '<=', value: 3 }),
    figure('mixed_errors', 'mixed traffic errors (unexpected status, 5xx, socket errors; 429 apart)', r?.errors ?? null, '', { op: '<=', value: 0 }),
    figure('mixed_sqlite_busy', 'mixed traffic SQLITE_BUSY in the server\'s log', r?.sqliteBusy ?? null, '', { op: '<=', value: 0 }),
    figure('mixed_writes_lost', 'acknowledged writes missing afterwards (or stories not found by search)', lost, '', { op: '<=', value: 0 }, acked !== null ? `${acked} acknowledged` : undefined),
    figure('mixed_anonymous_p50_ms', 'mixed: anonymous read p50', k?.anonymous.p50Ms ?? null, 'ms', null),
    figure('mixed_anonymous_p99_ms', 'mixed: anonymous read p99', k?.anonymous.p99Ms ?? null, 'ms', null),
    figure('mixed_signed_in_p50_ms', 'mixed: signed-in read p50', k?.signedIn.p50Ms ?? null, 'ms', null),
    figure('mixed_signed_in_p99_ms', 'mixed: signed-in read p99', k?.signedIn.p99Ms ?? null, 'ms', null),
    figure('mixed_write_p50_ms', 'mixed: write p50', k?.write.p50Ms ?? null, 'ms', null),
    figure('mixed_write_p99_ms', 'mixed: write p99', k?.write.p99Ms ?? null, 'ms', null),
    figure('mixed_rate_limited', 'mixed: answers 429 (counted apart from errors)', r?.rateLimited ?? null, '', null),
    figure('mixed_page_cache_hit_rate', 'mixed: anonymous cacheable pages answered from the page cache', r?.pageCache.hitRate ?? null, '', null),
    figure('mixed_outbox_pending', 'mixed: outbox rows pending when the load stopped', r ? Object.values(r.outbox.pendingAtStop).reduce((a, b) => a + b, 0) : null, 'rows', null, r ? JSON.stringify(r.outbox.pendingAtStop) : undefined),
    figure('mixed_outbox_drain_s', 'mixed: seconds for the outbox to drain after the load', r?.outbox.drainSeconds ?? null, 's', null),
  ];
}

const cpus = os.cpus();
const document = {
  benchmark: 'answerable',
  version: 1,
  startedAt: startedAt.toISOString(),
  finishedAt: new Date().toISOString(),
  machine: {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? null,
    memoryMiB: Math.round(os.totalmem() / 1024 / 1024),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  },
  params: { ...params, small },
  figures,
  details: {
    load,
    stats: {
      companies: statsCompanies,
      fullMs: Math.round(statsFullMs),
      fullThreads: statsThreads,
      fullSingleThreadMs: Math.round(statsSingleMs),
      incrementalMs: { median: Number(median(incremental).toFixed(3)), max: Number(Math.max(...incremental).toFixed(3)), samples: incremental.length },
      largestCompany: { stories: topCompany.n, ms: Number(incrementalTopMs.toFixed(3)) },
    },
    search: { ...search, vocabularyRefreshMs: Math.round(vocabularyMs), compactMs: Math.round(ftsCompactMs), compactSteps: ftsCompaction.steps },
    meilisearch: mf ?? { skipped: meiliSkipped },
    server: server ?? { skipped: serverSkipped },
    mixed: mixed ?? { skipped: mixedSkipped },
    mixedMeilisearch: mixedMeilisearch ?? { skipped: mixedSkipped ?? meiliSkipped ?? 'not run' },
  },
};
mkdirSync(values.out, { recursive: true });
const file = join(values.out, `${startedAt.toISOString().replace(/[:.]/g, '-')}${small ? '-small' : ''}.json`);
writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
log('');
log(table(figures));
log(`\nsaved ${file}`);
process.stdout.write(`${JSON.stringify(document)}\n`);
