// The responsiveness figures and the Answerable Score of one company (product.md, "The
// responsiveness score" and "Score rules, version 2"). Pure: the caller passes the company's
// stories and the moment `asOf`. Everything here is published on the how-scores-work page; change
// a constant and that page, and the pinned worked example in scoring.test.ts, change with it.
//
// Method, in short (rules version 2):
// - Window: stories published in the last 6 months (183 days), 12 months (365 days, the
//   default) or all time. Hidden stories are not passed in. A withdrawn story counts only when
//   the company had replied to it (rule 6: content gone, numbers stay); every withdrawn story
//   counts in `counts.withdrawn`.
// - Each story weighs w = 2^(−age / 182.5 days): a six-month-old story counts half.
// - Four rates, each a Bayesian estimate with a Beta(2, 2) prior (as if every company started
//   with two good and two bad pseudo-stories, so two stories cannot make 0 or 100):
//     posterior α = 2 + Σ w·x, β = 2 + Σ w·(1 − x), estimate = α / (α + β)
//   reply rate       x = 1 if the company replied (only stories that got a reply or whose
//                     reply deadline has passed count; a story still inside its deadline is not
//                     held against anyone and counts for nothing yet)
//   reply speed      x = speed of each first reply: 1 at ≤ 24 h, 0 at ≥ 30 days, on a log
//                     scale between (1 − ln(h/24) / ln 30); a story past its deadline without a
//                     reply counts with its age in whole days as h (so 0 from 30 days on).
//                     Imported stories have no real times and never count here.
//   resolution       x = 1 for a "resolved" verdict, 0 for "not resolved" (also after a
//                     "still resolved? — no"), 0 for a story left unanswered for its first 30
//                     days without a verdict of its author, ½ for a story closed without a
//                     verdict (from its closing)
//   would buy again  x = 1 for yes, 0 for no; 0 for a story left unanswered for 30 days
//                     without a verdict
// - Score = 30·reply rate + 20·reply speed + 30·resolution + 20·would buy again. A company known
//   only from imported data is scored on reply rate and resolution alone, scaled to 100.
//   No score while no story has been answered or passed its deadline. A company that has
//   stories past their deadline and replied to none of them scores at most 20 (rule 1: silence
//   is capped whatever the number or age of the stories; stories still inside their deadline
//   do not make a company silent yet). The interval is capped with it.
// - 80% interval: each Beta posterior is approximated by a normal with the same mean and
//   variance αβ / ((α+β)²(α+β+1)); the four are independent, so the score's variance is
//   Σ points² · variance; interval = score ± 1.2816·sd, clipped to 0–100. (No simulation: the
//   same stories always give the same interval.)
// - Band by the unrounded score: Exemplary ≥ 85, Good ≥ 70, Fair ≥ 55, Poor ≥ 40, Unresponsive
//   below; "not enough data" under 5 stories answered or past their deadline. Good or better
//   needs verdicts on at least 30% of those stories, otherwise the band is capped at Fair
//   (`bandCapped`).
// - Plain figures shown beside the score are unweighted: reply rate, median and 90th
//   percentile of hours to first reply, unanswered stories past their deadline included with
//   their age (linear interpolation between order statistics, so the median of an even count
//   is the mean of the two middle values), resolution rate and would-buy-again rate over the
//   same observations as the score, mean rating, median waits per channel.
//
// computeScore() and scoreHistory() are the reference. The stored figures (company_stats) apply
// the same rules to per-day sums (score-sums.ts, decision 0011): same counts, quantiles, bands and
// rounded scores; weighted sums agree up to floating-point rounding.

export type Period = '6m' | '12m' | 'all';
export const periods: readonly Period[] = ['6m', '12m', 'all'];
export const defaultPeriod: Period = '12m';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Length of each rolling window in days (null = all time). */
export const WINDOW_DAYS: Record<Period, number | null> = { '6m': 183, '12m': 365, all: null };
/** Age at which a story counts half. */
export const HALF_LIFE_DAYS = 182.5;
/** The version of the scoring rules the figures follow (shown on how-scores-work, stored with the figures). */
export const RULES_VERSION = 2;
/**
 * The revision of the code that applies RULES_VERSION. A fix that changes figures without changing
 * the published rules bumps it, so that upgraded sites recompute their stored statistics at start-up
 * (rebuildIfRulesChanged). 1: rule 1's "at most 20" applied to every silent company, not only to
 * those with many old stories (2026-12-05).
 */
