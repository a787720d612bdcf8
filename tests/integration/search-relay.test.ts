import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { enqueueSearchEvent } from '../../src/db/outbox.repository.ts';
import { backoffDelay, drainSearchOutbox, getSearchLag, startSearchRelay } from '../../src/search/outbox-relay.ts';
import {
  type SearchIndex,
  type StoryDocument,
  SearchRejectedError,
  SearchTimeoutError,
  SearchUnavailableError,
} from '../../src/search/search-index.ts';
import { SqliteFtsIndex } from '../../src/search/sqlite-fts.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { changeStory, fixtureStart, insertCompany, insertStory } from './search-fixtures.ts';

/** The real FTS5 index behind a switch that can make it fail like a remote engine would. */
class FlakyIndex extends SqliteFtsIndex {
  down: Error | null = null;
  refuse = new Set<number>();
  upserts: number[][] = [];
  override async upsertStories(docs: StoryDocument[]): Promise<void> {
    if (this.down) throw this.down;
    const bad = docs.find((d) => this.refuse.has(d.id));
    if (bad) throw new SearchRejectedError('invalid_document', `document ${bad.id} refused`);
    this.upserts.push(docs.map((d) => d.id));
    await super.upsertStories(docs);
  }
  override async deleteStories(ids: number[]): Promise<void> {
    if (this.down) throw this.down;
    await super.deleteStories(ids);
  }
  override async upsertCompanies(docs: Parameters<SearchIndex['upsertCompanies']>[0]): Promise<void> {
    if (this.down) throw this.down;
    await super.upsertCompanies(docs);
  }
}

let t: TestDatabase;
let index: FlakyIndex;
let companyId: number;
let clock = fixtureStart + 60_000;
const now = () => clock;

async function fresh() {
  if (t) await t.cleanup();
  t = await createTestDatabase();
  index = new FlakyIndex(t);
  companyId = await insertCompany(t.db, 'Fiori Veloci');
}
beforeEach(fresh);
afterAll(() => t.cleanup());

async function searchIds(q: string): Promise<number[]> {
  return (await index.searchStories({ q, sort: 'newest' })).hits.map((h) => h.id);
}

async function pendingRows() {
  return t.db.selectFrom('outbox').selectAll().where('topic', '=', 'search').where('processed_at', 'is', null).orderBy('id').execute();
}

