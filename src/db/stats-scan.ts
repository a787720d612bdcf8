// The full-rebuild read of company statistics: every counted story, company by company in
// (published_at, id) order, from the covering index stories_stats (migration T1500) — narrow,
// sequential pages, already in the order the day sums need, so nothing is sorted in memory —
// and every channel row, read once in primary-key order into compact columns indexed by story id.
// Reading company by company through the table instead touches wide rows (title, body): at 1M
// stories that read alone took seconds.
import { CompiledQuery } from 'kysely';
import { CHANNELS, type IdentifiedStory } from '../domain/score-sums.ts';
import type { ScoringStory } from '../domain/scoring.ts';
import { repliedStates } from '../domain/story-workflow.ts';
import type { DB } from './client.ts';
import { closedWithoutVerdictAt, statsStates } from './stats-source.ts';

const HOUR_MS = 3_600_000;
const PAGE = 20_000;

const inList = (xs: readonly string[]) => xs.map((s) => `'${s}'`).join(', ');

interface StoryPageRow {
  id: number;
  company_id: number;
  published_at: number;
  reply_due_at: number;
  first_reply_at: number | null;
  verdict_at: number | null;
  /** bit 0 imported, bit 1 replied by state, bits 2–3 resolved + 1, bits 4–5 would buy again + 1, bits 6–8 rating (0 = none), bit 9 withdrawn, bit 10 closed without verdict */
  f: number;
}

interface ChannelPageRow {
  story_id: number;
  channel: string;
  /** Index in CHANNELS, so that stories carry the same interned strings (fast map keys). */
  code: number;
  wait_minutes: number | null;
  answered: number;
}

// Few columns per row: packing the small ones into one integer halves the cost of building rows.
const storyPageSql = `select id, company_id, published_at, reply_due_at, first_reply_at, verdict_at,
    (source = 'cfpb') | ((state in (${inList(repliedStates)})) << 1) | ((coalesce(resolved, -1) + 1) << 2)
    | ((coalesce(would_buy_again, -1) + 1) << 4) | (coalesce(rating, 0) << 6)
    | ((state = 'withdrawn') << 9) | ((state = 'closed_no_verdict') << 10) as f
  from stories indexed by stories_stats
  where (company_id, published_at, id) > (?, ?, ?) and company_id < ? and state in (${inList(statsStates)}) and score_hold is null
  order by company_id, published_at, id limit ${PAGE}`;
const channelPageSql = `select story_id, channel, case channel ${CHANNELS.map((c, i) => `when '${c}' then ${i}`).join(' ')} else -1 end as code, wait_minutes, answered from story_channels
  where (story_id, channel) > (?, ?) order by story_id, channel limit ${PAGE}`;

interface ChannelColumns {
  /** Channels of story id i: start[i] … start[i+1]−1. */
  start: Int32Array;
  name: string[];
  wait: number[];
  answered: Uint8Array;
}

async function scanChannels(db: DB): Promise<ChannelColumns> {
  const maxId = (await db.executeQuery<{ m: number | null }>(CompiledQuery.raw('select max(id) as m from stories'))).rows[0]?.m ?? 0;
  const start = new Int32Array(maxId + 2);
  const name: string[] = [];
  const wait: number[] = [];
  const answered: number[] = [];
  let id = 0;
  for (let lastStory = 0, lastChannel = ''; ; ) {
    const { rows } = await db.executeQuery<ChannelPageRow>(CompiledQuery.raw(channelPageSql, [lastStory, lastChannel]));
    for (const c of rows) {
      if (c.story_id > maxId) continue;
      while (id < c.story_id) start[++id] = name.length;
      name.push(c.code >= 0 ? CHANNELS[c.code]! : c.channel);
      wait.push(c.wait_minutes ?? Number.NaN);
      answered.push(c.answered);
    }
    if (rows.length < PAGE) break;
    const tail = rows[rows.length - 1]!;
    lastStory = tail.story_id;
    lastChannel = tail.channel;
  }
  while (id <= maxId) start[++id] = name.length;
  return { start, name, wait, answered: Uint8Array.from(answered) };
}

function storyOf(r: StoryPageRow, ch: ChannelColumns): ScoringStory {
  // The same mapping as toScoringStory() in stats.repository.ts.
  const timed = (r.f & 1) === 0;
  const resolved = ((r.f >> 2) & 3) - 1;
  const wba = ((r.f >> 4) & 3) - 1;
  const rating = (r.f >> 6) & 7;
  const withdrawn = (r.f & 512) !== 0;
  const state = withdrawn ? 'withdrawn' : (r.f & 1024) !== 0 ? 'closed_no_verdict' : '';
  const channels: ScoringStory['channels'][number][] = [];
  if (r.id + 1 < ch.start.length) {
    for (let k = ch.start[r.id]!; k < ch.start[r.id + 1]!; k++) {
      const w = ch.wait[k]!;
      channels.push({ channel: ch.name[k]!, waitMinutes: Number.isNaN(w) ? null : w, answered: ch.answered[k] === 1 });
    }
  }
  return {
    imported: !timed,
    withdrawn,
    closedAt: closedWithoutVerdictAt(state, timed, r.published_at, r.first_reply_at, resolved !== -1),
    publishedAt: r.published_at,
    replyDueAt: r.reply_due_at,
    replied: r.first_reply_at !== null || (r.f & 2) !== 0,
    firstReplyHours: timed && r.first_reply_at !== null ? Math.max(0, r.first_reply_at - r.published_at) / HOUR_MS : null,
    verdict:
      resolved === -1
        ? null
        : { at: timed ? r.verdict_at : null, resolved: resolved === 1, wouldBuyAgain: wba === -1 ? null : wba === 1, rating: rating === 0 ? null : rating },
    channels,
  };
}

/** Each company (from ≤ id < to) that has counted stories, in id order, with its stories in (published_at, id) order. */
export async function* scanCompanyStories(db: DB, from = -Infinity, to = Infinity): AsyncGenerator<{ companyId: number; stories: IdentifiedStory[] }> {
  const ch = await scanChannels(db);
  let companyId = -1;
  let stories: IdentifiedStory[] = [];
  // Keyset start just before company `from`; SQLite compares a REAL bound with integer ids fine.
  const upper = Number.isFinite(to) ? to : Number.MAX_SAFE_INTEGER;
  for (let last: [number, number, number] = [Number.isFinite(from) ? from - 1 : 0, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER]; ; ) {
    const { rows } = await db.executeQuery<StoryPageRow>(CompiledQuery.raw(storyPageSql, [...last, upper]));
    for (const r of rows) {
      if (r.company_id !== companyId) {
        if (stories.length > 0) yield { companyId, stories };
        companyId = r.company_id;
        stories = [];
      }
      stories.push({ id: r.id, story: storyOf(r, ch) });
    }
    if (rows.length < PAGE) break;
    const tail = rows[rows.length - 1]!;
    last = [tail.company_id, tail.published_at, tail.id];
  }
  if (stories.length > 0) yield { companyId, stories };
}
