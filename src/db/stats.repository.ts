// company_stats: the precomputed figures pages read (never aggregating stories per request).
// One company's three windows are recomputed from its own stories in the same transaction as
// every event that can change them (recomputeCompanyStats); `npm run stats:rebuild` recomputes
// every company with one pass over the stories table (rebuildAllCompanyStats). Both go through
// buildCompanyStatsRows(), so they cannot disagree.
import { CompiledQuery } from 'kysely';
import { computeScore, periods, scoreHistory, type Band, type ChannelFigure, type ComponentName, type HistoryPoint, type Period, type ScoreCounts, type ScoringStory } from '../domain/scoring.ts';
import type { DB } from './client.ts';
import { publicStates, repliedStates } from '../domain/story-workflow.ts';
import { groupByCompany, scanStoryColumns, scoringStoryAt } from './stats-scan.ts';
import type { CompanyStatsRow, NewCompanyStats, StatsPeriod } from './schema.ts';

const HOUR_MS = 3_600_000;

/** Hidden and withdrawn stories leave the statistics. */
// Statistics count the publicly visible stories; a reply is on record in the replied states.
const countedStates = publicStates;
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
  version: 1;
  asOf: number;
  windowStart: number | null;
  counts: ScoreCounts;
  components: Record<ComponentName, { estimate: number; low: number; high: number; n: number; weight: number }>;
  medianResolutionHours: number | null;
  channels: ChannelFigure[];
  history: HistoryPoint[];
}

/** The three rows (6m, 12m, all) of one company's statistics at `now`. */
export function buildCompanyStatsRows(companyId: number, stories: readonly ScoringStory[], now: number): NewCompanyStats[] {
  return periods.map((period) => {
    const s = computeScore(stories, now, period);
    const details: StatsDetails = {
      version: 1,
      asOf: now,
      windowStart: s.windowStart,
      counts: s.counts,
      components: Object.fromEntries(
        Object.entries(s.components).map(([k, e]) => [k, { estimate: e.estimate, low: e.low, high: e.high, n: e.n, weight: e.weight }]),
      ) as StatsDetails['components'],
      medianResolutionHours: s.medianResolutionHours,
      channels: s.channels,
      // The chart shows the default window's score month by month; the other rows leave it out.
      history: period === '12m' ? scoreHistory(stories, now, period) : [],
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

const statsColumns = [
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

// The per-company read runs inside every event's transaction: plain SQL, compiled once by
// SQLite's statement cache rather than rebuilt by the query builder each time (it is about half
// of the whole recomputation's cost otherwise). The full rebuild reads everything sequentially instead (stats-scan.ts).
const companySourceSql = `select s.company_id, s.source, s.state, s.published_at, s.reply_due_at, s.first_reply_at,
  s.verdict_at, s.resolved, s.would_buy_again, s.rating,
  (select group_concat(c.channel || ':' || coalesce(c.wait_minutes, '') || ':' || c.answered, ',') from story_channels c where c.story_id = s.id) as ch
  from stories s
  where s.company_id = ? and s.state in (${countedStates.map((st) => `'${st}'`).join(', ')})
  order by s.published_at, s.id`;

/** One company's scoring input, in a stable order (published_at, id) so sums are reproducible. */
export async function loadScoringStories(db: DB, companyId: number): Promise<ScoringStory[]> {
  const { rows } = await db.executeQuery<StatsSourceRow>(CompiledQuery.raw(companySourceSql, [companyId]));
  return rows.map(toScoringStory);
}

/** Recomputes one company's three windows (call inside the event's transaction). */
export async function recomputeCompanyStats(db: DB, companyId: number, now: number): Promise<NewCompanyStats[]> {
  const rows = buildCompanyStatsRows(companyId, await loadScoringStories(db, companyId), now);
  await upsertCompanyStats(db, rows);
  return rows;
}

/**
 * Every company's rows without writing them. Stories and channels are read with two sequential
 * scans (src/db/stats-scan.ts), grouped by company in memory, and each company is computed with
 * the same function as the incremental path. Companies without counted stories get empty rows
 * too, so a company whose last story was hidden shows "not enough data" rather than old figures.
 */
export async function computeAllCompanyStats(
  db: DB,
  now: number,
  onRows: (rows: NewCompanyStats[]) => Promise<void> | void,
  chunkSize = 500,
): Promise<number> {
  const companies = (await db.selectFrom('companies').select('id').orderBy('id').execute()).map((r) => r.id);
  const cols = await scanStoryColumns(db);
  const groups = groupByCompany(cols);
  const none = new Int32Array(0);
  for (let i = 0; i < companies.length; i += chunkSize) {
    const out: NewCompanyStats[] = [];
    for (const id of companies.slice(i, i + chunkSize)) {
      const indices = groups.get(id) ?? none;
      const stories: ScoringStory[] = new Array(indices.length);
      for (let k = 0; k < indices.length; k++) stories[k] = scoringStoryAt(cols, indices[k]!);
      out.push(...buildCompanyStatsRows(id, stories, now));
    }
    await onRows(out);
  }
  return companies.length;
}

/**
 * Recomputes and stores every company's statistics (npm run stats:rebuild). Writes go in chunks,
 * one transaction each, and never overwrite figures an event computed later than `now` while the
 * rebuild was reading (those are fresher).
 */
export async function rebuildAllCompanyStats(db: DB, now: number, chunkSize = 500): Promise<number> {
  return computeAllCompanyStats(
    db,
    now,
    async (rows) => {
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < rows.length; i += 300) await upsertCompanyStats(trx, rows.slice(i, i + 300), { onlyIfNotNewer: true });
      });
    },
    chunkSize,
  );
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
  let details: StatsDetails | null = null;
  try {
    const parsed = JSON.parse(row.details) as Partial<StatsDetails>;
    details = parsed.version === 1 ? (parsed as StatsDetails) : null;
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
