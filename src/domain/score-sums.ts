// The same figures as computeScore(), kept as sums so that they need not be recomputed from every
// story. Pure. Method and rules are those of scoring.ts; only the arithmetic is arranged
// differently:
//
// - A story's age weight 2^(−(asOf − published)/half-life) factors into
//   2^((published − EPOCH)/half-life) · 2^((EPOCH − asOf)/half-life): the first factor belongs to
//   the story and never changes, the second is common to every story at one moment. So a group
//   of stories keeps Σ 2^((published − EPOCH)/h)·x and the moment multiplies it in at the end.
//   (Float range: the factor stays inside 2^±1000 for 500 years either side of EPOCH.)
// - Stories are grouped by company and UTC day of publication ("day buckets"). A bucket holds its
//   sums as they stand at the moment it was computed, valid as long as none of its stories'
//   moments (publication, first reply, reply deadline, verdict) falls between that moment and the
//   one asked for; for the month ends of the history before its last moment it keeps the few
//   fields a history point needs as they stood at each month end.
// - A window is the buckets of the days it covers fully plus, story by story, the part of the
//   day it starts in. Quantiles come from the values the buckets list (exact order statistics,
//   no approximation).
//
// Sums add the same numbers as computeScore() in a different grouping, so figures agree with
// it up to floating-point rounding (about 1e-15 relative); the rounded score agrees except for
// a raw score within that distance of an exact half.
import {
  HALF_LIFE_DAYS,
  PRIORS,
  bandFor,
  components,
  defaultPeriod,
  historyMoments,
  monthKey,
  periods,
  posteriorEstimate,
  quantile,
  replySpeed,
  scoreOf,
  windowStart,
  type ChannelFigure,
  type CompanyScore,
  type ComponentName,
  type Estimate,
  type HistoryPoint,
  type Period,
  type ScoreCounts,
  type ScoringStory,
} from './scoring.ts';

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Weights are kept relative to this moment (1 January 2026, UTC). */
export const SUMS_EPOCH = Date.UTC(2026, 0, 1);

/** Positions in a sums array. The first HISTORY_FIELDS are all a history point needs. */
export const S = {
  stories: 0,
  eligible: 1,
  replied: 2,
  /** Σ W·x of each component (replyRate, replySpeed, resolution, wouldBuyAgain): 3…6 */
  x: 3,
  /** Σ W of each component: 7…10 */
  w: 7,
  timedReplies: 11,
  overdue: 12,
  waiting: 13,
  verdicts: 14,
  resolved: 15,
  wouldBuyAgainAnswers: 16,
  wouldBuyAgain: 17,
  ratings: 18,
  ratingSum: 19,
} as const;
export const SUM_FIELDS = 20;
export const HISTORY_FIELDS = 11;

/** Channel codes in the bucket encoding (the values story_channels allows). */
export const CHANNELS = ['phone_tollfree', 'phone_paid', 'email', 'chat', 'web_form', 'social', 'store', 'letter'] as const;
const channelCode = new Map<string, number>(CHANNELS.map((c, i) => [c, i]));

export interface ChannelSums {
  stories: number;
  answered: number;
  waits: number[];
}

/** Values behind the quantiles, in story order. */
export interface SumLists {
  replyHours: number[];
  resolutionHours: number[];
  /** By channel code. */
  channels: Map<number, ChannelSums>;
}

export function newSums(fields = SUM_FIELDS): Float64Array {
  return new Float64Array(fields);
}

export function newLists(): SumLists {
  return { replyHours: [], resolutionHours: [], channels: new Map() };
}

/** The story's own factor of its age weight. */
export function epochWeight(publishedAt: number): number {
  return Math.pow(2, (publishedAt - SUMS_EPOCH) / DAY_MS / HALF_LIFE_DAYS);
}

/** The moment's factor: epochWeight(p) · momentWeight(t) = 2^(−(t − p)/half-life). */
export function momentWeight(asOf: number): number {
  return Math.pow(2, (SUMS_EPOCH - asOf) / DAY_MS / HALF_LIFE_DAYS);
}

const RR = 0;
const SPEED = 1;
const RES = 2;
const WBA = 3;

/**
 * Adds one story as it stood at `asOf` (the body of computeScore's loop). The caller has checked
 * that the story is published by asOf and inside the window. `fields` = HISTORY_FIELDS skips the
 * rest (and lists must then be null).
 */
