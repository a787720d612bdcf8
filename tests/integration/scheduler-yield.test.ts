import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTick } from '../../src/services/scheduler.ts';
import { publishStory } from '../../src/services/story.service.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { DAY, T0, consumer, storyInput } from '../helpers/workflow.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.cleanup());

describe('the scheduler inside the server', () => {
  it('lets the server answer requests while a tick works through a backlog', async () => {
    const author = await consumer(t.db, 'Backlog');
    for (let i = 0; i < 5; i++) {
      await publishStory(t.db, author, storyInput({ title: `Ordine ${i} mai arrivato`, company: { name: `Negozio ${i}` } }), { now: T0 + i });
    }
    // Five overdue stories to move. A tick that never yields finishes inside the microtask
    // queue, before any I/O callback — a request would wait for all of it.
    let finished = false;
    const tick = runTick(t.db, T0 + 8 * DAY).then((r) => {
      finished = true;
      return r;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(finished).toBe(false);
    expect((await tick).overdue).toBe(5);
  });
});
