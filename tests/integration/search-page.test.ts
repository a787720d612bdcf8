import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeDatabase } from '../../src/db/client.ts';
import { drainSearchOutbox } from '../../src/search/outbox-relay.ts';
import { loadSearchPage } from '../../src/search/search-page.ts';
import { type SearchIndex, SearchUnavailableError } from '../../src/search/search-index.ts';
import { SqliteFtsIndex } from '../../src/search/sqlite-fts.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { insertCompany, insertStory } from './search-fixtures.ts';

let t: TestDatabase;
let index: SqliteFtsIndex;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  index = new SqliteFtsIndex(t);
  const telco = await insertCompany(t.db, 'Telco Uno');
  const shop = await insertCompany(t.db, 'Città Shop');
  ids.fibra = await insertStory(t.db, telco, { title: 'Fibra mai installata', body: 'Il rimborso della penale non è mai arrivato.', category: 'installation' });
  ids.pacco = await insertStory(t.db, shop, { title: 'Pacco danneggiato', body: 'Rimborso ottenuto in due ore.', category: 'refund', state: 'resolved' });
  await drainSearchOutbox(t.db, index);
  await index.refreshVocabulary();
});
afterAll(async () => {
  await closeDatabase();
  await t.cleanup();
});

const load = (qs: string, on: SearchIndex = index) => loadSearchPage(on, new URLSearchParams(qs));

describe('search page data', () => {
  it('searches with the filters of the URL and lists matching companies on the first page', async () => {
    const data = await load('q=rimborso&state=resolved');
    expect(data.result!.hits.map((h) => h.id)).toEqual([ids.pacco]);
    expect(data.filtered).toBe(true);
    expect((await load('q=telco')).companies.map((c) => c.slug)).toEqual(['telco-uno']);
  });

  it('shows what the corrected spelling finds when the words as typed find nothing', async () => {
    const data = await load('q=rimbroso');
    expect(data.correctedFrom).toBe('rimbroso');
    expect(data.result!.suggestion).toBe('rimborso');
    expect(data.result!.total).toBe(2);
  });

  it('resolves the company filter from a slug or a name typed without accents', async () => {
    expect((await load('company=citta-shop')).company?.slug).toBe('citta-shop');
    const byName = await load('company=citta+shop&q=rimborso');
    expect(byName.company?.name).toBe('Città Shop');
    expect(byName.result!.hits.map((h) => h.id)).toEqual([ids.pacco]);
    const unknown = await load('company=nessuna');
    expect(unknown).toMatchObject({ company: null, companyNotFound: true });
  });

  it('reports bad dates and keeps searching', async () => {
    const data = await load('q=fibra&from=2026-02-31');
    expect(data.errors).toEqual(['search.error.from']);
    expect(data.result!.total).toBe(1);
  });

  it('reports an engine that is down instead of failing the page', async () => {
    const down = Object.assign(Object.create(index) as SearchIndex, {
      searchStories: () => Promise.reject(new SearchUnavailableError('connection refused')),
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const data = await load('q=fibra', down);
    expect(data).toMatchObject({ unavailable: true, result: null });
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('GET /api/v1/companies/suggest', () => {
  it('answers company names for a prefix, and 400 for an overlong one', async () => {
    process.env.DATABASE_PATH = `${t.dir}/test.sqlite`;
    delete process.env.MEILISEARCH_URL;
    const { GET } = await import('../../src/pages/api/v1/companies/suggest.ts');
    const call = (qs: string) =>
      (GET as (ctx: unknown) => Promise<Response>)({ url: new URL(`http://x/api/v1/companies/suggest?${qs}`), request: new Request('http://x/') });
    const res = await call('q=tel');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      query: 'tel',
      companies: [{ slug: 'telco-uno', name: 'Telco Uno', country: 'IT', url: '/api/v1/companies/telco-uno' }],
    });
    expect((await call('q=')).status).toBe(200);
    const long = await call(`q=${'a'.repeat(101)}`);
    expect(long.status).toBe(400);
    expect((await long.json()).error.code).toBe('query_too_long');
  });
});