export function addStoryAt(sums: Float64Array, lists: SumLists | null, s: ScoringStory, asOf: number, fields = SUM_FIELDS): void {
  const full = fields === SUM_FIELDS;
  const W = epochWeight(s.publishedAt);
  sums[S.stories]!++;
  const repliedAt = s.replied ? (s.firstReplyHours === null ? s.publishedAt : s.publishedAt + s.firstReplyHours * HOUR_MS) : null;
  if (repliedAt !== null && repliedAt <= asOf) {
    sums[S.eligible]!++;
    sums[S.replied]!++;
    sums[S.x + RR]! += W;
    sums[S.w + RR]! += W;
    if (s.firstReplyHours !== null) {
      if (full) sums[S.timedReplies]!++;
      if (lists) lists.replyHours.push(s.firstReplyHours);
      sums[S.x + SPEED]! += W * replySpeed(s.firstReplyHours);
      sums[S.w + SPEED]! += W;
    }
  } else if (s.replyDueAt <= asOf) {
    sums[S.eligible]!++;
    if (full) sums[S.overdue]!++;
    sums[S.w + RR]! += W;
  } else if (full) {
    sums[S.waiting]!++;
  }
  const v = s.verdict;
  if (v !== null && (v.at ?? s.publishedAt) <= asOf) {
    if (v.resolved) sums[S.x + RES]! += W;
    sums[S.w + RES]! += W;
    if (v.wouldBuyAgain !== null) {
      if (v.wouldBuyAgain) sums[S.x + WBA]! += W;
      sums[S.w + WBA]! += W;
    }
    if (full) {
      sums[S.verdicts]!++;
      if (v.resolved) sums[S.resolved]!++;
      if (v.wouldBuyAgain !== null) {
        sums[S.wouldBuyAgainAnswers]!++;
        if (v.wouldBuyAgain) sums[S.wouldBuyAgain]!++;
      }
      if (v.rating !== null) {
        sums[S.ratings]!++;
        sums[S.ratingSum]! += v.rating;
      }
    }
    if (lists && v.at !== null && s.firstReplyHours !== null) lists.resolutionHours.push(Math.max(0, v.at - s.publishedAt) / HOUR_MS);
  }
  if (lists) {
    for (const c of s.channels) {
      const code = channelCode.get(c.channel);
      if (code === undefined) throw new Error(`unknown channel ${c.channel}`);
      let e = lists.channels.get(code);
      if (!e) lists.channels.set(code, (e = { stories: 0, answered: 0, waits: [] }));
      e.stories++;
      if (c.answered) e.answered++;
      if (c.waitMinutes !== null) e.waits.push(c.waitMinutes);
    }
  }
}

/** The moments at which the story's contribution changes (publication, reply or deadline, verdict). */
export function storyMoments(s: ScoringStory): number[] {
  const out = [s.publishedAt];
  const repliedAt = s.replied ? (s.firstReplyHours === null ? s.publishedAt : s.publishedAt + s.firstReplyHours * HOUR_MS) : null;
  if (repliedAt !== null) out.push(repliedAt);
  if (repliedAt === null || repliedAt > s.replyDueAt) out.push(s.replyDueAt);
  if (s.verdict !== null) out.push(s.verdict.at ?? s.publishedAt);
  return out;
}

export function addSums(into: Float64Array, from: Float64Array, fields: number): void {
  for (let k = 0; k < fields; k++) into[k]! += from[k]!;
}

export function addLists(into: SumLists, from: SumLists): void {
  for (const h of from.replyHours) into.replyHours.push(h);
  for (const h of from.resolutionHours) into.resolutionHours.push(h);
  for (const [code, c] of from.channels) {
    let e = into.channels.get(code);
    if (!e) into.channels.set(code, (e = { stories: 0, answered: 0, waits: [] }));
    e.stories += c.stories;
    e.answered += c.answered;
    for (const w of c.waits) e.waits.push(w);
  }
}

// --- day buckets -----------------------------------------------------------------------------------

export interface DayBucket {
  day: number;
  /** The sums hold for every moment in [validFrom, validUntil). */
  validFrom: number;
  validUntil: number;
  sums: Float64Array;
  /** History fields at month ends before validFrom (ascending). */
  monthEnds: { at: number; sums: Float64Array }[];
  lists: SumLists;
}

