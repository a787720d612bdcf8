import { describe, expect, it } from 'vitest';
import { rateTile, SMALL_SAMPLE, tileSamples } from './score-tiles.ts';
import type { ScoreCounts } from './scoring.ts';

const estimate = { estimate: 0.6, low: 0.3, high: 0.85 };

describe('score tiles', () => {
  it('shows one verdict as the Bayesian estimate with its interval, never as 100%', () => {
    expect(rateTile(1, 1, estimate)).toEqual({ kind: 'estimate', value: 0.6, low: 0.3, high: 0.85, n: 1 });
  });

  it('shows the plain ratio with its count from SMALL_SAMPLE stories on', () => {
    expect(rateTile(0.9, SMALL_SAMPLE, estimate)).toEqual({ kind: 'rate', value: 0.9, n: SMALL_SAMPLE });
    expect(rateTile(0.5, SMALL_SAMPLE - 1, estimate).kind).toBe('estimate');
  });

  it('shows nothing when no story is behind the figure, and the ratio without a count for figures of older rules', () => {
    expect(rateTile(null, 0, estimate)).toEqual({ kind: 'none', n: 0 });
    expect(rateTile(0.4, null, estimate)).toEqual({ kind: 'rate', value: 0.4, n: null });
    expect(rateTile(0.4, 3)).toEqual({ kind: 'rate', value: 0.4, n: 3 });
  });

  it('counts the stories behind each tile as the plain figures do', () => {
    const counts = { stories: 9, eligible: 8, replied: 6, timedReplies: 6, speedObservations: 7, overdue: 2, waiting: 1, verdicts: 4, resolved: 3, wouldBuyAgainAnswers: 4, wouldBuyAgain: 2, ratings: 3, silent: 1, closedNoVerdict: 1 } as ScoreCounts;
    expect(tileSamples(counts)).toEqual({ replyRate: 8, replySpeed: 7, firstReply: 7, resolution: 6, wouldBuyAgain: 5, rating: 3 });
  });
});
