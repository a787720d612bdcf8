import { describe, expect, it } from 'vitest';
import { workedExampleAsOf, workedExampleInput } from './scoring-example.ts';
import {
  ageWeight,
  bandFor,
  betaEstimate,
  computeScore,
  median,
  monthKey,
  quantile,
  replySpeed,
  scoreHistory,
  Z_80,
  type ScoringStory,
} from './scoring.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const asOf = Date.UTC(2026, 10, 23, 12);

function story(daysAgo: number, opts: Partial<ScoringStory> & { replyHours?: number | null; verdict?: ScoringStory['verdict'] } = {}): ScoringStory {
  const publishedAt = asOf - daysAgo * DAY;
  const replyHours = opts.replyHours === undefined ? null : opts.replyHours;
  return {
    publishedAt,
    replyDueAt: publishedAt + 7 * DAY,
    replied: opts.replied ?? replyHours !== null,
    firstReplyHours: replyHours,
    verdict: opts.verdict ?? null,
    channels: opts.channels ?? [],
    withdrawn: opts.withdrawn ?? false,
    closedAt: opts.closedAt ?? null,
  };
}

const w = (days: number) => Math.pow(2, -days / 182.5);

describe('building blocks', () => {
  it('halves a story’s weight every six months', () => {
    expect(ageWeight(asOf, asOf)).toBe(1);
    expect(ageWeight(asOf - 182.5 * DAY, asOf)).toBeCloseTo(0.5, 12);
    expect(ageWeight(asOf - 365 * DAY, asOf)).toBeCloseTo(0.25, 12);
    expect(ageWeight(asOf + DAY, asOf)).toBe(1);
  });

  it('gives full speed marks up to 24 hours, none from 30 days, and a log scale between', () => {
    expect(replySpeed(0)).toBe(1);
    expect(replySpeed(24)).toBe(1);
    expect(replySpeed(720)).toBe(0);
    expect(replySpeed(10_000)).toBe(0);
    // Geometric middle of 24 h and 720 h is √(24·720) ≈ 131.5 h: exactly half marks.
    expect(replySpeed(Math.sqrt(24 * 720))).toBeCloseTo(0.5, 12);
    expect(replySpeed(72)).toBeCloseTo(1 - Math.log(3) / Math.log(30), 12);
  });

  it('interpolates quantiles between order statistics, so ties and even counts behave', () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([7], 0.9)).toBe(7);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, 5, 5, 1])).toBe(5);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 12);
    expect(quantile([3, 3, 3, 3], 0.9)).toBe(3);
  });

  it('estimates a rate as the Beta posterior mean with a normal-approximation 80% interval', () => {
    const e = betaEstimate({ alpha: 2, beta: 2 }, [
      { x: 1, w: 1 },
      { x: 1, w: 1 },
    ]);
    expect(e.alpha).toBe(4);
    expect(e.beta).toBe(2);
    expect(e.estimate).toBeCloseTo(4 / 6, 12);
    const sd = Math.sqrt((4 * 2) / (36 * 7));
    expect(e.low).toBeCloseTo(4 / 6 - Z_80 * sd, 12);
    expect(e.high).toBeCloseTo(4 / 6 + Z_80 * sd, 12);
    // The prior alone: 50%, never 0 or 100.
    expect(betaEstimate({ alpha: 2, beta: 2 }, []).estimate).toBe(0.5);
  });

  it('puts scores on the band boundaries into the higher band, from the unrounded score', () => {
    expect(bandFor(85, 5)).toBe('exemplary');
    expect(bandFor(84, 5)).toBe('good');
    // 84.5 rounds to 85 on the page but is not Exemplary (rules version 2).
    expect(bandFor(84.5, 5)).toBe('good');
    expect(bandFor(69.99, 9)).toBe('fair');
    expect(bandFor(70, 9)).toBe('good');
    expect(bandFor(69, 9)).toBe('fair');
    expect(bandFor(55, 9)).toBe('fair');
    expect(bandFor(54, 9)).toBe('poor');
    expect(bandFor(40, 9)).toBe('poor');
    expect(bandFor(39, 9)).toBe('unresponsive');
    expect(bandFor(0, 9)).toBe('unresponsive');
    expect(bandFor(100, 4)).toBe('not_enough_data');
    expect(bandFor(null, 40)).toBe('not_enough_data');
  });

  it('caps Good or better at Fair when verdicts cover fewer than 30% of the eligible stories', () => {
    expect(bandFor(90, 10, 3)).toBe('exemplary');
    expect(bandFor(90, 10, 2)).toBe('fair');
    expect(bandFor(75, 100, 29)).toBe('fair');
    expect(bandFor(75, 100, 30)).toBe('good');
    // Fair and below are not raised or lowered by the cap.
    expect(bandFor(50, 100, 0)).toBe('poor');
  });
});

