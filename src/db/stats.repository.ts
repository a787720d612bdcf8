// company_stats: the precomputed figures pages read (never aggregating stories per request).
// They are computed from per-day sums (company_stats_days, src/domain/score-sums.ts): a
// company's stories grouped by UTC day of publication. Triggers mark the days whose stories
// change (company_stats_dirty); recomputeCompanyStats, called in the same transaction as every
// event, refreshes those days from their stories, then combines the company's days into its three
// windows and its history. `npm run stats:rebuild` computes every day of every company from two
// sequential scans (rebuildAllCompanyStats). Both paths build days with buildDayBucket() and
// figures with figuresFromBuckets(), so they cannot disagree.
import { CompiledQuery } from 'kysely';
import { inTransaction } from './transaction.ts';
import { RULES_STAMP, RULES_VERSION, periods, type Band, type ChannelFigure, type ComponentName, type HistoryPoint, type Period, type ScoreCounts, type ScoringStory } from '../domain/scoring.ts';
import {
  DAY_BUCKET_FORMAT,
  DAY_MS,
  buildDayBucket,
  bucketHoldsAt,
  edgeDays,
  edgeRanges,
  figuresFromBuckets,
  type CompanyFigures,
  type DayBucket,
  type IdentifiedStory,
} from '../domain/score-sums.ts';
import type { DB } from './client.ts';
import { repliedStates } from '../domain/story-workflow.ts';
import { scanCompanyStories } from './stats-scan.ts';
import { closedWithoutVerdictAt, statsStates } from './stats-source.ts';
import type { CompanyStatsRow, NewCompanyStats, StatsPeriod } from './schema.ts';

const HOUR_MS = 3_600_000;

const countedStates = statsStates;
const repliedStateSet = new Set<string>(repliedStates);

/** The only columns statistics need (kept narrow: this runs on every event). */
interface StatsSourceRow {
  company_id: number;
  source: string;
  state: string;
  published_at: number;
  reply_due_at: number;
  first_reply_at: number | null;
  verdict_at: number | null;
  resolved: number | null;
  would_buy_again: number | null;
  rating: number | null;
  /** "channel:wait:answered,…" */
  ch: string | null;
}

/**
 * Row → scoring input. Imported stories ('cfpb') have no real reply or verdict timestamps:
 * they count as replied when the record says so, but never enter a time figure.
 */
export function toScoringStory(r: Omit<StatsSourceRow, 'company_id'>): ScoringStory {
  const timed = r.source !== 'cfpb';
  const replied = r.first_reply_at !== null || repliedStateSet.has(r.state);
  return {
    imported: !timed,
    withdrawn: r.state === 'withdrawn',
    closedAt: closedWithoutVerdictAt(r.state, timed, r.published_at, r.first_reply_at, r.resolved !== null),
    publishedAt: r.published_at,
    replyDueAt: r.reply_due_at,
    replied,
    firstReplyHours: timed && r.first_reply_at !== null ? Math.max(0, r.first_reply_at - r.published_at) / HOUR_MS : null,
    verdict:
      r.resolved === null
        ? null
        : { at: timed ? r.verdict_at : null, resolved: r.resolved === 1, wouldBuyAgain: r.would_buy_again === null ? null : r.would_buy_again === 1, rating: r.rating },
    channels: parseChannels(r.ch),
  };
}

function parseChannels(ch: string | null): ScoringStory['channels'] {
  if (!ch) return [];
  return ch.split(',').map((part) => {
    const [channel = '', wait = '', answered = '1'] = part.split(':');
    return { channel, waitMinutes: wait === '' ? null : Number(wait), answered: answered === '1' };
  });
}

export interface StatsDetails {
  /** Format of this JSON (2 since rules version 2 added the fields below). */
  version: 2;
  /** The scoring rules the figures follow (scoring.ts RULES_VERSION). */
  rulesVersion: number;
  /** Good or better capped at Fair for too few verdicts. */
  bandCapped: boolean;
  /** Scored from imported public data only (reply rate and resolution, renormalised). */
  importedOnly: boolean;
  asOf: number;
  windowStart: number | null;
  counts: ScoreCounts;
  components: Record<ComponentName, { estimate: number; low: number; high: number; n: number; weight: number }>;
  medianResolutionHours: number | null;
  channels: ChannelFigure[];
  history: HistoryPoint[];
}

