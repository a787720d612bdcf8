// Several processes share the database file (server workers, the cron tick). Use cases take the
// write lock first (BEGIN IMMEDIATE), so processes queue instead of corrupting each other's
// decisions: identical publishes from three processes still make one story, and replies from
// two processes all land with one audit row each.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMessagesForStory } from '../../src/db/message.repository.ts';
import { findStoryById } from '../../src/db/story.repository.ts';
import { publishStory } from '../../src/services/story.service.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { T0, auditActions, consumer, representative, storyInput } from '../helpers/workflow.ts';

const run = promisify(execFile);
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.cleanup());

async function worker(command: 'publish' | 'reply', args: unknown): Promise<unknown[]> {
  const { stdout } = await run(process.execPath, ['tests/helpers/workflow-worker.ts', t.path, command, JSON.stringify(args)], { timeout: 60_000 });
  return JSON.parse(stdout) as unknown[];
}

describe('several processes on one database', () => {
  it('collapses identical publishes from three processes into one story', async () => {
    const actor = await consumer(t.db);
    const input = storyInput({ company: { name: 'Multi Process Srl', website: 'multiprocess.it' } });
    const results = (await Promise.all([0, 1, 2].map(() => worker('publish', { actor, input, times: 5, now: T0 })))).flat() as { storyId: number; created: boolean }[];
    expect(results).toHaveLength(15);
    expect(new Set(results.map((r) => r.storyId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await t.db.selectFrom('companies').select('id').where('domain', '=', 'multiprocess.it').execute()).toHaveLength(1);
  });

  it('applies replies from two processes one after the other, each with its audit row', async () => {
    const author = await consumer(t.db);
    const { storyId, companyId } = await publishStory(t.db, author, storyInput({ company: { name: 'Two Workers' } }), { now: T0 });
    const rep = await representative(t.db, companyId);
    await Promise.all([worker('reply', { actor: rep, storyId, times: 10, now: T0 + 1000 }), worker('reply', { actor: author, storyId, times: 10, now: T0 + 2000 })]);
    const story = await findStoryById(t.db, storyId);
    expect(story!.state).toBe('answered');
    expect(story!.version).toBe(21);
    expect(await findMessagesForStory(t.db, storyId)).toHaveLength(20);
    expect(await auditActions(t.db, storyId)).toHaveLength(21);
  });
});