describe('the worked example of the how-scores-work page', () => {
  const result = computeScore(workedExampleInput(), workedExampleAsOf, '12m');

  it('counts six stories: five past their deadline or answered, one still inside it', () => {
    expect(result.rulesVersion).toBe(2);
    expect(result.counts).toEqual({
      stories: 6,
      eligible: 5,
      replied: 4,
      timedReplies: 4,
      speedObservations: 5,
      overdue: 1,
      waiting: 1,
      verdicts: 3,
      resolved: 2,
      wouldBuyAgainAnswers: 3,
      wouldBuyAgain: 2,
      ratings: 3,
      silent: 1,
      closedNoVerdict: 1,
      imported: 0,
      withdrawn: 0,
    });
  });

  it('shows the plain figures: 80% replied, median 72 h, p90 528 h, 2.5 of 5 resolved', () => {
    expect(result.replyRate).toBe(0.8);
    // Reply hours 2, 30, 72, 240 and D unanswered for 200 days (counted as 30 days = 720 h)
    // → median 72; p90 at position 3.6 → 240 + 0.6·480.
    expect(result.medianFirstReplyHours).toBe(72);
    expect(result.p90FirstReplyHours).toBeCloseTo(528, 9);
    // A, B resolved; C not; D silent for 30 days (unresolved); F closed without verdict (½).
    expect(result.resolutionRate).toBeCloseTo(2.5 / 5, 12);
    // A, B yes; C no; D silent (no).
    expect(result.wouldBuyAgainRate).toBeCloseTo(2 / 4, 12);
    expect(result.meanRating).toBeCloseTo(11 / 3, 12);
    expect(result.medianResolutionHours).toBe(144);
  });

  it('derives each component by hand from weights, priors and speeds', () => {
    // Reply rate: A(10 d), B(40), C(100), F(300) replied; D(200) overdue; E(3) still waiting.
    const a = 2 + w(10) + w(40) + w(100) + w(300);
    const b = 2 + w(200);
    expect(result.components.replyRate.estimate).toBeCloseTo(a / (a + b), 12);
    expect(result.components.replyRate.n).toBe(5);

    // D, unanswered for 200 days, counts with speed 0 (30 days or more).
    const speedA = 2 + w(10) * 1 + w(40) * replySpeed(30) + w(100) * replySpeed(72) + w(300) * replySpeed(240);
    const speedB = 2 + w(40) * (1 - replySpeed(30)) + w(100) * (1 - replySpeed(72)) + w(300) * (1 - replySpeed(240)) + w(200);
    expect(result.components.replySpeed.estimate).toBeCloseTo(speedA / (speedA + speedB), 12);
    expect(result.components.replySpeed.n).toBe(5);

    // Resolution: A, B yes; C no; D silent (no); F closed without verdict (½).
    const ra = 2 + w(10) + w(40) + 0.5 * w(300);
    const rb = 2 + w(100) + w(200) + 0.5 * w(300);
    expect(result.components.resolution.estimate).toBeCloseTo(ra / (ra + rb), 12);
    expect(result.components.resolution.n).toBe(5);
    // Would buy again: A, B yes; C no; D silent (no); F nothing.
    const wa = 2 + w(10) + w(40);
    const wb = 2 + w(100) + w(200);
    expect(result.components.wouldBuyAgain.estimate).toBeCloseTo(wa / (wa + wb), 12);
    expect(result.components.wouldBuyAgain.n).toBe(4);
  });

  it('pins the score, its 80% interval and the band: 59 (48–70), Fair', () => {
    const c = result.components;
    const raw = 30 * c.replyRate.estimate + 20 * c.replySpeed.estimate + 30 * c.resolution.estimate + 20 * c.wouldBuyAgain.estimate;
    expect(raw).toBeCloseTo(59.066, 3);
    expect(result.score).toBe(59);
    expect(result.scoreLow).toBe(48);
    expect(result.scoreHigh).toBe(70);
    expect(result.band).toBe('fair');
    expect(result.bandCapped).toBe(false);
  });

  it('pins the per-channel table with median waits', () => {
    expect(result.channels).toEqual([
      { channel: 'email', stories: 3, answered: 2, medianWaitMinutes: 1500, waits: 2 },
      { channel: 'chat', stories: 2, answered: 2, medianWaitMinutes: 7.5, waits: 2 },
      { channel: 'phone_paid', stories: 1, answered: 1, medianWaitMinutes: 15, waits: 1 },
      { channel: 'phone_tollfree', stories: 1, answered: 1, medianWaitMinutes: 25, waits: 1 },
      { channel: 'web_form', stories: 1, answered: 0, medianWaitMinutes: null, waits: 0 },
    ]);
  });

  it('keeps only the last 183 days in the 6-month window', () => {
    const six = computeScore(workedExampleInput(), workedExampleAsOf, '6m');
    expect(six.counts.stories).toBe(4); // D (200 days) and F (300 days) fall out
    expect(six.counts.eligible).toBe(3); // E is still inside its deadline: evidence of nothing yet
    expect(six.band).toBe('not_enough_data');
    expect(six.score).not.toBeNull();
  });
});