/** The three rows (6m, 12m, all) of one company's statistics from its figures at `now`. */
export function statsRowsFromFigures(companyId: number, figures: CompanyFigures, now: number): NewCompanyStats[] {
  return periods.map((period) => {
    const s = figures.windows[period];
    const details: StatsDetails = {
      version: 2,
      rulesVersion: s.rulesVersion,
      bandCapped: s.bandCapped,
      importedOnly: s.importedOnly,
      asOf: now,
      windowStart: s.windowStart,
      counts: s.counts,
      components: Object.fromEntries(
        Object.entries(s.components).map(([k, e]) => [k, { estimate: e.estimate, low: e.low, high: e.high, n: e.n, weight: e.weight }]),
      ) as StatsDetails['components'],
      medianResolutionHours: s.medianResolutionHours,
      channels: s.channels,
      // The chart shows the default window's score month by month; the other rows leave it out.
      history: period === '12m' ? figures.history : [],
    };
    return {
      company_id: companyId,
      period,
      computed_at: now,
      story_count: s.counts.stories,
      reply_rate: s.replyRate,
      median_first_reply_hours: s.medianFirstReplyHours,
      p90_first_reply_hours: s.p90FirstReplyHours,
      resolution_rate: s.resolutionRate,
      would_buy_again_rate: s.wouldBuyAgainRate,
      mean_rating: s.meanRating,
      score: s.score,
      score_low: s.scoreLow,
      score_high: s.scoreHigh,
      band: s.band,
      details: JSON.stringify(details),
    };
  });
}

/** One company's stories (in published_at, id order) grouped by UTC day: the same days the triggers mark. */
export function groupStoriesByDay(stories: readonly IdentifiedStory[]): Map<number, ScoringStory[]> {
  const days = new Map<number, ScoringStory[]>();
  for (const { story } of stories) {
    const day = Math.floor(story.publishedAt / DAY_MS);
    let list = days.get(day);
    if (!list) days.set(day, (list = []));
    list.push(story);
  }
  return days;
}

/** The three rows of one company computed directly from all its stories (reference path; the same figures as the kept sums). */
export function buildCompanyStatsRows(companyId: number, stories: readonly IdentifiedStory[], now: number): NewCompanyStats[] {
  return statsRowsFromFigures(companyId, figuresFromBuckets(bucketsOf(stories, now), storiesInRanges(stories, edgeRanges(now)), now), now);
}

function storiesInRanges(stories: readonly IdentifiedStory[], ranges: readonly [number, number][]): IdentifiedStory[] {
  return stories.filter(({ story: { publishedAt: p } }) => ranges.some(([a, b]) => p >= a && p <= b));
}

/** The columns of company_stats, in the order the batched upsert writes them. */
export const statsColumns = [
  'company_id',
  'period',
  'computed_at',
  'story_count',
  'reply_rate',
  'median_first_reply_hours',
  'p90_first_reply_hours',
  'resolution_rate',
  'would_buy_again_rate',
  'mean_rating',
  'score',
  'score_low',
  'score_high',
  'band',
  'details',
] as const;

// Plain SQL, one text per row count and guard (runs in every event's transaction; building the
// statement through the query builder cost as much as the figures themselves).
const upsertSqlCache = new Map<string, string>();
function upsertSql(rows: number, onlyIfNotNewer: boolean): string {
  const key = `${rows}:${onlyIfNotNewer}`;
  let text = upsertSqlCache.get(key);
  if (!text) {
    const tuple = `(${statsColumns.map(() => '?').join(', ')})`;
    const updates = statsColumns.slice(2).map((c) => `${c} = excluded.${c}`).join(', ');
    text =
      `insert into company_stats (${statsColumns.join(', ')}) values ${Array.from({ length: rows }, () => tuple).join(', ')} ` +
      `on conflict (company_id, period) do update set ${updates}` +
      (onlyIfNotNewer ? ' where company_stats.computed_at <= excluded.computed_at' : '');
    upsertSqlCache.set(key, text);
  }
  return text;
}