describe('search outbox relay', () => {
  it('indexes published stories and marks their outbox rows processed', async () => {
    const a = await insertStory(t.db, companyId, { title: 'Pacco danneggiato', body: 'Quadro rotto.' });
    const b = await insertStory(t.db, companyId, { title: 'Rimborso veloce', body: 'In due ore.' });
    const r = await drainSearchOutbox(t.db, index, { now });
    expect(r).toEqual({ processed: 3, failed: 0, parked: 0, unavailable: false });
    expect(await searchIds('')).toEqual([b, a]);
    expect(await pendingRows()).toEqual([]);
    expect((await index.suggestCompanies('fiori')).map((c) => c.id)).toEqual([companyId]);
  });

  it('applies changes in order: the last state of a story wins, a hidden story leaves the index', async () => {
    const id = await insertStory(t.db, companyId, { title: 'Tecnico mai arrivato', body: 'Attendo.' });
    await changeStory(t.db, id, { state: 'answered', title: 'Tecnico arrivato dopo un mese' });
    await changeStory(t.db, id, { state: 'hidden', hidden_at: fixtureStart });
    await drainSearchOutbox(t.db, index, { now });
    expect(await searchIds('tecnico')).toEqual([]);
    await changeStory(t.db, id, { state: 'answered', hidden_at: null });
    await drainSearchOutbox(t.db, index, { now });
    const [hit] = (await index.searchStories({ q: 'tecnico' })).hits;
    expect(hit).toMatchObject({ id, state: 'answered' });
    expect(hit!.titleHtml).toContain('arrivato dopo un mese');
  });

  it('never indexes a withdrawn story or private fields', async () => {
    const id = await insertStory(t.db, companyId, { title: 'Ordine sparito', body: 'Ordine ABC-123 mai arrivato, mario@example.it', order_reference: 'ABC-123' });
    await drainSearchOutbox(t.db, index, { now });
    expect(await searchIds('abc')).toEqual([]);
    expect(await searchIds('mario')).toEqual([]);
    expect(await searchIds('sparito')).toEqual([id]);
    await changeStory(t.db, id, { state: 'withdrawn', withdrawn_at: fixtureStart });
    await drainSearchOutbox(t.db, index, { now });
    expect(await searchIds('sparito')).toEqual([]);
  });

  it('treats duplicate outbox rows as harmless', async () => {
    const id = await insertStory(t.db, companyId, { title: 'Chat senza risposta', body: 'Nessuno.' });
    for (let i = 0; i < 3; i++) await enqueueSearchEvent(t.db, { kind: 'story.upsert', storyId: id }, fixtureStart);
    await drainSearchOutbox(t.db, index, { now });
    await enqueueSearchEvent(t.db, { kind: 'story.upsert', storyId: id }, fixtureStart);
    await drainSearchOutbox(t.db, index, { now });
    const r = await index.searchStories({ q: 'chat' });
    expect(r.hits.map((h) => h.id)).toEqual([id]);
    expect((await index.searchStories({ q: '' })).total).toBe(1);
  });

  it('survives a crash between sending to the index and marking the rows', async () => {
    const id = await insertStory(t.db, companyId, { title: 'Fattura sbagliata', body: 'Doppio addebito.' });
    const crash = new Error('process killed');
    await expect(drainSearchOutbox(t.db, index, { now, onSent: () => Promise.reject(crash) })).rejects.toBe(crash);
    // The index has the story, the rows are still pending and were not blamed for it.
    expect(await searchIds('fattura')).toEqual([id]);
    const pending = await pendingRows();
    expect(pending.length).toBe(2);
    expect(pending.every((r) => r.attempts === 0)).toBe(true);
    // The restarted relay sends the same state again: still one copy, rows done.
    expect((await drainSearchOutbox(t.db, index, { now })).processed).toBe(2);
    expect((await index.searchStories({ q: 'fattura' })).total).toBe(1);
    expect(await pendingRows()).toEqual([]);
  });

  it('keeps publishing while the engine is down and catches up when it returns', async () => {
    index.down = new SearchUnavailableError('connection refused');
    const ids = [];
    for (const title of ['Uno', 'Due', 'Tre']) ids.push(await insertStory(t.db, companyId, { title: `Storia ${title}`, body: 'x' }));
    for (let i = 0; i < 20; i++) expect((await drainSearchOutbox(t.db, index, { now })).unavailable).toBe(true);
    const lag = await getSearchLag(t.db, fixtureStart + 90_000);
    expect(lag).toMatchObject({ pending: 4, parked: 0, lagMs: 90_000 });
    // An outage is nobody's fault: no row used up an attempt.
    expect((await pendingRows()).every((r) => r.attempts === 0)).toBe(true);
    index.down = new SearchTimeoutError('no answer in 5000 ms');
    expect((await drainSearchOutbox(t.db, index, { now })).unavailable).toBe(true);
    index.down = null;
    expect((await drainSearchOutbox(t.db, index, { now })).processed).toBe(4);
    expect(await searchIds('storia')).toEqual([...ids].reverse());
    expect((await getSearchLag(t.db)).pending).toBe(0);
  });

  it('retries a refused document with exponential backoff, then parks it without blocking the others', async () => {
    const bad = await insertStory(t.db, companyId, { title: 'Documento avvelenato', body: 'x' });
    const good = await insertStory(t.db, companyId, { title: 'Documento sano', body: 'x' });
    index.refuse.add(bad);
    const log = vi.fn();
    const options = { now, maxAttempts: 3, baseDelayMs: 1000, log };

    let r = await drainSearchOutbox(t.db, index, options);
    expect(r).toMatchObject({ processed: 2, failed: 1, parked: 0 });
    expect(await searchIds('documento')).toEqual([good]);
    let [row] = await pendingRows();
    expect(row).toMatchObject({ attempts: 1, available_at: clock + backoffDelay(1, 1000), parked_at: null });
    expect(row!.last_error).toContain('document');

    // Not due yet: nothing happens.
    expect(await drainSearchOutbox(t.db, index, options)).toMatchObject({ processed: 0, failed: 0 });
    clock += 1000;
    r = await drainSearchOutbox(t.db, index, options);
    expect(r).toMatchObject({ failed: 1 });
    [row] = await pendingRows();
    expect(row).toMatchObject({ attempts: 2, available_at: clock + 2000 });
    clock += 2000;
    r = await drainSearchOutbox(t.db, index, options);
    expect(r).toMatchObject({ parked: 1 });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('parked outbox row'));
    expect(await getSearchLag(t.db, clock)).toMatchObject({ pending: 0, parked: 1 });
    clock += 3_600_000;
    expect(await drainSearchOutbox(t.db, index, options)).toMatchObject({ processed: 0, failed: 0, parked: 0 });
  });

  it('parks an unreadable payload instead of retrying it forever', async () => {
    await t.db
      .insertInto('outbox')
      .values({ topic: 'search', kind: 'story.upsert', key: 'story:x', payload: '{not json', created_at: clock, available_at: clock })
      .execute();
    const r = await drainSearchOutbox(t.db, index, { now, maxAttempts: 1, log: () => {} });
    expect(r).toMatchObject({ processed: 1, parked: 1 });
  });

  it('re-indexes the stories of a company when the company changes', async () => {
    const id = await insertStory(t.db, companyId, { title: 'Consegna lenta', body: 'x' });
    await drainSearchOutbox(t.db, index, { now });
    await inTransaction(t.db, async (trx) => {
      await trx.updateTable('companies').set({ name: 'Fiori Rapidi' }).where('id', '=', companyId).execute();
      await enqueueSearchEvent(trx, { kind: 'company.upsert', companyId }, clock);
    });
    await drainSearchOutbox(t.db, index, { now });
    expect((await index.searchStories({ q: 'rapidi' })).hits.map((h) => [h.id, h.companyName])).toEqual([[id, 'Fiori Rapidi']]);
  });

  it("does not send a company's stories again when a company event changes nothing they show", async () => {
    await insertStory(t.db, companyId, { title: 'Consegna lenta', body: 'x' });
    await drainSearchOutbox(t.db, index, { now });
    index.upserts = [];
    for (let i = 0; i < 3; i++) await enqueueSearchEvent(t.db, { kind: 'company.upsert', companyId }, clock);
    expect((await drainSearchOutbox(t.db, index, { now })).processed).toBe(3);
    expect(index.upserts).toEqual([]);
  });

  it('runs in the background, backs off while the engine is down, and stops cleanly', async () => {
    index.down = new SearchUnavailableError('connection refused');
    const log = vi.fn();
    const stop = startSearchRelay(t.db, index, { idleMs: 5, baseDelayMs: 5, maxDelayMs: 20, log });
    await insertStory(t.db, companyId, { title: 'In sottofondo', body: 'x' });
    await vi.waitFor(async () => expect((await getSearchLag(t.db)).engineAvailable).toBe(false));
    expect(log).toHaveBeenCalledWith(expect.stringContaining('connection refused'));
    index.down = null;
    await vi.waitFor(async () => expect(await searchIds('sottofondo')).toHaveLength(1));
    await vi.waitFor(async () => expect(await getSearchLag(t.db)).toMatchObject({ pending: 0, relayRunning: true, engineAvailable: true }));
    await stop();
    expect((await getSearchLag(t.db)).relayRunning).toBe(false);
  });

  it('builds the spelling vocabulary in the background so misspelt words get a suggestion', async () => {
    await insertStory(t.db, companyId, { title: 'Rimborso mai arrivato', body: 'Il rimborso promesso non è mai arrivato.' });
    const stop = startSearchRelay(t.db, index, { idleMs: 5 });
    await vi.waitFor(async () => expect((await index.searchStories({ q: 'rimbroso' })).suggestion).toBe('rimborso'));
    await stop();
  });
});
