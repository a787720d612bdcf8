// The mixed-traffic bench's pure parts and its set-up on a small database. The run itself needs
// the built server: tests/reliability/bench-small.test.ts checks it end to end. No times asserted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { Corpus } from './corpus.ts';
import { loadCorpus } from './load.ts';
import { anonymousPath, busyCounter, percentile, prepareMixed, searchUrls } from './mixed.ts';
import { Rng } from './prng.ts';
import { PassThrough } from 'node:stream';

const NOW = Date.UTC(2026, 10, 1, 12);
const dir = mkdtempSync(join(tmpdir(), 'answerable-mixed-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the mixed-traffic bench', () => {
  const corpus = new Corpus({ stories: 400, companies: 30, seed: 5, now: NOW });

  it('spreads search over the whole query mix and pages 1–3', () => {
    const urls = searchUrls(corpus);
    expect(urls.length).toBeGreaterThanOrEqual(30);
    expect(new Set(urls).size).toBe(urls.length);
    for (const u of urls) expect(u).toMatch(/^\/(it|en)\/search\?q=/);
    expect(urls.filter((u) => u.includes('page=2')).length).toBe(urls.length / 3);
    expect(urls.filter((u) => u.includes('page=3')).length).toBe(urls.length / 3);
  });

  it('draws anonymous reads of many pages in roughly the planned shares', () => {
    const rng = new Rng(1);
    const setup = { storyIds: Array.from({ length: 500 }, (_, i) => i + 1), companySlugs: Array.from({ length: 50 }, (_, i) => `c-${i}`) };
    const search = searchUrls(corpus);
    const counts = new Map<string, number>();
    const paths = new Set<string>();
    for (let i = 0; i < 4000; i++) {
      const { page, path } = anonymousPath(rng, setup, search);
      counts.set(page, (counts.get(page) ?? 0) + 1);
      paths.add(path);
    }
    expect(counts.get('home')! / 4000).toBeCloseTo(0.1, 1);
    expect(counts.get('company')! / 4000).toBeCloseTo(0.3, 1);
    expect(counts.get('story')! / 4000).toBeCloseTo(0.35, 1);
    expect(counts.get('search')! / 4000).toBeCloseTo(0.25, 1);
    expect(paths.size).toBeGreaterThan(500);
  });

  it('computes percentiles and counts SQLITE_BUSY lines in the server output, even split across chunks', () => {
    expect(percentile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(percentile([], 0.5)).toBeNaN();
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const count = busyCounter({ stdout, stderr });
    stderr.write('[db] SQLITE_BUSY: write transaction retried (attempt 1)\n');
    stdout.write('ok\nError: database is lo');
    stdout.write('cked\n');
    expect(count()).toBe(2);
  });

  it('creates writers, readers and verified representatives with sessions in the bench database', async () => {
    const opened = openDatabase(join(dir, 'bench.sqlite'));
    try {
      await migrateToLatest(opened.db);
      await loadCorpus(corpus, opened, null, { batchSize: 200, now: NOW, slice: 0 });
      const setup = await prepareMixed(opened, corpus, { users: 4, connections: 2, seconds: 1, seed: 9, writers: 5, repCompanies: 3, readers: 2 });
      expect(setup.writers).toHaveLength(5);
      expect(setup.readers).toHaveLength(2);
      expect(setup.repCompanies).toHaveLength(3);
      expect(setup.storyIds.length).toBeGreaterThan(100);
      expect(setup.companySlugs.length).toBeGreaterThan(10);
      for (const a of [...setup.writers, ...setup.readers]) expect(a.cookie).toMatch(/^answerable_session=\S+$/);
      const claims = opened.sqlite.prepare("select company_id, user_id from company_claims where status = 'verified'").all() as { company_id: number; user_id: number }[];
      expect(claims).toEqual(expect.arrayContaining(setup.repCompanies.map((c) => ({ company_id: c.id, user_id: c.rep.userId }))));
      const sessions = opened.sqlite.prepare('select count(*) as n from sessions').get() as { n: number };
      expect(sessions.n).toBe(10);
      // The tag of the run's stories occurs in no corpus story.
      const hits = opened.sqlite.prepare("select count(*) as n from stories where title like '%' || ? || '%' or body like '%' || ? || '%'").get(setup.tag, setup.tag) as { n: number };
      expect(hits.n).toBe(0);
    } finally {
      await opened.db.destroy();
    }
  });
});
