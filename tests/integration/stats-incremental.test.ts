// Property: after any sequence of workflow events, the statistics kept incrementally (one
// company recomputed inside each event's transaction) equal a full rebuild from the stories
// table computed at the same moment. A missed recompute on some path would show up here.
import fc from 'fast-check';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { NewCompanyStats } from '../../src/db/schema.ts';
import { computeAllCompanyStats, rebuildAllCompanyStats, statsDaysOptions } from '../../src/db/stats.repository.ts';
import { DomainError } from '../../src/domain/errors.ts';
import type { Actor } from '../../src/domain/story-workflow.ts';
import { runTick } from '../../src/services/scheduler.ts';
import {
  answerStillResolved,
  editStory,
  giveVerdict,
  hideStory,
  publishStory,
  replyToStory,
  restoreStory,
  withdrawStory,
} from '../../src/services/story.service.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { DAY, HOUR, T0, consumer, moderator, representative, storyInput } from '../helpers/workflow.ts';

type Op =
  | { op: 'publish'; author: number; company: number }
  | { op: 'company_reply'; story: number }
  | { op: 'consumer_reply'; story: number }
  | { op: 'verdict'; story: number; resolved: boolean; wba: boolean; rating: number }
  | { op: 'still'; story: number; kind: '7d' | '30d'; yes: boolean }
  | { op: 'tick' }
  | { op: 'hide'; story: number }
  | { op: 'restore'; story: number }
  | { op: 'withdraw'; story: number }
  | { op: 'edit'; story: number };

const story = fc.nat({ max: 11 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('publish' as const), author: fc.nat({ max: 2 }), company: fc.nat({ max: 2 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('company_reply' as const), story }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('consumer_reply' as const), story }) },
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('verdict' as const), story, resolved: fc.boolean(), wba: fc.boolean(), rating: fc.integer({ min: 1, max: 5 }) }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('still' as const), story, kind: fc.constantFrom('7d' as const, '30d' as const), yes: fc.boolean() }) },
  { weight: 2, arbitrary: fc.constant({ op: 'tick' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('hide' as const), story }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('restore' as const), story }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('withdraw' as const), story }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('edit' as const), story }) },
);
// Time between events: from a minute to three months, so deadlines, windows, follow-ups and
// the 6-month window all come into play.
const stepArb = fc.integer({ min: 60_000, max: 90 * DAY });

function comparable(row: NewCompanyStats) {
  return { ...row, details: JSON.parse(row.details ?? '{}') };
}

