import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueSearchEvent } from '../../src/db/outbox.repository.ts';
import { drainSearchOutbox } from '../../src/search/outbox-relay.ts';
import { rebuildSearchIndex } from '../../src/search/reindex.ts';
import { CachedSearchIndex, createSearchIndexFromEnv } from '../../src/search/select.ts';
import { SqliteFtsIndex } from '../../src/search/sqlite-fts.ts';
import { MeilisearchIndex } from '../../src/search/meilisearch.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { changeStory, fixtureStart, insertCompany, insertStory } from './search-fixtures.ts';

let t: TestDatabase;
let index: SqliteFtsIndex;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  index = new SqliteFtsIndex(t);
  const company = await insertCompany(t.db, 'Telco Uno', { domain: 'telcouno.it' });
  ids.fibra = await insertStory(t.db, company, { title: 'Fibra mai installata', body: 'Quattro tecnici.' });
  ids.bolletta = await insertStory(t.db, company, { title: 'Bolletta doppia', body: 'Addebito due volte.', published_at: fixtureStart + 1000 });
  ids.nascosta = await insertStory(t.db, company, { title: 'Storia nascosta', body: 'x', state: 'hidden', hidden_at: fixtureStart });
});
afterAll(() => t.cleanup());

describe('rebuildSearchIndex', () => {
  it('indexes every public story and company, and nothing hidden, without the relay', async () => {
    const result = await rebuildSearchIndex(t.db, index, { batchSize: 1 });
    expect(result).toEqual({ stories: 2, companies: 1, requeued: 0 });
    const all = await index.searchStories({ q: '', sort: 'newest' });
    expect(all.hits.map((h) => h.id)).toEqual([ids.bolletta, ids.fibra]);
    expect((await index.searchStories({ q: 'nascosta' })).total).toBe(0);
    expect((await index.suggestCompanies('telco')).length).toBe(1);
  });

  it('re-queues changes made while it ran so the relay applies them to the new index', async () => {
    let changed = false;
    const result = await rebuildSearchIndex(t.db, index, {
      onProgress: async () => {
        if (changed) return;
        changed = true;
        // A story hidden by a moderator mid-rebuild; the relay processes the row at once
        // (into the old index, about to be replaced).
        await changeStory(t.db, ids.bolletta!, { state: 'hidden', hidden_at: fixtureStart });
        await drainSearchOutbox(t.db, index);
      },
    });
    expect(result.requeued).toBeGreaterThanOrEqual(1);
    await drainSearchOutbox(t.db, index);
    expect((await index.searchStories({ q: 'bolletta' })).total).toBe(0);
    const lag = await t.db.selectFrom('outbox').select('id').where('topic', '=', 'search').where('processed_at', 'is', null).execute();
    expect(lag).toEqual([]);
  });

  it('runs as `npm run reindex` (node scripts/reindex.ts) against DATABASE_PATH', async () => {
    await enqueueSearchEvent(t.db, { kind: 'story.upsert', storyId: ids.fibra! });
    const { stdout } = await promisify(execFile)(process.execPath, ['scripts/reindex.ts'], {
      env: { ...process.env, DATABASE_PATH: `${t.dir}/test.sqlite`, MEILISEARCH_URL: '' },
    });
    expect(stdout).toMatch(/Reindexed 1 stories and 1 companies into sqlite-fts/);
    expect((await index.searchStories({ q: 'fibra' })).total).toBe(1);
  });
});

describe('createSearchIndexFromEnv', () => {
  it('picks FTS5 by default and Meilisearch when MEILISEARCH_URL is set', () => {
    expect(createSearchIndexFromEnv(t, {}).engine).toBe('sqlite-fts');
    // Both engines behind the result cache by default; SEARCH_CACHE=off gives the bare adapter.
    const cached = createSearchIndexFromEnv(t, { MEILISEARCH_URL: 'http://127.0.0.1:7700', MEILISEARCH_INDEX_PREFIX: 'site2' });
    expect(cached).toBeInstanceOf(CachedSearchIndex);
    expect(cached.engine).toBe('meilisearch');
    const meili = createSearchIndexFromEnv(t, { MEILISEARCH_URL: 'http://127.0.0.1:7700', MEILISEARCH_INDEX_PREFIX: 'site2', SEARCH_CACHE: 'off' });
    expect(meili).toBeInstanceOf(MeilisearchIndex);
    expect((meili as MeilisearchIndex).storiesUid).toBe('site2_stories');
  });
});
