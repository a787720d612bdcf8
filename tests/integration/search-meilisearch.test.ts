// The Meilisearch adapter's error paths, against an HTTP-level FAKE of the Meilisearch API
// (search-meilisearch-fake.ts) — not a real engine. Search quality is tested by the contract
// suite (search-contract.test.ts), which runs against a real server when MEILISEARCH_URL is set.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { drainSearchOutbox, getSearchLag } from '../../src/search/outbox-relay.ts';
import { MeilisearchIndex } from '../../src/search/meilisearch.ts';
import {
  type StoryDocument,
  OVERDUE_RANK_NONE,
  SearchRejectedError,
  SearchTimeoutError,
  SearchUnavailableError,
} from '../../src/search/search-index.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { type MeilisearchFake, startMeilisearchFake, unusedUrl } from './search-meilisearch-fake.ts';
import { insertCompany, insertStory } from './search-fixtures.ts';

const doc: StoryDocument = {
  id: 1,
  companyId: 1,
  companySlug: 'fiori',
  companyName: 'Fiori',
  country: 'IT',
  title: 'Rimborso <b>mai</b> arrivato',
  body: 'Aspetto il rimborso da mesi.',
  language: 'it',
  state: 'awaiting_reply',
  category: 'refund',
  channels: ['email'],
  experienceDate: '2026-11-01',
  publishedAt: Date.UTC(2026, 10, 2),
  publishedDay: 20261102,
  replyDueAt: Date.UTC(2026, 10, 9),
  overdueRank: OVERDUE_RANK_NONE,
};

let fake: MeilisearchFake;
beforeAll(async () => {
  fake = await startMeilisearchFake();
});
afterAll(() => fake.close());
afterEach(() => {
  Object.assign(fake.behaviour, { taskOutcome: 'succeeded', delayMs: 0, httpStatus: null });
  fake.requests.length = 0;
});

function adapter(options: Partial<ConstructorParameters<typeof MeilisearchIndex>[0]> = {}) {
  return new MeilisearchIndex({ host: fake.url, indexPrefix: 'test', requestTimeoutMs: 1000, taskTimeoutMs: 1000, ...options });
}

