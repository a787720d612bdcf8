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
  CLOSED_NO_VERDICT_RESOLUTION,
  HALF_LIFE_DAYS,
  PRIORS,
  RULES_VERSION,
  SILENCE_DAYS,
  bandCappedFor,
  bandFor,
  components,
  isImportedOnly,
  silenceAt,
  unansweredHours,
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
import { CHANNELS, assertCodesFit } from './vocabulary.ts';

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Weights are kept relative to this moment (1 January 2026, UTC). */
export const SUMS_EPOCH = Date.UTC(2026, 0, 1);

/** Positions in a sums array. The first HISTORY_FIELDS are all a history point needs. */
export const S = {
  stories: 0,
  eligible: 1,
  replied: 2,
  verdicts: 3,
  imported: 4,
  /** Σ W·x of each component (replyRate, replySpeed, resolution, wouldBuyAgain): 5…8 */
  x: 5,
  /** Σ W of each component: 9…12 */
  w: 9,
  timedReplies: 13,
  speedObservations: 14,
  resolved: 15,
  wouldBuyAgainAnswers: 16,
  wouldBuyAgain: 17,
  ratings: 18,
  ratingSum: 19,
  silent: 20,
  closedNoVerdict: 21,
  withdrawn: 22,
  /** Not stored (eligible − replied and stories − eligible): */
  overdue: 23,
  waiting: 24,
} as const;
export const SUM_FIELDS = 25;
/** The fields a day stores. */
export const STORED_FIELDS = 23;
export const HISTORY_FIELDS = 13;

/** Channel codes in the bucket encoding: a channel's index in the vocabulary. */
export { CHANNELS };
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
  /** By channel code (stories 0 = the channel was not tried). */
  channels: ChannelSums[];
}

export function newSums(fields = SUM_FIELDS): Float64Array {
  return allocate(fields);
}

