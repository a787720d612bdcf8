// One behavioural contract for every SearchIndex adapter. FTS5 always runs; Meilisearch runs
// against a real server: the one MEILISEARCH_URL (and MEILISEARCH_API_KEY if the server needs one)
// points at, else one this file starts from the Meilisearch binary (../shared/tools/meilisearch,
// or MEILISEARCH_BINARY; see tests/helpers/meilisearch-server.ts). With neither it skips with a
// message — except in CI (ANSWERABLE_REQUIRE_MEILISEARCH=1), where it fails instead.
// Each run uses its own index prefix and deletes its indexes afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeilisearchIndex } from '../../src/search/meilisearch.ts';
import { type CompanyDocument, type SearchIndex, type StoryDocument, OVERDUE_RANK_NONE, dayNumberOf } from '../../src/search/search-index.ts';
import { SqliteFtsIndex } from '../../src/search/sqlite-fts.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { meilisearchRequired, meilisearchTarget, noMeilisearchMessage, startMeilisearchServer } from '../helpers/meilisearch-server.ts';

const day = 86_400_000;
const t0 = Date.UTC(2026, 9, 1, 10, 0);

function story(id: number, overrides: Partial<StoryDocument> = {}): StoryDocument {
  const publishedAt = overrides.publishedAt ?? t0 + id * day;
  return {
    id,
    companyId: 1,
    companySlug: 'fiori-veloci',
    companyName: 'Fiori Veloci',
    country: 'IT',
    title: `Storia ${id}`,
    body: 'Testo della storia.',
    language: 'it',
    state: 'awaiting_reply',
    category: 'delivery',
    channels: ['email'],
    experienceDate: '2026-09-30',
    publishedAt,
    publishedDay: dayNumberOf(publishedAt),
    replyDueAt: publishedAt + 7 * day,
    overdueRank: OVERDUE_RANK_NONE,
    ...overrides,
  };
}

const stories: StoryDocument[] = [
  story(1, { title: 'Password reset arrivata dopo 10 ore', body: 'La mail per il reset della password è arrivata con dieci ore di ritardo. La chat non rispondeva.', channels: ['email', 'chat'], category: 'account_access' }),
  story(2, { title: 'Quadro danneggiato, rimborso in due ore', body: 'Il negozio mi ha richiamato entro due ore e ha fatto il rimborso completo.', companyId: 2, companySlug: 'tela-shop', companyName: 'Tela Shop', state: 'resolved', category: 'refund', channels: ['phone_paid'] }),
  story(3, { title: 'Fibra mai installata ma fatturata', body: 'Quattro tecnici, nessuna installazione, poi la bolletta e la penale per la disdetta.', companyId: 3, companySlug: 'telco-uno', companyName: 'Telco Uno', state: 'overdue', overdueRank: t0 + 10 * day, category: 'installation', channels: ['phone_tollfree', 'letter'] }),
  story(4, { title: 'Broken TV refunded within days', body: 'The marketplace refunded the broken television quickly. Great customer care.', language: 'en', companyId: 4, companySlug: 'big-market', companyName: 'Big Market', country: 'DE', state: 'resolved', category: 'refund', channels: ['chat'] }),
  story(5, { title: 'Tapis roulant: il tecnico non ha mai chiamato', body: 'Tre mesi e due solleciti, nessuna chiamata del tecnico. Perché promettere?', companyId: 5, companySlug: 'corri-bene', companyName: 'Corri Bene', state: 'overdue', overdueRank: t0 + 12 * day, category: 'technical_support', channels: ['web_form', 'email'] }),
  story(6, { title: 'Consegna in ritardo, città sbagliata', body: 'Il corriere ha portato il pacco in un’altra città.', category: 'delivery', channels: ['social'] }),
  story(7, { title: 'Escaping <script>alert("x")</script> & co', body: 'Body with <b>tags</b> & "quotes" about rimborso.', language: 'en', category: 'other' }),
];

const companies: CompanyDocument[] = [
  { id: 1, slug: 'fiori-veloci', name: 'Fiori Veloci', domain: 'fioriveloci.it', country: 'IT', sector: 'retail' },
  { id: 2, slug: 'tela-shop', name: 'Tela Shop', domain: null, country: 'IT', sector: 'retail' },
  { id: 3, slug: 'telco-uno', name: 'Telco Uno', domain: 'telcouno.it', country: 'IT', sector: 'telecom' },
  { id: 4, slug: 'big-market', name: 'Big Market', domain: 'bigmarket.de', country: 'DE', sector: 'marketplace' },
  { id: 5, slug: 'corri-bene', name: 'Corri Bene', domain: null, country: 'IT', sector: 'sport' },
  { id: 6, slug: 'citta-elettrica', name: 'Città Elettrica', domain: null, country: 'IT', sector: 'energy' },
];

