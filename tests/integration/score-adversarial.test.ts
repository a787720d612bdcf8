// Score rules version 2 against the companies that gamed version 1 (issue 13). Every company is
// built through the services (publish, reply, verdict, "still resolved?", withdraw, the scheduler
// closing verdict windows) on a real database, and the outcome is read from the stored statistics
// the pages show. The table lists each company; the rules table says what the rules require.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCompanyStats, recomputeCompanyStats, type CompanyStats } from '../../src/db/stats.repository.ts';
import type { Actor } from '../../src/domain/story-workflow.ts';
import { importCfpbFile } from '../../src/import/cfpb-import.ts';
import { runTick } from '../../src/services/scheduler.ts';
import { answerStillResolved, giveVerdict, publishStory, replyToStory, withdrawStory } from '../../src/services/story.service.ts';
import { listHeldStories, releaseHeldStory } from '../../src/services/moderation.service.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { DAY, HOUR, T0, consumer, createUser, representative, storyInput } from '../helpers/workflow.ts';

/** The moment every figure is read at: 200 days after the first story. */
const NOW = T0 + 200 * DAY;

interface Verdict {
  resolved: boolean;
  wouldBuyAgain: boolean;
  rating: number;
}

/** What happens to one story: the company's first reply (hours after publication) and the author's verdict. */
interface StoryPlan {
  replyHours: number | null;
  verdict: Verdict | null;
  /** Days after publication the verdict comes (default 3 days after the reply). */
  verdictAfterDays?: number;
  /** "Still resolved?" answered "no" this many times (each "no" after a resolved verdict). */
  stillResolvedNo?: 0 | 1 | 2;
  /** "Still resolved?" answered "yes". */
  stillResolvedYes?: boolean;
}

interface CompanyPlan {
  key: string;
  /** The row of issue 13's table (or "own" for cases added here). */
  what: string;
  stories: number;
  /** Publication of story i (default T0 + i days). */
  publishedAt?: (i: number) => number;
  plan: (i: number) => StoryPlan;
}

const happy: Verdict = { resolved: true, wouldBuyAgain: true, rating: 5 };
const unhappy: Verdict = { resolved: false, wouldBuyAgain: false, rating: 1 };

const companies: CompanyPlan[] = [
  { key: 'silent', what: 'never replies to 100 stories', stories: 100, plan: () => ({ replyHours: null, verdict: null }) },
  { key: 'lateFailing', what: 'replies on day 29 to everything, resolves nothing', stories: 100, plan: () => ({ replyHours: 29 * 24, verdict: unhappy, verdictAfterDays: 30 }) },
  {
    key: 'selective',
    what: 'answers and resolves the easy 70%, ignores the hard 30%',
    stories: 100,
    plan: (i) => (i % 10 < 7 ? { replyHours: 2, verdict: happy } : { replyHours: null, verdict: null }),
  },
  {
    key: 'honest',
    what: 'answers all 100 within 2 h: 70 resolved, 30 not',
    stories: 100,
    plan: (i) => ({ replyHours: 2, verdict: i % 10 < 7 ? happy : unhappy }),
  },
  { key: 'courtesy', what: 'replies to everything within 1 h, consumers give no verdict', stories: 100, plan: () => ({ replyHours: 1, verdict: null }) },
  {
    key: 'twentyHappy',
    what: '20 resolved + 80 closed without verdict',
    stories: 100,
    plan: (i) => (i % 5 === 0 ? { replyHours: 2, verdict: happy } : { replyHours: 2, verdict: null }),
  },
  {
    key: 'pressure',
    what: '40 resolved / 60 unresolved, then the 60 unresolved withdrawn under pressure',
    stories: 100,
    plan: (i) => ({ replyHours: 2, verdict: i % 5 < 2 ? happy : unhappy }),
  },
  {
    key: 'silentFive',
    what: 'own (audit): a small company silent on 5 stories 31–35 days old (was 24)',
    stories: 5,
    publishedAt: (i) => NOW - (31 + i) * DAY,
    plan: () => ({ replyHours: null, verdict: null }),
  },
  {
    key: 'silentTenRecent',
    what: 'own (audit): silent on 10 recent stories 8–17 days old, all past their deadline (was 36)',
    stories: 10,
    publishedAt: (i) => NOW - (8 + i) * DAY,
    plan: () => ({ replyHours: null, verdict: null }),
  },
  {
    key: 'insideDeadline',
    what: 'own: 5 unanswered stories all still inside their reply deadline — not silent yet',
    stories: 5,
    publishedAt: (i) => NOW - (1 + i) * HOUR,
    plan: () => ({ replyHours: null, verdict: null }),
  },
  { key: 'fresh', what: '5 stories published today', stories: 5, publishedAt: () => NOW - HOUR, plan: () => ({ replyHours: null, verdict: null }) },
  {
    key: 'promise',
    what: 'replies once with a promise, then silence: the stories close without verdict',
    stories: 10,
    plan: () => ({ replyHours: 3, verdict: null }),
  },
  {
    key: 'brokenFixes',
    what: 'own: every fix breaks — "still resolved? no", reopened, fixed again, "no" again',
    stories: 20,
    plan: () => ({ replyHours: 2, verdict: happy, stillResolvedNo: 2 }),
  },
  { key: 'heldFixes', what: 'own: the same company whose fixes held ("still resolved? yes")', stories: 20, plan: () => ({ replyHours: 2, verdict: happy, stillResolvedYes: true }) },
];