describe('company_stats', () => {
  // minStories 0: every company keeps stored day sums from its first story; 64: these small
  // companies are computed from their stories (and the rebuild stores nothing for them).
  it.each([0, 64])('kept incrementally equal a full rebuild after random event sequences (stored days from %i stories)', async (minStories) => {
    const before = statsDaysOptions.minStories;
    statsDaysOptions.minStories = minStories;
    onTestFinished(() => {
      statsDaysOptions.minStories = before;
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(opArb, stepArb), { minLength: 5, maxLength: 40 }), async (steps) => {
        const t = await createTestDatabase();
        try {
          const authors: Actor[] = [await consumer(t.db), await consumer(t.db), await consumer(t.db)];
          const mod = await moderator(t.db);
          const companyIds: number[] = [];
          const reps: Actor[] = [];
          for (const name of ['Alfa Fiori', 'Beta Telecom', 'Gamma Shop']) {
            const r = await publishStory(t.db, authors[0]!, storyInput({ company: { name }, title: `Prima storia su ${name}` }), { now: T0 });
            companyIds.push(r.companyId);
            reps.push(await representative(t.db, r.companyId));
          }
          const stories = (await t.db.selectFrom('stories').select(['id', 'company_id', 'author_id']).orderBy('id').execute()).map((s) => ({ ...s }));
          let now = T0;
          for (const [op, step] of steps) {
            now += step;
            const s = 'story' in op ? stories[op.story % stories.length]! : undefined;
            const author = s ? authors.find((a) => a.userId === s.author_id)! : undefined;
            const rep = s ? reps[companyIds.indexOf(s.company_id)]! : undefined;
            try {
              switch (op.op) {
                case 'publish': {
                  const r = await publishStory(
                    t.db,
                    authors[op.author]!,
                    storyInput({ company: { id: companyIds[op.company]! }, title: `Storia ${now}`, body: `Testo ${now}` }),
                    { now },
                  );
                  stories.push({ id: r.storyId, company_id: r.companyId, author_id: authors[op.author]!.userId });
                  break;
                }
                case 'company_reply':
                  await replyToStory(t.db, rep!, { storyId: s!.id, body: 'Risposta' }, { now });
                  break;
                case 'consumer_reply':
                  await replyToStory(t.db, author!, { storyId: s!.id, body: 'Grazie' }, { now });
                  break;
                case 'verdict':
                  await giveVerdict(t.db, author!, { storyId: s!.id, resolved: op.resolved, wouldBuyAgain: op.wba, rating: op.rating }, { now });
                  break;
                case 'still':
                  await answerStillResolved(t.db, author!, { storyId: s!.id, kind: op.kind, stillResolved: op.yes }, { now });
                  break;
                case 'tick':
                  await runTick(t.db, now);
                  break;
                case 'hide':
                  await hideStory(t.db, mod, { storyId: s!.id, reason: 'Verifica' }, { now });
                  break;
                case 'restore':
                  await restoreStory(t.db, mod, { storyId: s!.id, reason: 'Verificato' }, { now });
                  break;
                case 'withdraw':
                  await withdrawStory(t.db, author!, { storyId: s!.id }, { now });
                  break;
                case 'edit':
                  await editStory(t.db, author!, { storyId: s!.id, title: `Titolo ${now}`, body: 'Testo nuovo' }, { now });
                  break;
              }
            } catch (error) {
              if (!(error instanceof DomainError)) throw error;
            }
          }

          const stored = await t.db.selectFrom('company_stats').selectAll().orderBy('company_id').orderBy('period').execute();
          expect(stored).toHaveLength(companyIds.length * 3);
          // Rebuild at each moment a row was computed at, and compare that company's rows.
          for (const at of new Set(stored.map((r) => r.computed_at))) {
            const rebuilt: NewCompanyStats[] = [];
            await computeAllCompanyStats(t.db, at, (rows) => {
              rebuilt.push(...rows);
            });
            for (const row of stored.filter((r) => r.computed_at === at)) {
              const twin = rebuilt.find((r) => r.company_id === row.company_id && r.period === row.period)!;
              expect(comparable(row)).toEqual(comparable(twin));
            }
          }
          // And the rebuild script path writes the same figures when run at the last moment.
          const before = await t.db.selectFrom('company_stats').selectAll().execute();
          await rebuildAllCompanyStats(t.db, now);
          const after = await t.db.selectFrom('company_stats').selectAll().execute();
          expect(after).toHaveLength(before.length);
          expect(after.every((r) => r.computed_at === now)).toBe(true);
        } finally {
          await t.cleanup();
        }
      }),
      { numRuns: 30, seed: 20261123 },
    );
  });

  it('stays at the old figures for a company without new events (until the scheduler refreshes it)', async () => {
    const t = await createTestDatabase();
    try {
      const a = await consumer(t.db);
      const { companyId } = await publishStory(t.db, a, storyInput({ company: { name: 'Delta' } }), { now: T0 });
      const first = await t.db.selectFrom('company_stats').select(['computed_at']).where('company_id', '=', companyId).execute();
      expect(first.every((r) => r.computed_at === T0)).toBe(true);
      // More than a day later the scheduler recomputes it (age weights moved), within the tick.
      const r = await runTick(t.db, T0 + DAY + HOUR);
      expect(r.statsRefreshed).toBe(1);
      const second = await t.db.selectFrom('company_stats').select(['computed_at', 'story_count', 'reply_rate']).where('company_id', '=', companyId).execute();
      expect(second.every((row) => row.computed_at === T0 + DAY + HOUR)).toBe(true);
      expect((await runTick(t.db, T0 + DAY + 2 * HOUR)).statsRefreshed).toBe(0);
    } finally {
      await t.cleanup();
    }
  });
});