interface Adapter {
  name: string;
  /** What health() reports as the engine. */
  engine: string;
  create(): Promise<{ index: SearchIndex; cleanup(): Promise<void> }>;
}

// FTS5 runs three ways: as deployed (filter columns loaded in the background, SQL joins until
// then), with the in-memory filter columns always, and with SQL joins only.
const adapters: Adapter[] = (['background', 'sync', 'off'] as const).map((filterColumns) => ({
  name: filterColumns === 'background' ? 'sqlite-fts' : `sqlite-fts (filter columns ${filterColumns})`,
  engine: 'sqlite-fts',
  async create() {
    const t: TestDatabase = await createTestDatabase();
    return { index: new SqliteFtsIndex(t, { filterColumns }), cleanup: () => t.cleanup() };
  },
}));
const meilisearch = meilisearchTarget();
if (meilisearch || meilisearchRequired) {
  adapters.push({
    name: 'meilisearch',
    engine: 'meilisearch',
    async create() {
      if (!meilisearch) throw new Error(`ANSWERABLE_REQUIRE_MEILISEARCH=1 but ${noMeilisearchMessage}`);
      const server = meilisearch.kind === 'binary' ? await startMeilisearchServer({ binary: meilisearch.binary }) : null;
      const index = new MeilisearchIndex({
        host: server?.url ?? (meilisearch.kind === 'url' ? meilisearch.url : ''),
        apiKey: server?.apiKey ?? (meilisearch.kind === 'url' ? meilisearch.apiKey : undefined),
        indexPrefix: `contract_${process.pid}_${Date.now().toString(36)}`,
      });
      return {
        index,
        async cleanup() {
          await index.dropIndexes();
          index.close();
          await server?.stop();
        },
      };
    },
  });
} else {
  describe('meilisearch contract', () => {
    it.skip(`runs only against a real Meilisearch server — ${noMeilisearchMessage}`, () => {});
  });
}