export function newLists(): SumLists {
  return { replyHours: [], resolutionHours: [], channels: CHANNELS.map(() => ({ stories: 0, answered: 0, waits: [] })) };
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
  if (s.withdrawn) {
    if (full) sums[S.withdrawn]!++;
    if (!s.replied) return;
  }
  const W = epochWeight(s.publishedAt);
  const imported = s.imported === true;
  sums[S.stories]!++;
  if (imported) sums[S.imported]!++;
  const repliedAt = s.replied ? (s.firstReplyHours === null ? s.publishedAt : s.publishedAt + s.firstReplyHours * HOUR_MS) : null;
  if (repliedAt !== null && repliedAt <= asOf) {
    sums[S.eligible]!++;
    sums[S.replied]!++;
    sums[S.x + RR]! += W;
    sums[S.w + RR]! += W;
    if (s.firstReplyHours !== null) {
      if (full) {
        sums[S.timedReplies]!++;
        sums[S.speedObservations]!++;
      }
      if (lists) lists.replyHours.push(s.firstReplyHours);
      sums[S.x + SPEED]! += W * replySpeed(s.firstReplyHours);
      sums[S.w + SPEED]! += W;
    }
  } else if (s.replyDueAt <= asOf) {
    sums[S.eligible]!++;
    if (full) sums[S.overdue]!++;
    sums[S.w + RR]! += W;
    if (!imported) {
      const h = unansweredHours(s.publishedAt, asOf);
      if (full) sums[S.speedObservations]!++;
      if (lists) lists.replyHours.push(h);
      sums[S.x + SPEED]! += W * replySpeed(h);
      sums[S.w + SPEED]! += W;
    }
  } else if (full) {
    sums[S.waiting]!++;
  }
  const v = s.verdict;
  if (v !== null && (v.at ?? s.publishedAt) <= asOf) {
    sums[S.verdicts]!++;
    if (v.resolved) sums[S.x + RES]! += W;
    sums[S.w + RES]! += W;
    if (v.wouldBuyAgain !== null) {
      if (v.wouldBuyAgain) sums[S.x + WBA]! += W;
      sums[S.w + WBA]! += W;
    }
    if (full) {
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
  } else if (!imported && silenceAt(s.publishedAt) <= asOf && (repliedAt === null || repliedAt >= silenceAt(s.publishedAt))) {
    if (full) sums[S.silent]!++;
    sums[S.w + RES]! += W;
    sums[S.w + WBA]! += W;
  } else if (s.closedAt != null && s.closedAt <= asOf) {
    if (full) sums[S.closedNoVerdict]!++;
    sums[S.x + RES]! += W * CLOSED_NO_VERDICT_RESOLUTION;
    sums[S.w + RES]! += W;
  }
  if (lists) {
    for (const c of s.channels) {
      const code = channelCode.get(c.channel);
      if (code === undefined) throw new Error(`unknown channel ${c.channel}`);
      const e = lists.channels[code]!;
      e.stories++;
      if (c.answered) e.answered++;
      if (c.answered && c.waitMinutes !== null) e.waits.push(c.waitMinutes);
    }
  }
}

/**
 * The moments at which the story's contribution changes: publication, reply or deadline, each
 * day tick while it waits past its deadline for a first reply (its age counts in whole days, up
 * to 30), the silence limit, the closing without a verdict, the verdict.
 */
export function storyMoments(s: ScoringStory): number[] {
  const out = [s.publishedAt];
  const repliedAt = s.replied ? (s.firstReplyHours === null ? s.publishedAt : s.publishedAt + s.firstReplyHours * HOUR_MS) : null;
  if (repliedAt !== null) out.push(repliedAt);
  if (repliedAt === null || repliedAt > s.replyDueAt) {
    out.push(s.replyDueAt);
    if (s.imported !== true) {
      for (let k = 1; k <= SILENCE_DAYS; k++) {
        const tick = s.publishedAt + k * DAY_MS;
        if (tick > s.replyDueAt && (repliedAt === null || tick < repliedAt)) out.push(tick);
      }
    }
  }
  if (s.closedAt != null) out.push(s.closedAt);
  if (s.verdict !== null) out.push(s.verdict.at ?? s.publishedAt);
  return out;
}

export function addSums(into: Float64Array, from: Float64Array, fields: number, offset = 0): void {
  for (let k = 0; k < fields; k++) into[k]! += from[offset + k]!;
}

/** A window's quantile values (the arrays are the window's own: quantiles reorder them). */
export interface WindowLists {
  replyHours: Float64Array;
  resolutionHours: Float64Array;
  channels: Map<number, { stories: number; answered: number; waits: Float64Array }>;
}

// --- day buckets -----------------------------------------------------------------------------------

/**
 * One company's stories of one UTC day, summed. Everything lives in `data` (also the stored
 * form): [head, sums…(18), (at, history sums…(11))×months, reply hours…, resolution hours…,
 * (channel entry, waits…)×channels] — head and channel entries pack small counts (below).
 */
export interface DayBucket {
  day: number;
  /** The sums hold for every moment in [validFrom, validUntil). */
  validFrom: number;
  validUntil: number;
  data: Float64Array;
}

// Small counts are packed into one float (exact below 2^53) to keep stored days small:
// head = months + 2^8·channels + 2^16·replies + 2^32·resolutions; a channel entry =
// code + 2^3·waits + 2^19·stories + 2^35·answered. A channel code has 3 bits: more than 8
// channels need a wider entry and a new DAY_BUCKET_FORMAT (checked when this module loads).
const CHANNEL_CODE_BITS = 3;
const CHANNEL_CODES = 2 ** CHANNEL_CODE_BITS;
const CH_STORIES = CHANNEL_CODES * 65536; // 2^19
const CH_ANSWERED = CH_STORIES * 65536; // 2^35
assertCodesFit('stored statistics channel code', CHANNELS.length, CHANNEL_CODE_BITS);
assertCodesFit('stored statistics channel count', CHANNELS.length, 8); // nChannels: 8 bits of the head
/**
 * Format of a day's `data` and of the stored block around it (src/db/stats.repository.ts writes
 * it first in every block). Bump it whenever either layout changes: blocks of another format are
 * recomputed from their stories instead of misread. 1 = the first layout, stored without the word;
 * 2 = the same layout with the word; 3 = score rules v2 (23 fields a day: overdue and closed
 * stories, withdrawals, imported counts).
 */
export const DAY_BUCKET_FORMAT = 3;
const HEAD = 1;
const MONTH_END_SIZE = 1 + HISTORY_FIELDS;
const MONTH_ENDS_AT = HEAD + STORED_FIELDS;
const nMonths = (d: Float64Array) => d[0]! % 256;
const nChannels = (d: Float64Array) => Math.floor(d[0]! / 256) % 256;
const nReplies = (d: Float64Array) => Math.floor(d[0]! / 65536) % 65536;
const nResolutions = (d: Float64Array) => Math.floor(d[0]! / 4294967296);
const replyAt = (d: Float64Array) => MONTH_ENDS_AT + nMonths(d) * MONTH_END_SIZE;
const resolutionAt = (d: Float64Array) => replyAt(d) + nReplies(d);
const channelsAt = (d: Float64Array) => resolutionAt(d) + nResolutions(d);
const chCode = (p: number) => p % CHANNEL_CODES;
const chWaits = (p: number) => Math.floor(p / CHANNEL_CODES) % 65536;
const chStoriesOf = (p: number) => Math.floor(p / CH_STORIES) % 65536;
const chAnsweredOf = (p: number) => Math.floor(p / CH_ANSWERED);
const LIMIT = 65536;

export function bucketStories(b: DayBucket): number {
  return b.data.length === 0 ? 0 : b.data[HEAD + S.stories]!;
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

let keptFor = Number.NaN;
let keptFrom = 0;
function keptMonthsFrom(asOf: number): number {
  if (asOf !== keptFor) {
    const d = new Date(asOf);
    keptFrom = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - KEPT_MONTHS, 1);
    keptFor = asOf;
  }
  return keptFrom;
}

// Day data is carved out of shared arenas: one ArrayBuffer per day made a full rebuild spend
// most of its time allocating and collecting buffers.
const ARENA = 1 << 18;
let arena = new Float64Array(ARENA);
let arenaUsed = 0;
function allocate(size: number): Float64Array {
  if (size > ARENA / 4) return new Float64Array(size);
  if (arenaUsed + size > ARENA) {
    arena = new Float64Array(ARENA);
    arenaUsed = 0;
  }
  const out = arena.subarray(arenaUsed, arenaUsed + size);
  arenaUsed += size;
  return out;
}

// Scratch space for building one bucket at a time.
const scratchSums = newSums();
const scratchHistory = newSums(HISTORY_FIELDS);
const scratchLists = newLists();

/**
 * One company's stories of one UTC day (in published_at, id order) as they stand at `asOf`.
 * Null when the day holds no story.
 */
export function buildDayBucket(day: number, stories: readonly ScoringStory[], asOf: number): DayBucket | null {
  if (stories.length === 0) return null;
  const sums = scratchSums.fill(0);
  const lists = scratchLists;
  lists.replyHours.length = 0;
  lists.resolutionHours.length = 0;
  for (const c of lists.channels) {
    c.stories = 0;
    c.answered = 0;
    c.waits.length = 0;
  }
  let validFrom = -Infinity;
  let validUntil = Infinity;
  const moment = (t: number) => {
    if (t <= asOf) {
      if (t > validFrom) validFrom = t;
    } else if (t < validUntil) validUntil = t;
  };
  for (const s of stories) {
    // storyMoments(s), without the array.
    moment(s.publishedAt);
    const repliedAt = s.replied ? (s.firstReplyHours === null ? s.publishedAt : s.publishedAt + s.firstReplyHours * HOUR_MS) : null;
    if (repliedAt !== null) moment(repliedAt);
    if (repliedAt === null || repliedAt > s.replyDueAt) {
      moment(s.replyDueAt);
      if (s.imported !== true) {
        // The day ticks of storyMoments(): only the two around asOf can bound the validity.
        // The last tick by asOf (the silence limit once past it) and the next one; a tick at or
        // after the reply never matters (the reply itself is a later moment).
        const k = Math.floor((asOf - s.publishedAt) / DAY_MS);
        const last = Math.min(k, SILENCE_DAYS);
        if (last >= 1) {
          const tick = s.publishedAt + last * DAY_MS;
          if (tick > s.replyDueAt && (repliedAt === null || tick < repliedAt)) moment(tick);
        }
        if (k + 1 >= 1 && k + 1 <= SILENCE_DAYS) {
          const tick = s.publishedAt + (k + 1) * DAY_MS;
          if (tick > s.replyDueAt && (repliedAt === null || tick < repliedAt)) moment(tick);
        }
      }
    }
    if (s.closedAt != null) moment(s.closedAt);
    if (s.verdict !== null) moment(s.verdict.at ?? s.publishedAt);
    if (s.publishedAt <= asOf) addStoryAt(sums, lists, s, asOf);
  }
  const ends = validFrom > day * DAY_MS ? monthEndsBetween(Math.max(day * DAY_MS, keptMonthsFrom(asOf)), validFrom) : [];
  let channelCount = 0;
  let size = HEAD + STORED_FIELDS + ends.length * MONTH_END_SIZE + lists.replyHours.length + lists.resolutionHours.length;
  for (const c of lists.channels) {
    if (c.stories === 0) continue;
    channelCount++;
    size += 1 + c.waits.length;
  }
  if (stories.length >= LIMIT || ends.length >= 256) throw new Error(`day ${day} is too large to store (${stories.length} stories)`);
  const data = allocate(size);
  data[0] = ends.length + 256 * channelCount + 65536 * lists.replyHours.length + 4294967296 * lists.resolutionHours.length;
  let k = HEAD;
  for (let f = 0; f < STORED_FIELDS; f++) data[k + f] = sums[f]!;
  k += STORED_FIELDS;
  for (const at of ends) {
    const h = scratchHistory.fill(0);
    for (const s of stories) if (s.publishedAt <= at) addStoryAt(h, null, s, at, HISTORY_FIELDS);
    data[k] = at;
    data.set(h, k + 1);
    k += MONTH_END_SIZE;
  }
  for (const v of lists.replyHours) data[k++] = v;
  for (const v of lists.resolutionHours) data[k++] = v;
  for (let code = 0; code < CHANNELS.length; code++) {
    const c = lists.channels[code]!;
    if (c.stories === 0) continue;
    data[k++] = code + CHANNEL_CODES * c.waits.length + CH_STORIES * c.stories + CH_ANSWERED * c.answered;
    for (const v of c.waits) data[k++] = v;
  }
  return { day, validFrom, validUntil, data };
}

/** Whether the bucket's main sums hold at `asOf`. */
export function bucketHoldsAt(b: DayBucket, asOf: number): boolean {
  return b.validFrom <= asOf && asOf < b.validUntil;
}

/** Where the bucket's history fields at a month end start in its data (or its main sums when they hold then). */
export function bucketHistoryOffset(b: DayBucket, at: number): number {
  if (bucketHoldsAt(b, at)) return HEAD;
  const d = b.data;
  for (let i = 0, k = MONTH_ENDS_AT, n = nMonths(d); i < n; i++, k += MONTH_END_SIZE) if (d[k] === at) return k + 1;
  throw new Error(`day bucket ${b.day} has no figures for ${at}`);
}

// --- figures from sums ---------------------------------------------------------------------------------

/** k-th smallest (0-based) of values; reorders `values`. */
function select(values: Float64Array, k: number): number {
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
export function selectQuantile(values: Float64Array, p: number): number | null {
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
    replySpeed: sums[S.speedObservations] ?? 0,
    resolution: sums[S.verdicts]! + (sums[S.silent] ?? 0) + (sums[S.closedNoVerdict] ?? 0),
    wouldBuyAgain: (sums[S.wouldBuyAgainAnswers] ?? 0) + (sums[S.silent] ?? 0),
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
export function scoreFromSums(sums: Float64Array, lists: WindowLists, asOf: number, period: Period, windowStart: number | null): CompanyScore {
  const counts: ScoreCounts = {
    stories: sums[S.stories]!,
    eligible: sums[S.eligible]!,
    replied: sums[S.replied]!,
    timedReplies: sums[S.timedReplies]!,
    speedObservations: sums[S.speedObservations]!,
    overdue: sums[S.eligible]! - sums[S.replied]!,
    waiting: sums[S.stories]! - sums[S.eligible]!,
    verdicts: sums[S.verdicts]!,
    resolved: sums[S.resolved]!,
    wouldBuyAgainAnswers: sums[S.wouldBuyAgainAnswers]!,
    wouldBuyAgain: sums[S.wouldBuyAgain]!,
    ratings: sums[S.ratings]!,
    silent: sums[S.silent]!,
    closedNoVerdict: sums[S.closedNoVerdict]!,
    imported: sums[S.imported]!,
    withdrawn: sums[S.withdrawn]!,
  };
  const est = estimates(sums, asOf);
  const importedOnly = isImportedOnly(counts.stories, counts.imported);
  const { raw, score, scoreLow, scoreHigh } = scoreOf(est, counts.eligible, importedOnly, counts.replied);
  const channels: ChannelFigure[] = [...lists.channels.entries()]
    .map(([code, e]) => ({ channel: CHANNELS[code]!, stories: e.stories, answered: e.answered, medianWaitMinutes: selectQuantile(e.waits, 0.5), waits: e.waits.length }))
    .sort((a, b) => b.stories - a.stories || a.channel.localeCompare(b.channel));
  return {
    rulesVersion: RULES_VERSION,
    period,
    asOf,
    windowStart,
    counts,
    replyRate: ratio(counts.replied, counts.eligible),
    medianFirstReplyHours: selectQuantile(lists.replyHours, 0.5),
    p90FirstReplyHours: selectQuantile(lists.replyHours, 0.9),
    resolutionRate: ratio(counts.resolved + CLOSED_NO_VERDICT_RESOLUTION * counts.closedNoVerdict, counts.verdicts + counts.silent + counts.closedNoVerdict),
    wouldBuyAgainRate: ratio(counts.wouldBuyAgain, counts.wouldBuyAgainAnswers + counts.silent),
    meanRating: counts.ratings === 0 ? null : sums[S.ratingSum]! / counts.ratings,
    medianResolutionHours: selectQuantile(lists.resolutionHours, 0.5),
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

/** A history point's figures from history sums. */
export function historyScoreFromSums(sums: Float64Array, asOf: number): { stories: number; score: number | null; band: CompanyScore['band']; replyRate: number | null } {
  const stories = sums[S.stories]!;
  const eligible = sums[S.eligible]!;
  const { raw, score } = scoreOf(estimates(sums, asOf), eligible, isImportedOnly(stories, sums[S.imported]!), sums[S.replied]!);
  return { stories, score, band: bandFor(raw, eligible, sums[S.verdicts]!), replyRate: ratio(sums[S.replied]!, eligible) };
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
  const key = `${asOf}:${months}`;
  let ranges = edgeRangesMemo.get(key);
  if (!ranges) {
    if (edgeRangesMemo.size > 100) edgeRangesMemo.clear();
    edgeRangesMemo.set(key, (ranges = computeEdgeRanges(asOf, months)));
  }
  return ranges;
}
const edgeRangesMemo = new Map<string, [number, number][]>();

/** The UTC days edgeRanges() fall in (each range lies inside one day). */
export function edgeDays(asOf: number, months = 18): Set<number> {
  return new Set(edgeRanges(asOf, months).map(([a]) => Math.floor(a / DAY_MS)));
}

function computeEdgeRanges(asOf: number, months: number): [number, number][] {
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
const monthKeys = new Map<number, string>();
function monthKeyOf(at: number): string {
  let k = monthKeys.get(at);
  if (k === undefined) {
    if (monthKeys.size > 1000) monthKeys.clear();
    monthKeys.set(at, (k = monthKey(at)));
  }
  return k;
}

export function figuresFromBuckets(buckets: readonly DayBucket[], edgeStories: readonly IdentifiedStory[], asOf: number, months = 18): CompanyFigures {
  const edges = [...edgeStories].sort((a, b) => a.story.publishedAt - b.story.publishedAt || a.id - b.id);
  // The quantile values of the days, concatenated in day order, with each day's offset: a
  // window's values are the edge stories' values plus one slice.
  const n = buckets.length;
  const NC = CHANNELS.length;
  const replyOff = allocate(n + 1);
  const resOff = allocate(n + 1);
  // Per channel c, running totals over days (day i's at c·(n+1) + i): stories, answered, and
  // the offset of its waits inside the channel's region of waitAll.
  const chStories = allocate(NC * (n + 1));
  const chAnswered = allocate(NC * (n + 1));
  const waitOff = allocate(NC * (n + 1));
  for (let i = 0; i < n; i++) {
    const d = buckets[i]!.data;
    for (let c = 0, at = i; c < NC; c++, at += n + 1) {
      chStories[at + 1] = chStories[at]!;
      chAnswered[at + 1] = chAnswered[at]!;
      waitOff[at + 1] = waitOff[at]!;
    }
    if (d.length === 0) {
      replyOff[i + 1] = replyOff[i]!;
      resOff[i + 1] = resOff[i]!;
      continue;
    }
    replyOff[i + 1] = replyOff[i]! + nReplies(d);
    resOff[i + 1] = resOff[i]! + nResolutions(d);
    for (let j = 0, k = channelsAt(d), nc = nChannels(d); j < nc; j++) {
      const p = d[k]!;
      const nw = chWaits(p);
      const at = chCode(p) * (n + 1) + i + 1;
      chStories[at]! += chStoriesOf(p);
      chAnswered[at]! += chAnsweredOf(p);
      waitOff[at]! += nw;
      k += 1 + nw;
    }
  }
  const waitBase = allocate(NC + 1);
  for (let c = 0; c < NC; c++) waitBase[c + 1] = waitBase[c]! + waitOff[c * (n + 1) + n]!;
  const replyAll = allocate(replyOff[n]!);
  const resAll = allocate(resOff[n]!);
  const waitAll = allocate(waitBase[NC]!);
  for (let i = 0; i < n; i++) {
    const d = buckets[i]!.data;
    if (d.length === 0) continue;
    let k = replyAt(d);
    for (let j = replyOff[i]!; j < replyOff[i + 1]!; j++) replyAll[j] = d[k++]!;
    for (let j = resOff[i]!; j < resOff[i + 1]!; j++) resAll[j] = d[k++]!;
    for (let c = 0, nc = nChannels(d); c < nc; c++) {
      const p = d[k]!;
      const code = chCode(p);
      const nw = chWaits(p);
      const at = waitBase[code]! + waitOff[code * (n + 1) + i]!;
      for (let j = 0; j < nw; j++) waitAll[at + j] = d[k + 1 + j]!;
      k += 1 + nw;
    }
  }
  const joined = (edge: readonly number[], all: Float64Array, from: number, to: number): Float64Array => {
    const out = allocate(edge.length + to - from);
    out.set(edge, 0);
    out.set(all.subarray(from, to), edge.length);
    return out;
  };

  /** Index of the first day after `day`. */
  const firstAfter = (day: number): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (buckets[mid]!.day <= day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  let prefix: Float64Array | null = null;
  /** Running totals of the days' main history fields: day i's start at i·HISTORY_FIELDS. */
  const historyPrefix = (): Float64Array => {
    if (prefix) return prefix;
    prefix = allocate((n + 1) * HISTORY_FIELDS);
    for (let i = 0; i < n; i++) {
      const d = buckets[i]!.data;
      for (let k = 0; k < HISTORY_FIELDS; k++) prefix[(i + 1) * HISTORY_FIELDS + k] = prefix[i * HISTORY_FIELDS + k]! + (d.length === 0 ? 0 : d[HEAD + k]!);
    }
    return prefix;
  };

  const windowAt = (at: number, period: Period, fields: number): { sums: Float64Array; lists: WindowLists | null; start: number | null } => {
    const start = windowStart(period, at);
    const sums = newSums(fields);
    const full = fields === SUM_FIELDS;
    const edgeLists = full ? newLists() : null;
    let firstDay = -Infinity;
    if (start !== null) {
      const [from, to] = edgeRange(start);
      firstDay = Math.floor(start / DAY_MS);
      for (const e of edges) {
        const p = e.story.publishedAt;
        if (p >= from && p <= to && p <= at) addStoryAt(sums, edgeLists, e.story, at, fields);
      }
    }
    const i0 = firstAfter(firstDay);
    const i1 = firstAfter(Math.floor(at / DAY_MS));
    if (!full) {
      // History fields: the days' main sums by difference of running totals, then each day
      // whose main sums do not hold at this month end swapped for its month-end sums.
      const p = historyPrefix();
      for (let k = 0; k < HISTORY_FIELDS; k++) sums[k]! += p[i1 * HISTORY_FIELDS + k]! - p[i0 * HISTORY_FIELDS + k]!;
      for (let i = i0; i < i1; i++) {
        const b = buckets[i]!;
        if (b.data.length === 0 || bucketHoldsAt(b, at)) continue;
        const off = bucketHistoryOffset(b, at);
        for (let k = 0; k < HISTORY_FIELDS; k++) sums[k]! += b.data[off + k]! - b.data[HEAD + k]!;
      }
      return { sums, lists: null, start };
    }
    for (let i = i0; i < i1; i++) {
      const b = buckets[i]!;
      if (b.data.length === 0) continue;
      if (!bucketHoldsAt(b, at)) throw new Error(`day bucket ${b.day} does not hold at ${at}`);
      addSums(sums, b.data, STORED_FIELDS, HEAD);
    }
    if (!edgeLists) return { sums, lists: null, start };
    const channels: WindowLists['channels'] = new Map();
    for (let code = 0; code < NC; code++) {
      const e = edgeLists.channels[code]!;
      const a = code * (n + 1);
      const stories = e.stories + chStories[a + i1]! - chStories[a + i0]!;
      if (stories === 0) continue;
      const answered = e.answered + chAnswered[a + i1]! - chAnswered[a + i0]!;
      channels.set(code, { stories, answered, waits: joined(e.waits, waitAll, waitBase[code]! + waitOff[a + i0]!, waitBase[code]! + waitOff[a + i1]!) });
    }
    return {
      sums,
      lists: {
        replyHours: joined(edgeLists.replyHours, replyAll, replyOff[i0]!, replyOff[i1]!),
        resolutionHours: joined(edgeLists.resolutionHours, resAll, resOff[i0]!, resOff[i1]!),
        channels,
      },
      start,
    };
  };

  const windows = {} as Record<Period, CompanyScore>;
  for (const period of periods) {
    const w = windowAt(asOf, period, SUM_FIELDS);
    windows[period] = scoreFromSums(w.sums, w.lists!, asOf, period, w.start);
  }
  const history: HistoryPoint[] = [];
  const moments = historyMoments(asOf, months);
  for (let i = 0; i < moments.length; i++) {
    const at = moments[i]!;
    if (at === asOf) {
      const s = windows[defaultPeriod];
      history.push({ month: monthKeyOf(at), at, stories: s.counts.stories, score: s.score, band: s.band, replyRate: s.replyRate });
    } else {
      const h = historyScoreFromSums(windowAt(at, defaultPeriod, HISTORY_FIELDS).sums, at);
      history.push({ month: monthKeyOf(at), at, ...h });
    }
  }
  return { windows, history };
}
