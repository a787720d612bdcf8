// Score rules v2, rule 2 through the services on a real database: the author of an unanswered
// story gives a verdict once the deadline has passed, a verdict comes (or changes) late for 12
// months, and no verdict window closes without a reminder mail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCompany } from '../../src/db/company.repository.ts';
import { findCompanyStats } from '../../src/db/stats.repository.ts';
import { findStoryById } from '../../src/db/story.repository.ts';
import { DomainError } from '../../src/domain/errors.ts';
import type { Actor } from '../../src/domain/story-workflow.ts';
import { runTick } from '../../src/services/scheduler.ts';
import { giveVerdict, publishStory, replyToStory } from '../../src/services/story.service.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { DAY, HOUR, T0, auditActions, consumer, representative, storyInput } from '../helpers/workflow.ts';

let t: TestDatabase;
let companyId: number;
let rep: Actor;
beforeAll(async () => {
  t = await createTestDatabase();
  companyId = (await insertCompany(t.db, { name: 'Palestra Lenta', website: 'palestralenta.example' }, T0 - DAY)).id;
  rep = await representative(t.db, companyId);
});
afterAll(() => t.cleanup());

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  throw new Error('expected a refusal');
}

async function mails(template: string): Promise<{ to: string; subject: string; text: string }[]> {
  const rows = await t.db.selectFrom('outbox').select('payload').where('topic', '=', 'mail').where('kind', '=', template).orderBy('id').execute();
  return rows.map((r) => JSON.parse(r.payload));
}

const publish = async (author: Actor, title: string, at: number) =>
  (await publishStory(t.db, author, storyInput({ company: { id: companyId }, title, body: `${title}: il racconto.` }), { now: at })).storyId;

describe('the consumer always has the last word', () => {
  it('takes the author’s verdict on an unanswered story once its deadline has passed, not before', async () => {
    const ugo = await consumer(t.db, 'Ugo');
    const id = await publish(ugo, 'Abbonamento mai disdetto', T0);
    expect(await refusal(giveVerdict(t.db, ugo, { storyId: id, resolved: false, wouldBuyAgain: false, rating: 1 }, { now: T0 + 6 * DAY }))).toBe('no_reply_yet');
    await runTick(t.db, T0 + 7 * DAY + HOUR);
    expect((await findStoryById(t.db, id))!.state).toBe('overdue');
    const r = await giveVerdict(t.db, ugo, { storyId: id, resolved: false, wouldBuyAgain: false, rating: 1, comment: 'Mai risposto.' }, { now: T0 + 9 * DAY });
    expect(r).toMatchObject({ from: 'overdue', to: 'unresolved' });
    expect(await findStoryById(t.db, id)).toMatchObject({ verdictAt: T0 + 9 * DAY, resolved: false, verdictLate: false });
    expect(await auditActions(t.db, id)).toEqual(['story.publish', 'story.deadline_passed', 'story.verdict']);
    const stats = await findCompanyStats(t.db, companyId, '12m');
    expect(stats!.details!.counts).toMatchObject({ verdicts: 1, silent: 0 });
    // The company hears about it, like any verdict.
    expect((await mails('story.verdict_given')).length).toBe(1);
  });

  it('reminds the author before the verdict window closes, once, with the date, and says so in the reply mail', async () => {
    const vera = await consumer(t.db, 'Vera');
    const id = await publish(vera, 'Rimborso promesso', T0 + 20 * DAY);
    await replyToStory(t.db, rep, { storyId: id, body: 'Le rimborseremo tutto.' }, { now: T0 + 21 * DAY });
    const replied = (await mails('story.company_replied')).at(-1)!;
    // 60 days after the reply: 22 May 2026.
    expect(replied.text).toMatch(/22 (maggio|May) 2026/);

    expect((await runTick(t.db, T0 + 73 * DAY)).verdictReminders).toBe(0);
    expect((await runTick(t.db, T0 + 75 * DAY)).verdictReminders).toBe(1);
    expect((await runTick(t.db, T0 + 76 * DAY)).verdictReminders).toBe(0);
    const reminders = await mails('story.verdict_reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.text).toContain(`/stories/${id}`);
    expect(reminders[0]!.text).toMatch(/22 (maggio|May) 2026/);
    expect(await auditActions(t.db, id)).toContain('story.verdict_reminder');

    // The window closes, and the story can still get its verdict, marked late.
    expect((await runTick(t.db, T0 + 81 * DAY + 1)).closed).toBe(1);
    expect((await findStoryById(t.db, id))!.state).toBe('closed_no_verdict');
    const before = await findCompanyStats(t.db, companyId, '12m');
    expect(before!.details!.counts.closedNoVerdict).toBe(1);

    // In the last week of the 12 late months the author hears once more.
    expect((await runTick(t.db, T0 + 81 * DAY + 358 * DAY)).verdictReminders).toBe(1);
    expect((await runTick(t.db, T0 + 81 * DAY + 359 * DAY)).verdictReminders).toBe(0);
    const late = await mails('story.late_verdict_reminder');
    expect(late).toHaveLength(1);
    expect(late[0]!.text).toMatch(/22 (maggio|May) 2027/);
  });

  it('takes a late verdict in place of the half-resolved closure, and refuses one after 12 months', async () => {
    const walt = await consumer(t.db, 'Walt');
    const id = await publish(walt, 'Pacco smarrito', T0 + 100 * DAY);
    await replyToStory(t.db, rep, { storyId: id, body: 'Stiamo cercando il pacco.' }, { now: T0 + 101 * DAY });
    await runTick(t.db, T0 + 161 * DAY + 1);
    expect((await findStoryById(t.db, id))!.state).toBe('closed_no_verdict');
    const closedBefore = (await findCompanyStats(t.db, companyId, '12m'))!.details!.counts.closedNoVerdict;

    const r = await giveVerdict(t.db, walt, { storyId: id, resolved: true, wouldBuyAgain: true, rating: 4 }, { now: T0 + 200 * DAY });
    expect(r).toMatchObject({ from: 'closed_no_verdict', to: 'resolved' });
    expect(await findStoryById(t.db, id)).toMatchObject({ verdictLate: true, resolved: true, verdictAt: T0 + 200 * DAY });
    const counts = (await findCompanyStats(t.db, companyId, '12m'))!.details!.counts;
    expect(counts.closedNoVerdict).toBe(closedBefore - 1);

    // …and the author may change it, still late, within the 12 months.
    expect(await giveVerdict(t.db, walt, { storyId: id, resolved: false, wouldBuyAgain: false, rating: 2 }, { now: T0 + 300 * DAY })).toMatchObject({ from: 'resolved', to: 'unresolved' });
    expect(await findStoryById(t.db, id)).toMatchObject({ verdictLate: true, resolved: false, rating: 2 });
    expect(await refusal(giveVerdict(t.db, walt, { storyId: id, resolved: true, wouldBuyAgain: true, rating: 5 }, { now: T0 + 161 * DAY + 365 * DAY + 1 }))).toBe('verdict_window_over');
    expect(await findStoryById(t.db, id)).toMatchObject({ resolved: false, rating: 2 });
  });
});
