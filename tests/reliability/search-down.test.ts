// Search engine down (docs quality.md, Reliability), end to end through the real use cases:
// tests/integration/search-relay.test.ts covers the relay's outage handling with fixture writes;
// here members publish and reply, a moderator hides and an author withdraws through the story
// services while the engine refuses every call, and afterwards the set of indexed stories must
// be exactly the set of visible ones — nothing hidden or withdrawn stays searchable.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainSearchOutbox } from '../../src/search/outbox-relay.ts';
import { publicStoryStates, SearchUnavailableError, type CompanyDocument, type StoryDocument } from '../../src/search/search-index.ts';
import { SqliteFtsIndex } from '../../src/search/sqlite-fts.ts';
import type { Actor } from '../../src/domain/story-workflow.ts';
import { hideStory, publishStory, replyToStory, withdrawStory } from '../../src/services/story.service.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { prng, suiteSeed } from './random.ts';

/** The embedded FTS5 index behind a switch that makes every write fail as an unreachable engine. */
class SwitchableIndex extends SqliteFtsIndex {
  down = false;
  #check(): void {
    if (this.down) throw new SearchUnavailableError('connection refused');
  }
  override async upsertStories(docs: StoryDocument[]): Promise<void> {
    this.#check();
    await super.upsertStories(docs);
  }
  override async deleteStories(ids: number[]): Promise<void> {
    this.#check();
    await super.deleteStories(ids);
  }
  override async upsertCompanies(docs: CompanyDocument[]): Promise<void> {
    this.#check();
    await super.upsertCompanies(docs);
  }
  override async deleteCompanies(ids: number[]): Promise<void> {
    this.#check();
    await super.deleteCompanies(ids);
  }
}

let t: TestDatabase;
let index: SwitchableIndex;
let userCounter = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  index = new SwitchableIndex(t);
  await index.init();
});
afterAll(() => t.cleanup());

async function person(role: 'consumer' | 'moderator'): Promise<Actor> {
  const { id } = await t.db
    .insertInto('users')
    .values({ email: `${role}-${++userCounter}@search-down.test`, email_verified_at: 1, display_name: `${role} ${userCounter}`, password_hash: 'not-a-real-hash', role, created_at: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { kind: role, userId: id, companyIds: [] };
}

async function pendingSearchRows(): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from outbox where topic = 'search' and processed_at is null and parked_at is null`.execute(t.db);
  return Number(r.rows[0]!.n);
}

/** Every story the index returns for a word all test stories share, paged to the end. */
async function indexedIds(): Promise<number[]> {
  const ids: number[] = [];
  for (let page = 1; page <= 20; page++) {
    const result = await index.searchStories({ q: 'zanzibar', sort: 'newest', page, perPage: 50 });
    ids.push(...result.hits.map((h) => h.id));
    if (page >= result.pageCount) break;
  }
  return ids.sort((a, b) => a - b);
}

async function visibleIds(): Promise<number[]> {
  const rows = await t.db.selectFrom('stories').select('id').where('state', 'in', [...publicStoryStates]).orderBy('id').execute();
  return rows.map((r) => r.id);
}

describe('search engine down', () => {
  it('keeps publishing while the engine is down, queues the changes, and ends with exactly the visible stories indexed', async () => {
    const rand = prng(suiteSeed(3));
    const authors = [await person('consumer'), await person('consumer'), await person('consumer')];
    const moderator = await person('moderator');
    let now = Date.UTC(2026, 10, 2, 9);

    // A first story while the engine is up, so there is something to hide later.
    const first = await publishStory(t.db, authors[0]!, {
      company: { name: 'Zanzibar Viaggi', website: 'https://zanzibar.example' },
      title: 'Zanzibar: volo cancellato senza avviso',
      body: 'Volo cancellato il giorno prima, nessuna mail.',
      experienceDate: '2026-10-01',
      category: 'refund',
      language: 'it',
      channels: [{ channel: 'email', waitMinutes: 120, answered: true }],
    }, { now: now++ });
    await drainSearchOutbox(t.db, index, { now: () => now });
    expect(await indexedIds()).toEqual([first.storyId]);

    index.down = true;
    const published: number[] = [first.storyId];
    const pendingAfterEachWrite: number[] = [];
    for (let i = 0; i < 12; i++) {
      const author = authors[i % authors.length]!;
      const r = await publishStory(t.db, author, {
        company: { id: first.companyId },
        title: `Zanzibar pacchetto ${i}: rimborso atteso`,
        body: `Storia ${i}: il rimborso del pacchetto non è mai arrivato.`,
        experienceDate: '2026-10-02',
        category: 'refund',
        language: i % 2 ? 'en' : 'it',
        channels: [{ channel: 'chat', waitMinutes: null, answered: false }],
      }, { now: now++ });
      published.push(r.storyId);
      if (rand() < 0.5) await replyToStory(t.db, author, { storyId: r.storyId, body: `Aggiornamento ${i}` }, { now: now++ });
      const drained = await drainSearchOutbox(t.db, index, { now: () => now });
      expect(drained.unavailable).toBe(true);
      pendingAfterEachWrite.push(await pendingSearchRows());
    }
    // Publishing never waited for the engine; the outbox only grew.
    expect(pendingAfterEachWrite.every((n, i) => i === 0 || n > pendingAfterEachWrite[i - 1]!)).toBe(true);
    expect(await t.db.selectFrom('stories').select('id').execute()).toHaveLength(13);

    // Moderation and withdrawal during the outage, including the story the index already holds.
    const hidden = [first.storyId, published[3]!, published[7]!];
    for (const storyId of hidden) await hideStory(t.db, moderator, { storyId, reason: 'Dati personali di terzi nel testo.' }, { now: now++ });
    const withdrawn = published[10]!;
    const withdrawer = authors[(published.indexOf(withdrawn) - 1) % authors.length]!;
    await withdrawStory(t.db, withdrawer, { storyId: withdrawn }, { now: now++ });
    expect((await drainSearchOutbox(t.db, index, { now: () => now })).unavailable).toBe(true);
    // The hidden story is still in the index: nothing reached it yet.
    expect(await indexedIds()).toEqual([first.storyId]);

    // The engine is back: the queue drains (bounded), and the index matches the site.
    index.down = false;
    for (let pass = 0; pass < 50 && (await pendingSearchRows()) > 0; pass++) await drainSearchOutbox(t.db, index, { now: () => now });
    expect(await pendingSearchRows()).toBe(0);
    const visible = await visibleIds();
    expect(visible).toHaveLength(13 - hidden.length - 1);
    expect(await indexedIds()).toEqual(visible);
    for (const id of [...hidden, withdrawn]) expect(visible).not.toContain(id);
  });
});