describe('edge cases', () => {
  it('gives no score and "not enough data" for a company without stories', () => {
    const r = computeScore([], asOf);
    expect(r.score).toBeNull();
    expect(r.scoreLow).toBeNull();
    expect(r.band).toBe('not_enough_data');
    expect(r.replyRate).toBeNull();
    expect(r.medianFirstReplyHours).toBeNull();
    expect(r.meanRating).toBeNull();
    expect(r.channels).toEqual([]);
  });

  it('does not let one perfect story make a company 100', () => {
    const r = computeScore([story(1, { replyHours: 1, verdict: { at: asOf, resolved: true, wouldBuyAgain: true, rating: 5 } })], asOf);
    expect(r.replyRate).toBe(1);
    expect(r.score).toBeGreaterThan(50);
    expect(r.score).toBeLessThan(75);
    expect(r.band).toBe('not_enough_data');
    expect(r.scoreHigh! - r.scoreLow!).toBeGreaterThan(20);
  });

  it('does not count a story still inside its reply deadline against the company', () => {
    const r = computeScore([story(2)], asOf);
    expect(r.counts.waiting).toBe(1);
    expect(r.replyRate).toBeNull();
    expect(r.components.replyRate.estimate).toBe(0.5);
  });

  it('drives a company whose every story is overdue towards Unresponsive, never below 0', () => {
    const stories = Array.from({ length: 20 }, (_, i) => story(10 + i));
    const r = computeScore(stories, asOf);
    expect(r.replyRate).toBe(0);
    expect(r.counts.overdue).toBe(20);
    // Unanswered stories count in reply times with their age in whole days: 10…29 days.
    expect(r.medianFirstReplyHours).toBe(19.5 * 24);
    expect(r.components.replySpeed.n).toBe(20);
    expect(r.band).toBe('unresponsive');
    expect(r.scoreLow).toBeGreaterThanOrEqual(0);
    // Under 30 days unanswered: no verdict is presumed yet.
    expect(r.components.resolution.estimate).toBe(0.5);
    expect(r.counts.silent).toBe(0);
  });

  it('counts a story unanswered for 30 days as unresolved and "would not buy again", until its author gives a verdict', () => {
    const silent = story(30);
    const r = computeScore([silent], asOf);
    expect(r.counts.silent).toBe(1);
    expect(r.components.resolution.beta).toBeCloseTo(2 + w(30), 12);
    expect(r.components.wouldBuyAgain.beta).toBeCloseTo(2 + w(30), 12);
    expect(r.components.replySpeed.beta).toBeCloseTo(2 + w(30), 12);
    expect(computeScore([story(29.99)], asOf).counts.silent).toBe(0);
    // The author's verdict wins.
    const judged = computeScore([story(40, { verdict: { at: asOf - DAY, resolved: true, wouldBuyAgain: true, rating: 4 } })], asOf);
    expect(judged.counts.silent).toBe(0);
    expect(judged.resolutionRate).toBe(1);
    // A reply after the 30 days does not lift it (the silence happened).
    const late = computeScore([story(50, { replyHours: 35 * 24 })], asOf);
    expect(late.counts.silent).toBe(1);
    expect(late.medianFirstReplyHours).toBe(35 * 24);
  });

  it('counts a story closed without a verdict as half resolved, and a late verdict in its place', () => {
    const closed = story(100, { replyHours: 5, closedAt: asOf - 30 * DAY });
    const r = computeScore([closed], asOf);
    expect(r.counts.closedNoVerdict).toBe(1);
    expect(r.resolutionRate).toBe(0.5);
    expect(r.components.resolution.alpha).toBeCloseTo(r.components.resolution.beta, 12);
    expect(r.counts.wouldBuyAgainAnswers).toBe(0);
    const late = computeScore([{ ...closed, verdict: { at: asOf - DAY, resolved: false, wouldBuyAgain: false, rating: 1 } }], asOf);
    expect(late.counts.closedNoVerdict).toBe(0);
    expect(late.resolutionRate).toBe(0);
  });

  it('keeps a story withdrawn after a company reply in the figures, and counts every withdrawal', () => {
    const answered = story(40, { replyHours: 2, withdrawn: true, verdict: { at: asOf - 30 * DAY, resolved: false, wouldBuyAgain: false, rating: 1 } });
    const unanswered = story(40, { withdrawn: true });
    const r = computeScore([answered, unanswered], asOf);
    expect(r.counts.withdrawn).toBe(2);
    expect(r.counts.stories).toBe(1);
    expect(r.counts.replied).toBe(1);
    expect(r.resolutionRate).toBe(0);
  });

  it('scores a company known only from imported data on reply rate and resolution, scaled to 100', () => {
    const imported = (daysAgo: number, resolved: boolean): ScoringStory => ({
      ...story(daysAgo, { replied: true, verdict: { at: null, resolved, wouldBuyAgain: null, rating: null } }),
      imported: true,
    });
    const r = computeScore(Array.from({ length: 10 }, (_, i) => imported(20 + i, true)), asOf);
    expect(r.importedOnly).toBe(true);
    const c = r.components;
    expect(r.score).toBe(Math.round((100 / 60) * (30 * c.replyRate.estimate + 30 * c.resolution.estimate)));
    expect(r.score).toBeGreaterThanOrEqual(85);
    // One member story makes it a member company again, scored on all four components.
    const mixed = computeScore([...Array.from({ length: 10 }, (_, i) => imported(20 + i, true)), story(20, { replyHours: 1 })], asOf);
    expect(mixed.importedOnly).toBe(false);
  });

  it('gives no score and no band while every story is still inside its reply deadline', () => {
    const r = computeScore(Array.from({ length: 5 }, () => story(0)), asOf);
    expect(r.counts.stories).toBe(5);
    expect(r.score).toBeNull();
    expect(r.band).toBe('not_enough_data');
  });

  it('rewards a company that answers everything within a day and solves it', () => {
    const stories = Array.from({ length: 30 }, (_, i) =>
      story(5 + i * 3, { replyHours: 3, verdict: { at: asOf - i * DAY, resolved: true, wouldBuyAgain: true, rating: 5 } }),
    );
    const r = computeScore(stories, asOf);
    expect(r.band).toBe('exemplary');
    expect(r.scoreHigh).toBeLessThanOrEqual(100);
  });

  it('treats identical stories identically (ties): order does not matter', () => {
    const stories = [story(10, { replyHours: 5 }), story(10, { replyHours: 5 }), story(20), story(20)];
    const a = computeScore(stories, asOf);
    const b = computeScore([...stories].reverse(), asOf);
    expect(b.score).toBe(a.score);
    expect(b.band).toBe(a.band);
    expect(b.components.replyRate.estimate).toBeCloseTo(a.components.replyRate.estimate, 12);
    expect(b.counts).toEqual(a.counts);
    // Replies of 5 h and two stories unanswered for 20 days (480 h).
    expect(a.medianFirstReplyHours).toBe(242.5);
    expect(a.p90FirstReplyHours).toBe(480);
  });

  it('counts an imported story with an untimed reply for the reply rate but never for reply times', () => {
    const imported = story(30, { replied: true, replyHours: null, verdict: { at: null, resolved: true, wouldBuyAgain: null, rating: null } });
    const timed = story(30, { replyHours: 10 });
    const r = computeScore([imported, timed], asOf);
    expect(r.counts.replied).toBe(2);
    expect(r.replyRate).toBe(1);
    expect(r.counts.timedReplies).toBe(1);
    expect(r.medianFirstReplyHours).toBe(10);
    expect(r.components.replySpeed.n).toBe(1);
    expect(r.resolutionRate).toBe(1);
    expect(r.medianResolutionHours).toBeNull();
    expect(r.wouldBuyAgainRate).toBeNull();
  });

  it('ignores replies and verdicts that had not happened yet at the moment asked', () => {
    const s = story(10, { replyHours: 24 * 5, verdict: { at: asOf - DAY, resolved: true, wouldBuyAgain: true, rating: 5 } });
    const before = computeScore([s], asOf - 7 * DAY);
    expect(before.counts.replied).toBe(0);
    expect(before.counts.verdicts).toBe(0);
    const after = computeScore([s], asOf);
    expect(after.counts.replied).toBe(1);
    expect(after.counts.verdicts).toBe(1);
  });
});

