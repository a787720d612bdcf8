import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workedExampleAsOf, workedExampleInput } from './scoring-example.ts';
import {
  DAY_MS,
  buildDayBucket,
  bucketHoldsAt,
  edgeRanges,
  epochWeight,
  figuresFromBuckets,
  momentWeight,
  selectQuantile,
  type DayBucket,
  type IdentifiedStory,
} from './score-sums.ts';
import { CHANNELS } from './score-sums.ts';
import { ageWeight, computeScore, periods, quantile, scoreHistory, type CompanyScore, type ScoringStory } from './scoring.ts';

const HOUR = 3_600_000;
const asOf = Date.UTC(2026, 10, 23, 12);

/** Day buckets of stories (any order) as they stand at `at`. */
function bucketsAt(stories: readonly IdentifiedStory[], at: number): DayBucket[] {
  const sorted = [...stories].sort((a, b) => a.story.publishedAt - b.story.publishedAt || a.id - b.id);
  const days = new Map<number, ScoringStory[]>();
  for (const { story } of sorted) {
    const day = Math.floor(story.publishedAt / DAY_MS);
    days.set(day, [...(days.get(day) ?? []), story]);
  }
  return [...days]
    .sort((a, b) => a[0] - b[0])
    .map(([day, list]) => buildDayBucket(day, list, at)!);
}

function edgesOf(stories: readonly IdentifiedStory[], at: number): IdentifiedStory[] {
  return stories.filter(({ story: { publishedAt: p } }) => edgeRanges(at).some(([a, b]) => p >= a && p <= b));
}

/** The two computations agree to rounding: counts and rounded figures exactly, the rest to 1e-9. */
function expectSameScore(got: CompanyScore, want: CompanyScore): void {
  expect(got.counts).toEqual(want.counts);
  expect(got.windowStart).toBe(want.windowStart);
  expect(got.band).toBe(want.band);
  expect(got.bandCapped).toBe(want.bandCapped);
  expect(got.importedOnly).toBe(want.importedOnly);
  for (const k of ['score', 'scoreLow', 'scoreHigh', 'replyRate', 'resolutionRate', 'wouldBuyAgainRate'] as const) expect(got[k]).toBe(want[k]);
  // Order statistics are the same values, picked without sorting.
  for (const k of ['medianFirstReplyHours', 'p90FirstReplyHours', 'medianResolutionHours'] as const) expect(got[k]).toBe(want[k]);
  if (want.meanRating === null) expect(got.meanRating).toBeNull();
  else expect(got.meanRating).toBeCloseTo(want.meanRating, 9);
  expect(got.channels).toEqual(want.channels);
  for (const name of Object.keys(want.components) as (keyof CompanyScore['components'])[]) {
    const g = got.components[name];
    const w = want.components[name];
    expect(g.n).toBe(w.n);
    for (const k of ['estimate', 'low', 'high', 'weight', 'alpha', 'beta', 'variance'] as const) expect(g[k]).toBeCloseTo(w[k], 9);
  }
}

const storyArb = (from: number, to: number): fc.Arbitrary<ScoringStory> =>
  fc
    .record({
      publishedAt: fc.integer({ min: from, max: to }),
      replyHours: fc.option(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 2000, noNaN: true })), { nil: null }),
      imported: fc.boolean(),
      verdictDays: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
      resolved: fc.boolean(),
      wba: fc.option(fc.boolean(), { nil: null }),
      rating: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      // Rules version 2: withdrawn stories (counted only with a reply), stories closed without a
      // verdict (also with a late verdict after the closing), replies after the 30-day silence limit.
      withdrawn: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
      closed: fc.boolean(),
      channels: fc.uniqueArray(
        fc.record({ channel: fc.constantFrom(...CHANNELS), waitMinutes: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }), answered: fc.boolean() }),
        { maxLength: 3, selector: (c) => c.channel },
      ),
    })
    .map((r) => ({
      publishedAt: r.publishedAt,
      replyDueAt: r.publishedAt + 7 * DAY_MS,
      replied: r.replyHours !== null,
      firstReplyHours: r.imported ? null : r.replyHours,
      verdict:
        r.verdictDays === null
          ? null
          : { at: r.imported ? null : r.publishedAt + r.verdictDays * DAY_MS, resolved: r.resolved, wouldBuyAgain: r.wba, rating: r.rating },
      channels: r.channels,
      imported: r.imported,
      withdrawn: r.withdrawn,
      closedAt: r.closed && r.replyHours !== null ? (r.imported ? r.publishedAt : r.publishedAt + r.replyHours * HOUR + 60 * DAY_MS) : null,
    }));

