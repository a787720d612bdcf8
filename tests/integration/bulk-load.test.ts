// The bulk load path (src/import/bulk-load.ts, decision 0043) gives the same database as today's
// path (StoryBatchWriter), table by table: rows, search index, facet counts, read models, the
// statistics computed from them and the search results — into an empty database and into one
// that already holds stories, with stories repeated (set aside and written as updates).
import type BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { rebuildAllCompanyStats } from '../../src/db/stats.repository.ts';
import { BulkStoryLoader } from '../../src/import/bulk-load.ts';
import { importCfpbFile } from '../../src/import/cfpb-import.ts';
import { CFPB_FIXTURE } from '../fixtures/cfpb.ts';
import { join } from 'node:path';
import { type ImportStory, StoryBatchWriter } from '../../src/import/story-batch-writer.ts';
import { SqliteFtsIndex } from '../../src/search/sqlite-fts.ts';
import { Corpus } from '../../scripts/bench/corpus.ts';
import { queryMix } from '../../scripts/bench/search-mix.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

const now = Date.UTC(2026, 10, 1, 12);
const opened: TestDatabase[] = [];
afterAll(async () => {
  for (const d of opened) await d.cleanup();
});

function stories(count: number, seed: number): { corpus: Corpus; rows: ImportStory[] } {
  const corpus = new Corpus({ stories: count, companies: 25, seed, now });
  const rows: ImportStory[] = [];
  for (const batch of corpus.batches(1000)) rows.push(...batch);
  return { corpus, rows };
}

/** A few stories seen again with a new state and title (today's path updates them in place). */
function repeats(rows: readonly ImportStory[], every: number): ImportStory[] {
  return rows
    .filter((_, i) => i % every === 0)
    .map((s, i) => ({ ...s, title: `${s.title} (aggiornata)`, state: i % 3 === 0 ? 'closed_no_verdict' : s.state }));
}

async function todayPath(db: TestDatabase, rows: readonly ImportStory[]): Promise<void> {
  const writer = new StoryBatchWriter(db, { now, search: 'fts' });
  for (let i = 0; i < rows.length; i += 400) {
    const outcome = await writer.write(rows.slice(i, i + 400));
    expect(outcome.failed).toEqual([]);
  }
}

async function bulkPath(db: TestDatabase, rows: readonly ImportStory[]): Promise<void> {
  const loader = await BulkStoryLoader.begin(db, { now, search: 'fts' });
  for (let i = 0; i < rows.length; i += 400) await loader.write(rows.slice(i, i + 400));
  const summary = await loader.finish();
  expect(summary.failed).toEqual([]);
}

const tables: Record<string, string> = {
  companies: 'select * from companies order by id',
  stories: 'select * from stories order by id',
  story_channels: 'select * from story_channels order by story_id, channel',
  story_messages: 'select * from story_messages order by id',
  search_stories: 'select * from search_stories order by doc_key',
  search_stories_fts: 'select rowid, title, company, body from search_stories_fts order by rowid',
  search_companies: 'select * from search_companies order by company_id',
  search_companies_fts: 'select rowid, name, domain from search_companies_fts order by rowid',
  search_facet_counts: 'select * from search_facet_counts order by facet, value',
  // The generation is a change counter (one bump per write transaction), not content.
  search_meta: "select * from search_meta where key <> 'generation' order by key",
  company_story_counts: 'select * from company_story_counts where n <> 0 order by company_id, state',
  company_stats_dirty: 'select * from company_stats_dirty order by company_id, day',
  schema: "select type, name, tbl_name, sql from sqlite_master where type in ('index', 'trigger', 'table') order by type, name",
};

function snapshot(sqlite: BetterSqlite3.Database, extra: Record<string, string> = {}): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const [name, query] of Object.entries({ ...tables, ...extra })) out[name] = sqlite.prepare(query).all();
  return out;
}

function checkIntegrity(sqlite: BetterSqlite3.Database): void {
  expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  sqlite.exec(`insert into search_stories_fts (search_stories_fts) values ('integrity-check')`);
  sqlite.exec(`insert into search_companies_fts (search_companies_fts) values ('integrity-check')`);
}

async function searchResults(db: TestDatabase, corpus: Corpus): Promise<unknown[]> {
  const index = new SqliteFtsIndex(db);
  await index.refreshVocabulary(now);
  const out: unknown[] = [];
  for (const m of queryMix(corpus)) out.push(await index.searchStories(m.query));
  out.push(await index.searchStories({ q: '' }));
  return out;
}

