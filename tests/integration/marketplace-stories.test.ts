// Marketplaces have two levels of support (issue 17, decision 0037): a story names the seller and
// the marketplace; both companies see it in their inbox and can reply (the thread says which), each
// company page lists it under its role, and the score counts it only for the company held responsible.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countCompanyMarketplaceStories, findStoryPage, listCompanyMarketplaceStories, listCompanyStories } from '../../src/db/browse.repository.ts';
import { findCompanyById, insertCompany } from '../../src/db/company.repository.ts';
import { findAwaitingFirstReply, findActiveThreads, findStoryById, listDigestCandidates } from '../../src/db/story.repository.ts';
import { recomputeCompanyStats } from '../../src/db/stats.repository.ts';
import { DomainError } from '../../src/domain/errors.ts';
import type { Actor } from '../../src/domain/story-workflow.ts';
import { giveVerdict, publishStory, replyToStory } from '../../src/services/story.service.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { DAY, HOUR, T0, consumer, representative, storyInput } from '../helpers/workflow.ts';

let t: TestDatabase;
let shop: number;
let market: number;
let other: number;
let shopRep: Actor;
let marketRep: Actor;
let otherRep: Actor;
let author: Actor;

beforeAll(async () => {
  t = await createTestDatabase();
  shop = (await insertCompany(t.db, { name: 'Cornici di Quartiere', website: 'cornicidiquartiere.example', sector: 'ecommerce' }, T0 - DAY)).id;
  market = (await insertCompany(t.db, { name: 'Mercato Grande', website: 'mercatogrande.example', sector: 'marketplace' }, T0 - DAY)).id;
  other = (await insertCompany(t.db, { name: 'Altro Negozio', website: 'altronegozio.example', sector: 'ecommerce' }, T0 - DAY)).id;
  shopRep = await representative(t.db, shop);
  marketRep = await representative(t.db, market);
  otherRep = await representative(t.db, other);
  author = await consumer(t.db, 'Acquirente');
});
afterAll(() => t.cleanup());

const statsCount = async (companyId: number) =>
  (await t.db.selectFrom('company_stats').select('story_count').where('company_id', '=', companyId).where('period', '=', 'all').executeTakeFirst())?.story_count ?? 0;

describe('a story bought through a marketplace', () => {
  let storyId = 0;

  it('is published for the seller the author holds responsible, linked to the marketplace', async () => {
    const r = await publishStory(t.db, author, storyInput({ company: { id: shop }, title: 'Cornice rotta, comprata sul marketplace', marketplace: { company: { id: market }, responsible: 'seller' } }), { now: T0 });
    storyId = r.storyId;
    expect(r.companyId).toBe(shop);
    const story = await findStoryById(t.db, storyId);
    expect(story?.companyId).toBe(shop);
    expect(story?.partnerCompanyId).toBe(market);
    const page = await findStoryPage(t.db, storyId);
    expect(page?.marketplace).toMatchObject({ seller: { id: shop }, marketplace: { id: market }, responsible: 'seller' });
  });

  it('is in the inbox of both companies, each under its own name', async () => {
    const shopInbox = await findAwaitingFirstReply(t.db, [shop]);
    const marketInbox = await findAwaitingFirstReply(t.db, [market]);
    expect(shopInbox.find((i) => i.id === storyId)).toMatchObject({ companyId: shop, responsible: true });
    expect(marketInbox.find((i) => i.id === storyId)).toMatchObject({ companyId: market, responsible: false });
    expect((await findAwaitingFirstReply(t.db, [other])).some((i) => i.id === storyId)).toBe(false);
  });

  it('is in the daily digest of both companies, each under its own name, and of no other', async () => {
    const day = { from: T0 - HOUR, to: T0 + DAY };
    expect((await listDigestCandidates(t.db, [shop], day.from, day.to)).find((s) => s.id === storyId)).toMatchObject({ companyId: shop });
    expect((await listDigestCandidates(t.db, [market], day.from, day.to)).find((s) => s.id === storyId)).toMatchObject({ companyId: market });
    expect((await listDigestCandidates(t.db, [other], day.from, day.to)).some((s) => s.id === storyId)).toBe(false);
    // Outside the day it is in no digest.
    expect((await listDigestCandidates(t.db, [market], T0 + 30 * DAY, T0 + 31 * DAY)).some((s) => s.id === storyId)).toBe(false);
  });

  it('lets the marketplace reply without stopping the seller’s reply clock', async () => {
    await replyToStory(t.db, marketRep, { storyId, body: 'Abbiamo avvisato il venditore e aperto la garanzia.' }, { now: T0 + HOUR });
    const story = await findStoryById(t.db, storyId);
    expect(story?.state).toBe('awaiting_reply');
    expect(story?.firstReplyAt).toBeNull();
    const page = await findStoryPage(t.db, storyId);
    expect(page?.messages.map((m) => [m.authorRole, m.companyId])).toEqual([['company', market]]);
  });

  it('lets the seller reply, which stops the clock, and the thread says which company wrote each reply', async () => {
    await replyToStory(t.db, shopRep, { storyId, body: 'Ci scusiamo: spediamo una cornice nuova domani.' }, { now: T0 + 2 * HOUR });
    const story = await findStoryById(t.db, storyId);
    expect(story?.state).toBe('answered');
    expect(story?.firstReplyAt).toBe(T0 + 2 * HOUR);
    const page = await findStoryPage(t.db, storyId);
    expect(page?.messages.map((m) => m.companyId)).toEqual([market, shop]);
    expect((await findActiveThreads(t.db, [market])).find((i) => i.id === storyId)).toMatchObject({ companyId: market, responsible: false });
  });

  it('refuses a reply from a company the story does not name', async () => {
    await expect(replyToStory(t.db, otherRep, { storyId, body: 'Possiamo aiutarla noi?', as: 'company' }, { now: T0 + 3 * HOUR })).rejects.toMatchObject({ code: 'not_company_representative' });
    await expect(replyToStory(t.db, otherRep, { storyId, body: 'Possiamo aiutarla noi?' }, { now: T0 + 3 * HOUR })).rejects.toBeInstanceOf(DomainError);
  });

  it('counts the story in the score of the seller only', async () => {
    await giveVerdict(t.db, author, { storyId, resolved: true, wouldBuyAgain: true, rating: 5 }, { now: T0 + DAY });
    await recomputeCompanyStats(t.db, shop, T0 + 2 * DAY);
    await recomputeCompanyStats(t.db, market, T0 + 2 * DAY);
    expect(await statsCount(shop)).toBe(1);
    expect(await statsCount(market)).toBe(0);
  });

  it('is listed on each company page under its role', async () => {
    expect((await listCompanyMarketplaceStories(t.db, shop, 'seller', { limit: 20, offset: 0 })).map((s) => s.id)).toEqual([storyId]);
    expect((await listCompanyMarketplaceStories(t.db, market, 'marketplace', { limit: 20, offset: 0 })).map((s) => s.id)).toEqual([storyId]);
    expect(await listCompanyMarketplaceStories(t.db, market, 'seller', { limit: 20, offset: 0 })).toEqual([]);
    expect(await countCompanyMarketplaceStories(t.db, market)).toEqual({ seller: 0, marketplace: 1 });
    expect(await countCompanyMarketplaceStories(t.db, shop)).toEqual({ seller: 1, marketplace: 0 });
    expect((await listCompanyStories(t.db, shop, { limit: 20, offset: 0 })).map((s) => s.id)).toContain(storyId);
  });
});