let t: TestDatabase;
const ids = new Map<string, { companyId: number; author: Actor; stories: number[]; plans: StoryPlan[] }>();
/** Figures read at NOW, by company key (after every step of the setup). */
const stats = new Map<string, CompanyStats>();
/** Figures before an event the rules say must not raise the score. */
const before = new Map<string, CompanyStats>();
/** The bomb's stories a moderator found held for review (and released). */
const heldBomb: number[] = [];

async function statsAt(key: string, now = NOW): Promise<CompanyStats> {
  const { companyId } = ids.get(key)!;
  await inTransaction(t.db, (trx) => recomputeCompanyStats(trx, companyId, now));
  return (await findCompanyStats(t.db, companyId, '12m'))!;
}

async function build(c: CompanyPlan): Promise<void> {
  const author = await consumer(t.db, `Author ${c.key}`);
  let rep: Actor | null = null;
  let companyId = 0;
  const stories: number[] = [];
  const plans: StoryPlan[] = [];
  for (let i = 0; i < c.stories; i++) {
    const at = c.publishedAt ? c.publishedAt(i) : T0 + i * DAY;
    const p = c.plan(i);
    const r = await publishStory(
      t.db,
      author,
      storyInput({
        company: { name: `Adversary ${c.key}`, website: `https://www.adversary-${c.key.toLowerCase()}.example` },
        title: `Problema numero ${i + 1} con ${c.key}`,
        body: `Racconto ${i + 1}: l'assistenza di ${c.key} non ha funzionato come doveva.`,
      }),
      { now: at },
    );
    companyId = r.companyId;
    stories.push(r.storyId);
    plans.push(p);
    rep ??= await representative(t.db, companyId);
    if (p.replyHours === null) continue;
    const replied = at + p.replyHours * HOUR;
    await replyToStory(t.db, rep, { storyId: r.storyId, body: 'Ci scusiamo, stiamo verificando.' }, { now: replied });
    if (!p.verdict) continue;
    let verdictAt = p.verdictAfterDays !== undefined ? at + p.verdictAfterDays * DAY : replied + 3 * DAY;
    await giveVerdict(t.db, author, { storyId: r.storyId, ...p.verdict }, { now: verdictAt });
    if (p.stillResolvedYes) await answerStillResolved(t.db, author, { storyId: r.storyId, kind: '7d', stillResolved: true }, { now: verdictAt + 8 * DAY });
    for (let n = 0; n < (p.stillResolvedNo ?? 0); n++) {
      const answered = verdictAt + 8 * DAY;
      await answerStillResolved(t.db, author, { storyId: r.storyId, kind: '7d', stillResolved: false }, { now: answered });
      if (n + 1 < (p.stillResolvedNo ?? 0)) {
        // Reopened: the company fixes it again and the author says resolved again.
        await replyToStory(t.db, rep, { storyId: r.storyId, body: 'Abbiamo sistemato di nuovo.' }, { now: answered + DAY });
        verdictAt = answered + 2 * DAY;
        await giveVerdict(t.db, author, { storyId: r.storyId, ...happy }, { now: verdictAt });
      }
    }
  }
  ids.set(c.key, { companyId, author, stories, plans });
}