export const RULES_REVISION = 1;
/** What the stored statistics record about the rules they follow: "<version>.<revision>". */
export const RULES_STAMP = `${RULES_VERSION}.${RULES_REVISION}`;
/** The day (UTC) score rules version 2 took effect; the history chart marks its month. */
export const RULES_V2_FROM = '2026-12-04';
/** The month 'YYYY-MM' of a day 'YYYY-MM-DD' (the history chart's points are months). */
export function monthOfDay(day: string): string {
  return day.slice(0, 7);
}
/** Fewer stories answered or past their deadline than this in the window: band "not enough data", left out of rankings. */
export const MIN_STORIES_FOR_BAND = 5;
/** Good or better needs verdicts on at least this share of the stories answered or past their deadline. */
export const MIN_VERDICT_SHARE = 0.3;
/** A story unanswered this long counts as unresolved and "would not buy again" until its author gives a verdict (30 days). */
export const SILENCE_DAYS = 30;
/** A company that has replied to none of its stories answered or past their deadline scores at most this (rule 1). */
export const SILENCE_SCORE_CAP = 20;
/** A story closed without a verdict counts this much resolved. */
export const CLOSED_NO_VERDICT_RESOLUTION = 0.5;
/** Two-sided 80% interval: the 90th percentile of the standard normal. */
export const Z_80 = 1.2815515655446004;
/** Reply speed: full marks at or below this many hours… */
export const SPEED_FULL_HOURS = 24;
/** …and zero at or above this many (30 days). */
export const SPEED_ZERO_HOURS = 30 * 24;

export type ComponentName = 'replyRate' | 'replySpeed' | 'resolution' | 'wouldBuyAgain';
export const components: readonly ComponentName[] = ['replyRate', 'replySpeed', 'resolution', 'wouldBuyAgain'];
/** The components imported public data can show (no real reply times, no "would buy again"). */
export const IMPORTED_COMPONENTS: readonly ComponentName[] = ['replyRate', 'resolution'];

/** Points of each component in the 0–100 score. */
export const POINTS: Record<ComponentName, number> = { replyRate: 30, replySpeed: 20, resolution: 30, wouldBuyAgain: 20 };

export interface BetaPrior {
  alpha: number;
  beta: number;
}

/** The published priors: Beta(2, 2) for every rate (mean 50%, worth four stories). */
export const PRIORS: Record<ComponentName, BetaPrior> = {
  replyRate: { alpha: 2, beta: 2 },
  replySpeed: { alpha: 2, beta: 2 },
  resolution: { alpha: 2, beta: 2 },
  wouldBuyAgain: { alpha: 2, beta: 2 },
};

export type Band = 'exemplary' | 'good' | 'fair' | 'poor' | 'unresponsive' | 'not_enough_data';
export const BAND_THRESHOLDS: readonly { band: Exclude<Band, 'not_enough_data'>; min: number }[] = [
  { band: 'exemplary', min: 85 },
  { band: 'good', min: 70 },
  { band: 'fair', min: 55 },
  { band: 'poor', min: 40 },
  { band: 'unresponsive', min: 0 },
];

export interface ScoringChannel {
  channel: string;
  /** Minutes the consumer reports waiting (for an answer, or before giving up when never answered); null = not reported. */
  waitMinutes: number | null;
  answered: boolean;
}

export interface ScoringVerdict {
  /** When the verdict was given; null when unknown (imported), then treated as given at publication. */
  at: number | null;
  resolved: boolean;
  wouldBuyAgain: boolean | null;
  rating: number | null;
}

/** What scoring needs to know about one story. */
export interface ScoringStory {
  publishedAt: number;
  replyDueAt: number;
  /** The company gave a first public reply (also true for imported stories with a recorded response). */
  replied: boolean;
  /** Hours from publication to the first reply; null when there is none or its time is not real (imported). */
  firstReplyHours: number | null;
  verdict: ScoringVerdict | null;
  channels: readonly ScoringChannel[];
  /** From a public complaint database: no real reply times, so no time rule applies to it. */
  imported?: boolean;
  /** Withdrawn by its author: counts only when the company had replied (then like any other story). */
  withdrawn?: boolean;
  /** When it closed without a verdict (½ resolved from then unless a verdict comes); null/absent when it did not. */
  closedAt?: number | null;
}