describe('monthly history', () => {
  it('has eighteen monthly points, oldest first, the last one being now', () => {
    const h = scoreHistory(workedExampleInput(), workedExampleAsOf);
    expect(h).toHaveLength(18);
    expect(h[0]!.month).toBe('2025-06');
    expect(h.at(-1)!.month).toBe('2026-11');
    expect(h.at(-1)!.at).toBe(workedExampleAsOf);
    expect(h.at(-1)!.score).toBe(59);
    expect(h[1]!.at).toBe(Date.UTC(2025, 7, 1) - 1);
    // Before the first story (300 days ago, late January 2026) there is nothing to score.
    expect(h[0]!.score).toBeNull();
    expect(h.find((p) => p.month === '2026-02')!.stories).toBe(1);
  });

  it('names months in UTC', () => {
    expect(monthKey(Date.UTC(2026, 0, 31, 23, 59))).toBe('2026-01');
    expect(monthKey(Date.UTC(2026, 11, 1))).toBe('2026-12');
  });

  it('is cheap enough to recompute on every event (no timing asserted, only bounded work)', () => {
    const stories = Array.from({ length: 200 }, (_, i) => story(i * 2, { replyHours: i % 50 }));
    expect(scoreHistory(stories, asOf, '12m', 18).every((p) => p.stories <= 200)).toBe(true);
    expect(HOUR).toBe(3_600_000);
  });
});