/** The last moment of each UTC month from the month of `from` while it is before `until`. */
export function monthEndsBetween(from: number, until: number): number[] {
  const d = new Date(from);
  const out: number[] = [];
  for (let m = d.getUTCMonth() + 1, y = d.getUTCFullYear(); ; m++) {
    const end = Date.UTC(y, m, 1) - 1;
    if (end >= until) break;
    if (end >= from) out.push(end);
  }
  return out;
}

/** Month ends older than this many months before the computation are never asked for (history covers 18). */
const KEPT_MONTHS = 20;

/**
 * One company's stories of one UTC day (in published_at, id order) as they stand at `asOf`.
 * Null when the day holds no story.
 */
export function buildDayBucket(day: number, stories: readonly ScoringStory[], asOf: number): DayBucket | null {
  if (stories.length === 0) return null;
  const sums = newSums();
  const lists = newLists();
  let validFrom = -Infinity;
  let validUntil = Infinity;
  for (const s of stories) {
    for (const t of storyMoments(s)) {
      if (t <= asOf) validFrom = Math.max(validFrom, t);
      else validUntil = Math.min(validUntil, t);
    }
    if (s.publishedAt <= asOf) addStoryAt(sums, lists, s, asOf);
  }
  const monthEnds: DayBucket['monthEnds'] = [];
  const oldest = new Date(asOf);
  const keepFrom = Math.max(day * DAY_MS, Date.UTC(oldest.getUTCFullYear(), oldest.getUTCMonth() - KEPT_MONTHS, 1));
  for (const at of monthEndsBetween(keepFrom, validFrom)) {
    const h = newSums(HISTORY_FIELDS);
    for (const s of stories) if (s.publishedAt <= at) addStoryAt(h, null, s, at, HISTORY_FIELDS);
    monthEnds.push({ at, sums: h });
  }
  return { day, validFrom, validUntil, sums, monthEnds, lists };
}

/** Whether the bucket's main sums hold at `asOf`. */
export function bucketHoldsAt(b: DayBucket, asOf: number): boolean {
  return b.validFrom <= asOf && asOf < b.validUntil;
}

/** The history fields of a bucket at a month end (or at any moment its main sums hold). */
export function bucketHistorySumsAt(b: DayBucket, at: number): Float64Array {
  if (bucketHoldsAt(b, at)) return b.sums;
  for (const m of b.monthEnds) if (m.at === at) return m.sums;
  throw new Error(`day bucket ${b.day} has no figures for ${at}`);
}

// Encoding: one Float64Array. [nMonthEnds, nReply, nResolution, nChannels, sums…(20),
// (at, history sums…(11))×nMonthEnds, reply hours…, resolution hours…, (code, stories, answered, nWaits, waits…)×nChannels]
export function encodeDayBucket(b: DayBucket): Float64Array {
  let size = 4 + SUM_FIELDS + b.monthEnds.length * (1 + HISTORY_FIELDS) + b.lists.replyHours.length + b.lists.resolutionHours.length;
  for (const c of b.lists.channels.values()) size += 4 + c.waits.length;
  const out = new Float64Array(size);
  out[0] = b.monthEnds.length;
  out[1] = b.lists.replyHours.length;
  out[2] = b.lists.resolutionHours.length;
  out[3] = b.lists.channels.size;
  let k = 4;
  out.set(b.sums, k);
  k += SUM_FIELDS;
  for (const m of b.monthEnds) {
    out[k++] = m.at;
    out.set(m.sums, k);
    k += HISTORY_FIELDS;
  }
  out.set(b.lists.replyHours, k);
  k += b.lists.replyHours.length;
  out.set(b.lists.resolutionHours, k);
  k += b.lists.resolutionHours.length;
  for (const [code, c] of [...b.lists.channels].sort((a, z) => a[0] - z[0])) {
    out[k++] = code;
    out[k++] = c.stories;
    out[k++] = c.answered;
    out[k++] = c.waits.length;
    out.set(c.waits, k);
    k += c.waits.length;
  }
  return out;
}