export interface Estimate {
  /** Posterior mean, 0–1. */
  estimate: number;
  /** 80% interval of the estimate, 0–1. */
  low: number;
  high: number;
  /** Stories that contributed (unweighted count). */
  n: number;
  /** Sum of their age weights: the evidence after ageing. */
  weight: number;
  alpha: number;
  beta: number;
  /** Posterior variance (normal approximation input). */
  variance: number;
}

export interface ChannelFigure {
  channel: string;
  /** Stories in which the consumer tried this channel. */
  stories: number;
  /** …and got an answer on it. */
  answered: number;
  /** Median reported wait in minutes (over reported waits); null when nobody reported one. */
  medianWaitMinutes: number | null;
  /** How many waits the median is based on. */
  waits: number;
}

export interface ScoreCounts {
  /** Stories in the window. */
  stories: number;
  /** Stories that got a reply or whose reply deadline has passed (reply-rate denominator). */
  eligible: number;
  replied: number;
  /** Replies with a real timestamp. */
  timedReplies: number;
  /** Observations of reply speed: timed replies plus unanswered (not imported) stories past their deadline. */
  speedObservations: number;
  /** Unanswered stories past their deadline. */
  overdue: number;
  /** Unanswered stories still inside their deadline. */
  waiting: number;
  verdicts: number;
  resolved: number;
  wouldBuyAgainAnswers: number;
  wouldBuyAgain: number;
  ratings: number;
  /** Stories without a verdict left unanswered for their first 30 days: unresolved, would not buy again. */
  silent: number;
  /** Stories closed without a verdict (½ resolved each). */
  closedNoVerdict: number;
  /** Imported stories among `stories`. */
  imported: number;
  /** Stories withdrawn by their authors (those with a company reply are also in `stories`). */
  withdrawn: number;
}

export interface CompanyScore {
  rulesVersion: number;
  period: Period;
  asOf: number;
  /** First moment in the window (null = all time). */
  windowStart: number | null;
  counts: ScoreCounts;
  replyRate: number | null;
  medianFirstReplyHours: number | null;
  p90FirstReplyHours: number | null;
  resolutionRate: number | null;
  wouldBuyAgainRate: number | null;
  meanRating: number | null;
  /** Median hours from publication to the verdict (the resolution clock), timed stories only. */
  medianResolutionHours: number | null;
  components: Record<ComponentName, Estimate>;
  /** 0–100, whole number; null when the window holds no story. */
  score: number | null;
  scoreLow: number | null;
  scoreHigh: number | null;
  band: Band;
  /** Good or better was capped at Fair: verdicts on fewer than 30% of the eligible stories. */
  bandCapped: boolean;
  /** Every story in the window is imported: scored on reply rate and resolution only. */
  importedOnly: boolean;
  channels: ChannelFigure[];
}

export interface HistoryPoint {
  /** 'YYYY-MM' (UTC). */
  month: string;
  /** The moment the point is computed at: the end of the month, or asOf for the current month. */
  at: number;
  stories: number;
  score: number | null;
  band: Band;
  replyRate: number | null;
}

// ---------------------------------------------------------------------------------------------
// Building blocks

/** Age weight: 1 for a story published now, ½ at one half-life, ¼ at two. Future stories weigh 1. */
export function ageWeight(publishedAt: number, asOf: number): number {
  const ageDays = Math.max(0, asOf - publishedAt) / DAY_MS;
  return Math.pow(2, -ageDays / HALF_LIFE_DAYS);
}

/** Speed of one first reply, 0–1: 1 at ≤ 24 h, 0 at ≥ 30 days, logarithmic in between. */
export function replySpeed(hours: number): number {
  if (hours <= SPEED_FULL_HOURS) return 1;
  if (hours >= SPEED_ZERO_HOURS) return 0;
  return 1 - Math.log(hours / SPEED_FULL_HOURS) / Math.log(SPEED_ZERO_HOURS / SPEED_FULL_HOURS);
}

/**
 * Quantile with linear interpolation between order statistics (Hyndman–Fan type 7, the default
 * of R and NumPy). `sorted` must be ascending. Null for an empty list.
 */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (h - lo) * (b - a);
}

export function median(values: readonly number[]): number | null {
  return quantile([...values].sort((a, b) => a - b), 0.5);
}

/** Bayesian estimate of a rate from weighted observations x ∈ [0, 1]. */
export function betaEstimate(prior: BetaPrior, observations: readonly { x: number; w: number }[]): Estimate {
  const acc = newAccumulator(prior);
  for (const { x, w } of observations) observe(acc, x, w);
  return estimateOf(acc);
}

