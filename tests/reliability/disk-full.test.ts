// Disk full (docs quality.md, Reliability): writes fail with a clear 503 in the reader's language
// and nothing is half-written. The built server runs with ANSWERABLE_MAX_PAGE_COUNT (a test-only
// hook in src/db/client.ts applyPragmas) set to the file's current size after a VACUUM, so any
// write that needs one more page gets SQLITE_FULL from SQLite itself — the same error, and the
// same rollback, as a full disk. Story and reply bodies are long enough to need new (overflow)
// pages, so the failure comes from inside the use case's transaction, after its first writes:
// a new company row for the publish, the story's state/version update for the reply.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t, type Locale } from '../../src/i18n/index.ts';
import { exited, inspect, killAll, killGroup, makeDataDir, prepareDatabase, sigkill, sleep, startServer, type DataDir, type Member, type PreparedDatabase, type RunningServer } from './harness.ts';

let data: DataDir;
let prepared: PreparedDatabase;

beforeAll(async () => {
  data = makeDataDir('diskfull');
  prepared = await prepareDatabase(data.dbPath, 2);
});

afterAll(async () => {
  await killAll();
  data?.remove();
});

function post(server: RunningServer, path: string, member: Member, fields: Record<string, string>): Promise<Response> {
  return fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: server.baseUrl, Cookie: member.cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
}

function publishFields(lang: Locale, n: number, company: string): Record<string, string> {
  return {
    companyName: company,
    companyWebsite: `https://${company.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
    title: lang === 'it' ? `Rimborso mai arrivato, storia ${n}` : `Refund never arrived, story ${n}`,
    // ~18 KB: more than four pages of text, which only fresh (overflow) pages can hold.
    body: `${lang === 'it' ? 'Ho chiesto il rimborso' : 'I asked for a refund'} ${n}. ${'Nessuna risposta dal servizio clienti. '.repeat(460)}`,
    experienceDate: '2026-09-15',
    category: 'refund',
    language: lang,
    channels: 'email',
    wait_email: '2',
    unit_email: 'hours',
    intent: 'publish',
  };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface Counts {
  [table: string]: number;
}

function counts(): Counts {
  const sqlite = new Database(data.dbPath, { readonly: true });
  try {
    const out: Counts = {};
    for (const table of ['companies', 'stories', 'story_channels', 'story_messages', 'audit_log', 'outbox', 'company_stats']) {
      out[table] = (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    }
    const story = sqlite.prepare('select version, last_activity_at from stories order by id limit 1').get() as { version: number; last_activity_at: number };
    out.firstStoryVersion = story.version;
    out.firstStoryLastActivity = story.last_activity_at;
    return out;
  } finally {
    sqlite.close();
  }
}

/** Waits (bounded) until the mail relay has sent every mail that is due (the publish notified the company). */
async function relaysDrained(): Promise<boolean> {
  for (let attempt = 0; attempt < 300; attempt++) {
    const sqlite = new Database(data.dbPath, { readonly: true });
    const due = (sqlite.prepare("select count(*) as n from outbox where topic = 'mail' and processed_at is null and parked_at is null and available_at <= ?").get(Date.now()) as { n: number }).n;
    sqlite.close();
    if (due === 0) return true;
    await sleep(50);
  }
  return false;
}

describe('disk full', () => {
  let storyId = 0;

  it('answers writes with a 503 in the reader’s language and writes nothing, while pages still load', async () => {
    // One story published normally, and the mail relay given time to send its notification.
    const normal = await startServer(data);
    const first = await post(normal, '/it/publish', prepared.members[0]!, { ...publishFields('it', 0, 'Affidabile S.p.A.'), companySlug: prepared.companySlug });
    expect(first.status).toBe(303);
    storyId = Number(/\/stories\/(\d+)/.exec(first.headers.get('location') ?? '')?.[1]);
    expect(storyId).toBeGreaterThan(0);
    expect(await relaysDrained()).toBe(true);
    killGroup(normal.child, 'SIGTERM');
    await exited(normal.child);

    // No free pages left inside the file, and the cap at its current size.
    const sqlite = new Database(data.dbPath);
    sqlite.exec('VACUUM');
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const pages = sqlite.pragma('page_count', { simple: true }) as number;
    expect(sqlite.pragma('freelist_count', { simple: true })).toBe(0);
    sqlite.close();
    const before = counts();

    // Background workers off: they would meet the same SQLITE_FULL; this test is about requests.
    const full = await startServer(data, { ANSWERABLE_MAX_PAGE_COUNT: String(pages), ANSWERABLE_WORKERS: 'off', MAIL_RELAY: 'off' });
    const cases: { lang: Locale; path: string; member: Member; fields: Record<string, string> }[] = [
      { lang: 'it', path: '/it/publish', member: prepared.members[0]!, fields: publishFields('it', 1, 'Nuova Azienda Piena') },
      { lang: 'en', path: '/en/publish', member: prepared.members[1]!, fields: publishFields('en', 2, 'Brand New Full Ltd') },
      { lang: 'it', path: `/it/stories/${storyId}`, member: prepared.members[0]!, fields: { _action: 'reply', body: 'Aggiornamento: ancora nulla. '.repeat(320) } },
      { lang: 'en', path: `/en/stories/${storyId}`, member: prepared.representative, fields: { _action: 'reply', body: 'We are looking into it. '.repeat(380) } },
    ];
    for (const c of cases) {
      const res = await post(full, c.path, c.member, c.fields);
      const html = await res.text();
      expect(res.status, `${c.path}: ${html.slice(0, 300)}`).toBe(503);
      expect(res.headers.get('retry-after')).toBe('30');
      expect(html).toContain(`lang="${c.lang}"`);
      expect(html).toContain(escapeHtml(t(c.lang, 'error.unavailable')));
    }
    // SQLite's own disk-full error, not another failure dressed up as one.
    expect(full.stderr()).toContain('database or disk is full');

    // Reading still works while nothing can be written.
    const page = await fetch(`${full.baseUrl}/it/stories/${storyId}`);
    expect(page.status).toBe(200);
    await page.arrayBuffer();

    expect(counts()).toEqual(before);
    await sigkill(full);
    const report = inspect(data.dbPath, data.photosDir);
    expect(report.integrity).toBe('ok');
    expect(report.foreignKeyViolations).toBe(0);
    expect(counts()).toEqual(before);
  });

  it('accepts the same writes again once there is room, without any repair', async () => {
    const server = await startServer(data);
    const published = await post(server, '/it/publish', prepared.members[0]!, publishFields('it', 1, 'Nuova Azienda Piena'));
    expect(published.status).toBe(303);
    const replied = await post(server, `/it/stories/${storyId}`, prepared.members[0]!, { _action: 'reply', body: 'Aggiornamento: ancora nulla. '.repeat(320) });
    expect(replied.status).toBe(303);
    await sigkill(server);
    const report = inspect(data.dbPath, data.photosDir);
    expect(report.integrity).toBe('ok');
    expect(report.foreignKeyViolations).toBe(0);
    expect(report.stories).toBe(2);
  });
});