async function compare(a: TestDatabase, b: TestDatabase, corpus: Corpus): Promise<void> {
  checkIntegrity(a.sqlite);
  checkIntegrity(b.sqlite);
  const before = snapshot(a.sqlite);
  const after = snapshot(b.sqlite);
  for (const name of Object.keys(tables)) expect(after[name], name).toEqual(before[name]);
  expect(after.stories!.length).toBeGreaterThan(0);
  expect(after.search_stories_fts!.length).toBeGreaterThan(0);
  // Statistics recomputed from the read models and the rows: the same on both.
  await rebuildAllCompanyStats(a.db, now);
  await rebuildAllCompanyStats(b.db, now);
  const stats = {
    company_stats: 'select * from company_stats order by company_id, period',
    company_stats_days: 'select * from company_stats_days order by company_id, block',
    company_stats_dirty: 'select * from company_stats_dirty order by company_id, day',
  };
  const sa = snapshot(a.sqlite, stats);
  const sb = snapshot(b.sqlite, stats);
  for (const name of Object.keys(stats)) expect(sb[name], name).toEqual(sa[name]);
  expect(sb.company_stats!.length).toBeGreaterThan(0);
  expect(await searchResults(b, corpus)).toEqual(await searchResults(a, corpus));
}

describe('bulk load path', () => {
  it('gives the same database as today\'s path when loading into an empty database', { timeout: 120_000 }, async () => {
    const { corpus, rows } = stories(2400, 7);
    const input = [...rows, ...repeats(rows, 97)];
    const a = await createTestDatabase();
    const b = await createTestDatabase();
    opened.push(a, b);
    await todayPath(a, input);
    await bulkPath(b, input);
    await compare(a, b, corpus);
  });

  it('gives the same database as today\'s path when appending to a database that holds stories', { timeout: 120_000 }, async () => {
    const { corpus, rows } = stories(2400, 11);
    const first = rows.slice(0, 1000);
    const rest = [...rows.slice(1000), ...repeats(rows, 53)];
    const a = await createTestDatabase();
    const b = await createTestDatabase();
    opened.push(a, b);
    await todayPath(a, first);
    await todayPath(b, first);
    await todayPath(a, rest);
    await bulkPath(b, rest);
    await compare(a, b, corpus);
  });
});

describe('npm run import:cfpb on the bulk path', () => {
  it('imports the CFPB extract to the same rows, search index and statistics as today\'s path, and again as updates', { timeout: 120_000 }, async () => {
    const a = await createTestDatabase();
    const b = await createTestDatabase();
    opened.push(a, b);
    const stats = {
      company_stats: 'select * from company_stats order by company_id, period',
      audit: "select action, data from audit_log order by id",
    };
    for (let round = 0; round < 2; round++) {
      const sa = await importCfpbFile(a, CFPB_FIXTURE, { now, bulk: false, rejectsPath: join(a.dir, 'rejects.csv') });
      const phases: string[] = [];
      const sb = await importCfpbFile(b, CFPB_FIXTURE, { now, bulk: true, rejectsPath: join(b.dir, 'rejects.csv'), onProgress: (p) => phases.push(p.phase) });
      expect(sa.path).toBe('incremental');
      expect(sb.path).toBe('bulk');
      expect(phases).toContain(round === 0 ? 'search' : 'updates');
      expect(phases.at(-1)).toBe('done');
      const pick = (x: typeof sa) => ({ rowsRead: x.rowsRead, imported: x.imported, updated: x.updated, rejected: x.rejected, companiesCreated: x.companiesCreated, companiesTouched: x.companiesTouched, stats: x.stats });
      expect(pick(sb)).toEqual(pick(sa));
      expect(sb.imported + sb.updated).toBeGreaterThan(200);
      checkIntegrity(b.sqlite);
      const ta = snapshot(a.sqlite, stats);
      const tb = snapshot(b.sqlite, stats);
      for (const name of Object.keys(tables)) expect(tb[name], name).toEqual(ta[name]);
      expect(tb.company_stats).toEqual(ta.company_stats);
      expect((tb.audit as { data: string }[]).map((r) => JSON.parse(r.data).path)).toEqual((ta.audit as { data: string }[]).map(() => 'bulk'));
    }
  });
});

describe('a schema the bulk path cannot reproduce', () => {
  it('is refused before anything is dropped, and the CFPB import falls back to today\'s path', async () => {
    const d = await createTestDatabase();
    opened.push(d);
    d.sqlite.exec(`create table story_audit_test (story_id integer);
      create trigger stories_extra_insert after insert on stories begin insert into story_audit_test values (new.id); end`);
    const schema = d.sqlite.prepare('select name, sql from sqlite_master order by name').all();
    await expect(BulkStoryLoader.begin(d, { now, search: 'fts' })).rejects.toThrow(/stories_extra_insert/);
    expect(d.sqlite.prepare('select name, sql from sqlite_master order by name').all()).toEqual(schema);
    expect(d.sqlite.prepare('select count(*) as n from bulk_import_journal').get()).toEqual({ n: 0 });
    const summary = await importCfpbFile(d, CFPB_FIXTURE, { now, bulk: true, rejectsPath: join(d.dir, 'rejects.csv') });
    expect(summary.path).toBe('incremental');
    expect(summary.imported).toBe(249);
    expect(d.sqlite.prepare('select count(*) as n from story_audit_test').get()).toEqual({ n: 249 });
  });
});
