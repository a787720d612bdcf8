// Issue 14: a company a consumer creates stays out of every list (directory, rankings, home,
// sitemap, the company results of search) until a moderator released it or three different
// people wrote about it; its own page and its stories work at once (and its stories are found).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRankedCompanies, findRecentStories, findStoryPage, listCompanies } from '../../src/db/browse.repository.ts';
import { listSitemapCompanies } from '../../src/db/company.repository.ts';
import { listSitemapStories } from '../../src/db/story.repository.ts';
import { listedStates } from '../../src/db/browse.repository.ts';
import { loadCompanyDocuments } from '../../src/search/load-documents.ts';
import { drainSearchOutbox } from '../../src/search/outbox-relay.ts';
import { SqliteFtsIndex } from '../../src/search/sqlite-fts.ts';
import { publishStory } from '../../src/services/story.service.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { T0, consumer, storyInput } from '../helpers/workflow.ts';

let t: TestDatabase;
let index: SqliteFtsIndex;
beforeAll(async () => {
  t = await createTestDatabase();
  index = new SqliteFtsIndex(t, { filterColumns: 'off' });
  await index.init();
});
afterAll(() => t.cleanup());

async function everyList() {
  const [directory, ranked, recent, sitemapCompanies, sitemapStories] = await Promise.all([
    listCompanies(t.db, { limit: 100, offset: 0 }),
    findRankedCompanies(t.db, 'best', 100),
    findRecentStories(t.db, 100),
    listSitemapCompanies(t.db, 100),
    listSitemapStories(t.db, listedStates, 100),
  ]);
  return {
    directory: directory.items.map((c) => c.slug),
    ranked: ranked.map((c) => c.slug),
    recent: recent.map((s) => s.id),
    sitemapCompanies: sitemapCompanies.map((c) => c.slug),
    sitemapStories: sitemapStories.map((s) => s.id),
  };
}

describe('a new consumer-created company', () => {
  it('stays out of every list until three different authors wrote about it, its page and stories working at once', async () => {
    const authors = [await consumer(t.db, 'Anna'), await consumer(t.db, 'Bruno'), await consumer(t.db, 'Carla')];
    const first = await publishStory(t.db, authors[0]!, storyInput({ company: { name: 'VerdeLuna Piante', website: 'verdeluna-piante.example' }, title: 'Pianta arrivata secca' }), { now: T0 });
    expect(first.companyCreated).toBe(true);
    await drainSearchOutbox(t.db, index, { now: () => T0 + 1 });

    const lists = await everyList();
    expect(lists.directory).not.toContain(first.companySlug);
    expect(lists.ranked).not.toContain(first.companySlug);
    expect(lists.sitemapCompanies).not.toContain(first.companySlug);
    expect(lists.recent).not.toContain(first.storyId);
    expect(lists.sitemapStories).not.toContain(first.storyId);
    expect((await loadCompanyDocuments(t.db, [first.companyId])).get(first.companyId)).toBeNull();
    expect(await index.suggestCompanies('verdeluna')).toEqual([]);
    // Its story is a page and is found by search at once, whatever the spacing of the name.
    expect(await findStoryPage(t.db, first.storyId)).not.toBeNull();
    expect((await index.searchStories({ q: 'verde luna' })).hits.map((h) => h.id)).toEqual([first.storyId]);

    // The same author again does not count twice.
    await publishStory(t.db, authors[0]!, storyInput({ company: { name: 'Verdeluna piante' }, title: 'Secondo ordine, stessa storia' }), { now: T0 + 10 });
    await publishStory(t.db, authors[1]!, storyInput({ company: { name: 'VerdeLuna Piante' }, title: 'Vaso rotto alla consegna' }), { now: T0 + 20 });
    expect((await everyList()).directory).not.toContain(first.companySlug);

    await publishStory(t.db, authors[2]!, storyInput({ company: { name: 'verde luna piante' }, title: 'Rimborso mai arrivato' }), { now: T0 + 30 });
    await drainSearchOutbox(t.db, index, { now: () => T0 + 31 });
    const after = await everyList();
    expect(after.directory).toContain(first.companySlug);
    expect(after.sitemapCompanies).toContain(first.companySlug);
    expect(after.recent).toContain(first.storyId);
    expect(after.sitemapStories).toContain(first.storyId);
    expect((await index.suggestCompanies('verdeluna')).map((c) => c.slug)).toEqual([first.companySlug]);
  });
});