/** Running sums of one rate: posterior parameters, total weight and count. */
interface Accumulator {
  alpha: number;
  beta: number;
  weight: number;
  n: number;
}

function newAccumulator(prior: BetaPrior): Accumulator {
  return { alpha: prior.alpha, beta: prior.beta, weight: 0, n: 0 };
}

function observe(acc: Accumulator, x: number, w: number): void {
  acc.alpha += w * x;
  acc.beta += w * (1 - x);
  acc.weight += w;
  acc.n++;
}

function estimateOf(acc: Accumulator): Estimate {
  return posteriorEstimate(acc.alpha, acc.beta, acc.n, acc.weight);
}

/** The estimate, variance and 80% interval of a Beta(alpha, beta) posterior built from n stories of total weight `weight`. */
export function posteriorEstimate(alpha: number, beta: number, n: number, weight: number): Estimate {
  const total = alpha + beta;
  const estimate = alpha / total;
  const variance = (alpha * beta) / (total * total * (total + 1));
  const sd = Math.sqrt(variance);
  return {
    estimate,
    low: clamp(estimate - Z_80 * sd, 0, 1),
    high: clamp(estimate + Z_80 * sd, 0, 1),
    n,
    weight,
    alpha,
    beta,
    variance,
  };
}

/** Hours an unanswered story past its deadline counts in reply time at `asOf`: its age in whole days, at most 30 days. */
export function unansweredHours(publishedAt: number, asOf: number): number {
  return Math.min(Math.floor(Math.max(0, asOf - publishedAt) / DAY_MS) * 24, SPEED_ZERO_HOURS);
}

/** The moment from which a story without a reply before it counts as silent (unresolved, would not buy again). */
export function silenceAt(publishedAt: number): number {
  return publishedAt + SILENCE_DAYS * DAY_MS;
}

/** Whether verdicts cover too few eligible stories for Good or better (exact in integers). */
export function tooFewVerdicts(verdicts: number, eligible: number): boolean {
  return verdicts * 10 < eligible * Math.round(MIN_VERDICT_SHARE * 10);
}

/** The band of an unrounded score: "not enough data" under 5 eligible stories; Good or better capped at Fair with too few verdicts. */
export function bandFor(raw: number | null, eligible: number, verdicts: number = eligible): Band {
  if (raw === null || eligible < MIN_STORIES_FOR_BAND) return 'not_enough_data';
  let found: Band = 'unresponsive';
  for (const { band, min } of BAND_THRESHOLDS) {
    if (raw >= min) {
      found = band;
      break;
    }
  }
  if ((found === 'exemplary' || found === 'good') && tooFewVerdicts(verdicts, eligible)) return 'fair';
  return found;
}

/** Whether bandFor() capped the band for too few verdicts. */
export function bandCappedFor(raw: number | null, eligible: number, verdicts: number): boolean {
  return raw !== null && eligible >= MIN_STORIES_FOR_BAND && raw >= BAND_THRESHOLDS[1]!.min && tooFewVerdicts(verdicts, eligible);
}