/**
 * A company known only from the public CFPB data: 40 complaints, each closed with monetary
 * relief, in time, not disputed — the best record that data can show. Imported through the
 * import path (the way such companies enter the site).
 */
async function importModelCfpbCompany(): Promise<void> {
  const header =
    'Date received,Product,Sub-product,Issue,Sub-issue,Consumer complaint narrative,Company public response,Company,State,ZIP code,Tags,Consumer consent provided?,Submitted via,Date sent to company,Company response to consumer,Timely response?,Consumer disputed?,Complaint ID';
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const rows = Array.from({ length: 40 }, (_, i) => {
    const at = day(T0 + i * 2 * DAY);
    return `${at},Checking or savings account,Checking account,Managing an account,Deposits and withdrawals,,,"MODEL IMPORTED BANK, N.A.",CA,90001,,,Web,${at},Closed with monetary relief,Yes,No,${9_000_000 + i}`;
  });
  const file = join(t.dir, 'model-cfpb.csv');
  writeFileSync(file, `${header}\n${rows.join('\n')}\n`);
  await importCfpbFile(t, file, { now: NOW, rejectsPath: join(t.dir, 'model-cfpb.rejects.csv'), search: 'none' });
  const company = await t.db.selectFrom('companies').select('id').where('name', '=', 'MODEL IMPORTED BANK, N.A.').executeTakeFirstOrThrow();
  ids.set('imported', { companyId: company.id, author: { kind: 'system', userId: null, companyIds: [] }, stories: [], plans: [] });
}

/** The scheduler at NOW until nothing is left: deadlines and 60-day verdict windows closed. */
async function tickUntilQuiet(now: number): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const r = await runTick(t.db, now);
    if (r.overdue === 0 && r.closed === 0 && r.followupsSent === 0) return;
  }
  throw new Error('the scheduler did not settle');
}

/**
 * Rule 8, issue 13's row "10 real unresolved stories + 40 'resolved, would buy again' by staff
 * with personal addresses": ten customers (established, verified accounts) tell of unresolved
 * problems; then staff sign up with personal web-mail addresses, four a day for ten days — half
 * never verify the address — and each publishes a glowing story the company answers within the
 * hour and the "author" marks resolved, would buy again, five stars.
 * Own row "burst": ten happy customers, then five new accounts publish failures the same day (a
 * review bomb); held until a moderator releases them, then they count.
 */
