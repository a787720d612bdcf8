import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CfpbFileError, importCfpbFile } from '../../src/import/cfpb-import.ts';
import { StoryBatchWriter, type ImportStory } from '../../src/import/story-batch-writer.ts';
import { CFPB_FIXTURE as SAMPLE } from '../fixtures/cfpb.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const NOW = Date.UTC(2026, 10, 23, 12);
const HEADER =
  'Date received,Product,Sub-product,Issue,Sub-issue,Consumer complaint narrative,Company public response,Company,State,ZIP code,Tags,Consumer consent provided?,Submitted via,Date sent to company,Company response to consumer,Timely response?,Consumer disputed?,Complaint ID';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.cleanup();
});

function count(sql: string, ...params: unknown[]): number {
  return (t.sqlite.prepare(sql).get(...params) as { n: number }).n;
}

/** Ids of visible stories and of indexed stories must be the same set. */
function expectIndexConsistent(): void {
  const visible = t.sqlite
    .prepare(`select id from stories where state not in ('hidden', 'withdrawn') order by id`)
    .pluck()
    .all();
  const indexed = t.sqlite.prepare('select story_id from search_stories order by story_id').pluck().all();
  expect(indexed).toEqual(visible);
  expect(count('select count(*) as n from search_stories_fts')).toBe(visible.length);
  expect(count(`select count as n from search_facet_counts where facet = 'total'`)).toBe(visible.length);
}

describe('importing the CFPB extract', () => {
  it('accounts for every one of the 249 rows and indexes them all', async () => {
    const summary = await importCfpbFile(t, SAMPLE, { now: NOW, rejectsPath: join(t.dir, 'rejects.csv') });
    expect(summary).toMatchObject({ rowsRead: 249, imported: 249, updated: 0, rejected: 0, companiesCreated: 48, rejectsFile: null, stats: 'per_company' });
    expect(summary.bytesRead).toBe(summary.totalBytes);
    expect(count(`select count(*) as n from stories where source = 'cfpb'`)).toBe(249);
    expect(count('select count(distinct external_id) as n from stories')).toBe(249);
    expect(count('select count(*) as n from companies')).toBe(48);
    expect(count('select count(*) as n from company_stats')).toBe(48 * 3);
    expect(existsSync(join(t.dir, 'rejects.csv'))).toBe(false);
    expectIndexConsistent();
  });

  it('counts imported replies for the reply rate but never for reply times', () => {
    const row = t.sqlite
      .prepare(
        `select s.reply_rate, s.median_first_reply_hours, s.p90_first_reply_hours, s.resolution_rate, s.story_count
         from company_stats s join companies c on c.id = s.company_id where c.name = 'EQUIFAX, INC.' and s.period = 'all'`,
      )
      .get() as Record<string, number | null>;
    expect(row.story_count).toBe(51);
    expect(row.reply_rate).toBe(1);
    expect(row.median_first_reply_hours).toBeNull();
    expect(row.p90_first_reply_hours).toBeNull();
    expect(row.resolution_rate).toBeGreaterThan(0);
  });

  it('finds imported stories through the search index', () => {
    const hits = t.sqlite
      .prepare(`select count(*) as n from search_stories_fts where search_stories_fts match 'equifax'`)
      .get() as { n: number };
    expect(hits.n).toBe(51);
  });

  it('updates instead of duplicating on a second import', async () => {
    const summary = await importCfpbFile(t, SAMPLE, { now: NOW + 1000, rejectsPath: join(t.dir, 'rejects.csv') });
    expect(summary).toMatchObject({ rowsRead: 249, imported: 0, updated: 249, rejected: 0, companiesCreated: 0 });
    expect(count('select count(*) as n from stories')).toBe(249);
    expect(count('select count(*) as n from companies')).toBe(48);
    expectIndexConsistent();
  });

  it('keeps a story a moderator hid hidden, and out of the index, when it is imported again', async () => {
    const id = count(`select id as n from stories where external_id = '7523056'`);
    t.sqlite.prepare(`update stories set state = 'hidden', state_before_hidden = state, hidden_at = ? where id = ?`).run(NOW, id);
    await importCfpbFile(t, SAMPLE, { now: NOW + 2000, stats: false, rejectsPath: join(t.dir, 'rejects.csv') });
    const story = t.sqlite.prepare('select state, state_before_hidden from stories where id = ?').get(id);
    expect(story).toEqual({ state: 'hidden', state_before_hidden: 'unresolved' });
    expectIndexConsistent();
  });

  it('writes one audit row per import', () => {
    expect(count(`select count(*) as n from audit_log where action = 'import.cfpb'`)).toBe(3);
  });
});

