// The result cache in front of the FTS5 index (select.ts): identical queries are answered from
// memory only while the index is unchanged, whoever writes to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/client.ts';
import { type StoryDocument, OVERDUE_RANK_NONE, dayNumberOf } from '../../src/search/search-index.ts';
import { CachedSearchIndex, createSearchIndexFromEnv } from '../../src/search/select.ts';
import { SqliteFtsIndex } from '../../src/search/sqlite-fts.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

const day = 86_400_000;
const t0 = Date.UTC(2026, 2, 1, 12);

function story(id: number, title: string, overrides: Partial<StoryDocument> = {}): StoryDocument {
  const publishedAt = t0 + id * day;
  return {
    id, companyId: 1, companySlug: 'acme', companyName: 'Acme', country: 'IT', title, body: 'testo', language: 'it',
    state: 'answered', category: 'delivery', channels: ['email'], experienceDate: '2026-02-28', publishedAt,
    publishedDay: dayNumberOf(publishedAt), replyDueAt: publishedAt + 7 * day, overdueRank: OVERDUE_RANK_NONE, ...overrides,
  };
}

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.cleanup());

describe('search result cache', () => {
  it('answers a repeated query from memory until a write changes the index', async () => {
    const index = new CachedSearchIndex(new SqliteFtsIndex(t));
    await index.upsertStories([story(1, 'Frigorifero rumoroso')]);
    const first = await index.searchStories({ q: 'frigorifero' });
    expect(await index.searchStories({ q: 'frigorifero' })).toBe(first);
    await index.upsertStories([story(2, 'Frigorifero guasto')]);
    const second = await index.searchStories({ q: 'frigorifero' });
    expect(second.hits.map((h) => h.id)).toEqual([2, 1]);
    await index.upsertCompanies([{ id: 1, slug: 'acme', name: 'Acme Frigo', domain: null, country: 'IT', sector: 'retail' }]);
    expect((await index.suggestCompanies('acme')).map((c) => c.name)).toEqual(['Acme Frigo']);
    expect(await index.searchStories({ q: 'frigorifero' })).not.toBe(second);
  });

  it('sees writes made through another connection, as by another process', async () => {
    const index = new CachedSearchIndex(new SqliteFtsIndex(t));
    const other = openDatabase(join(t.dir, 'test.sqlite'));
    try {
      expect((await index.searchStories({ q: 'lavastoviglie' })).total).toBe(0);
      await new SqliteFtsIndex(other).upsertStories([story(3, 'Lavastoviglie allagata')]);
      expect((await index.searchStories({ q: 'lavastoviglie' })).hits.map((h) => h.id)).toEqual([3]);
      await new SqliteFtsIndex(other).upsertCompanies([{ id: 2, slug: 'beta', name: 'Beta Casa', domain: null, country: 'IT', sector: 'retail' }]);
      expect((await index.suggestCompanies('beta')).map((c) => c.slug)).toEqual(['beta']);
    } finally {
      await other.db.destroy();
    }
  });

  it('is what the server uses for FTS5 unless SEARCH_CACHE=off', () => {
    expect(createSearchIndexFromEnv(t, {})).toBeInstanceOf(CachedSearchIndex);
    expect(createSearchIndexFromEnv(t, { SEARCH_CACHE: 'off' })).toBeInstanceOf(SqliteFtsIndex);
  });
});
