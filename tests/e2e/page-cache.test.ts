// The anonymous page cache against the real server: a second visit is served from memory, and a
// reply committed by anyone (here: another process writing to the same database) shows at once.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../src/db/client.ts';
import { replyToStory } from '../../src/services/story.service.ts';

const baseUrl = inject('baseUrl');
let opened: OpenedDatabase;

beforeAll(() => {
  opened = openDatabase(join(inject('dataDir'), 'e2e.sqlite'));
});
afterAll(async () => {
  await opened.db.destroy();
});

describe('the anonymous page cache', () => {
  it('serves a repeated visit from the cache and shows a new reply at once', async () => {
    const { db } = opened;
    // An answered story whose company has a representative (every answering demo company has one).
    const story = await db
      .selectFrom('stories as s')
      .innerJoin('company_claims as cc', 'cc.company_id', 's.company_id')
      .select(['s.id', 's.company_id', 'cc.user_id'])
      .where('s.state', '=', 'answered')
      .where('cc.status', '=', 'verified')
      .orderBy('s.id')
      .executeTakeFirstOrThrow();
    const slug = (await db.selectFrom('companies').select('slug').where('id', '=', story.company_id).executeTakeFirstOrThrow()).slug;
    const storyUrl = `${baseUrl}/en/stories/${story.id}`;
    const companyUrl = `${baseUrl}/en/companies/${slug}`;

    await fetch(storyUrl);
    await fetch(companyUrl);
    const cached = await fetch(storyUrl);
    expect(cached.headers.get('x-page-cache')).toBe('hit');
    const etag = cached.headers.get('etag');
    expect(etag).toMatch(/^W\/"/);
    const revalidated = await fetch(storyUrl, { headers: { 'if-none-match': etag! } });
    expect(revalidated.status).toBe(304);
    expect((await fetch(companyUrl)).headers.get('x-page-cache')).toBe('hit');

    const text = `We have booked a courier for tomorrow morning (${Date.now()}).`;
    await replyToStory(db, { kind: 'company', userId: story.user_id, companyIds: [story.company_id] }, { storyId: story.id, body: text });

    const fresh = await fetch(storyUrl);
    expect(fresh.headers.get('x-page-cache')).toBe('miss');
    expect(await fresh.text()).toContain(text);
    expect((await fetch(companyUrl)).headers.get('x-page-cache')).toBe('miss');
  });

  it('never caches for a visitor with a session cookie', async () => {
    const res = await fetch(`${baseUrl}/en/companies`, { headers: { cookie: 'answerable_session=not-a-real-token' } });
    expect(res.headers.get('x-page-cache')).toBeNull();
  });
});
