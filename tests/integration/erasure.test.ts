import { mkdtempSync, readdirSync, rmSync, writeFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueMail } from '../../src/db/outbox.repository.ts';
import { addPhotosToStory } from '../../src/services/photo.service.ts';
import { ReportInputSchema, submitReport } from '../../src/services/report.service.ts';
import { eraseAccount, sweepOrphanPhotoFiles } from '../../src/services/erasure.service.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { makeCompany, makeMessage, makeStory, makeUser } from '../helpers/content-fixtures.ts';

let t: TestDatabase;
let dir: string;
const now = Date.UTC(2026, 10, 23, 12, 0, 0);

beforeAll(async () => {
  t = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'answerable-erasure-'));
});
afterAll(async () => {
  await t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const png = () => sharp({ create: { width: 320, height: 240, channels: 3, background: '#48c' } }).png().toBuffer();

/** A member with everything an account can accumulate. */
async function busyMember(email: string) {
  const user = await makeUser(t.db, 'consumer', { email, displayName: 'Giulia Bianchi' });
  const company = await makeCompany(t.db);
  const s1 = await makeStory(t.db, company, user.id, { title: 'Giulia: fibra mai installata', body: 'Chiamatemi, sono Giulia.', orderReference: 'TEL-99812' });
  const s2 = await makeStory(t.db, company, user.id, { state: 'answered' });
  await t.db.insertInto('story_channels').values({ story_id: s1, channel: 'phone_paid', wait_minutes: 40 }).execute();
  await t.db.insertInto('story_revisions').values({ story_id: s1, title: 'old title with Giulia', body: 'old body', editor_id: user.id, created_at: now }).execute();
  const own = await makeMessage(t.db, s2, user.id, 'consumer', 'Sono ancora senza linea. Giulia');
  await t.db.insertInto('story_message_revisions').values({ message_id: own, body: 'first draft, Giulia', created_at: now }).execute();
  const photos = await addPhotosToStory(t.db, s1, [{ bytes: await png(), alt: 'Il modem' }, { bytes: await png() }], user, now, { dir });
  await t.db
    .insertInto('sessions')
    .values({ id: `s-${user.id}`, user_id: user.id, secret_hash: new Uint8Array([1, 2, 3]), created_at: now, last_seen_at: now, expires_at: now + 1e9, user_agent: 'test' })
    .execute();
  await t.db
    .insertInto('user_tokens')
    .values({ id: `tok-${user.id}`, user_id: user.id, kind: 'reset_password', secret_hash: new Uint8Array([4]), created_at: now, expires_at: now + 1e6 })
    .execute();
  await enqueueMail(t.db, { to: email, subject: 'Reset', text: 'Ciao Giulia', template: 'reset_password' }, now);
  await t.db.insertInto('rate_limits').values([{ key: `publish:${user.id}`, window_start: now, count: 1 }, { key: `claim:user:${user.id}`, window_start: now, count: 1 }, { key: `claim:user:${user.id}0`, window_start: now, count: 1 }]).execute();
  const otherStory = await makeStory(t.db, company, (await makeUser(t.db)).id);
  await submitReport(
    t.db,
    ReportInputSchema.parse({ targetKind: 'story', targetId: String(otherStory), reason: 'spam', explanation: 'Advertising, not an experience.', goodFaith: 'on' }),
    { user: { id: user.id, role: 'consumer', companyIds: [] }, ip: 'x' },
    now,
  );
  return { user, s1, s2, own, photos, otherStory };
}

async function rowsMentioning(needle: string): Promise<string[]> {
  const tables = ['users', 'sessions', 'user_tokens', 'stories', 'story_messages', 'story_message_revisions', 'story_revisions', 'photos', 'reports', 'outbox', 'audit_log', 'company_claims', 'rate_limits'];
  const hits: string[] = [];
  for (const table of tables) {
    const rows = t.sqlite.prepare(`select * from ${table}`).all() as Record<string, unknown>[];
    for (const row of rows) if (JSON.stringify(row).includes(needle)) hits.push(`${table}: ${JSON.stringify(row).slice(0, 120)}`);
  }
  return hits;
}

describe('eraseAccount', () => {
  it('withdraws the stories as tombstones and leaves nothing of the person in the database, on disk or in search', async () => {
    const m = await busyMember('giulia@example.test');
    expect(readdirSync(dir).length).toBeGreaterThanOrEqual(4);

    const summary = await eraseAccount(t.db, m.user.id, { stories: 'withdraw' }, now + 1000, { photosDir: dir });
    expect(summary).toEqual({ stories: 2, photos: 2, messages: 1, sessions: 1 });

    expect(await rowsMentioning('giulia@example.test')).toEqual([]);
    expect(await rowsMentioning('Giulia')).toEqual([]);
    expect(await rowsMentioning('TEL-99812')).toEqual([]);
    expect(await t.db.selectFrom('users').selectAll().where('id', '=', m.user.id).execute()).toEqual([]);
    const limits = await t.db.selectFrom('rate_limits').select('key').where('key', 'like', `%${m.user.id}%`).execute();
    expect(limits.map((l) => l.key)).toEqual([`claim:user:${m.user.id}0`]);
    expect(await t.db.selectFrom('sessions').selectAll().where('user_id', '=', m.user.id).execute()).toEqual([]);
    expect(await t.db.selectFrom('user_tokens').selectAll().where('user_id', '=', m.user.id).execute()).toEqual([]);
    expect(await t.db.selectFrom('photos').selectAll().where('story_id', 'in', [m.s1, m.s2]).execute()).toEqual([]);
    for (const p of m.photos) expect(readdirSync(dir).filter((f) => f.startsWith(p.id))).toEqual([]);

    const tombstones = await t.db.selectFrom('stories').select(['id', 'state', 'title', 'body', 'author_id', 'order_reference', 'withdrawn_at']).where('id', 'in', [m.s1, m.s2]).orderBy('id').execute();
    expect(tombstones).toEqual([
      { id: m.s1, state: 'withdrawn', title: '', body: '', author_id: null, order_reference: null, withdrawn_at: now + 1000 },
      { id: m.s2, state: 'withdrawn', title: '', body: '', author_id: null, order_reference: null, withdrawn_at: now + 1000 },
    ]);
    expect(await t.db.selectFrom('story_messages').selectAll().where('story_id', 'in', [m.s1, m.s2]).execute()).toEqual([]);

    const search = await t.db.selectFrom('outbox').select(['kind', 'key']).where('topic', '=', 'search').where('kind', 'like', 'story.%').where('created_at', '=', now + 1000).execute();
    expect(search.map((s) => `${s.kind} ${s.key}`).sort()).toEqual([`story.delete story:${m.s1}`, `story.delete story:${m.s2}`]);

    // The report the person filed still counts, without them.
    const report = await t.db.selectFrom('reports').select(['reporter_id', 'reporter_kind']).where('target_id', '=', String(m.otherStory)).executeTakeFirstOrThrow();
    expect(report).toEqual({ reporter_id: null, reporter_kind: 'consumer' });

    // The audit log keeps the bare numeric id only.
    const erase = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.erase').where('subject_id', '=', String(m.user.id)).executeTakeFirstOrThrow();
    expect(erase.actor_id).toBe(m.user.id);
    expect(JSON.parse(erase.data!)).toEqual({ choice: 'withdraw', stories: 2, photos: 2, messages: 1, sessions: 1 });
  });

  it('anonymises the stories when the author chooses so: the text stays, the person and their photos go', async () => {
    const m = await busyMember('marco@example.test');
    await eraseAccount(t.db, m.user.id, { stories: 'anonymise' }, now + 2000, { photosDir: dir });
    const stories = await t.db.selectFrom('stories').select(['id', 'state', 'title', 'author_id', 'order_reference']).where('id', 'in', [m.s1, m.s2]).orderBy('id').execute();
    expect(stories).toEqual([
      { id: m.s1, state: 'awaiting_reply', title: 'Giulia: fibra mai installata', author_id: null, order_reference: null },
      { id: m.s2, state: 'answered', title: 'Il pacco è arrivato rotto', author_id: null, order_reference: null },
    ]);
    expect(await rowsMentioning('marco@example.test')).toEqual([]);
    expect(await t.db.selectFrom('story_revisions').selectAll().where('story_id', 'in', [m.s1, m.s2]).execute()).toEqual([]);
    const message = await t.db.selectFrom('story_messages').select('author_id').where('id', '=', m.own).executeTakeFirstOrThrow();
    expect(message.author_id).toBeNull();
    expect(await t.db.selectFrom('story_message_revisions').selectAll().where('message_id', '=', m.own).execute()).toEqual([]);
    for (const p of m.photos) expect(readdirSync(dir).filter((f) => f.startsWith(p.id))).toEqual([]);
    const search = await t.db.selectFrom('outbox').select(['kind', 'key']).where('topic', '=', 'search').where('kind', 'like', 'story.%').where('created_at', '=', now + 2000).execute();
    expect(search.map((s) => `${s.kind} ${s.key}`).sort()).toEqual([`story.upsert story:${m.s1}`, `story.upsert story:${m.s2}`]);
  });

  it('refuses an account that does not exist', async () => {
    await expect(eraseAccount(t.db, 987_654, { stories: 'withdraw' }, now, { photosDir: dir })).rejects.toMatchObject({ code: 'not_allowed' });
  });
});

describe('sweepOrphanPhotoFiles', () => {
  it('removes old photo files without a row and keeps recent ones and real photos', async () => {
    const user = await makeUser(t.db);
    const storyId = await makeStory(t.db, await makeCompany(t.db), user.id);
    const [kept] = await addPhotosToStory(t.db, storyId, [{ bytes: await png() }], user, now, { dir });
    const oldOrphan = 'b'.repeat(32);
    const newOrphan = 'c'.repeat(32);
    for (const id of [oldOrphan, newOrphan]) for (const size of [1600, 400]) writeFileSync(join(dir, `${id}-${size}.webp`), 'x');
    const old = new Date(Date.now() - 2 * 3_600_000);
    for (const size of [1600, 400]) utimesSync(join(dir, `${oldOrphan}-${size}.webp`), old, old);

    expect(await sweepOrphanPhotoFiles(t.db, Date.now(), { dir })).toEqual([oldOrphan]);
    const files = readdirSync(dir);
    expect(files.some((f) => f.startsWith(oldOrphan))).toBe(false);
    expect(files.filter((f) => f.startsWith(newOrphan))).toHaveLength(2);
    expect(files.filter((f) => f.startsWith(kept!.id))).toHaveLength(2);
  });
});
