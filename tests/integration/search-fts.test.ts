// Behaviour specific to the embedded FTS5 index: the bounded window, the ranking of broad
// queries, prefix completion from the vocabulary, recency keys and vocabulary upkeep.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StoryDocument, OVERDUE_RANK_NONE, dayNumberOf } from '../../src/search/search-index.ts';
import { SqliteFtsIndex, storyDocKey } from '../../src/search/sqlite-fts.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { openDatabase } from '../../src/db/client.ts';
import { join } from 'node:path';

const day = 86_400_000;
const t0 = Date.UTC(2026, 0, 1, 12);

function story(id: number, title: string, body: string, overrides: Partial<StoryDocument> = {}): StoryDocument {
  const publishedAt = overrides.publishedAt ?? t0 + id * day;
  return {
    id, companyId: 1, companySlug: 'acme', companyName: 'Acme', country: 'IT', title, body, language: 'it',
    state: 'answered', category: 'delivery', channels: ['email'], experienceDate: '2025-12-31', publishedAt,
    publishedDay: dayNumberOf(publishedAt), replyDueAt: publishedAt + 7 * day, overdueRank: OVERDUE_RANK_NONE, ...overrides,
  };
}

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.cleanup());

describe('SQLite FTS5 index', () => {
  it('ranks, counts and facets only the newest window of a broad query, and says so', async () => {
    const index = new SqliteFtsIndex(t, { maxTotalHits: 5 });
    await index.upsertStories(
      Array.from({ length: 8 }, (_, i) => story(i + 1, `Consegna ${i + 1}`, 'pacco', { category: i < 4 ? 'refund' : 'delivery' })),
    );
    const r = await index.searchStories({ q: 'consegna' });
    expect(r).toMatchObject({ total: 5, totalIsExact: false, pageCount: 1 });
    // The window is the five newest matches: ids 8..4, of which only id 4 is a refund.
    expect(r.facets.category).toEqual({ delivery: 4, refund: 1 });
    expect(r.hits.map((h) => h.id)).toEqual([8, 7, 6, 5, 4]);
    const browse = await index.searchStories({ q: '', filters: { categories: ['refund'] } });
    expect(browse).toMatchObject({ total: 4, totalIsExact: true });
    const all = await index.searchStories({ q: '' });
    expect(all).toMatchObject({ total: 5, totalIsExact: false });
    expect(all.facets.category).toEqual({ delivery: 4, refund: 4 }); // precomputed over everything
    await index.deleteStories([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('ranks a broad query by words in the title, then in the company name, then recency', async () => {
    const index = new SqliteFtsIndex(t, { bm25MaxMatches: 0 });
    await index.upsertStories([
      story(11, 'Nessuna risposta', 'Il rimborso non arriva.'),
      story(12, 'Rimborso negato', 'Niente.'),
      story(13, 'Attesa lunga', 'Sempre il rimborso.', { companyName: 'Rimborso Facile', companySlug: 'rf' }),
      story(14, 'Altro', 'Parlo del rimborso anche qui.'),
    ]);
    await index.refreshVocabulary();
    const r = await index.searchStories({ q: 'rimborso' });
    expect(r.hits.map((h) => h.id)).toEqual([12, 13, 14, 11]);
    await index.deleteStories([11, 12, 13, 14]);
  });

  it('completes the last word from the vocabulary and falls back to a prefix query for new words', async () => {
    const index = new SqliteFtsIndex(t);
    await index.upsertStories([story(21, 'Installazione fallita', 'Tecnico assente.'), story(22, 'Installatore scortese', 'x')]);
    await index.refreshVocabulary();
    expect((await index.searchStories({ q: 'instal', sort: 'newest' })).hits.map((h) => h.id)).toEqual([22, 21]);
    await index.upsertStories([story(23, 'Modem sbloccato', 'x')]); // not in the vocabulary yet
    expect((await index.searchStories({ q: 'sbloc' })).hits.map((h) => h.id)).toEqual([23]);
    expect((await index.searchStories({ q: 'x' })).total).toBe(2);
    await index.deleteStories([21, 22, 23]);
  });

  it('treats operators and quotes typed by people as plain words', async () => {
    const index = new SqliteFtsIndex(t);
    await index.upsertStories([story(31, 'Fibra OR rame', 'NEAR la centrale')]);
    for (const q of ['"fibra', 'fibra OR', 'NEAR(', 'rame*', '{title}: fibra', '-fibra', 'a:b']) {
      await expect(index.searchStories({ q })).resolves.toBeDefined();
    }
    expect((await index.searchStories({ q: 'fibra OR' })).hits.map((h) => h.id)).toEqual([31]);
    await index.deleteStories([31]);
  });

  it('orders by publication time even when ids do not, and survives key collisions', async () => {
    const index = new SqliteFtsIndex(t);
    const same = t0 + 500 * day;
    expect(storyDocKey(same, 5)).toBe(storyDocKey(same, 5 + 2 ** 21));
    await index.upsertStories([
      story(41, 'Vecchia importata', 'x', { publishedAt: t0 - 300 * day }),
      story(5, 'Gemella A', 'x', { publishedAt: same }),
      story(5 + 2 ** 21, 'Gemella B', 'x', { publishedAt: same }),
    ]);
    const r = await index.searchStories({ q: '', sort: 'newest' });
    expect(r.hits.map((h) => h.id)).toEqual([5 + 2 ** 21, 5, 41]);
    await index.upsertStories([story(5, 'Gemella A bis', 'x', { publishedAt: same })]);
    expect((await index.searchStories({ q: 'gemella' })).total).toBe(2);
    await index.deleteStories([41, 5, 5 + 2 ** 21]);
    expect((await index.searchStories({ q: '' })).total).toBe(0);
  });

  it('refreshes the spelling vocabulary only after writes and at most every ten minutes', async () => {
    const index = new SqliteFtsIndex(t);
    const terms = () => t.sqlite.prepare(`select term from search_vocabulary where term like 'bolle%'`).pluck().all();
    await index.upsertStories([story(51, 'Bolletta doppia', 'x')]);
    const now = Date.now() + 3_600_000; // well after the refreshes of the tests above
    await index.maintain(now);
    expect(terms()).toEqual(['bolletta']);
    await index.upsertStories([story(52, 'Bollettino perso', 'x')]);
    await index.maintain(now + 60_000);
    expect(terms()).toEqual(['bolletta']);
    await index.maintain(now + 11 * 60_000);
    expect(terms()).toEqual(['bolletta', 'bollettino']);
  });

  it('builds the vocabulary slice by slice, letters beyond ASCII included, without digits', async () => {
    const index = new SqliteFtsIndex(t);
    await index.upsertStories([story(61, 'Łódź consegna', 'ordine a1b2 zucca')]);
    await index.refreshVocabulary();
    const has = (term: string) => t.sqlite.prepare(`select count(*) from search_vocabulary where term = ?`).pluck().get(term);
    expect([has('łodz'), has('zucca'), has('ordine'), has('a1b2')]).toEqual([1, 1, 1, 0]);
    expect(t.sqlite.prepare(`select value from search_meta where key = 'vocabulary_dirty'`).pluck().get()).toBe('0');
  });

  it('keeps its filter columns in step with its own writes and reloads them after anyone else\'s', async () => {
    const index = new SqliteFtsIndex(t, { filterColumns: 'sync' });
    const other = openDatabase(join(t.dir, 'test.sqlite'));
    try {
      await index.upsertStories([story(71, 'Lavatrice rotta', 'x', { category: 'warranty' }), story(72, 'Lavatrice nuova', 'x')]);
      const ids = async (category: 'warranty' | 'refund') =>
        (await index.searchStories({ q: 'lavatrice', filters: { categories: [category] } })).hits.map((h) => h.id);
      expect(await ids('warranty')).toEqual([71]);
      await index.upsertStories([story(72, 'Lavatrice nuova', 'x', { category: 'warranty' })]);
      expect(await ids('warranty')).toEqual([72, 71]);
      // Another connection (another process in production) writes through its own adapter.
      await new SqliteFtsIndex(other, { filterColumns: 'off' }).upsertStories([story(71, 'Lavatrice rotta', 'x', { category: 'refund' })]);
      expect(await ids('warranty')).toEqual([72]);
      expect(await ids('refund')).toEqual([71]);
      await index.deleteStories([71, 72]);
      expect(await ids('warranty')).toEqual([]);
    } finally {
      await other.db.destroy();
    }
  });

  it('answers the same as SQL joins while its filter columns load in the background', async () => {
    const docs = Array.from({ length: 40 }, (_, i) =>
      story(100 + i, `Caldaia ${i}`, 'guasto', { category: i % 3 === 0 ? 'refund' : 'installation', state: i % 2 ? 'overdue' : 'answered' }),
    );
    await new SqliteFtsIndex(t).upsertStories(docs);
    const query = { q: 'caldaia', filters: { categories: ['refund' as const], states: ['overdue' as const] }, sort: 'newest' as const };
    const joined = await new SqliteFtsIndex(t, { filterColumns: 'off' }).searchStories(query);
    const background = new SqliteFtsIndex(t);
    const first = await background.searchStories(query); // starts the load, answered by SQL
    await background.refreshVocabulary(); // waits for the load
    const loaded = await background.searchStories(query);
    expect(first).toEqual(joined);
    expect(loaded).toEqual(joined);
    expect(joined.hits.length).toBeGreaterThan(0);
    await background.deleteStories(docs.map((d) => d.id));
  });
});

