// The company page's channel table kept per company (decision 0048): the same table as computed
// from the stories, used only while the statistics it was computed for are current, refreshed by
// the scheduler's tick and after a rebuild.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../src/db/client.ts';
import { findChannelAttempts, findCompanyChannelFigures, refreshCompanyChannelFigures } from '../../src/db/channel-breakdown.repository.ts';
import { findAllCompanyStats } from '../../src/db/stats.repository.ts';
import { channelBreakdown } from '../../src/domain/channel-breakdown.ts';
import { runTick } from '../../src/services/scheduler.ts';
import { publishStory } from '../../src/services/story.service.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { consumer, storyInput, T0 } from '../helpers/workflow.ts';

let t: TestDatabase;
let other: OpenedDatabase;
let companyId: number;
beforeAll(async () => {
  t = await createTestDatabase();
  // A second connection to the same file: its own (empty) memory of computed tables.
  other = openDatabase(t.path);
});
afterAll(async () => {
  await other.db.destroy();
  await t.cleanup();
});

const version = async (db = t.db) => {
  const main = (await findAllCompanyStats(db, companyId))['12m']!;
  return { computedAt: main.computedAt, windowStart: main.details?.windowStart ?? null };
};
const stored = () => t.sqlite.prepare('select stats_computed_at, figures from company_channel_figures where company_id = ?').get(companyId) as { stats_computed_at: number; figures: string } | undefined;
const live = async () => channelBreakdown(await findChannelAttempts(t.db, companyId, (await version()).windowStart));

describe('the company page’s channel table', () => {
  it('is the table computed from the stories, stored for the statistics it belongs to', async () => {
    const channels = [
      [{ channel: 'chat', answered: false, waitMinutes: 30 }],
      [{ channel: 'chat', answered: true, waitMinutes: 12 }, { channel: 'email', answered: true, waitMinutes: 600 }],
      [{ channel: 'phone_paid', answered: true, waitMinutes: 45 }],
    ] as const;
    for (const [i, c] of channels.entries()) {
      const author = await consumer(t.db, `Autore ${i}`);
      const r = await publishStory(t.db, author, storyInput({ title: `Canali provati, caso numero ${i + 1}`, channels: c.map((x) => ({ ...x })) }), { now: T0 + i * 60_000 });
      companyId = (await t.db.selectFrom('stories').select('company_id').where('id', '=', r.storyId).executeTakeFirstOrThrow()).company_id;
    }
    const expected = await live();
    expect(expected.map((f) => f.channel).sort()).toEqual(['chat', 'email', 'phone_paid']);
    expect(await findCompanyChannelFigures(t.db, companyId, await version())).toEqual(expected);

    expect(stored()).toBeUndefined();
    expect(await refreshCompanyChannelFigures(t.db)).toBe(1);
    expect(stored()).toMatchObject({ stats_computed_at: (await version()).computedAt });
    expect(JSON.parse(stored()!.figures)).toEqual(expected);
    // Nothing left to refresh until the statistics change.
    expect(await refreshCompanyChannelFigures(t.db)).toBe(0);
  });

  it('reads the stored row while its statistics are current, and never one of older statistics', async () => {
    // Mark the stored row so that reading it is visible (a connection that computed nothing yet).
    const marked = JSON.parse(stored()!.figures) as { stories: number }[];
    marked[0]!.stories = 999;
    t.sqlite.prepare('update company_channel_figures set figures = ? where company_id = ?').run(JSON.stringify(marked), companyId);
    expect((await findCompanyChannelFigures(other.db, companyId, await version(other.db)))[0]!.stories).toBe(999);
    // A row that is not a table is not trusted: computed again.
    t.sqlite.prepare('update company_channel_figures set figures = ? where company_id = ?').run('{"not":"a table"}', companyId);
    const fresh = openDatabase(t.path);
    try {
      expect(await findCompanyChannelFigures(fresh.db, companyId, await version(fresh.db))).toEqual(await live());
    } finally {
      await fresh.db.destroy();
    }
    t.sqlite.prepare('update company_channel_figures set figures = ? where company_id = ?').run(JSON.stringify(marked), companyId);

    // A new story changes the statistics: the marked row belongs to the old ones and is ignored,
    // in this connection's memory too.
    const author = await consumer(t.db, 'Autore nuovo');
    await publishStory(t.db, author, storyInput({ title: 'La chat ancora muta dopo un’ora', channels: [{ channel: 'chat', answered: false, waitMinutes: 60 }] }), { now: T0 + 10 * 60_000 });
    const now = await findCompanyChannelFigures(other.db, companyId, await version(other.db));
    expect(now).toEqual(await live());
    expect(now.find((f) => f.channel === 'chat')).toMatchObject({ stories: 3, unanswered: 2, medianUnansweredWaitMinutes: 45 });
  });

  it('is stored again by the scheduler’s tick once the statistics moved on', async () => {
    expect(stored()!.stats_computed_at).toBeLessThan((await version()).computedAt);
    await runTick(t.db, T0 + 11 * 60_000);
    expect(stored()!.stats_computed_at).toBe((await version()).computedAt);
    expect(JSON.parse(stored()!.figures)).toEqual(await live());
  });
});