describe('score sums', () => {
  it('split the age weight into a story factor and a moment factor', () => {
    for (const days of [0, 1, 182.5, 365, 1000]) {
      const p = asOf - days * DAY_MS;
      expect(epochWeight(p) * momentWeight(asOf)).toBeCloseTo(ageWeight(p, asOf), 14);
    }
  });

  it('pick the same quantiles as sorting does', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), (xs, p) => {
        const want = quantile([...xs].sort((a, b) => a - b), p);
        expect(selectQuantile(Float64Array.from(xs), p)).toBe(want === null ? null : want + 0);
      }),
      { numRuns: 300 },
    );
  });

  it('give the worked example the figures of the published computation', () => {
    const stories = workedExampleInput().map((story, id) => ({ id, story }));
    const f = figuresFromBuckets(bucketsAt(stories, workedExampleAsOf), edgesOf(stories, workedExampleAsOf), workedExampleAsOf);
    for (const period of periods) expectSameScore(f.windows[period], computeScore(workedExampleInput(), workedExampleAsOf, period));
    expect(f.history).toEqual(scoreHistory(workedExampleInput(), workedExampleAsOf));
  });

  it('agree with computeScore and scoreHistory for random stories, from days computed at an earlier moment that still hold', () => {
    fc.assert(
      fc.property(
        fc.array(storyArb(asOf - 1100 * DAY_MS, asOf + 3 * DAY_MS), { maxLength: 40 }),
        fc.integer({ min: 0, max: 20 * DAY_MS }),
        (list, back) => {
          const stories = list.map((story, id) => ({ id, story }));
          // Days computed `back` ms ago, recomputed only where they no longer hold (what the
          // repository does), must give today's figures.
          const earlier = asOf - back;
          const fresh = new Map(bucketsAt(stories, asOf).map((b) => [b.day, b]));
          const buckets = bucketsAt(stories, earlier).map((b) => (bucketHoldsAt(b, asOf) ? b : fresh.get(b.day)!));
          const f = figuresFromBuckets(buckets, edgesOf(stories, asOf), asOf);
          const input = stories.map((s) => s.story);
          for (const period of periods) expectSameScore(f.windows[period], computeScore(input, asOf, period));
          const history = scoreHistory(input, asOf);
          expect(f.history.map((h) => ({ ...h, replyRate: h.replyRate === null ? null : Number(h.replyRate.toFixed(12)) }))).toEqual(
            history.map((h) => ({ ...h, replyRate: h.replyRate === null ? null : Number(h.replyRate.toFixed(12)) })),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('agree with computeScore for companies that replied to none of their stories (rule 1, the silence cap), window and history', () => {
    const silentArb = storyArb(asOf - 400 * DAY_MS, asOf + 3 * DAY_MS).map((s) => ({ ...s, replied: false, firstReplyHours: null, closedAt: null }));
    fc.assert(
      fc.property(fc.array(silentArb, { maxLength: 25 }), (list) => {
        const stories = list.map((story, id) => ({ id, story }));
        const f = figuresFromBuckets(bucketsAt(stories, asOf), edgesOf(stories, asOf), asOf);
        const input = stories.map((s) => s.story);
        for (const period of periods) expectSameScore(f.windows[period], computeScore(input, asOf, period));
        expect(f.history.map((h) => [h.month, h.score, h.band])).toEqual(scoreHistory(input, asOf).map((h) => [h.month, h.score, h.band]));
      }),
      { numRuns: 150 },
    );
  });

  it('score a company that replied to none of its stories past their deadline at most 20, in every window, whatever the verdicts (rule 1)', () => {
    const silentArb = storyArb(asOf - 400 * DAY_MS, asOf).map((s) => ({ ...s, replied: false, firstReplyHours: null, closedAt: null }));
    fc.assert(
      fc.property(fc.array(silentArb, { minLength: 1, maxLength: 30 }), (input) => {
        for (const period of periods) {
          const s = computeScore(input, asOf, period);
          expect(s.counts.replied).toBe(0);
          if (s.counts.eligible === 0) {
            expect(s.score).toBeNull();
            continue;
          }
          expect(s.score!).toBeLessThanOrEqual(20);
          expect(s.scoreHigh!).toBeLessThanOrEqual(20);
          expect(['unresponsive', 'not_enough_data']).toContain(s.band);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('cap the small silent companies the audit found (5 silent stories 31–35 days old; 10 silent 8–17 days old; 20 silent 8–27 days old)', () => {
    const silent = (ageDays: number): ScoringStory => ({
      publishedAt: asOf - ageDays * DAY_MS,
      replyDueAt: asOf - ageDays * DAY_MS + 7 * DAY_MS,
      replied: false,
      firstReplyHours: null,
      verdict: null,
      channels: [],
    });
    const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => silent(from + i));
    for (const input of [range(31, 5), range(8, 10), range(8, 20)]) {
      const s = computeScore(input, asOf);
      expect(s.score!).toBeLessThanOrEqual(20);
      expect(s.band).toBe('unresponsive');
    }
    // Stories still inside their reply deadline have not made anyone silent yet: no score.
    expect(computeScore(range(0, 5), asOf).score).toBeNull();
    // One reply lifts the cap: the company is no longer "never replies".
    const oneReply = [...range(8, 9), { ...silent(20), replied: true, firstReplyHours: 2 }];
    expect(computeScore(oneReply, asOf).score!).toBeGreaterThan(20);
  });

  it('include a story published exactly at the start of a history window, and not one a millisecond earlier', () => {
    const monthEnd = Date.UTC(2026, 5, 1) - 1; // a history point of asOf
    const start = monthEnd - 365 * DAY_MS;
    const mk = (publishedAt: number): ScoringStory => ({
      publishedAt,
      replyDueAt: publishedAt + 7 * DAY_MS,
      replied: true,
      firstReplyHours: 1,
      verdict: null,
      channels: [],
    });
    const stories = [mk(start), mk(start - 1), mk(start + HOUR)].map((story, id) => ({ id, story }));
    const f = figuresFromBuckets(bucketsAt(stories, asOf), edgesOf(stories, asOf), asOf);
    const point = f.history.find((h) => h.at === monthEnd)!;
    expect(point.stories).toBe(2);
    expect(f.history).toEqual(scoreHistory(stories.map((s) => s.story), asOf));
  });
});