export async function upsertCompanyStats(db: DB, rows: readonly NewCompanyStats[], opts: { onlyIfNotNewer?: boolean } = {}): Promise<void> {
  if (rows.length === 0) return;
  const params = rows.flatMap((r) => statsColumns.map((c) => (r[c] ?? null) as string | number | null));
  await db.executeQuery(CompiledQuery.raw(upsertSql(rows.length, opts.onlyIfNotNewer === true), params));
}

// The per-company reads run inside every event's transaction: plain SQL, compiled once by
// SQLite's statement cache rather than rebuilt by the query builder each time.
const countedStateList = countedStates.map((st) => `'${st}'`).join(', ');
const storySelect = `select s.id, s.company_id, s.source, s.state, s.published_at, s.reply_due_at, s.first_reply_at,
  s.verdict_at, s.resolved, s.would_buy_again, s.rating,
  (select group_concat(c.channel || ':' || coalesce(c.wait_minutes, '') || ':' || c.answered, ',') from story_channels c where c.story_id = s.id) as ch
  from stories s`;
const companySourceSql = `${storySelect} where s.company_id = ? and s.state in (${countedStateList}) and s.score_hold is null order by s.published_at, s.id`;
const rangeSourceSql = `${storySelect} where s.company_id = ? and s.published_at between ? and ? and s.state in (${countedStateList}) and s.score_hold is null order by s.published_at, s.id`;
const edgeSqlCache = new Map<string, string>();
/** One statement for every edge range: `between` for a range, `in` for the single moments. */
function edgeSourceSql(ranges: number, points: number): string {
  const key = `${ranges}:${points}`;
  let text = edgeSqlCache.get(key);
  if (!text) {
    const parts = Array.from({ length: ranges }, () => `${storySelect} where s.company_id = ? and s.published_at between ? and ? and s.state in (${countedStateList}) and s.score_hold is null`);
    if (points > 0) parts.push(`${storySelect} where s.company_id = ? and s.published_at in (${Array.from({ length: points }, () => '?').join(', ')}) and s.state in (${countedStateList}) and s.score_hold is null`);
    text = parts.join(' union all ');
    edgeSqlCache.set(key, text);
  }
  return text;
}

type SourceRow = StatsSourceRow & { id: number };
const identified = (r: SourceRow): IdentifiedStory => ({ id: r.id, story: toScoringStory(r) });

/** One company's scoring input, in a stable order (published_at, id) so sums are reproducible. */
export async function loadScoringStories(db: DB, companyId: number): Promise<ScoringStory[]> {
  const { rows } = await db.executeQuery<SourceRow>(CompiledQuery.raw(companySourceSql, [companyId]));
  return rows.map(toScoringStory);
}

async function loadStoriesBetween(db: DB, companyId: number, from: number, to: number): Promise<IdentifiedStory[]> {
  const { rows } = await db.executeQuery<SourceRow>(CompiledQuery.raw(rangeSourceSql, [companyId, from, to]));
  return rows.map(identified);
}

/** The stories of the windows' partial first days (edgeRanges), each once. */
async function loadEdgeStories(db: DB, companyId: number, now: number): Promise<IdentifiedStory[]> {
  const params: number[] = [];
  const points: number[] = [];
  let ranges = 0;
  for (const [from, to] of edgeRanges(now)) {
    if (from === to) points.push(from);
    else {
      params.push(companyId, from, to);
      ranges++;
    }
  }
  if (points.length > 0) params.push(companyId, ...points);
  const { rows } = await db.executeQuery<SourceRow>(CompiledQuery.raw(edgeSourceSql(ranges, points.length), params));
  const byId = new Map<number, IdentifiedStory>();
  for (const r of rows) if (!byId.has(r.id)) byId.set(r.id, identified(r));
  return [...byId.values()];
}

// --- day buckets ---------------------------------------------------------------------------------------
//
// Stored in blocks of BLOCK_DAYS consecutive days, one row per company and block, so the
// largest company's recomputation reads a few dozen rows, not a thousand. Companies with fewer
// than `statsDaysOptions.minStories` counted stories keep no rows at all: reading their stories
// is as cheap as reading sums, and a full rebuild need not write them. Both ways compute with
// the same functions, so the figures are the same to the last bit.