describe('a story that holds the marketplace responsible', () => {
  it('counts for the marketplace alone, and the seller can still reply', async () => {
    const writer = await consumer(t.db, 'Secondo acquirente');
    const r = await publishStory(
      t.db,
      writer,
      storyInput({ company: { id: shop }, title: 'Rimborso mai arrivato dal marketplace', marketplace: { company: { id: market }, responsible: 'marketplace' } }),
      { now: T0 + 10 * DAY },
    );
    expect(r.companyId).toBe(market);
    expect((await findStoryById(t.db, r.storyId))?.partnerCompanyId).toBe(shop);
    await replyToStory(t.db, shopRep, { storyId: r.storyId, body: 'Il rimborso spetta al marketplace, li abbiamo sollecitati.' }, { now: T0 + 10 * DAY + HOUR });
    expect((await findStoryById(t.db, r.storyId))?.state).toBe('awaiting_reply');
    await recomputeCompanyStats(t.db, shop, T0 + 11 * DAY);
    await recomputeCompanyStats(t.db, market, T0 + 11 * DAY);
    expect(await statsCount(shop)).toBe(1);
    expect(await statsCount(market)).toBe(1);
    expect(await countCompanyMarketplaceStories(t.db, shop)).toEqual({ seller: 2, marketplace: 0 });
  });

  it('creates a marketplace named for the first time, masked like any public company name', async () => {
    const writer = await consumer(t.db, 'Terzo acquirente');
    const r = await publishStory(
      t.db,
      writer,
      storyInput({ company: { id: shop }, title: 'Ordine sparito su un marketplace nuovo', marketplace: { company: { name: 'Bazar 347 1234567', website: null }, responsible: 'marketplace' } }),
      { now: T0 + 12 * DAY },
    );
    const created = await findCompanyById(t.db, r.companyId);
    expect(created?.name).not.toContain('347 1234567');
    expect(r.masked.length).toBeGreaterThan(0);
  });

  it('refuses the same company as seller and marketplace, and a representative of either publishing', async () => {
    const writer = await consumer(t.db, 'Quarto acquirente');
    await expect(publishStory(t.db, writer, storyInput({ company: { id: shop }, marketplace: { company: { id: shop }, responsible: 'seller' } }), { now: T0 + 13 * DAY })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(publishStory(t.db, { ...marketRep, kind: 'consumer' }, storyInput({ company: { id: shop }, marketplace: { company: { id: market }, responsible: 'seller' } }), { now: T0 + 13 * DAY })).rejects.toMatchObject({ code: 'own_company' });
  });
});
