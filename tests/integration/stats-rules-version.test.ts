// The stored statistics follow the code's scoring rules: an upgrade that changes RULES_VERSION
// recomputes every company once (start-up calls rebuildIfRulesChanged), and says so in the figures.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCompanyStats, findStatsRulesVersion, rebuildIfRulesChanged } from '../../src/db/stats.repository.ts';
import { RULES_STAMP, RULES_VERSION } from '../../src/domain/scoring.ts';
import { publishStory, replyToStory } from '../../src/services/story.service.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { DAY, HOUR, T0, consumer, representative, storyInput } from '../helpers/workflow.ts';

let t: TestDatabase;
let companyId: number;
beforeAll(async () => {
  t = await createTestDatabase();
  const author = await consumer(t.db);
  const r = await publishStory(t.db, author, storyInput(), { now: T0 });
  companyId = r.companyId;
  await replyToStory(t.db, await representative(t.db, companyId), { storyId: r.storyId, body: 'Ci scusiamo.' }, { now: T0 + 2 * HOUR });
});
afterAll(() => t.cleanup());

describe('the scoring rules version of the stored statistics', () => {
  it('is version 2, revision 1 (rule 1’s cap for every silent company)', () => {
    expect(RULES_VERSION).toBe(2);
    expect(RULES_STAMP).toBe('2.1');
  });

  it('recomputes every company when the stored version differs, then records the code’s version', async () => {
    // Figures as an older version of the rules left them.
    await t.db.updateTable('company_stats').set({ score: 99, details: JSON.stringify({ version: 1 }) }).where('company_id', '=', companyId).execute();
    await sql`insert into stats_meta (key, value) values ('rules_version', '1')`.execute(t.db);
    expect(await findStatsRulesVersion(t.db)).toBe('1');
    expect((await findCompanyStats(t.db, companyId))!.details).toBeNull();

    expect(await rebuildIfRulesChanged(t.db, T0 + 10 * DAY)).toBe(true);
    const stats = (await findCompanyStats(t.db, companyId))!;
    expect(stats.score).not.toBe(99);
    expect(stats.details!.rulesVersion).toBe(2);
    expect(await findStatsRulesVersion(t.db)).toBe('2.1');
  });

  it('recomputes once more when a site stored version 2 before revision 1', async () => {
    await t.db.updateTable('company_stats').set({ score: 99 }).where('company_id', '=', companyId).execute();
    await sql`update stats_meta set value = '2' where key = 'rules_version'`.execute(t.db);
    expect(await rebuildIfRulesChanged(t.db, T0 + 10 * DAY)).toBe(true);
    expect((await findCompanyStats(t.db, companyId))!.score).not.toBe(99);
    expect(await findStatsRulesVersion(t.db)).toBe('2.1');
  });

  it('does nothing when the stored version is the code’s', async () => {
    await t.db.updateTable('company_stats').set({ score: 99 }).where('company_id', '=', companyId).execute();
    expect(await rebuildIfRulesChanged(t.db, T0 + 11 * DAY)).toBe(false);
    expect((await findCompanyStats(t.db, companyId))!.score).toBe(99);
  });
});