export const statsDaysOptions = {
  /** A company without stored days gets them once it has this many counted stories (tests lower it to 0). */
  minStories: 64,
};
const BLOCK_DAYS = 32;
const blockOf = (day: number) => Math.floor(day / BLOCK_DAYS);

/** Unbounded validity is stored as the largest moment JavaScript dates can hold. */
const FAR = 8.64e15;

interface BlockRow {
  block: number;
  valid_from: number;
  valid_until: number;
  computed_at: number;
  data: Uint8Array;
}

// Block encoding: [−DAY_BUCKET_FORMAT, nDays, (day, validFrom, validUntil, length, day data…)×nDays],
// ascending by day. The first word is negative so that it cannot be taken for the day count that
// began blocks of format 1 (written before the word existed).
const LEGACY_FORMAT = 1;
/** Formats this code reads: its own only (formats 1 and 2 hold the day layout of score rules v1). */
const READABLE_FORMATS = new Set([DAY_BUCKET_FORMAT]);

export function encodeBlock(days: readonly DayBucket[]): Float64Array {
  let size = 2;
  for (const b of days) size += 4 + b.data.length;
  const out = new Float64Array(size);
  out[0] = -DAY_BUCKET_FORMAT;
  out[1] = days.length;
  let k = 2;
  for (const b of days) {
    out[k] = b.day;
    out[k + 1] = Math.max(-FAR, b.validFrom);
    out[k + 2] = Math.min(FAR, b.validUntil);
    out[k + 3] = b.data.length;
    out.set(b.data, k + 4);
    k += 4 + b.data.length;
  }
  return out;
}

/** A stored block's days, or null when it was written in a format this code does not read. */
export function decodeBlock(bytes: Uint8Array): DayBucket[] | null {
  // Float64Array needs 8-byte alignment; copy when the driver's buffer is not aligned.
  const d =
    bytes.byteOffset % 8 === 0
      ? new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8)
      : new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  if (d.length === 0) return [];
  const format = d[0]! < 0 ? -d[0]! : LEGACY_FORMAT;
  if (!READABLE_FORMATS.has(format)) return null;
  const start = format === LEGACY_FORMAT ? 0 : 1;
  const days: DayBucket[] = [];
  for (let i = 0, k = start + 1; i < d[start]!; i++) {
    const len = d[k + 3]!;
    if (k + 4 + len > d.length) return null;
    days.push({ day: d[k]!, validFrom: d[k + 1]!, validUntil: d[k + 2]!, data: d.subarray(k + 4, k + 4 + len) });
    k += 4 + len;
  }
  return days;
}

function blockParams(companyId: number, block: number, days: readonly DayBucket[], now: number): (number | Uint8Array)[] {
  const data = encodeBlock(days);
  let validFrom = -FAR;
  let validUntil = FAR;
  for (const b of days) {
    validFrom = Math.max(validFrom, b.validFrom);
    validUntil = Math.min(validUntil, b.validUntil);
  }
  return [companyId, block, validFrom, validUntil, now, new Uint8Array(data.buffer, data.byteOffset, data.byteLength)];
}

const blockInsertCache = new Map<string, string>();
/** `replace`: the event path; `keep`: the rebuild, which leaves rows an event computed meanwhile. */
function blockInsertSql(rows: number, mode: 'replace' | 'keep'): string {
  const key = `${rows}:${mode}`;
  let text = blockInsertCache.get(key);
  if (!text) {
    text =
      `insert into company_stats_days (company_id, block, valid_from, valid_until, computed_at, data) values ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?)').join(', ')} ` +
      (mode === 'replace'
        ? 'on conflict (company_id, block) do update set valid_from = excluded.valid_from, valid_until = excluded.valid_until, computed_at = excluded.computed_at, data = excluded.data'
        : 'on conflict (company_id, block) do nothing');
    blockInsertCache.set(key, text);
  }
  return text;
}

