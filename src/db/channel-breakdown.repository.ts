// The company page's channel table (src/domain/channel-breakdown.ts): the rows behind it, one per
// story and channel of the company's counted stories in the window, found through the
// (company_id, published_at) index; and the table itself kept per company (decision 0048), so
// that a render reads one row instead of every story of a large company.
import { sql } from 'kysely';
import type { DB } from './client.ts';
import { channelBreakdown, type ChannelAttemptRow, type ChannelBreakdownFigure } from '../domain/channel-breakdown.ts';
import { isChannel } from '../domain/vocabulary.ts';
import { statsStates } from './stats-source.ts';
import { toCompanyStats } from './stats.repository.ts';
import { inTransaction } from './transaction.ts';

export async function findChannelAttempts(db: DB, companyId: number, from: number | null): Promise<ChannelAttemptRow[]> {
  const rows = await sql<{ story_id: number; channel: string; answered: number; wait_minutes: number | null; resolved: number | null }>`
    select c.story_id, c.channel, c.answered, c.wait_minutes, s.resolved
    from stories s join story_channels c on c.story_id = s.id
    where s.company_id = ${companyId} and s.published_at >= ${from ?? 0}
      and s.state in (${sql.join(statsStates.map((st) => sql.lit(st)))}) and s.score_hold is null`.execute(db);
  const out: ChannelAttemptRow[] = [];
  for (const r of rows.rows) {
    if (!isChannel(r.channel)) continue;
    out.push({ storyId: r.story_id, channel: r.channel, answered: r.answered === 1, waitMinutes: r.wait_minutes, resolved: r.resolved === null ? null : r.resolved === 1 });
  }
  return out;
}

/** The version of a company's figures a channel table belongs to: its '12m' statistics. */
export interface ChannelFiguresVersion {
  /** company_stats.computed_at of the '12m' row. */
  computedAt: number;
  /** The window the statistics were computed over (details.windowStart). */
  windowStart: number | null;
}

/** Tables computed in this process, per database and company (the newest few thousand). */
const MEMO_LIMIT = 2000;
const memos = new WeakMap<DB, Map<number, ChannelFiguresVersion & { figures: ChannelBreakdownFigure[] }>>();

function remember(db: DB, companyId: number, version: ChannelFiguresVersion, figures: ChannelBreakdownFigure[]): void {
  let memo = memos.get(db);
  if (!memo) memos.set(db, (memo = new Map()));
  memo.delete(companyId);
  memo.set(companyId, { ...version, figures });
  if (memo.size > MEMO_LIMIT) memo.delete(memo.keys().next().value!);
}

function parseFigures(text: string): ChannelBreakdownFigure[] | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && parsed.every((f) => typeof f === 'object' && f !== null && isChannel((f as { channel?: unknown }).channel)) ? (parsed as ChannelBreakdownFigure[]) : null;
  } catch {
    return null;
  }
}

/**
 * The channel table for a company's current statistics: from this process's memory, else the
 * stored row when it was computed against the same statistics, else computed now (and
 * remembered). Never older than the statistics shown beside it; never a write.
 */
export async function findCompanyChannelFigures(db: DB, companyId: number, version: ChannelFiguresVersion): Promise<ChannelBreakdownFigure[]> {
  const hit = memos.get(db)?.get(companyId);
  if (hit && hit.computedAt === version.computedAt && hit.windowStart === version.windowStart) return hit.figures;
  const { rows } = await sql<{ stats_computed_at: number; window_start: number | null; figures: string }>`
    select stats_computed_at, window_start, figures from company_channel_figures where company_id = ${companyId}`.execute(db);
  const row = rows[0];
  const stored = row && row.stats_computed_at === version.computedAt && row.window_start === version.windowStart ? parseFigures(row.figures) : null;
  const figures = stored ?? channelBreakdown(await findChannelAttempts(db, companyId, version.windowStart));
  remember(db, companyId, version, figures);
  return figures;
}

/**
 * Stores the channel table of companies whose stored one is missing or belongs to older
 * statistics (at most `limit`, `between` runs before each company: the tick yields there).
 * Run by the scheduler's tick (a bounded batch), after `npm run stats:rebuild` and by the bench.
 * Returns how many were stored.
 */
export async function refreshCompanyChannelFigures(db: DB, opts: { limit?: number; between?: () => Promise<void> } = {}): Promise<number> {
  const limit = opts.limit ?? 1_000_000;
  const { rows } = await sql<Parameters<typeof toCompanyStats>[0]>`
    select s.* from company_stats s left join company_channel_figures f on f.company_id = s.company_id
    where s.period = '12m' and (f.company_id is null or f.stats_computed_at != s.computed_at)
    limit ${limit}`.execute(db);
  let stored = 0;
  for (const row of rows) {
    await opts.between?.();
    const stats = toCompanyStats(row);
    const version = { computedAt: stats.computedAt, windowStart: stats.details?.windowStart ?? null };
    const figures = channelBreakdown(await findChannelAttempts(db, stats.companyId, version.windowStart));
    await inTransaction(db, async (trx) => {
      // Only over a row of older statistics: a concurrent refresh may have stored a newer one.
      await sql`insert into company_channel_figures (company_id, stats_computed_at, window_start, figures)
        values (${stats.companyId}, ${version.computedAt}, ${version.windowStart}, ${JSON.stringify(figures)})
        on conflict (company_id) do update set stats_computed_at = excluded.stats_computed_at, window_start = excluded.window_start, figures = excluded.figures
        where excluded.stats_computed_at >= company_channel_figures.stats_computed_at`.execute(trx);
    });
    stored++;
  }
  return stored;
}