describe.each(adapters)('SearchIndex contract: $name', (adapter) => {
  let index: SearchIndex;
  let cleanup: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ index, cleanup } = await adapter.create());
    await index.init();
    await index.init(); // idempotent
    await index.upsertStories(stories);
    await index.upsertCompanies(companies);
    await index.maintain(Date.now());
  }, 60_000);
  afterAll(() => cleanup?.());

  const ids = (r: { hits: { id: number }[] }) => r.hits.map((h) => h.id);

  it('finds Italian stories regardless of accents and capitals', async () => {
    expect(ids(await index.searchStories({ q: 'PERCHE' }))).toEqual([5]);
    expect(ids(await index.searchStories({ q: 'citta' }))).toEqual([6]);
  });

  it('finds English stories', async () => {
    expect(ids(await index.searchStories({ q: 'television' }))).toEqual([4]);
  });

  it('treats the last word as a prefix so results come while typing', async () => {
    expect(ids(await index.searchStories({ q: 'installaz' }))).toEqual([3]);
  });

  it('requires every word to match', async () => {
    expect(ids(await index.searchStories({ q: 'rimborso ore' }))).toEqual([2]);
  });

  it('ranks a title match above a body-only match', async () => {
    const r = await index.searchStories({ q: 'rimborso', sort: 'relevance' });
    expect(ids(r)).toEqual([2, 7]);
  });

  it('finds a story by its company name', async () => {
    expect(ids(await index.searchStories({ q: 'telco' }))).toContain(3);
  });

  it('finds a company and its stories whatever the spacing or camel case of the name', async () => {
    const verde: CompanyDocument = { id: 7, slug: 'verde-luna', name: 'VerdeLuna', domain: null, country: 'IT', sector: 'retail' };
    await index.upsertCompanies([verde]);
    await index.upsertStories([story(9, { title: 'Pianta arrivata secca', body: 'Il vaso era rotto.', companyId: 7, companySlug: 'verde-luna', companyName: 'VerdeLuna' })]);
    try {
      for (const q of ['verde luna', 'verdeluna', 'Verde-Luna', 'VerdeLuna', 'VERDE LUNA', 'verde lu']) {
        expect({ q, stories: ids(await index.searchStories({ q })) }).toEqual({ q, stories: [9] });
        expect({ q, companies: (await index.suggestCompanies(q)).map((c) => c.slug) }).toEqual({ q, companies: ['verde-luna'] });
      }
      // A name written with a space is found written as one word, too.
      for (const q of ['fioriveloci', 'FioriVeloci', 'Fiori-Veloci', 'fiori veloci']) {
        expect({ q, stories: ids(await index.searchStories({ q, sort: 'newest' })) }).toEqual({ q, stories: [7, 6, 1] });
        expect({ q, companies: (await index.suggestCompanies(q)).map((c) => c.slug) }).toEqual({ q, companies: ['fiori-veloci'] });
      }
      // The extra forms are searched, never shown.
      expect(await index.getCompany(7)).toEqual(verde);
      expect((await index.searchStories({ q: 'verdeluna' })).hits[0]).toMatchObject({ companyName: 'VerdeLuna' });
    } finally {
      await index.deleteStories([9]);
      await index.deleteCompanies([7]);
    }
  });

  it('filters by state, category, channel, country, company and date range', async () => {
    expect(ids(await index.searchStories({ q: '', filters: { states: ['overdue'] }, sort: 'newest' }))).toEqual([5, 3]);
    expect(ids(await index.searchStories({ q: '', filters: { categories: ['refund'] }, sort: 'newest' }))).toEqual([4, 2]);
    expect(ids(await index.searchStories({ q: '', filters: { channels: ['chat'] }, sort: 'newest' }))).toEqual([4, 1]);
    expect(ids(await index.searchStories({ q: '', filters: { countries: ['de'] } }))).toEqual([4]);
    expect(ids(await index.searchStories({ q: '', filters: { companySlug: 'fiori-veloci' }, sort: 'newest' }))).toEqual([7, 6, 1]);
    const from = new Date(t0 + 3 * day).toISOString().slice(0, 10);
    const to = new Date(t0 + 5 * day).toISOString().slice(0, 10);
    expect(ids(await index.searchStories({ q: '', filters: { from, to }, sort: 'newest' }))).toEqual([5, 4, 3]);
    expect(ids(await index.searchStories({ q: 'rimborso', filters: { from: to } }))).toEqual([7]);
  });

  it('sorts by newest and by most overdue', async () => {
    expect(ids(await index.searchStories({ q: '', sort: 'newest' }))).toEqual([7, 6, 5, 4, 3, 2, 1]);
    const overdue = ids(await index.searchStories({ q: '', sort: 'most_overdue' }));
    expect(overdue.slice(0, 2)).toEqual([3, 5]);
    expect(overdue.slice(2)).toEqual([7, 6, 4, 2, 1]);
  });

  it('counts facets over the matching stories', async () => {
    const all = await index.searchStories({ q: '' });
    expect(all.total).toBe(7);
    expect(all.totalIsExact).toBe(true);
    expect(all.facets.state).toEqual({ awaiting_reply: 3, resolved: 2, overdue: 2 });
    expect(all.facets.channels.email).toBe(3);
    expect(all.facets.country).toEqual({ IT: 6, DE: 1 });
    const refunds = await index.searchStories({ q: 'rimborso' });
    expect(refunds.total).toBe(2);
    expect(refunds.facets.category).toEqual({ refund: 1, other: 1 });
    const filtered = await index.searchStories({ q: '', filters: { states: ['resolved'] } });
    expect(filtered.facets.country).toEqual({ IT: 1, DE: 1 });
  });

  it('pages through results', async () => {
    const first = await index.searchStories({ q: '', sort: 'newest', perPage: 3, page: 1 });
    const third = await index.searchStories({ q: '', sort: 'newest', perPage: 3, page: 3 });
    expect(ids(first)).toEqual([7, 6, 5]);
    expect(ids(third)).toEqual([1]);
    expect(third.pageCount).toBe(3);
    expect(ids(await index.searchStories({ q: '', perPage: 3, page: 9 }))).toEqual([]);
  });

  it('highlights matches in escaped HTML and never passes markup through', async () => {
    const r = await index.searchStories({ q: 'script' });
    expect(ids(r)).toEqual([7]);
    const hit = r.hits[0]!;
    expect(hit.titleHtml).toContain('&lt;<mark>script</mark>&gt;alert(&quot;x&quot;)');
    // Every occurrence of a matched word is marked, whole, whatever punctuation surrounds it.
    expect(hit.titleHtml).toBe('Escaping &lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt; &amp; co');
    expect(hit.titleHtml).not.toMatch(/<(?!\/?mark>)/);
    expect(hit.snippetHtml).toContain('&lt;b&gt;tags&lt;/b&gt; &amp; &quot;quotes&quot;');
    const body = (await index.searchStories({ q: 'tecnici' })).hits[0]!;
    expect(body.snippetHtml).toContain('<mark>tecnici</mark>');
  });

  it('returns the display fields of a hit', async () => {
    const [hit] = (await index.searchStories({ q: 'fibra' })).hits;
    expect(hit).toMatchObject({
      id: 3,
      companySlug: 'telco-uno',
      companyName: 'Telco Uno',
      state: 'overdue',
      category: 'installation',
      channels: ['phone_tollfree', 'letter'],
      language: 'it',
    });
  });

  it('replaces a document on upsert and forgets it on delete, both idempotently', async () => {
    await index.upsertStories([story(8, { title: 'Rimborso bloccato' })]);
    await index.upsertStories([story(8, { title: 'Rimborso sbloccato' })]);
    let r = await index.searchStories({ q: 'sbloccato' });
    expect(ids(r)).toEqual([8]);
    expect((await index.searchStories({ q: '' })).total).toBe(8);
    await index.deleteStories([8]);
    await index.deleteStories([8, 999]);
    r = await index.searchStories({ q: 'sbloccato' });
    expect(r.total).toBe(0);
    const all = await index.searchStories({ q: '' });
    expect(all.total).toBe(7);
    expect(all.facets.category.delivery).toBe(1);
  });

  it('offers a misspelt word either results or a suggestion', async () => {
    for (const q of ['rimbroso', 'instalazione', 'tecnicu']) {
      const r = await index.searchStories({ q });
      const suggested = r.suggestion ? await index.searchStories({ q: r.suggestion }) : null;
      expect({ q, found: r.total > 0 || (suggested?.total ?? 0) > 0 }).toEqual({ q, found: true });
    }
    expect((await index.searchStories({ q: 'rimborso' })).suggestion).toBeNull();
    // An engine that answers a misspelt word with results marks the word it matched.
    const typo = await index.searchStories({ q: 'rimbroso' });
    for (const hit of typo.hits) expect(`${hit.titleHtml} ${hit.snippetHtml}`).toContain('<mark>rimborso</mark>');
  });

  it('says what a misspelt word gives on each engine (see SearchIndex.searchStories)', async () => {
    const typo = await index.searchStories({ q: 'rimbroso' });
    if (adapter.engine === 'sqlite-fts') {
      // Exact words: no results, a did-you-mean that does find them.
      expect({ total: typo.total, suggestion: typo.suggestion }).toEqual({ total: 0, suggestion: 'rimborso' });
    } else {
      // Typo tolerance: the stories that say "rimborso", and nothing to suggest.
      expect({ ids: ids(typo).sort(), suggestion: typo.suggestion }).toEqual({ ids: [2, 7], suggestion: null });
    }
  });

  it('autocompletes companies by name prefix, accents ignored', async () => {
    expect((await index.suggestCompanies('tel')).map((c) => c.slug).sort()).toEqual(['tela-shop', 'telco-uno']);
    expect((await index.suggestCompanies('citta el')).map((c) => c.slug)).toEqual(['citta-elettrica']);
    expect(await index.suggestCompanies('   ')).toEqual([]);
    await index.deleteCompanies([6]);
    expect(await index.suggestCompanies('citta')).toEqual([]);
  });

  it('reads back the company document it holds', async () => {
    expect(await index.getCompany(3)).toEqual(companies[2]);
    expect(await index.getCompany(6)).toBeNull();
  });

  it('reports health with the number of documents', async () => {
    expect(await index.health()).toMatchObject({ ok: true, engine: adapter.engine, documents: 7 });
  });

  it('rebuilds into a fresh index and swaps it in', async () => {
    const result = await index.rebuild({
      async *stories() {
        yield stories.slice(0, 4);
        yield stories.slice(4, 6);
      },
      async *companies() {
        yield companies.slice(0, 2);
      },
    });
    expect(result).toEqual({ stories: 6, companies: 2 });
    expect((await index.searchStories({ q: '' })).total).toBe(6);
    expect(await index.searchStories({ q: 'script' })).toMatchObject({ total: 0 });
    expect((await index.suggestCompanies('telco')).length).toBe(0);
    expect(ids(await index.searchStories({ q: 'perche' }))).toEqual([5]);
    // The rebuilt index keeps working for incremental writes.
    await index.upsertStories([stories[6]!]);
    expect(ids(await index.searchStories({ q: 'script' }))).toEqual([7]);
  });
});