async function writeBlocks(db: DB, companyId: number, blocks: Map<number, DayBucket[]>, now: number, mode: 'replace' | 'keep'): Promise<void> {
  const params: (number | Uint8Array)[] = [];
  for (const [block, days] of blocks) params.push(...blockParams(companyId, block, days, now));
  for (let i = 0; i < params.length; i += 100 * 6) {
    const slice = params.slice(i, i + 100 * 6);
    await db.executeQuery(CompiledQuery.raw(blockInsertSql(slice.length / 6, mode), slice));
  }
}

function byBlock(days: readonly DayBucket[]): Map<number, DayBucket[]> {
  const blocks = new Map<number, DayBucket[]>();
  for (const b of days) {
    const k = blockOf(b.day);
    let list = blocks.get(k);
    if (!list) blocks.set(k, (list = []));
    list.push(b);
  }
  return blocks;
}

function bucketsOf(stories: readonly IdentifiedStory[], now: number): DayBucket[] {
  const buckets: DayBucket[] = [];
  for (const [day, list] of groupStoriesByDay(stories)) buckets.push(buildDayBucket(day, list, now)!);
  return buckets.sort((a, b) => a.day - b.day);
}

const blocksSql = 'select block, valid_from, valid_until, computed_at, data from company_stats_days where company_id = ? order by block';
const anyDirtySql = 'select 1 from company_stats_dirty where company_id = ? limit 1';
const takeDirtySql = 'delete from company_stats_dirty where company_id = ? returning day';
/** More changed days than this: read the company's stories once rather than day by day. */
const DAYS_READ_ONE_BY_ONE = 16;

/**
 * One company's figures at `now`, and its stored days brought up to date: days marked dirty,
 * and days whose validity ended (a reply deadline passed) or that were computed after `now`,
 * are rebuilt from their stories.
 */
export async function computeCompanyFigures(db: DB, companyId: number, now: number): Promise<CompanyFigures> {
  // Read first: most recomputations find nothing to take, and a read is cheaper than a write.
  const anyDirty = (await db.executeQuery(CompiledQuery.raw(anyDirtySql, [companyId]))).rows.length > 0;
  const dirty = anyDirty ? (await db.executeQuery<{ day: number }>(CompiledQuery.raw(takeDirtySql, [companyId]))).rows.map((r) => r.day) : [];
  const { rows } = await db.executeQuery<BlockRow>(CompiledQuery.raw(blocksSql, [companyId]));
  if (rows.length === 0) {
    // No stored days: from the stories, storing the days once the company is large enough.
    const { rows: all } = await db.executeQuery<SourceRow>(CompiledQuery.raw(companySourceSql, [companyId]));
    const stories = all.map(identified);
    const buckets = bucketsOf(stories, now);
    if (stories.length > 0 && stories.length >= statsDaysOptions.minStories) await writeBlocks(db, companyId, byBlock(buckets), now, 'replace');
    return figuresFromBuckets(buckets, storiesInRanges(stories, edgeRanges(now)), now);
  }

  const refresh = new Set(dirty);
  const days = new Map<number, DayBucket>();
  for (const r of rows) {
    const stale = r.computed_at > now;
    const holds = !stale && r.valid_from <= now && now < r.valid_until;
    const decoded = decodeBlock(r.data);
    if (!decoded) {
      // Another format: recompute every day the block covers from its stories.
      for (let day = r.block * BLOCK_DAYS; day < (r.block + 1) * BLOCK_DAYS; day++) refresh.add(day);
      continue;
    }
    for (const b of decoded) {
      if (!holds && (stale || !bucketHoldsAt(b, now))) refresh.add(b.day);
      days.set(b.day, b);
    }
  }
  if (refresh.size > 0) {
    let byDay: Map<number, ScoringStory[]>;
    if (refresh.size > DAYS_READ_ONE_BY_ONE) {
      const { rows: all } = await db.executeQuery<SourceRow>(CompiledQuery.raw(companySourceSql, [companyId]));
      byDay = groupStoriesByDay(all.map(identified));
    } else {
      byDay = new Map();
      for (const day of refresh) byDay.set(day, (await loadStoriesBetween(db, companyId, day * DAY_MS, day * DAY_MS + DAY_MS - 1)).map((s) => s.story));
    }
    const changedBlocks = new Set<number>();
    for (const day of refresh) {
      const b = buildDayBucket(day, byDay.get(day) ?? [], now);
      if (b) days.set(day, b);
      else days.delete(day);
      changedBlocks.add(blockOf(day));
    }
    const sorted = [...days.values()].sort((a, b) => a.day - b.day);
    const blocks = byBlock(sorted);
    // An emptied block is stored empty, so a concurrent rebuild cannot bring its old days back.
    await writeBlocks(db, companyId, new Map([...changedBlocks].map((k) => [k, blocks.get(k) ?? []])), now, 'replace');
    return figuresFromBuckets(sorted, await loadEdgeStories(db, companyId, now), now);
  }
  const sorted = [...days.values()].sort((a, b) => a.day - b.day);
  return figuresFromBuckets(sorted, await loadEdgeStories(db, companyId, now), now);
}

