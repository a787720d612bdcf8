// What a score tile on the company page shows (issue: "Problems solved 100%" from one verdict).
// Every tile says how many stories its figure comes from; a rate from fewer than SMALL_SAMPLE
// stories is shown as its Bayesian estimate (the one the score uses, pulled towards the prior)
// with its 80% interval, never as the raw ratio.
import type { ComponentName, ScoreCounts } from './scoring.ts';

/** Below this many stories a rate tile shows the Bayesian estimate and its interval. */
export const SMALL_SAMPLE = 10;

export interface ComponentEstimate {
  estimate: number;
  low: number;
  high: number;
}

export type RateTile =
  /** No story behind the figure. */
  | { kind: 'none'; n: 0 }
  /** Enough stories: the plain ratio. */
  | { kind: 'rate'; value: number; n: number }
  /** Few stories: the Bayesian estimate and its 80% interval. */
  | { kind: 'estimate'; value: number; low: number; high: number; n: number };

/**
 * The tile of one rate: `raw` is the plain ratio, `n` the stories behind it, `estimate` the
 * component's Bayesian estimate (absent for a rate the score does not use). Without `n` (figures
 * of older rules) the ratio is shown as it is, with no count.
 */
export function rateTile(raw: number | null, n: number | null, estimate?: ComponentEstimate | null): RateTile | { kind: 'rate'; value: number; n: null } | { kind: 'none'; n: null } {
  if (n === null) return raw === null ? { kind: 'none', n: null } : { kind: 'rate', value: raw, n: null };
  if (n === 0 || raw === null) return { kind: 'none', n: 0 };
  if (n < SMALL_SAMPLE && estimate) return { kind: 'estimate', value: estimate.estimate, low: estimate.low, high: estimate.high, n };
  return { kind: 'rate', value: raw, n };
}

/** How many stories each tile's figure comes from (the denominators of the plain figures). */
export function tileSamples(counts: ScoreCounts): Record<ComponentName | 'firstReply' | 'rating', number> {
  return {
    replyRate: counts.eligible,
    replySpeed: counts.speedObservations,
    firstReply: counts.speedObservations,
    resolution: counts.verdicts + counts.silent + counts.closedNoVerdict,
    wouldBuyAgain: counts.wouldBuyAgainAnswers + counts.silent,
    rating: counts.ratings,
  };
}