export function decodeDayBucket(day: number, validFrom: number, validUntil: number, data: Float64Array): DayBucket {
  const nMonth = data[0]!;
  const nReply = data[1]!;
  const nRes = data[2]!;
  const nCh = data[3]!;
  let k = 4;
  const sums = data.subarray(k, k + SUM_FIELDS);
  k += SUM_FIELDS;
  const monthEnds: DayBucket['monthEnds'] = [];
  for (let i = 0; i < nMonth; i++) {
    monthEnds.push({ at: data[k]!, sums: data.subarray(k + 1, k + 1 + HISTORY_FIELDS) });
    k += 1 + HISTORY_FIELDS;
  }
  const replyHours = Array.from(data.subarray(k, k + nReply));
  k += nReply;
  const resolutionHours = Array.from(data.subarray(k, k + nRes));
  k += nRes;
  const channels = new Map<number, ChannelSums>();
  for (let i = 0; i < nCh; i++) {
    const code = data[k]!;
    const n = data[k + 3]!;
    channels.set(code, { stories: data[k + 1]!, answered: data[k + 2]!, waits: Array.from(data.subarray(k + 4, k + 4 + n)) });
    k += 4 + n;
  }
  return { day, validFrom, validUntil, sums, monthEnds, lists: { replyHours, resolutionHours, channels } };
}

// --- figures from sums ---------------------------------------------------------------------------------

/** k-th smallest (0-based) of values; reorders `values`. */
function select(values: number[], k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (hi > lo) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k]!;
  }
  return values[k]!;
}

/** quantile() of scoring.ts without sorting: the same two order statistics, the same interpolation. Reorders `values`. */
export function selectQuantile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const h = (values.length - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const a = select(values, lo);
  let b = a;
  if (hi !== lo) {
    // After select, everything above position lo is ≥ a: the next order statistic is their minimum.
    b = Infinity;
    for (let i = lo + 1; i < values.length; i++) if (values[i]! < b) b = values[i]!;
  }
  return quantile([a, b], h - lo);
}

function estimates(sums: Float64Array, asOf: number): Record<ComponentName, Estimate> {
  const f = momentWeight(asOf);
  const n: Record<ComponentName, number> = {
    replyRate: sums[S.eligible]!,
    replySpeed: sums[S.timedReplies] ?? 0,
    resolution: sums[S.verdicts] ?? 0,
    wouldBuyAgain: sums[S.wouldBuyAgainAnswers] ?? 0,
  };
  const est = {} as Record<ComponentName, Estimate>;
  components.forEach((name, i) => {
    const x = f * sums[S.x + i]!;
    const w = f * sums[S.w + i]!;
    est[name] = posteriorEstimate(PRIORS[name].alpha + x, PRIORS[name].beta + Math.max(0, w - x), n[name], w);
  });
  return est;
}

function ratio(num: number, den: number): number | null {
  return den === 0 ? null : num / den;
}

/** computeScore()'s result from a window's sums and lists (which it reorders). */
export function scoreFromSums(sums: Float64Array, lists: SumLists, asOf: number, period: Period, windowStart: number | null): CompanyScore {
  const counts: ScoreCounts = {
    stories: sums[S.stories]!,
    eligible: sums[S.eligible]!,
    replied: sums[S.replied]!,
    timedReplies: sums[S.timedReplies]!,
    overdue: sums[S.overdue]!,
    waiting: sums[S.waiting]!,
    verdicts: sums[S.verdicts]!,
    resolved: sums[S.resolved]!,
    wouldBuyAgainAnswers: sums[S.wouldBuyAgainAnswers]!,
    wouldBuyAgain: sums[S.wouldBuyAgain]!,
    ratings: sums[S.ratings]!,
  };
  const est = estimates(sums, asOf);
  const { score, scoreLow, scoreHigh } = scoreOf(est, counts.stories);
  const channels: ChannelFigure[] = [...lists.channels.entries()]
    .map(([code, e]) => ({ channel: CHANNELS[code]!, stories: e.stories, answered: e.answered, medianWaitMinutes: selectQuantile(e.waits, 0.5), waits: e.waits.length }))
    .sort((a, b) => b.stories - a.stories || a.channel.localeCompare(b.channel));
  return {
    period,
    asOf,
    windowStart,
    counts,
    replyRate: ratio(counts.replied, counts.eligible),
    medianFirstReplyHours: selectQuantile(lists.replyHours, 0.5),
    p90FirstReplyHours: selectQuantile(lists.replyHours, 0.9),
    resolutionRate: ratio(counts.resolved, counts.verdicts),
    wouldBuyAgainRate: ratio(counts.wouldBuyAgain, counts.wouldBuyAgainAnswers),
    meanRating: counts.ratings === 0 ? null : sums[S.ratingSum]! / counts.ratings,
    medianResolutionHours: selectQuantile(lists.resolutionHours, 0.5),
    components: est,
    score,
    scoreLow,
    scoreHigh,
    band: bandFor(score, counts.stories),
    channels,
  };
}

