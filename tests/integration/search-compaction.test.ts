// FTS5 compaction (src/search/fts/compaction.ts, decision 0045): an index written in many
// batches has many segments; compact() merges them into one without changing any answer, and
// maintain()'s background pass does the same in short steps, at most once a day.
import { describe, expect, it } from 'vitest';
import { type StoryDocument, OVERDUE_RANK_NONE, dayNumberOf } from '../../src/search/search-index.ts';
import { SqliteFtsIndex } from '../../src/search/sqlite-fts.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

const day = 86_400_000;
const t0 = Date.UTC(2026, 0, 1, 10, 0);
const words = ['rimborso', 'ordine', 'pacco', 'consegna', 'fattura', 'tecnico', 'garanzia', 'refund', 'delivery', 'support'];

function story(id: number): StoryDocument {
  const publishedAt = t0 + id * 3_600_000;
  const w = (k: number) => words[(id * k + k) % words.length]!;
  return {
    id,
    companyId: 1 + (id % 3),
    companySlug: `azienda-${id % 3}`,
    companyName: `Azienda ${id % 3}`,
    country: id % 2 ? 'IT' : 'GB',
    title: `${w(1)} ${w(3)} storia ${id}`,
    body: `Testo ${w(7)} ${w(11)} ${w(13)} numero ${id}.`,
    language: 'it',
    state: id % 4 === 0 ? 'resolved' : 'awaiting_reply',
    category: id % 5 === 0 ? 'refund' : 'delivery',
    channels: ['email'],
    experienceDate: '2026-01-01',
    publishedAt,
    publishedDay: dayNumberOf(publishedAt),
    replyDueAt: publishedAt + 7 * day,
    overdueRank: OVERDUE_RANK_NONE,
  };
}

const structureSize = (t: TestDatabase) =>
  (t.sqlite.prepare('select length(block) from search_stories_fts_data where id = 10').pluck().get() as number) ?? 0;

async function answers(index: SqliteFtsIndex) {
  const out = [];
  for (const q of ['rimborso', 'fattura tecnico', 'consegna pacco garanzia', 'storia', 'ord']) {
    for (const sort of ['relevance', 'newest'] as const) {
      const r = await index.searchStories({ q, sort, filters: { countries: ['IT'] }, perPage: 50 });
      out.push({ q, sort, total: r.total, exact: r.totalIsExact, ids: r.hits.map((h) => h.id), facets: r.facets });
    }
  }
  return out;
}

describe('FTS5 compaction', () => {
  it('merges the segments of an index written in batches into one, with the same answers', async () => {
    const t = await createTestDatabase();
    try {
      const index = new SqliteFtsIndex(t, { filterColumns: 'sync' });
      for (let batch = 0; batch < 40; batch++) await index.upsertStories(Array.from({ length: 25 }, (_, i) => story(batch * 25 + i + 1)));
      await index.refreshVocabulary(t0);
      const before = await answers(index);
      const fragmented = structureSize(t);
      const { steps } = await index.compact();
      expect(steps).toBeGreaterThan(0);
      expect(structureSize(t)).toBeLessThan(fragmented);
      expect(await answers(index)).toEqual(before);
      // Already one segment: one step finds nothing to do.
      expect((await index.compact()).steps).toBe(1);
    } finally {
      await t.cleanup();
    }
  });

  it('compacts in the background through maintain(), at most once a day', async () => {
    const t = await createTestDatabase();
    try {
      const index = new SqliteFtsIndex(t, { filterColumns: 'sync' });
      for (let batch = 0; batch < 40; batch++) await index.upsertStories(Array.from({ length: 25 }, (_, i) => story(batch * 25 + i + 1)));
      const fragmented = structureSize(t);
      const before = await answers(index);
      let now = t0;
      for (let i = 0; i < 200 && !t.sqlite.prepare(`select 1 from search_meta where key = 'compaction_done_at'`).get(); i++) await index.maintain((now += 1000));
      expect(t.sqlite.prepare(`select value from search_meta where key = 'compaction_done_at'`).pluck().get()).toBeDefined();
      const compacted = structureSize(t);
      expect(compacted).toBeLessThan(fragmented);
      expect(await answers(index)).toEqual(before);
      // New writes add segments; within the day maintain() leaves them, a day later it merges them.
      for (let batch = 40; batch < 60; batch++) await index.upsertStories(Array.from({ length: 25 }, (_, i) => story(batch * 25 + i + 1)));
      const grown = structureSize(t);
      await index.maintain((now += 3_600_000));
      expect(structureSize(t)).toBe(grown);
      for (let i = 0; i < 200 && structureSize(t) >= grown; i++) await index.maintain((now += day));
      expect(structureSize(t)).toBeLessThan(grown);
    } finally {
      await t.cleanup();
    }
  });
});