const STAFF_FAKES = 40;
const BOMB = 5;
const heldStaff: number[] = [];
/** Own row "staffSpaced" (decision 0052): the same 40 staff fakes, every address verified, two a day 12 h apart. */
const spacedStaff: number[] = [];
async function buildFakes(): Promise<void> {
  for (const [key, real, realVerdict] of [
    ['staffFakes', 10, unhappy],
    ['burst', 10, happy],
    ['staffSpaced', 10, unhappy],
  ] as const) {
    let companyId = 0;
    let rep: Actor | null = null;
    const stories: number[] = [];
    const company = { name: `Adversary ${key}`, website: `https://www.adversary-${key.toLowerCase()}.example` };
    const publishReplyVerdict = async (author: Actor, i: number, at: number, verdict: Verdict, what: string) => {
      const r = await publishStory(t.db, author, storyInput({ company, title: `${what} numero ${i + 1} con ${key}`, body: `Racconto ${i + 1}: ${what} con ${key}, andato come descritto qui in dettaglio.` }), { now: at });
      companyId = r.companyId;
      stories.push(r.storyId);
      rep ??= await representative(t.db, companyId);
      await replyToStory(t.db, rep, { storyId: r.storyId, body: 'Ci scusiamo, stiamo verificando.' }, { now: at + HOUR / 2 });
      await giveVerdict(t.db, author, { storyId: r.storyId, ...verdict }, { now: at + 3 * DAY });
      return r.storyId;
    };
    for (let i = 0; i < real; i++) await publishReplyVerdict(await consumer(t.db, `Customer ${key} ${i}`), i, T0 + i * DAY, realVerdict, 'Problema');
    ids.set(key, { companyId, author: { kind: 'system', userId: null, companyIds: [] }, stories, plans: [] });
    before.set(key, await statsAt(key));
    if (key === 'staffFakes') {
      for (let k = 0; k < STAFF_FAKES; k++) {
        const at = T0 + (20 + Math.floor(k / 4)) * DAY + (k % 4) * HOUR;
        const staff = await consumer(t.db, `Staff ${k}`, { createdAt: at - HOUR, verified: k % 2 === 0, email: `staff.member${k}@gmail.com` });
        heldStaff.push(await publishReplyVerdict(staff, k, at, happy, 'Esperienza fantastica'));
      }
    } else if (key === 'staffSpaced') {
      for (let k = 0; k < STAFF_FAKES; k++) {
        const at = T0 + (20 + Math.floor(k / 2)) * DAY + (k % 2) * 12 * HOUR;
        const staff = await consumer(t.db, `Spaced staff ${k}`, { createdAt: at - HOUR, verified: true, email: `spaced.staff${k}@gmail.com` });
        spacedStaff.push(await publishReplyVerdict(staff, k, at, happy, 'Esperienza fantastica'));
      }
    } else {
      for (let k = 0; k < BOMB; k++) {
        const at = T0 + 30 * DAY + k * HOUR;
        await publishReplyVerdict(await consumer(t.db, `Bomber ${k}`, { createdAt: at - 2 * HOUR }), k, at, unhappy, 'Disastro');
      }
    }
  }
}

beforeAll(async () => {
  t = await createTestDatabase();
  await buildFakes();
  for (const c of companies) await build(c);
  await importModelCfpbCompany();
  // Before the scheduler closes their verdict windows.
  before.set('promise', await statsAt('promise'));
  before.set('pressure', await statsAt('pressure'));
  await tickUntilQuiet(NOW);
  // Under pressure, the authors of the 60 unresolved stories withdraw them.
  const pressure = ids.get('pressure')!;
  for (let i = 0; i < pressure.stories.length; i++) {
    if (pressure.plans[i]!.verdict!.resolved) continue;
    await withdrawStory(t.db, pressure.author, { storyId: pressure.stories[i]! }, { now: NOW });
  }
  for (const c of companies) stats.set(c.key, await statsAt(c.key));
  stats.set('imported', await statsAt('imported'));
  // Rule 8: the fakes and the bomb are still held here; then a moderator releases the bomb.
  for (const key of ['staffFakes', 'burst', 'staffSpaced']) stats.set(key, await statsAt(key));
  const mod = { id: await createUser(t.db, 'moderator', 'Mod'), role: 'moderator' as const };
  const burst = ids.get('burst')!;
  const held = (await listHeldStories(t.db, mod, { limit: 200 })).filter((h) => h.companyId === burst.companyId);
  heldBomb.push(...held.map((h) => h.id));
  for (const h of held) await releaseHeldStory(t.db, mod, h.id, NOW);
  stats.set('burstReleased', await statsAt('burst'));
}, 240_000);
afterAll(() => t.cleanup());