/** A history point's figures from history sums. */
export function historyScoreFromSums(sums: Float64Array, asOf: number): { stories: number; score: number | null; band: CompanyScore['band']; replyRate: number | null } {
  const stories = sums[S.stories]!;
  const { score } = scoreOf(estimates(sums, asOf), stories);
  return { stories, score, band: bandFor(score, stories), replyRate: ratio(sums[S.replied]!, sums[S.eligible]!) };
}

// --- one company's figures from its day buckets ------------------------------------------------------

export interface IdentifiedStory {
  id: number;
  story: ScoringStory;
}

/** The part of a window's first day that lies inside it: [start, end of that UTC day]. */
export function edgeRange(start: number): [number, number] {
  return [start, Math.floor(start / DAY_MS) * DAY_MS + DAY_MS - 1];
}

/**
 * Every range of publication moments whose stories figuresFromBuckets() reads one by one: the
 * partial first day of each rolling window at `asOf` and of each history point.
 */
export function edgeRanges(asOf: number, months = 18): [number, number][] {
  const starts: number[] = [];
  for (const p of ['6m', '12m'] as const) starts.push(windowStart(p, asOf)!);
  for (const at of historyMoments(asOf, months).slice(0, -1)) starts.push(windowStart('12m', at)!);
  return starts.map(edgeRange);
}

export interface CompanyFigures {
  windows: Record<Period, CompanyScore>;
  history: HistoryPoint[];
}

/**
 * One company's figures at `asOf` — the same as computeScore() for each window and
 * scoreHistory() for the default one — from its day buckets (ascending by day, each holding at
 * asOf) and the stories of the edge ranges (any superset of edgeRanges(), no duplicates).
 */
export function figuresFromBuckets(buckets: readonly DayBucket[], edgeStories: readonly IdentifiedStory[], asOf: number, months = 18): CompanyFigures {
  const edges = [...edgeStories].sort((a, b) => a.story.publishedAt - b.story.publishedAt || a.id - b.id);
  const windowAt = (at: number, period: Period, fields: number): { sums: Float64Array; lists: SumLists | null; start: number | null } => {
    const start = windowStart(period, at);
    const sums = newSums(fields);
    const lists = fields === SUM_FIELDS ? newLists() : null;
    let firstDay = -Infinity;
    if (start !== null) {
      const [from, to] = edgeRange(start);
      firstDay = Math.floor(start / DAY_MS);
      for (const e of edges) {
        const p = e.story.publishedAt;
        if (p >= from && p <= to && p <= at) addStoryAt(sums, lists, e.story, at, fields);
      }
    }
    const lastDay = Math.floor(at / DAY_MS);
    for (const b of buckets) {
      if (b.day <= firstDay) continue;
      if (b.day > lastDay) break;
      if (lists) {
        if (!bucketHoldsAt(b, at)) throw new Error(`day bucket ${b.day} does not hold at ${at}`);
        addSums(sums, b.sums, fields);
        addLists(lists, b.lists);
      } else {
        addSums(sums, bucketHistorySumsAt(b, at), fields);
      }
    }
    return { sums, lists, start };
  };

  const windows = {} as Record<Period, CompanyScore>;
  for (const period of periods) {
    const w = windowAt(asOf, period, SUM_FIELDS);
    windows[period] = scoreFromSums(w.sums, w.lists!, asOf, period, w.start);
  }
  const history: HistoryPoint[] = [];
  for (const at of historyMoments(asOf, months)) {
    if (at === asOf) {
      const s = windows[defaultPeriod];
      history.push({ month: monthKey(at), at, stories: s.counts.stories, score: s.score, band: s.band, replyRate: s.replyRate });
    } else {
      const h = historyScoreFromSums(windowAt(at, defaultPeriod, HISTORY_FIELDS).sums, at);
      history.push({ month: monthKey(at), at, ...h });
    }
  }
  return { windows, history };
}