/** Recomputes one company's three windows (call inside the event's transaction). */
export async function recomputeCompanyStats(db: DB, companyId: number, now: number): Promise<NewCompanyStats[]> {
  const rows = statsRowsFromFigures(companyId, await computeCompanyFigures(db, companyId, now), now);
  await upsertCompanyStats(db, rows);
  return rows;
}

/**
 * Every company's rows without writing them. Stories and channels are read with two sequential
 * scans (src/db/stats-scan.ts), company by company and day by day, and each company is
 * computed with the same functions as the incremental path. Companies without counted stories
 * get empty rows too, so a company whose last story was hidden shows "not enough data" rather
 * than old figures. `onDays` receives each company's day buckets (the rebuild stores them).
 */
export async function computeAllCompanyStats(
  db: DB,
  now: number,
  onRows: (rows: NewCompanyStats[]) => Promise<void> | void,
  chunkSize = 500,
  onDays?: (days: { companyId: number; buckets: DayBucket[]; stories: number }[]) => Promise<void> | void,
  companyRange: [number, number] = [-Infinity, Infinity],
): Promise<number> {
  const [from, to] = companyRange;
  const companies = (await db.selectFrom('companies').select('id').orderBy('id').execute()).map((r) => r.id).filter((id) => id >= from && id < to);
  const ranges = edgeRanges(now);
  const rangeDays = edgeDays(now);
  const scan = scanCompanyStories(db, from, to);
  let next = await scan.next();
  let out: NewCompanyStats[] = [];
  let days: { companyId: number; buckets: DayBucket[]; stories: number }[] = [];
  for (const id of companies) {
    // The scan yields companies in id order, skipping those without counted stories.
    while (!next.done && next.value.companyId < id) next = await scan.next();
    const stories = !next.done && next.value.companyId === id ? next.value.stories : [];
    const buckets: DayBucket[] = [];
    const edges: IdentifiedStory[] = [];
    for (let k = 0; k < stories.length; ) {
      const day = Math.floor(stories[k]!.story.publishedAt / DAY_MS);
      const list: ScoringStory[] = [];
      const edgeDay = rangeDays.has(day);
      for (; k < stories.length && Math.floor(stories[k]!.story.publishedAt / DAY_MS) === day; k++) {
        const s = stories[k]!;
        list.push(s.story);
        const p = s.story.publishedAt;
        if (edgeDay && ranges.some(([a, b]) => p >= a && p <= b)) edges.push(s);
      }
      buckets.push(buildDayBucket(day, list, now)!);
    }
    out.push(...statsRowsFromFigures(id, figuresFromBuckets(buckets, edges, now), now));
    days.push({ companyId: id, buckets, stories: stories.length });
    if (days.length === chunkSize) {
      if (onDays) await onDays(days);
      await onRows(out);
      out = [];
      days = [];
    }
  }
  if (days.length > 0) {
    if (onDays) await onDays(days);
    await onRows(out);
  }
  return companies.length;
}

/**
 * Recomputes and stores every company's statistics and day sums (npm run stats:rebuild), and
 * records the scoring rules version they follow. Writes
 * go in chunks, one transaction each, and never overwrite figures or days an event computed
 * later than `now` while the rebuild was reading (those are fresher). Day marks set before the
 * scan are cleared first; marks set meanwhile stay and are picked up by the next event.
 */