/** Start of the window ending at asOf (null = all time). */
export function windowStart(period: Period, asOf: number): number | null {
  const days = WINDOW_DAYS[period];
  return days === null ? null : asOf - days * DAY_MS;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

function ratio(num: number, den: number): number | null {
  return den === 0 ? null : num / den;
}

// ---------------------------------------------------------------------------------------------
// The score

interface ComputeOptions {
  /**
   * 'score' computes only what a history point needs (counts, rates' estimates, score, band)
   * and skips the per-channel table and the time quantiles: it runs 18 times per window.
   */
  detail?: 'full' | 'score';
}

/**
 * All figures of one company for one window, as they stood at `asOf`. A story counts when it
 * was published inside the window and not after asOf; replies and verdicts count when they had
 * happened by asOf, so the same function draws the monthly history.
 */
export function computeScore(stories: readonly ScoringStory[], asOf: number, period: Period = defaultPeriod, options: ComputeOptions = {}): CompanyScore {
  const start = windowStart(period, asOf);
  const counts: ScoreCounts = {
    stories: 0,
    eligible: 0,
    replied: 0,
    timedReplies: 0,
    speedObservations: 0,
    overdue: 0,
    waiting: 0,
    verdicts: 0,
    resolved: 0,
    wouldBuyAgainAnswers: 0,
    wouldBuyAgain: 0,
    ratings: 0,
    silent: 0,
    closedNoVerdict: 0,
    imported: 0,
    withdrawn: 0,
  };
  const full = options.detail !== 'score';
  const acc: Record<ComponentName, Accumulator> = {
    replyRate: newAccumulator(PRIORS.replyRate),
    replySpeed: newAccumulator(PRIORS.replySpeed),
    resolution: newAccumulator(PRIORS.resolution),
    wouldBuyAgain: newAccumulator(PRIORS.wouldBuyAgain),
  };
  const replyHours: number[] = [];
  const resolutionHours: number[] = [];
  let ratingSum = 0;
  let resolutionSum = 0;
  const channelMap = new Map<string, { stories: number; answered: number; waits: number[] }>();

  for (const s of stories) {
    if (s.publishedAt > asOf) continue;
    if (start !== null && s.publishedAt < start) continue;
    if (s.withdrawn) {
      counts.withdrawn++;
      // Withdrawn before any company reply: it leaves the figures (only the count stays).
      if (!s.replied) continue;
    }
    counts.stories++;
    const imported = s.imported === true;
    if (imported) counts.imported++;
    const w = ageWeight(s.publishedAt, asOf);

    // Reply: as of asOf. An untimed (imported) reply counts from publication.
    const repliedAt = s.replied ? (s.firstReplyHours === null ? s.publishedAt : s.publishedAt + s.firstReplyHours * HOUR_MS) : null;
    const replied = repliedAt !== null && repliedAt <= asOf;
    if (replied) {
      counts.eligible++;
      counts.replied++;
      observe(acc.replyRate, 1, w);
      if (s.firstReplyHours !== null) {
        counts.timedReplies++;
        counts.speedObservations++;
        if (full) replyHours.push(s.firstReplyHours);
        observe(acc.replySpeed, replySpeed(s.firstReplyHours), w);
      }
    } else if (s.replyDueAt <= asOf) {
      counts.eligible++;
      counts.overdue++;
      observe(acc.replyRate, 0, w);
      if (!imported) {
        // Silence is not neutral: an overdue story counts in reply time with its age.
        const h = unansweredHours(s.publishedAt, asOf);
        counts.speedObservations++;
        if (full) replyHours.push(h);
        observe(acc.replySpeed, replySpeed(h), w);
      }
    } else {
      counts.waiting++;
    }

    const v = s.verdict;
    const silence = silenceAt(s.publishedAt);
    if (v !== null && (v.at ?? s.publishedAt) <= asOf) {
      counts.verdicts++;
      observe(acc.resolution, v.resolved ? 1 : 0, w);
      if (v.resolved) {
        counts.resolved++;
        resolutionSum++;
      }
      if (v.wouldBuyAgain !== null) {
        counts.wouldBuyAgainAnswers++;
        if (v.wouldBuyAgain) counts.wouldBuyAgain++;
        observe(acc.wouldBuyAgain, v.wouldBuyAgain ? 1 : 0, w);
      }
      if (v.rating !== null) {
        counts.ratings++;
        ratingSum += v.rating;
      }
      // The resolution clock only for stories whose times are real (same rule as replies).
      if (full && v.at !== null && s.firstReplyHours !== null) resolutionHours.push(Math.max(0, v.at - s.publishedAt) / HOUR_MS);
    } else if (!imported && silence <= asOf && (repliedAt === null || repliedAt >= silence)) {
      counts.silent++;
      observe(acc.resolution, 0, w);
      observe(acc.wouldBuyAgain, 0, w);
    } else if (s.closedAt != null && s.closedAt <= asOf) {
      counts.closedNoVerdict++;
      resolutionSum += CLOSED_NO_VERDICT_RESOLUTION;
      observe(acc.resolution, CLOSED_NO_VERDICT_RESOLUTION, w);
    }

    if (full) {
      for (const c of s.channels) {
        let entry = channelMap.get(c.channel);
        if (!entry) channelMap.set(c.channel, (entry = { stories: 0, answered: 0, waits: [] }));
        entry.stories++;
        if (c.answered) entry.answered++;
        // The median wait is of answered attempts; the waits of unanswered ones are their own figure (decision 0041).
        if (c.answered && c.waitMinutes !== null) entry.waits.push(c.waitMinutes);
      }
    }
  }

  const est = {} as Record<ComponentName, Estimate>;
  for (const name of components) est[name] = estimateOf(acc[name]);
  const importedOnly = isImportedOnly(counts.stories, counts.imported);
  const { raw, score, scoreLow, scoreHigh } = scoreOf(est, counts.eligible, importedOnly, counts.replied);

  replyHours.sort((a, b) => a - b);
  const channels: ChannelFigure[] = [...channelMap.entries()]
    .map(([channel, e]) => ({ channel, stories: e.stories, answered: e.answered, medianWaitMinutes: median(e.waits), waits: e.waits.length }))
    .sort((a, b) => b.stories - a.stories || a.channel.localeCompare(b.channel));

  return {
    rulesVersion: RULES_VERSION,
    period,
    asOf,
    windowStart: start,
    counts,
    replyRate: ratio(counts.replied, counts.eligible),
    medianFirstReplyHours: quantile(replyHours, 0.5),
    p90FirstReplyHours: quantile(replyHours, 0.9),
    resolutionRate: ratio(resolutionSum, counts.verdicts + counts.silent + counts.closedNoVerdict),
    wouldBuyAgainRate: ratio(counts.wouldBuyAgain, counts.wouldBuyAgainAnswers + counts.silent),
    meanRating: counts.ratings === 0 ? null : ratingSum / counts.ratings,
    medianResolutionHours: median(resolutionHours),
    components: est,
    score,
    scoreLow,
    scoreHigh,
    band: bandFor(raw, counts.eligible, counts.verdicts),
    bandCapped: bandCappedFor(raw, counts.eligible, counts.verdicts),
    importedOnly,
    channels,
  };
}

/** Every story of the window is imported (a company known only from public complaint data). */
export function isImportedOnly(stories: number, imported: number): boolean {
  return stories > 0 && imported === stories;
}

/**
 * The 0–100 score (unrounded and rounded) and its 80% interval from the four estimates; all null
 * while no story is answered or past its deadline. Imported-only companies: reply rate and
 * resolution, scaled to 100. No reply to any eligible story (`replied` = 0): at most 20, the
 * interval with it.
 */
export function scoreOf(
  est: Record<ComponentName, Estimate>,
  eligible: number,
  importedOnly = false,
  replied: number = eligible,
): { raw: number | null; score: number | null; scoreLow: number | null; scoreHigh: number | null } {
  if (eligible === 0) return { raw: null, score: null, scoreLow: null, scoreHigh: null };
  const used = importedOnly ? IMPORTED_COMPONENTS : components;
  let total = 0;
  for (const name of used) total += POINTS[name];
  const scale = 100 / total;
  let raw = 0;
  let variance = 0;
  for (const name of used) {
    const points = POINTS[name] * scale;
    raw += points * est[name].estimate;
    variance += points * points * est[name].variance;
  }
  const sd = Math.sqrt(variance);
  if (replied === 0) {
    const cap = SILENCE_SCORE_CAP;
    return {
      raw: Math.min(raw, cap),
      score: Math.round(Math.min(raw, cap)),
      scoreLow: Math.round(Math.min(clamp(raw - Z_80 * sd, 0, 100), cap)),
      scoreHigh: Math.round(Math.min(clamp(raw + Z_80 * sd, 0, 100), cap)),
    };
  }
  return {
    raw,
    score: Math.round(raw),
    scoreLow: Math.round(clamp(raw - Z_80 * sd, 0, 100)),
    scoreHigh: Math.round(clamp(raw + Z_80 * sd, 0, 100)),
  };
}

/** The end of each of the last `months` calendar months (UTC), oldest first; the last one is asOf itself. */
export function historyMoments(asOf: number, months = 18): number[] {
  const now = new Date(asOf);
  const out: number[] = [];
  for (let i = months - 1; i >= 0; i--) out.push(i === 0 ? asOf : Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i + 1, 1) - 1);
  return out;
}

/** 'YYYY-MM' of a moment, in UTC. */
export function monthKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The score at the end of each of the last `months` calendar months (UTC), oldest first; the last point is asOf itself. */
export function scoreHistory(stories: readonly ScoringStory[], asOf: number, period: Period = defaultPeriod, months = 18): HistoryPoint[] {
  const points: HistoryPoint[] = [];
  for (const at of historyMoments(asOf, months)) {
    const s = computeScore(stories, at, period, { detail: 'score' });
    points.push({ month: monthKey(at), at, stories: s.counts.stories, score: s.score, band: s.band, replyRate: s.replyRate });
  }
  return points;
}