const raw = (key: string) => stats.get(key)!;
const score = (key: string) => raw(key).score!;

interface Rule {
  rule: string;
  check: () => void;
}

const rules: Rule[] = [
  {
    rule: 'silence scores at most 20 (never replies to 100 stories)',
    check: () => {
      expect(raw('silent').replyRate).toBe(0);
      expect(score('silent')).toBeLessThanOrEqual(20);
      expect(raw('silent').band).toBe('unresponsive');
      // Unanswered stories count in reply times by their age (30 days or more): no "2 h median".
      expect(raw('silent').medianFirstReplyHours).toBe(30 * 24);
    },
  },
  {
    rule: 'silence scores at most 20 for a small company too (5 silent stories 31–35 days old; 10 silent stories 8–17 days old)',
    check: () => {
      for (const key of ['silentFive', 'silentTenRecent']) {
        expect(raw(key).replyRate, key).toBe(0);
        expect(raw(key).details!.counts.replied, key).toBe(0);
        expect(score(key), key).toBeLessThanOrEqual(20);
        expect(raw(key).scoreHigh!, key).toBeLessThanOrEqual(20);
        expect(raw(key).band, key).toBe('unresponsive');
      }
    },
  },
  {
    rule: 'stories still inside their reply deadline do not make a company silent (5 unanswered stories of the last hours: no score yet)',
    check: () => {
      const s = raw('insideDeadline');
      expect(s.storyCount).toBe(5);
      expect(s.details!.counts.eligible).toBe(0);
      expect(s.score).toBeNull();
      expect(s.band).toBe('not_enough_data');
    },
  },
  {
    rule: 'late and failing scores at least as much as silence (replies on day 29, resolves nothing)',
    check: () => {
      expect(raw('lateFailing').replyRate).toBe(1);
      expect(raw('lateFailing').resolutionRate).toBe(0);
      expect(score('lateFailing')).toBeGreaterThanOrEqual(score('silent'));
    },
  },
  {
    rule: 'selective replying scores below answering everyone honestly and failing 30%',
    check: () => {
      expect(score('selective')).toBeLessThan(score('honest'));
      expect(raw('selective').band).not.toBe('exemplary');
      // The ignored 30% count in reply times with their age.
      expect(raw('selective').p90FirstReplyHours).toBe(30 * 24);
    },
  },
  {
    rule: 'courtesy without verdicts stays below Good (replies within 1 h, no verdict ever)',
    check: () => {
      const s = raw('courtesy');
      expect(s.details!.counts.verdicts).toBe(0);
      expect(s.details!.counts.closedNoVerdict).toBe(100);
      expect(['fair', 'poor', 'unresponsive']).toContain(s.band);
      expect(s.details!.bandCapped).toBe(true);
    },
  },
  {
    rule: '20 happy stories of 100 (80 closed without verdict) are not Exemplary',
    check: () => {
      const s = raw('twentyHappy');
      expect(s.band).not.toBe('exemplary');
      expect(s.band).not.toBe('good');
      // Closed without a verdict counts half resolved, never as a success.
      expect(s.resolutionRate).toBeCloseTo((20 + 0.5 * 80) / 100, 12);
    },
  },
  {
    rule: 'withdrawal pressure does not raise the score (60 unresolved stories withdrawn after the reply)',
    check: () => {
      const after = raw('pressure');
      const was = before.get('pressure')!;
      expect(after.details!.counts.withdrawn).toBe(60);
      expect(after.storyCount).toBe(100);
      expect(after.score!).toBeLessThanOrEqual(was.score!);
      expect(after.band).toBe(was.band);
      expect(after.resolutionRate).toBeCloseTo(0.4, 12);
    },
  },
  {
    rule: 'fresh stories give "not enough data" and no score (5 stories published today)',
    check: () => {
      const s = raw('fresh');
      expect(s.storyCount).toBe(5);
      expect(s.band).toBe('not_enough_data');
      expect(s.score).toBeNull();
    },
  },
  {
    rule: 'a promise and then silence: closing the stories without verdict does not raise the score',
    check: () => {
      const was = before.get('promise')!;
      const s = raw('promise');
      expect(s.details!.counts.closedNoVerdict).toBe(10);
      expect(s.score!).toBeLessThanOrEqual(was.score!);
    },
  },
  {
    rule: 'own: fixes that break count as unresolved, would not buy again, without rating — below fixes that held',
    check: () => {
      const s = raw('brokenFixes');
      expect(s.resolutionRate).toBe(0);
      expect(s.wouldBuyAgainRate).toBe(0);
      expect(s.meanRating).toBeNull();
      expect(score('brokenFixes')).toBeLessThan(score('heldFixes'));
      expect(['exemplary', 'good']).toContain(raw('heldFixes').band);
    },
  },
  {
    rule: 'a company known only from imported data can reach the top on what its data shows, and is labelled (v1: best possible 78)',
    check: () => {
      const s = raw('imported');
      expect(s.storyCount).toBe(40);
      expect(s.details!.importedOnly).toBe(true);
      expect(s.details!.counts.imported).toBe(40);
      expect(s.score!).toBeGreaterThan(78);
      expect(s.band).toBe('exemplary');
    },
  },
  {
    rule: 'staff fakes from new or unverified accounts do not move the score until reviewed (10 real unresolved + 40 "resolved, would buy again" by staff with personal addresses: v1 50 → 90)',
    check: () => {
      const was = before.get('staffFakes')!;
      const s = raw('staffFakes');
      expect(s.storyCount).toBe(10);
      expect(s.score).toBe(was.score);
      expect(s.band).toBe(was.band);
      expect(s.resolutionRate).toBe(0);
      expect(['exemplary', 'good']).not.toContain(s.band);
      expect(heldStaff).toHaveLength(STAFF_FAKES);
    },
  },
  {
    rule: 'KNOWN LIMIT (decision 0052): 40 staff fakes from verified new accounts, two a day 12 h apart, stay under the burst rule and lift 10 real unresolved stories to Exemplary',
    check: () => {
      const was = before.get('staffSpaced')!;
      const s = raw('staffSpaced');
      expect(spacedStaff).toHaveLength(STAFF_FAKES);
      expect(was.band).not.toBe('exemplary');
      // Every fake counts: none was held, none is unverified.
      expect(s.storyCount).toBe(10 + STAFF_FAKES);
      expect(s.band).toBe('exemplary');
      expect(s.score!).toBeGreaterThanOrEqual(85);
    },
  },
  {
    rule: 'own: a burst of stories from new accounts is held, not scored until a moderator releases it, and counts after',
    check: () => {
      const was = before.get('burst')!;
      const held = raw('burst');
      const released = raw('burstReleased');
      expect(heldBomb).toHaveLength(BOMB);
      expect(held.storyCount).toBe(10);
      expect(held.score).toBe(was.score);
      expect(released.storyCount).toBe(10 + BOMB);
      expect(released.resolutionRate).toBeCloseTo(10 / 15, 12);
      expect(released.score!).toBeLessThan(was.score!);
    },
  },
];

describe('score rules version 2 against adversarial companies', () => {
  it('has built every company of the table through the services', () => {
    for (const c of companies) expect(raw(c.key).storyCount + raw(c.key).details!.counts.withdrawn - (c.key === 'pressure' ? 60 : 0), c.what).toBe(c.stories);
    for (const c of companies) expect(raw(c.key).details!.rulesVersion, c.what).toBe(2);
  });

  it.each(rules.map((r) => [r.rule, r] as const))('%s', (_name, r) => {
    r.check();
  });
});