export async function rebuildAllCompanyStats(db: DB, now: number, chunkSize = 500): Promise<number> {
  await db.executeQuery(CompiledQuery.raw('delete from company_stats_dirty'));
  const companies = await rebuildCompanyRange(db, now, chunkSize, -Infinity, Infinity);
  // Every company now follows the code's scoring rules.
  await recordStatsRulesVersion(db);
  return companies;
}

/**
 * What one chunk of the rebuild writes: its companies' id span, the encoded day blocks of those
 * that keep days (6 insert parameters per block) and their statistics rows. Plain data, so a
 * worker thread can compute it and hand it to the thread that writes (stats-rebuild-parallel.ts).
 */
export interface RebuildChunk {
  firstCompany: number;
  lastCompany: number;
  blocks: (number | Uint8Array)[];
  rows: NewCompanyStats[];
}

export function rebuildChunk(days: readonly { companyId: number; buckets: DayBucket[]; stories: number }[], rows: NewCompanyStats[], now: number): RebuildChunk {
  const blocks: (number | Uint8Array)[] = [];
  for (const { companyId, buckets, stories } of days) {
    if (stories > 0 && stories >= statsDaysOptions.minStories) for (const [block, list] of byBlock(buckets)) blocks.push(...blockParams(companyId, block, list, now));
  }
  return { firstCompany: days[0]?.companyId ?? 0, lastCompany: days.at(-1)?.companyId ?? -1, blocks, rows };
}

/** Writes one chunk in one transaction, leaving days and rows an event computed later than `now`. */
export async function writeRebuildChunk(db: DB, chunk: RebuildChunk, now: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    if (chunk.firstCompany <= chunk.lastCompany) {
      await trx.executeQuery(
        CompiledQuery.raw('delete from company_stats_days where company_id between ? and ? and computed_at <= ?', [chunk.firstCompany, chunk.lastCompany, now]),
      );
    }
    for (let i = 0; i < chunk.blocks.length; i += 100 * 6) {
      const slice = chunk.blocks.slice(i, i + 100 * 6);
      await trx.executeQuery(CompiledQuery.raw(blockInsertSql(slice.length / 6, 'keep'), slice));
    }
    for (let i = 0; i < chunk.rows.length; i += 300) await upsertCompanyStats(trx, chunk.rows.slice(i, i + 300), { onlyIfNotNewer: true });
  });
}

/**
 * Computes the chunks of the companies with from ≤ id < to and hands each to `onChunk` (which
 * writes it, here or in another thread). Returns the number of companies.
 */
export async function computeRebuildChunks(db: DB, now: number, chunkSize: number, from: number, to: number, onChunk: (chunk: RebuildChunk) => Promise<void> | void): Promise<number> {
  let pendingDays: { companyId: number; buckets: DayBucket[]; stories: number }[] = [];
  return computeAllCompanyStats(
    db,
    now,
    async (rows) => {
      const days = pendingDays;
      pendingDays = [];
      await onChunk(rebuildChunk(days, rows, now));
    },
    chunkSize,
    (days) => {
      pendingDays = days;
    },
    [from, to],
  );
}

/** rebuildAllCompanyStats for the companies with from ≤ id < to (without clearing the day marks). */
export async function rebuildCompanyRange(db: DB, now: number, chunkSize: number, from: number, to: number): Promise<number> {
  return computeRebuildChunks(db, now, chunkSize, from, to, (chunk) => writeRebuildChunk(db, chunk, now));
}

// --- rules version -------------------------------------------------------------------------------

/**
 * The scoring rules the stored statistics were computed with, as RULES_STAMP ("2.1": version 2,
 * revision 1; older sites stored the version alone, "2"); null when never recorded.
 */
export async function findStatsRulesVersion(db: DB): Promise<string | null> {
  const { rows } = await db.executeQuery<{ value: string }>(CompiledQuery.raw("select value from stats_meta where key = 'rules_version'"));
  return rows.length === 0 ? null : rows[0]!.value;
}

