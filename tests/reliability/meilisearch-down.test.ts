// Search engine down with the REAL Meilisearch (docs quality.md, Reliability): the built server
// runs with MEILISEARCH_URL pointing at a Meilisearch started from the binary
// (tests/helpers/meilisearch-server.ts); members publish and reply over HTTP while Meilisearch
// is killed with SIGKILL; a moderator hides stories and an author withdraws one during the
// outage. Publishing keeps being acknowledged; Meilisearch is restarted on the same data dir;
// the server's own relay drains the outbox; then the ids Meilisearch holds are exactly the
// visible stories' — nothing hidden or withdrawn stays searchable.
// (search-down.test.ts plays the same story against a switchable FTS5 index, in-process.)
// Needs the Meilisearch binary (a server it can kill and restart): MEILISEARCH_URL alone is not enough.
import { existsSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../src/db/client.ts';
import { MeilisearchIndex } from '../../src/search/meilisearch.ts';
import { publicStoryStates } from '../../src/search/search-index.ts';
import { hideStory, withdrawStory } from '../../src/services/story.service.ts';
import { type MeilisearchServer, meilisearchBinary, meilisearchRequired, noMeilisearchMessage, startMeilisearchServer } from '../helpers/meilisearch-server.ts';
import { emptyAck, killAll, makeDataDir, prepareDatabase, prng, sleep, startServer, suiteSeed, waitFor, type DataDir, type PreparedDatabase, type RunningServer } from './harness.ts';
import { HttpWriter } from './http-writer.ts';

const available = existsSync(meilisearchBinary);
const PREFIX = 'reliability';

if (!available && !meilisearchRequired) {
  describe('Meilisearch down (real server)', () => {
    it.skip(`kills and restarts a real Meilisearch — ${noMeilisearchMessage}`, () => {});
  });
} else {
  describe('Meilisearch down (real server)', () => {
    let data: DataDir;
    let prepared: PreparedDatabase;
    let meili: MeilisearchServer;
    let site: RunningServer;
    let opened: OpenedDatabase;
    let index: MeilisearchIndex;

    beforeAll(async () => {
      if (!available) throw new Error(`ANSWERABLE_REQUIRE_MEILISEARCH=1 but ${noMeilisearchMessage}`);
      data = makeDataDir('meili-down');
      prepared = await prepareDatabase(data.dbPath, 12);
      meili = await startMeilisearchServer();
      site = await startServer(data, { MEILISEARCH_URL: meili.url, MEILISEARCH_API_KEY: meili.apiKey, MEILISEARCH_INDEX_PREFIX: PREFIX });
      opened = openDatabase(data.dbPath);
      index = new MeilisearchIndex({ host: meili.url, apiKey: meili.apiKey, indexPrefix: PREFIX });
    });

    afterAll(async () => {
      await killAll();
      index?.close();
      await opened?.db.destroy();
      await meili?.stop();
      data?.remove();
    });

    const pending = async () =>
      Number((await sql<{ n: number }>`select count(*) as n from outbox where topic = 'search' and processed_at is null and parked_at is null`.execute(opened.db)).rows[0]!.n);
    const parked = async () => Number((await sql<{ n: number }>`select count(*) as n from outbox where topic = 'search' and parked_at is not null`.execute(opened.db)).rows[0]!.n);

    /** Waits (bounded) until the server's relay has sent every search outbox row. */
    async function drained(): Promise<boolean> {
      for (let i = 0; i < 600; i++) {
        if ((await pending()) === 0) return true;
        await sleep(200);
      }
      return false;
    }

    async function indexedIds(): Promise<number[]> {
      const res = await index.client.index(index.storiesUid).getDocuments<{ id: number }>({ fields: ['id'], limit: 10_000 });
      return res.results.map((d) => Number(d.id)).sort((a, b) => a - b);
    }

    async function visibleIds(): Promise<number[]> {
      const rows = await opened.db.selectFrom('stories').select('id').where('state', 'in', [...publicStoryStates]).orderBy('id').execute();
      return rows.map((r) => r.id);
    }

    it('keeps publishing through kill -9 of Meilisearch, drains the outbox after its restart, and indexes exactly the visible stories', async () => {
      const seed = suiteSeed(16);
      const ack = emptyAck();
      const writer = new HttpWriter(prepared, prng(seed), ack);

      // 1. Engine up: a few stories, relayed by the server itself.
      await writer.run(site.baseUrl, () => ack.stories.length >= 6, 2, 200);
      expect(await drained()).toBe(true);
      expect(await indexedIds()).toEqual(await visibleIds());
      const indexedBefore = [...ack.stories];

      // 2. Under write load, Meilisearch is killed; writing goes on.
      let stop = false;
      const load = writer.run(site.baseUrl, () => stop, 3, 1_000);
      const atStart = writer.stats.acknowledged;
      await waitFor(() => writer.stats.acknowledged >= atStart + 4);
      await meili.kill('SIGKILL');
      const atKill = writer.stats.acknowledged;
      const storiesAtKill = ack.stories.length;
      expect(await waitFor(() => writer.stats.acknowledged >= atKill + 15 && ack.stories.length > storiesAtKill + 2, 3_000)).toBe(true);

      stop = true;
      await load;
      expect(writer.stats.unexpected).toEqual([]);

      // Still during the outage (after the load, whose replies would meet them with 410):
      // moderation and withdrawal, of stories the index already holds and of a new one.
      const { id: moderatorId } = await opened.db
        .insertInto('users')
        .values({ email: 'moderator@reliability.test', email_verified_at: 1, display_name: 'Moderatore', password_hash: 'not-a-real-hash', role: 'moderator', created_at: 1 })
        .returning('id')
        .executeTakeFirstOrThrow();
      const moderator = { kind: 'moderator' as const, userId: moderatorId, companyIds: [] };
      const hidden = [indexedBefore[0]!, ack.stories[storiesAtKill]!];
      for (const storyId of hidden) {
        expect(await hideStory(opened.db, moderator, { storyId, reason: 'Dati personali di terzi nel testo.' })).toMatchObject({ to: 'hidden' });
      }
      const withdrawn = indexedBefore[1]!;
      const { author_id } = await opened.db.selectFrom('stories').select('author_id').where('id', '=', withdrawn).executeTakeFirstOrThrow();
      expect(await withdrawStory(opened.db, { kind: 'consumer', userId: author_id!, companyIds: [] }, { storyId: withdrawn })).toMatchObject({ to: 'withdrawn' });

      // Nothing reached the engine: the outbox holds the changes.
      expect(await pending()).toBeGreaterThan(0);

      // 3. Meilisearch back on the same data dir: the relay catches up by itself.
      await meili.restart();
      expect(await drained()).toBe(true);
      expect(await parked()).toBe(0);
      const visible = await visibleIds();
      for (const id of [...hidden, withdrawn]) expect(visible).not.toContain(id);
      expect(await indexedIds()).toEqual(visible);
      // Through the adapter as the search page asks: the hidden and withdrawn stories are not found.
      const found = new Set<number>();
      for (let page = 1; page <= 20; page++) {
        const r = await index.searchStories({ q: '', sort: 'newest', page, perPage: 50 });
        for (const hit of r.hits) found.add(hit.id);
        if (page >= r.pageCount) break;
      }
      expect([...found].sort((a, b) => a - b)).toEqual(visible);
    }, 240_000);
  });
}