describe('Meilisearch adapter (against an HTTP fake of the API)', () => {
  it('creates its indexes and applies settings idempotently, typo tolerance included', async () => {
    const index = adapter();
    await index.init();
    await index.init(); // the second createIndex task fails with index_already_exists: fine
    const settings = fake.indexes.get('test_stories')!.settings;
    expect(settings).toMatchObject({
      searchableAttributes: ['title', 'companyName', 'companyNameForms', 'body'],
      sortableAttributes: ['publishedAt', 'overdueRank'],
      typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
      pagination: { maxTotalHits: 1000 },
    });
    expect(settings.filterableAttributes).toEqual(expect.arrayContaining(['state', 'category', 'channels', 'country', 'publishedDay']));
    expect(fake.indexes.get('test_companies')!.settings.searchableAttributes).toEqual(['name', 'nameForms', 'domain']);
  });

  it('waits for write tasks and maps results to our shapes with escaped highlights', async () => {
    const index = adapter();
    await index.init();
    await index.upsertStories([doc]);
    const r = await index.searchStories({ q: 'rimborso', filters: { states: ['awaiting_reply'], from: '2026-11-01' } });
    expect(r.total).toBe(1);
    expect(r.hits[0]!.titleHtml).toBe('<mark>Rimborso</mark> &lt;b&gt;mai&lt;/b&gt; arrivato');
    expect(r.facets.state).toEqual({ awaiting_reply: 1 });
    const search = fake.requests.find((q) => q.path === '/indexes/test_stories/search')!.body as Record<string, unknown>;
    expect(search.filter).toEqual(['state IN ["awaiting_reply"]', 'publishedDay >= 20261101']);
    expect(search.matchingStrategy).toBe('all');
    expect(await index.health()).toEqual({ ok: true, engine: 'meilisearch', documents: 1 });
    await index.deleteStories([1]);
    expect((await index.searchStories({ q: '' })).total).toBe(0);
  });

  it('reads back a company document, and null for one it does not hold', async () => {
    const index = adapter();
    await index.init();
    const company = { id: 7, slug: 'fiori', name: 'Fiori', domain: null, country: 'IT', sector: 'retail' };
    await index.upsertCompanies([company]);
    expect(await index.getCompany(7)).toEqual(company);
    expect(await index.getCompany(8)).toBeNull();
  });

  it('reports an engine that is down as SearchUnavailableError, and health as not ok', async () => {
    const index = adapter({ host: await unusedUrl() });
    await expect(index.upsertStories([doc])).rejects.toBeInstanceOf(SearchUnavailableError);
    await expect(index.searchStories({ q: 'x' })).rejects.toBeInstanceOf(SearchUnavailableError);
    await expect(index.init()).rejects.toBeInstanceOf(SearchUnavailableError);
    expect(await index.health()).toMatchObject({ ok: false, engine: 'meilisearch', documents: null });
  });

  it('reports a failed task as SearchRejectedError with the engine code', async () => {
    const index = adapter();
    await index.init();
    fake.behaviour.taskOutcome = 'failed';
    const error = await index.upsertStories([doc]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SearchRejectedError);
    expect(error).toMatchObject({ code: 'invalid_document_fields' });
  });

  it('reports a request that gets no answer in time as SearchTimeoutError', async () => {
    const index = adapter({ requestTimeoutMs: 100 });
    fake.behaviour.delayMs = 500;
    const error = await index.searchStories({ q: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SearchTimeoutError);
    expect(error).toBeInstanceOf(SearchUnavailableError); // retry later, like an outage
  });

  it('reports a task that never finishes as SearchTimeoutError', async () => {
    const index = adapter({ taskTimeoutMs: 200 });
    await index.init();
    fake.behaviour.taskOutcome = 'stuck';
    await expect(index.upsertStories([doc])).rejects.toBeInstanceOf(SearchTimeoutError);
  });

  it('maps server errors to unavailable and request errors to rejected', async () => {
    const index = adapter();
    fake.behaviour.httpStatus = 503;
    await expect(index.searchStories({ q: 'x' })).rejects.toBeInstanceOf(SearchUnavailableError);
    fake.behaviour.httpStatus = 400;
    await expect(index.searchStories({ q: 'x' })).rejects.toMatchObject({ name: 'SearchRejectedError', code: 'internal' });
  });

  it('builds a new index and swaps it in on rebuild', async () => {
    const index = adapter({ indexPrefix: 'swap' });
    await index.init();
    await index.upsertStories([{ ...doc, id: 99, title: 'Vecchio' }]);
    const result = await index.rebuild({
      async *stories() {
        yield [doc];
      },
      async *companies() {
        yield [{ id: 1, slug: 'fiori', name: 'Fiori', domain: null, country: 'IT', sector: 'retail' }];
      },
    });
    expect(result).toEqual({ stories: 1, companies: 1 });
    expect([...fake.indexes.get('swap_stories')!.docs.keys()]).toEqual([1]);
    expect(fake.requests.some((r) => r.path === '/swap-indexes')).toBe(true);
    expect([...fake.indexes.keys()].filter((k) => k.includes('rebuild'))).toEqual([]);
  });

  it('sends rebuild batches ahead, at most rebuildBatchesInFlight before waiting for the oldest', async () => {
    const index = adapter({ indexPrefix: 'ahead', rebuildBatchesInFlight: 3 });
    await index.init();
    fake.requests.length = 0;
    const result = await index.rebuild({
      async *stories() {
        for (let b = 0; b < 7; b++) yield [{ ...doc, id: 100 + b }];
      },
      async *companies() {},
    });
    expect(result.stories).toBe(7);
    expect([...fake.indexes.get('ahead_stories')!.docs.keys()].sort()).toEqual([100, 101, 102, 103, 104, 105, 106]);
    // The story batches and the waits between them, in order: three sent before the first wait,
    // then one wait per batch sent, and every task awaited before the swap.
    const staging = fake.requests.filter((r) => /_rebuild_[^/]+\/documents$/.test(r.path) || r.path.startsWith('/tasks/') || r.path === '/swap-indexes');
    const firstSwap = staging.findIndex((r) => r.path === '/swap-indexes');
    const firstSend = staging.findIndex((r) => r.path.endsWith('/documents'));
    const steps = staging.slice(firstSend, firstSwap).map((r) => (r.path.endsWith('/documents') ? 'send' : 'wait'));
    const sends = steps.map((step, i) => (step === 'send' ? i : -1)).filter((i) => i >= 0);
    expect(steps.slice(0, 3)).toEqual(['send', 'send', 'send']);
    let inFlight = 0;
    let most = 0;
    for (const step of steps) {
      inFlight += step === 'send' ? 1 : 0;
      most = Math.max(most, inFlight);
      if (step === 'wait') inFlight = Math.max(0, inFlight - 1);
    }
    expect({ sends: sends.length, most }).toEqual({ sends: 7, most: 3 });
  });
});

describe('publishing while Meilisearch is down', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.cleanup());

  it('commits stories, lets the outbox grow, and drains it once the engine is back', async () => {
    const down = adapter({ host: await unusedUrl(), indexPrefix: 'outage' });
    const company = await insertCompany(t.db, 'Telco Uno');
    const id = await insertStory(t.db, company, { title: 'Fibra mai installata', body: 'Quattro tecnici.' });
    expect((await drainSearchOutbox(t.db, down)).unavailable).toBe(true);
    expect(await getSearchLag(t.db)).toMatchObject({ pending: 2, parked: 0 });

    const up = adapter({ indexPrefix: 'outage' });
    await up.init();
    expect(await drainSearchOutbox(t.db, up)).toMatchObject({ processed: 2, unavailable: false });
    expect([...fake.indexes.get('outage_stories')!.docs.keys()]).toEqual([id]);
    expect((await getSearchLag(t.db)).pending).toBe(0);
  });
});
