// `npm run bench -- --small` end to end: corpus, load through the import path, statistics, search
// and the built server. Asserts the shape of what it reports, never a time (machines are noisy).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), 'answerable-bench-test-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const figureIds = [
  'import_ratio',
  'bulk_load_s',
  'company_anonymous_ratio',
  'company_signed_in_ratio',
  'company_p99_ratio',
  'company_signed_in_p99_ratio',
  'story_ratio',
  'search_page_ratio',
  'search_p50_ms',
  'search_p95_ms',
  'stats_full_s',
  'stats_incremental_ms',
  'server_peak_rss_mib',
  'mixed_ratio',
  'mixed_p99_ratio',
  'mixed_errors',
  'mixed_sqlite_busy',
  'mixed_writes_lost',
];

describe('npm run bench -- --small', () => {
  it('measures every figure of the quality table and saves one JSON document with the machine', { timeout: 600_000 }, () => {
    // The bench builds the site only when dist/ is missing or older than the sources.
    const args = ['scripts/bench.ts', '--small', '--out', out, '--seconds', '1'];
    const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run.status, run.stderr).toBe(0);

    const printed = JSON.parse(run.stdout);
    const files = readdirSync(out).filter((f) => f.endsWith('-small.json'));
    expect(files).toHaveLength(1);
    const saved = JSON.parse(readFileSync(join(out, files[0]!), 'utf8'));
    expect(saved).toEqual(printed);

    expect(saved.machine).toEqual({
      cpus: expect.any(Number),
      cpuModel: expect.anything(),
      memoryMiB: expect.any(Number),
      node: expect.stringMatching(/^v\d+/),
      platform: expect.any(String),
    });
    expect(saved.params).toMatchObject({ small: true, stories: 5000, companies: 100, connections: 32 });

    const byId = new Map<string, Record<string, unknown>>(saved.figures.map((f: { id: string }) => [f.id, f]));
    for (const id of figureIds) {
      const f = byId.get(id);
      expect(f, id).toBeDefined();
      expect(f!.target, id).toEqual({ op: expect.stringMatching(/^(>=|<=)$/), value: expect.any(Number) });
      expect(f!.value === null || typeof f!.value === 'number', id).toBe(true);
      expect([true, false, null], id).toContain(f!.pass);
    }
    // Figures measured without the server are always there.
    for (const id of ['import_ratio', 'bulk_load_s', 'search_p50_ms', 'search_p95_ms', 'stats_full_s', 'stats_incremental_ms']) {
      expect(byId.get(id)!.value, id).toEqual(expect.any(Number));
    }

    // The corpus through the bulk load path, the physical reference beside it, and a slice
    // appended through today's incremental path vs raw inserts (decision 0043).
    expect(saved.details.load).toMatchObject({
      stories: 5000,
      bulkStories: 4500,
      bulkMs: expect.any(Number),
      physicalMs: expect.any(Number),
      bulkVsPhysical: expect.any(Number),
      sliceStories: 500,
      importRowsPerSec: expect.any(Number),
      rawRowsPerSec: expect.any(Number),
    });
    expect(saved.details.stats.companies).toBe(100);
    expect(saved.details.search.queries).toBeGreaterThanOrEqual(10);
    // The mix has broad terms: some query fills the ranking window or matches many stories.
    expect(Math.max(...saved.details.search.totals.map((t: { total: number }) => t.total))).toBeGreaterThan(100);
    const http = { reqPerSec: expect.any(Number), p99Ms: expect.any(Number), statusOfFirst: expect.any(Number) };
    for (const page of ['minimal', 'companyAnonymous', 'companySignedIn']) expect(saved.details.server.cached[page], page).toMatchObject(http);
    for (const page of ['minimal', 'companyAnonymous', 'story', 'search']) expect(saved.details.server.uncached[page], page).toMatchObject(http);
    // Meilisearch beside FTS5 whenever a server is at hand (the shared binary, or MEILISEARCH_URL).
    if (!saved.details.meilisearch.skipped) {
      expect(saved.details.meilisearch).toMatchObject({
        reindex: { stories: 5000, storiesPerSec: expect.any(Number) },
        relay: { rows: 1000, rowsPerSec: expect.any(Number) },
        search: { queries: saved.details.search.queries, p50Ms: expect.any(Number), p95Ms: expect.any(Number) },
        processing: { p50Ms: expect.any(Number), p95Ms: expect.any(Number) },
      });
      expect(saved.details.meilisearch.typo.length).toBeGreaterThan(0);
      for (const id of ['meili_p95_processing_ratio', 'meili_search_p50_ms', 'meili_search_p95_ms', 'meili_reindex_stories_per_s', 'meili_relay_rows_per_s']) {
        expect(byId.get(id)!.value, id).toEqual(expect.any(Number));
      }
      for (const page of ['minimal', 'search']) expect(saved.details.server.meilisearch[page], page).toMatchObject(http);
      // The mixed traffic again with Meilisearch as the engine: its relay indexes the live writes,
      // every acknowledged story is found by the search page once the outbox has drained.
      const m = saved.details.mixedMeilisearch.result;
      expect(m.errors).toBe(0);
      expect(m.verification.stories.acknowledged).toBeGreaterThan(0);
      expect(m.verification.stories.missingInSearch).toBe(0);
      expect(m.outbox.pendingAfterDrain).toBe(0);
      for (const id of ['meili_mixed_errors', 'meili_mixed_writes_lost']) expect(byId.get(id)!.pass, id).toBe(true);
      expect(byId.get('meili_mixed_relay_drain_s')!.value, 'meili_mixed_relay_drain_s').toEqual(expect.any(Number));
    } else {
      expect(saved.details.meilisearch.skipped).toMatch(/skipped/);
    }
    // Mixed traffic (scripts/bench/mixed.ts): reads and writes through the real forms, workers on.
    // Correctness, not speed: no errors, no SQLITE_BUSY, every acknowledged write found afterwards.
    const mixed = saved.details.mixed;
    expect(mixed.minimal).toMatchObject(http);
    expect(mixed.catchUp).toMatchObject({ ms: expect.any(Number), overdue: expect.any(Number) });
    const r = mixed.result;
    expect(r.requests).toBeGreaterThan(0);
    for (const kind of ['anonymous', 'signedIn', 'write']) expect(r.byKind[kind].requests, kind).toBeGreaterThan(0);
    expect(r.errorSamples).toEqual([]);
    expect(r.errors).toBe(0);
    expect(r.sqliteBusy).toBe(0);
    expect(r.verification.stories.acknowledged).toBeGreaterThan(0);
    for (const what of ['stories', 'replies', 'verdicts', 'reports']) expect(r.verification[what].missing, what).toBe(0);
    expect(r.verification.stories.missingInSearch).toBe(0);
    expect(r.outbox.pendingAfterDrain).toBe(0);
    for (const id of ['mixed_errors', 'mixed_sqlite_busy', 'mixed_writes_lost']) expect(byId.get(id)!.pass, id).toBe(true);
    expect(run.stderr).toMatch(/figure\s+value\s+target/);
  });
});
