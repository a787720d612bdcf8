// An interrupted bulk import (decision 0043): the import process is killed (SIGKILL) part-way;
// the next open (migrateToLatest) rolls it back, so the database is exactly as before, and a
// rerun completes to the same result as today's path. PRAGMA integrity_check stays ok.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../src/db/client.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { type ImportStory, StoryBatchWriter } from '../../src/import/story-batch-writer.ts';
import { Corpus } from '../../scripts/bench/corpus.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const CHILD = join(ROOT, 'tests/fixtures/bulk-load-child.ts');
const now = Date.UTC(2026, 10, 1, 12);
const SEED = 5;
const TOTAL = 3000;
const BEFORE = 600;
const dir = mkdtempSync(join(tmpdir(), 'answerable-bulk-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rows: ImportStory[] = [...new Corpus({ stories: TOTAL, companies: 25, seed: SEED, now }).batches(1000)].flat();

const queries: Record<string, string> = {
  companies: 'select * from companies order by id',
  stories: 'select * from stories order by id',
  story_channels: 'select * from story_channels order by story_id, channel',
  story_messages: 'select * from story_messages order by id',
  search_stories: 'select * from search_stories order by doc_key',
  search_stories_fts: 'select rowid, title, company, body from search_stories_fts order by rowid',
  search_companies: 'select * from search_companies order by company_id',
  search_facet_counts: 'select * from search_facet_counts order by facet, value',
  search_meta: "select * from search_meta where key <> 'generation' order by key",
  company_story_counts: 'select * from company_story_counts where n <> 0 order by company_id, state',
  company_stats_dirty: 'select * from company_stats_dirty order by company_id, day',
  bulk_import_journal: 'select * from bulk_import_journal',
  schema: "select type, name, tbl_name, sql from sqlite_master order by type, name",
};

function snapshot(sqlite: BetterSqlite3.Database): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const [name, q] of Object.entries(queries)) out[name] = sqlite.prepare(q).all();
  return out;
}

function expectSame(actual: Record<string, unknown[]>, expected: Record<string, unknown[]>): void {
  for (const name of Object.keys(queries)) expect(actual[name], name).toEqual(expected[name]);
}

function integrityOk(sqlite: BetterSqlite3.Database): void {
  expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  sqlite.exec(`insert into search_stories_fts (search_stories_fts) values ('integrity-check')`);
}

async function fresh(name: string, stories: readonly ImportStory[]): Promise<{ path: string; opened: OpenedDatabase }> {
  const path = join(dir, name);
  const opened = openDatabase(path);
  await migrateToLatest(opened.db);
  const writer = new StoryBatchWriter(opened, { now, search: 'fts' });
  for (let i = 0; i < stories.length; i += 300) expect((await writer.write(stories.slice(i, i + 300))).failed).toEqual([]);
  return { path, opened };
}

/** Runs the child; kills it with SIGKILL when it prints `killAt` (null: lets it finish). */
function runChild(path: string, killAt: string | null): Promise<{ killed: boolean; code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, path, String(SEED), String(BEFORE), String(TOTAL)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (killAt && !killed && output.split('\n').includes(killAt)) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ killed, code, output }));
  });
}

describe('bulk import killed part-way', () => {
  it('leaves the database as before, and a rerun completes to the same result as today\'s path', { timeout: 180_000 }, async () => {
    // The expected end state: every story through today's path.
    const expected = await fresh('expected.sqlite', rows);
    integrityOk(expected.opened.sqlite);
    const complete = snapshot(expected.opened.sqlite);
    await expected.opened.db.destroy();

    for (const killAt of ['batch 3', 'finish']) {
      const { path, opened } = await fresh(`crash-${killAt.replace(' ', '-')}.sqlite`, rows.slice(0, BEFORE));
      const before = snapshot(opened.sqlite);
      await opened.db.destroy();

      const run = await runChild(path, killAt);
      expect(run.killed, run.output).toBe(true);
      expect(run.output).not.toContain('done');

      const reopened = openDatabase(path);
      const journal = reopened.sqlite.prepare('select count(*) as n from bulk_import_journal').get() as { n: number };
      await migrateToLatest(reopened.db); // rolls the interrupted import back
      integrityOk(reopened.sqlite);
      const after = snapshot(reopened.sqlite);
      if (killAt === 'batch 3') expect(journal.n).toBe(1);
      await reopened.db.destroy();
      if (journal.n === 0) {
        // Killed after finish() committed (possible for 'finish'): the import is complete.
        expect(killAt).toBe('finish');
        expectSame(after, complete);
        continue;
      }
      // Killed before finish() committed: exactly as before, dropped indexes and triggers back.
      expectSame(after, before);

      const rerun = await runChild(path, null);
      expect(rerun.code, rerun.output).toBe(0);
      const done = openDatabase(path);
      integrityOk(done.sqlite);
      expectSame(snapshot(done.sqlite), complete);
      await done.db.destroy();
    }
  });
});
