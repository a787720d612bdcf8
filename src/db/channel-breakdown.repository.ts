// The rows behind the company page's channel table (src/domain/channel-breakdown.ts): one per
// story and channel of the company's counted stories in the window. A company's stories are
// found through the (company_id, published_at) index; the page cache keeps the rendered result.
import { sql } from 'kysely';
import type { DB } from './client.ts';
import type { ChannelAttemptRow } from '../domain/channel-breakdown.ts';
import { isChannel } from '../domain/vocabulary.ts';
import { statsStates } from './stats-source.ts';

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