export async function recordStatsRulesVersion(db: DB, version: string = RULES_STAMP): Promise<void> {
  await db.executeQuery(
    CompiledQuery.raw("insert into stats_meta (key, value) values ('rules_version', ?) on conflict (key) do update set value = excluded.value", [String(version)]),
  );
}

/**
 * Recomputes every company when the stored statistics follow other scoring rules than the code
 * (an upgrade: another RULES_VERSION or RULES_REVISION), then records the code's stamp. Returns
 * whether it rebuilt.
 */
export async function rebuildIfRulesChanged(db: DB, now: number): Promise<boolean> {
  if ((await findStatsRulesVersion(db)) === RULES_STAMP) return false;
  await rebuildAllCompanyStats(db, now);
  return true;
}

/** Companies whose statistics are older than `staleBefore` (the scheduler refreshes ageing weights daily). */
export async function findStaleCompanyStats(db: DB, staleBefore: number, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('company_stats')
    .select('company_id')
    .where('period', '=', '12m')
    .where('computed_at', '<', staleBefore)
    .orderBy('computed_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.company_id);
}

// --- reads for pages ---------------------------------------------------------------------------

export interface CompanyStats {
  companyId: number;
  period: Period;
  computedAt: number;
  storyCount: number;
  replyRate: number | null;
  medianFirstReplyHours: number | null;
  p90FirstReplyHours: number | null;
  resolutionRate: number | null;
  wouldBuyAgainRate: number | null;
  meanRating: number | null;
  score: number | null;
  scoreLow: number | null;
  scoreHigh: number | null;
  band: Band;
  details: StatsDetails | null;
}

export function toCompanyStats(row: CompanyStatsRow): CompanyStats {
  let details: StatsDetails | null;
  try {
    const parsed = JSON.parse(row.details) as Partial<StatsDetails>;
    // Details of another format (older rules) are not read: the start-up rebuild replaces them.
    details = parsed.version === 2 && parsed.rulesVersion === RULES_VERSION ? (parsed as StatsDetails) : null;
  } catch {
    details = null;
  }
  return {
    companyId: row.company_id,
    period: row.period,
    computedAt: row.computed_at,
    storyCount: row.story_count,
    replyRate: row.reply_rate,
    medianFirstReplyHours: row.median_first_reply_hours,
    p90FirstReplyHours: row.p90_first_reply_hours,
    resolutionRate: row.resolution_rate,
    wouldBuyAgainRate: row.would_buy_again_rate,
    meanRating: row.mean_rating,
    score: row.score,
    scoreLow: row.score_low,
    scoreHigh: row.score_high,
    band: row.band as Band,
    details,
  };
}

export async function findCompanyStats(db: DB, companyId: number, period: StatsPeriod = '12m'): Promise<CompanyStats | null> {
  const row = await db.selectFrom('company_stats').selectAll().where('company_id', '=', companyId).where('period', '=', period).executeTakeFirst();
  return row ? toCompanyStats(row) : null;
}

export async function findAllCompanyStats(db: DB, companyId: number): Promise<Partial<Record<Period, CompanyStats>>> {
  const rows = await db.selectFrom('company_stats').selectAll().where('company_id', '=', companyId).execute();
  return Object.fromEntries(rows.map((r) => [r.period, toCompanyStats(r)]));
}

/** Every stored statistics row of a company (one per period), as stored: the open-data API and the badge. */
export async function listCompanyStatsRows(db: DB, companyId: number): Promise<CompanyStatsRow[]> {
  return db.selectFrom('company_stats').selectAll().where('company_id', '=', companyId).execute();
}

/** When the company's 12-month figures were last computed, or null when it has none. */
export async function findStatsComputedAt(db: DB, companyId: number): Promise<number | null> {
  return (await db.selectFrom('company_stats').select('computed_at').where('company_id', '=', companyId).where('period', '=', '12m').executeTakeFirst())?.computed_at ?? null;
}

/** A merged company has no figures of its own any more. */
export async function deleteCompanyStats(db: DB, companyId: number): Promise<void> {
  await db.deleteFrom('company_stats').where('company_id', '=', companyId).execute();
}