describe('importing a damaged file', () => {
  const good = (id: string, company = 'Acme Bank') =>
    `2023-08-25,Checking or savings account,Checking account,Closing an account,,"It took
three months to close my account.",,${company},NY,10001,,Consent provided,Web,2023-08-26,Closed with monetary relief,Yes,N/A,${id}`;

  it('reports malformed and incomplete rows with their reasons and imports the rest', async () => {
    const file = join(t.dir, 'damaged.csv');
    const lines = [
      HEADER,
      good('900001'),
      '2023-08-25,Mortgage,,Struggling to pay mortgage,,,,Acme Bank,NY,10001,,,Web,2023-08-25,In progress,Yes', // missing columns
      '2023-08-25,"Checking or savings account,Checking account,Managing an account,,,,Acme Bank,NY,10001,,,Web,2023-08-25,In progress,Yes,N/A,900003', // unclosed quote
      good('900004'),
      '08/31/2023,Credit card,,Fees or interest,,,,Other Card Co,CA,90210,,,Web,08/31/2023,Closed with explanation,Yes,N/A,900005',
      '2023-02-30,Credit card,,Fees or interest,,,,Other Card Co,CA,90210,,,Web,2023-03-01,Closed with explanation,Yes,N/A,900006', // no such date
      good('', 'Nobody'), // no complaint id
      '2023-09-01,"Credit card",,"Fees or interest",,,,Other Card Co,CA,90210,,,Web,2023-09-01,"Closed with explanation",Yes,N/A,"900008', // truncated
    ];
    writeFileSync(file, `${lines.join('\n')}`);
    const rejectsPath = join(t.dir, 'damaged.rejects.csv');
    const summary = await importCfpbFile(t, file, { now: NOW, rejectsPath });
    expect(summary).toMatchObject({ rowsRead: 8, imported: 3, updated: 0, rejected: 5, rejectsFile: rejectsPath });
    expect(summary.rejectedByReason).toEqual({ wrong_field_count: 1, malformed_csv: 2, invalid_date_received: 1, missing_complaint_id: 1 });
    const rejects = readFileSync(rejectsPath, 'utf8').trim().split('\n');
    expect(rejects[0]).toBe('line,complaint_id,reason,detail');
    expect(rejects.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual([
      '4,,wrong_field_count',
      '5,,malformed_csv',
      '9,900006,invalid_date_received',
      '10,,missing_complaint_id',
      '12,,malformed_csv',
    ]);
    expect(count(`select count(*) as n from stories where external_id in ('900001', '900004', '900005')`)).toBe(3);
    expectIndexConsistent();
  });

  it('refuses a file that is not a CFPB export before writing anything', async () => {
    const file = join(t.dir, 'other.csv');
    writeFileSync(file, 'name,email\nMario,mario@example.com\n');
    const before = count('select count(*) as n from stories');
    await expect(importCfpbFile(t, file, { now: NOW })).rejects.toThrow(CfpbFileError);
    await expect(importCfpbFile(t, file, { now: NOW })).rejects.toThrow(/complaint_id, company, date_received/);
    expect(count('select count(*) as n from stories')).toBe(before);
  });
});

describe('the batch writer', () => {
  const story = (externalId: string, category: string): ImportStory => ({
    source: 'demo',
    externalId,
    company: { name: 'Batch Test Srl', country: 'IT', sector: 'retail' },
    title: `Story ${externalId}`,
    body: 'Body',
    experienceDate: '2026-11-01',
    category: category as ImportStory['category'],
    language: 'it',
    state: 'awaiting_reply',
    publishedAt: NOW,
    replyDueAt: NOW + 7 * 86_400_000,
    firstReplyAt: null,
    verdictAt: null,
    resolved: null,
    wouldBuyAgain: null,
    rating: null,
    verdictComment: null,
    closedAt: null,
    lastActivityAt: NOW,
    channels: [{ channel: 'email', waitMinutes: 60, answered: false }],
    messages: [{ role: 'consumer', body: 'Hello?', createdAt: NOW }],
  });

  it('refuses only the story that breaks a constraint and keeps the rest of the batch', async () => {
    const writer = new StoryBatchWriter(t, { now: NOW, search: 'fts' });
    const outcome = await writer.write([story('b1', 'delivery'), story('b2', 'not-a-category'), story('b3', 'refund')]);
    expect(outcome.imported).toBe(2);
    expect(outcome.failed).toHaveLength(1);
    expect(outcome.failed[0]!.index).toBe(1);
    expect(outcome.storyIds[1]).toBeNull();
    expect(count(`select count(*) as n from stories where source = 'demo'`)).toBe(2);
    expect(count(`select count(*) as n from story_channels c join stories s on s.id = c.story_id where s.source = 'demo'`)).toBe(2);
    expect(count(`select count(*) as n from companies where name = 'Batch Test Srl'`)).toBe(1);
    expectIndexConsistent();
  });

  it('indexes a batch given in any order newest first, and a story listed twice once', async () => {
    const writer = new StoryBatchWriter(t, { now: NOW, search: 'fts' });
    const at = (externalId: string, daysAgo: number) => ({ ...story(externalId, 'refund'), publishedAt: NOW - daysAgo * 86_400_000 });
    const outcome = await writer.write([at('s1', 3), at('s2', 9), at('s3', 1), { ...at('s2', 5), title: 'Story s2, corrected' }, at('s4', 7)]);
    expect(outcome.imported).toBe(4);
    expect(outcome.updated).toBe(1);
    const indexed = t.sqlite
      .prepare(`select s.title from search_stories i join stories s on s.id = i.story_id where s.external_id like 's_' order by i.doc_key desc`)
      .pluck()
      .all();
    expect(indexed).toEqual(['Story s3', 'Story s1', 'Story s2, corrected', 'Story s4']);
    expectIndexConsistent();
    // Servers that keep search results in memory learn that the index changed.
    const generation = () => Number(t.sqlite.prepare(`select value from search_meta where key = 'generation'`).pluck().get() ?? 0);
    const before = generation();
    await writer.write([{ ...at('s1', 3), title: 'Story s1, corrected' }]);
    expect(generation()).toBeGreaterThan(before);
  });

  it('announces stories and new companies in the outbox when the index is Meilisearch', async () => {
    const writer = new StoryBatchWriter(t, { now: NOW, search: 'outbox' });
    const before = count(`select count(*) as n from outbox where topic = 'search'`);
    const outcome = await writer.write([{ ...story('o1', 'billing'), company: { name: 'Outbox Only SpA', country: 'IT', sector: 'retail' } }]);
    expect(outcome.imported).toBe(1);
    const rows = t.sqlite.prepare(`select kind, key from outbox where topic = 'search' order by id`).all().slice(before);
    expect(rows).toEqual([
      { kind: 'company.upsert', key: `company:${count(`select id as n from companies where name = 'Outbox Only SpA'`)}` },
      { kind: 'story.upsert', key: `story:${outcome.storyIds[0]}` },
    ]);
  });
});

describe('npm run import:cfpb', () => {
  it('prints a summary and exits 0 with rejected rows, 2 for a file that is not an export', () => {
    const file = join(t.dir, 'cli.csv');
    writeFileSync(file, `${HEADER}\n2023-08-25,Credit card,,Fees or interest,,,,Cli Bank,CA,90210,,,Web,2023-08-25,Closed with explanation,Yes,N/A,800001\n1,2,3\n`);
    const env = { ...process.env, DATABASE_PATH: join(t.dir, 'cli.sqlite'), MEILISEARCH_URL: '' };
    const ok = spawnSync(process.execPath, ['scripts/import-cfpb.ts', file, '--rejects', join(t.dir, 'cli.rejects.csv')], { cwd: ROOT, env, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/rows read\s+2/);
    expect(ok.stdout).toMatch(/imported\s+1/);
    expect(ok.stdout).toMatch(/rejected\s+1 \(wrong_field_count 1\)/);
    const bad = spawnSync(process.execPath, ['scripts/import-cfpb.ts', join(t.dir, 'other.csv')], { cwd: ROOT, env, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/not a CFPB complaints export/);
  });
});
