// Concurrency: identical double (and twenty-fold) submits collapse to one story; a burst of
// replies racing a moderator's hide leaves one consistent state with one audit row per transition.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { findMessagesForStory } from '../../src/db/message.repository.ts';
import { findStoryById } from '../../src/db/story.repository.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { runTick } from '../../src/services/scheduler.ts';
import { hideStory, publishStory, replyToStory } from '../../src/services/story.service.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { DAY, HOUR, T0, auditActions, consumer, moderator, representative, storyInput } from '../helpers/workflow.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.cleanup());

describe('concurrent use cases', () => {
  it('turns 20 parallel identical publishes into one story, one company and one audit row', async () => {
    const alice = await consumer(t.db);
    const input = storyInput({ company: { name: 'Parallel Parcels SpA', website: 'parallelparcels.it' } });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => publishStory(t.db, alice, input, { now: T0 + i })));
    const ids = new Set(results.map((r) => r.storyId));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(results.filter((r) => r.companyCreated)).toHaveLength(1);
    const companies = await t.db.selectFrom('companies').select('id').where('domain', '=', 'parallelparcels.it').execute();
    expect(companies).toHaveLength(1);
    const [storyId] = [...ids];
    expect(await auditActions(t.db, storyId!)).toEqual(['story.publish']);
    const stories = await t.db.selectFrom('stories').select('id').where('company_id', '=', companies[0]!.id).execute();
    expect(stories).toHaveLength(1);
    // A different body by the same author is a different story.
    const other = await publishStory(t.db, alice, { ...input, body: `${input.body} Aggiornamento.` }, { now: T0 + 100 });
    expect(other.created).toBe(true);
  });

  it('keeps one consistent state when 50 replies race a moderator hiding the story', async () => {
    const bob = await consumer(t.db);
    const { storyId, companyId } = await publishStory(t.db, bob, storyInput({ company: { name: 'Race Telecom' }, title: 'Fibra mai installata' }), { now: T0 });
    const rep = await representative(t.db, companyId);
    const mod = await moderator(t.db);

    const attempts: Promise<unknown>[] = [];
    for (let i = 0; i < 50; i++) {
      const actor = i % 2 === 0 ? rep : bob;
      attempts.push(replyToStory(t.db, actor, { storyId, body: `Messaggio ${i}` }, { now: T0 + HOUR + i * 1000 }));
      if (i === 24) attempts.push(hideStory(t.db, mod, { storyId, reason: 'Segnalazione: dati personali' }, { now: T0 + HOUR + i * 1000 + 500 }));
    }
    const settled = await Promise.allSettled(attempts);
    const failures = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
    for (const f of failures) {
      expect(f.reason).toBeInstanceOf(DomainError);
      expect((f.reason as DomainError).code).toBe('invalid_state');
    }
    const succeeded = settled.length - failures.length;

    const story = await findStoryById(t.db, storyId);
    expect(story!.state).toBe('hidden');
    expect(story!.stateBeforeHidden).toBe('answered');
    const messages = await findMessagesForStory(t.db, storyId);
    // Every successful reply left exactly one message, and every message comes before the hide.
    expect(messages).toHaveLength(succeeded - 1);
    expect(messages.every((m) => m.createdAt < story!.hiddenAt!)).toBe(true);
    expect(story!.firstReplyAt).toBe(messages.find((m) => m.authorRole === 'company')!.createdAt);

    const actions = await auditActions(t.db, storyId);
    expect(actions.filter((a) => a === 'moderation.hide')).toHaveLength(1);
    expect(actions).toHaveLength(1 + succeeded); // publish + every transition that happened
    expect(actions.length - 2).toBe(messages.length);
    // The version counter moved once per transition.
    expect(story!.version).toBe(1 + succeeded);
  });

  it('runs two scheduler ticks at once without doing anything twice', async () => {
    const carol = await consumer(t.db);
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await publishStory(t.db, carol, storyInput({ company: { name: 'Slow Treadmills' }, title: `Tapis roulant ${i}` }), { now: T0 });
      ids.push(r.storyId);
    }
    const at = T0 + 8 * DAY;
    const due = await t.db.selectFrom('stories').select('id').where('state', '=', 'awaiting_reply').where('reply_due_at', '<=', at).execute();
    expect(due.length).toBeGreaterThanOrEqual(5);
    const [a, b] = await Promise.all([runTick(t.db, at), runTick(t.db, at)]);
    expect(a.overdue + b.overdue).toBe(due.length);
    for (const id of ids) expect(await auditActions(t.db, id)).toEqual(['story.publish', 'story.deadline_passed']);
  });
});

describe('the scheduler inside the server', () => {
  it('ticks at once and then on its interval, never overlapping, and stops cleanly', async () => {
    const { startScheduler } = await import('../../src/services/scheduler.ts');
    const dave = await consumer(t.db);
    const { storyId } = await publishStory(t.db, dave, storyInput({ company: { name: 'Ticking Clocks' }, title: 'Orologio mai arrivato' }), { now: T0 });
    // Only the interval is faked: database work and retries keep their real timers.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      let clock = T0 + DAY;
      const handle = startScheduler(t.db, { intervalMs: 60_000, now: () => clock });
      expect(await handle.runNow()).toBeNull(); // joins the tick that started at once
      expect((await findStoryById(t.db, storyId))!.state).toBe('awaiting_reply');
      clock = T0 + 8 * DAY;
      await vi.advanceTimersByTimeAsync(59_999);
      expect((await findStoryById(t.db, storyId))!.state).toBe('awaiting_reply');
      await vi.advanceTimersByTimeAsync(1);
      // The interval's tick is running: asking for another joins it instead of overlapping.
      expect(await handle.runNow()).toBeNull();
      expect((await findStoryById(t.db, storyId))!.state).toBe('overdue');
      await handle.stop();
      await vi.advanceTimersByTimeAsync(5 * 60_000);
      expect(await auditActions(t.db, storyId)).toEqual(['story.publish', 'story.deadline_passed']);
      expect(await handle.runNow()).toBeNull();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
