import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dismissReports, hideContent } from '../../src/services/moderation.service.ts';
import { ReportInputSchema, submitReport } from '../../src/services/report.service.ts';
import { computeTransparency, median } from '../../src/services/transparency.service.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { makeCompany, makeStory, makeUser } from '../helpers/content-fixtures.ts';

let t: TestDatabase;
const H = 3_600_000;
const oct = Date.UTC(2026, 9, 10, 9, 0, 0);
const nov = Date.UTC(2026, 10, 5, 9, 0, 0);
const reasons = 'Reviewed against rule 4.2 (personal data of third parties).';

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.cleanup();
});

const report = (targetId: number, over: Record<string, unknown> = {}) =>
  ReportInputSchema.parse({ targetKind: 'story', targetId: String(targetId), reason: 'personal_data', explanation: 'It shows a private phone number.', goodFaith: 'on', ...over });

describe('transparency figures', () => {
  it('counts reports by month and reporter kind, takedown requests, outcomes and the median time to decision', async () => {
    const company = await makeCompany(t.db);
    const author = await makeUser(t.db);
    const consumer = await makeUser(t.db);
    const rep = await makeUser(t.db, 'company_rep');
    const mod = await makeUser(t.db, 'moderator');
    const s1 = await makeStory(t.db, company, author.id);
    const s2 = await makeStory(t.db, company, author.id);
    const s3 = await makeStory(t.db, company, author.id);
    const s4 = await makeStory(t.db, company, author.id);

    // October: 3 reports (consumer, company takedown, visitor); s1 hidden after 2 h, s2 dismissed after 10 h.
    await submitReport(t.db, report(s1), { user: { id: consumer.id, role: 'consumer', companyIds: [] }, ip: 'a' }, oct);
    await submitReport(t.db, report(s2, { takedown: 'on', reason: 'defamation' }), { user: { id: rep.id, role: 'company_rep', companyIds: [company] }, ip: 'b' }, oct);
    await submitReport(t.db, report(s2), { user: null, ip: 'c' }, oct + 4 * H);
    await hideContent(t.db, mod, 'story', String(s1), reasons, oct + 2 * H);
    await dismissReports(t.db, mod, 'story', String(s2), reasons, oct + 10 * H);

    // November: one authority report decided after 30 h; one hide on the moderator's own initiative.
    await submitReport(t.db, report(s3, { reporterKind: 'authority', takedown: 'on', reason: 'illegal' }), { user: null, ip: 'd' }, nov);
    await hideContent(t.db, mod, 'story', String(s3), reasons, nov + 30 * H);
    await hideContent(t.db, mod, 'story', String(s4), reasons, nov + 31 * H);

    const figures = await computeTransparency(t.db);
    expect(figures.months).toEqual([
      {
        month: '2026-11',
        reports: 1,
        byReporterKind: { consumer: 0, company: 0, anonymous: 0, authority: 1 },
        takedownRequests: 1,
        actioned: 1,
        dismissed: 0,
        ownInitiative: 1,
        medianHoursToDecision: 30,
      },
      {
        month: '2026-10',
        reports: 3,
        byReporterKind: { consumer: 1, company: 1, anonymous: 1, authority: 0 },
        takedownRequests: 1,
        actioned: 1,
        dismissed: 2,
        ownInitiative: 0,
        // Decisions after 2 h, 10 h and 6 h: the median is 6 h.
        medianHoursToDecision: 6,
      },
    ]);
    expect(figures.totals).toEqual({
      reports: 4,
      byReporterKind: { consumer: 1, company: 1, anonymous: 1, authority: 1 },
      takedownRequests: 2,
      actioned: 2,
      dismissed: 2,
      ownInitiative: 1,
      medianHoursToDecision: 8,
    });

    const octoberOnly = await computeTransparency(t.db, { from: Date.UTC(2026, 9, 1), to: Date.UTC(2026, 10, 1) });
    expect(octoberOnly.months.map((m) => m.month)).toEqual(['2026-10']);
  });

  it('takes the median of an even count as the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([1, 9, 3, 7])).toBe(5);
  });
});
