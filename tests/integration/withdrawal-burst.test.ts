// Score rules v2, rule 6 through the services: withdrawals after a company reply keep counting,
// the company's figures carry how many stories were withdrawn, and a burst of withdrawals puts
// one entry in the moderators' queue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCompany } from '../../src/db/company.repository.ts';
import { findCompanyStats } from '../../src/db/stats.repository.ts';
import type { Actor } from '../../src/domain/story-workflow.ts';
import { listModerationQueue } from '../../src/services/moderation.service.ts';
import { publishStory, replyToStory, withdrawStory } from '../../src/services/story.service.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { DAY, HOUR, T0, consumer, representative, storyInput } from '../helpers/workflow.ts';

let t: TestDatabase;
let companyId: number;
let rep: Actor;
beforeAll(async () => {
  t = await createTestDatabase();
  companyId = (await insertCompany(t.db, { name: 'Mobili Pressanti', website: 'mobilipressanti.example' }, T0 - DAY)).id;
  rep = await representative(t.db, companyId);
});
afterAll(() => t.cleanup());

const staff = { role: 'moderator' as const };

async function answeredStory(n: number): Promise<{ author: Actor; id: number }> {
  const author = await consumer(t.db, `Autore ${n}`);
  const { storyId } = await publishStory(t.db, author, storyInput({ company: { id: companyId }, title: `Divano rotto ${n}`, body: `Consegnato rotto (${n}).` }), { now: T0 + n * HOUR });
  await replyToStory(t.db, rep, { storyId, body: `Ci dispiace, ne parliamo in privato (${n}).` }, { now: T0 + DAY + n * HOUR });
  return { author, id: storyId };
}

const bursts = async () => (await listModerationQueue(t.db, staff)).filter((q) => q.reasons.includes('withdrawal_burst'));

describe('withdrawals leave a trace', () => {
  const stories: { author: Actor; id: number }[] = [];

  it('does not bother moderators for a withdrawal before any reply, nor for two after one', async () => {
    const early = await consumer(t.db, 'Presto');
    const { storyId } = await publishStory(t.db, early, storyInput({ company: { id: companyId }, title: 'Ci ho ripensato', body: 'Scritta di getto.' }), { now: T0 });
    await withdrawStory(t.db, early, { storyId }, { now: T0 + HOUR });
    for (let i = 1; i <= 5; i++) stories.push(await answeredStory(i));
    await withdrawStory(t.db, stories[0]!.author, { storyId: stories[0]!.id }, { now: T0 + 3 * DAY });
    await withdrawStory(t.db, stories[1]!.author, { storyId: stories[1]!.id }, { now: T0 + 4 * DAY });
    expect(await bursts()).toEqual([]);
  });

  it('puts one entry in the moderation queue at the third withdrawal after a reply within 7 days', async () => {
    await withdrawStory(t.db, stories[2]!.author, { storyId: stories[2]!.id }, { now: T0 + 5 * DAY });
    const queue = await bursts();
    expect(queue).toHaveLength(1);
    expect(queue[0]).toMatchObject({ targetKind: 'story', targetId: String(stories[2]!.id), storyId: stories[2]!.id, reports: 1 });
    const report = await t.db.selectFrom('reports').select(['explanation', 'reporter_id']).where('reason', '=', 'withdrawal_burst').executeTakeFirstOrThrow();
    expect(report).toEqual({ explanation: stories.slice(0, 3).map((s) => `#${s.id}`).reverse().join(', '), reporter_id: null });
    const audit = await t.db.selectFrom('audit_log').select('action').where('action', '=', 'moderation.withdrawal_burst').execute();
    expect(audit).toHaveLength(1);
  });

  it('does not open a second entry while the first is open, and keeps the numbers of withdrawn stories', async () => {
    await withdrawStory(t.db, stories[3]!.author, { storyId: stories[3]!.id }, { now: T0 + 6 * DAY });
    expect(await bursts()).toHaveLength(1);
    const stats = await findCompanyStats(t.db, companyId, '12m');
    // Five withdrawn; the four withdrawn after a reply still count as replied stories.
    expect(stats!.details!.counts).toMatchObject({ withdrawn: 5, stories: 5, replied: 5 });
  });
});
