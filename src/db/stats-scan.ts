// The full-rebuild read of company statistics: every counted story and every channel row, read
// in primary-key order (sequential pages, keyset pagination) into compact columns, then grouped
// by company in memory. Reading company by company through the company index instead touches
// table pages at random: at 1M stories that is ten times slower than two sequential scans.
// Memory stays bounded to a few numbers per story (about 60 MB at 1M stories); ScoringStory
// objects are built one company at a time.
import { CompiledQuery } from 'kysely';
import type { ScoringStory } from '../domain/scoring.ts';
import { publicStates, repliedStates } from '../domain/story-workflow.ts';
import type { DB } from './client.ts';

const HOUR_MS = 3_600_000;
const PAGE = 20_000;

const countedStates = publicStates;
const repliedStateSet = new Set<string>(repliedStates);

interface StoryPageRow {
  id: number;
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
}

interface ChannelPageRow {
  story_id: number;
  channel: string;
  wait_minutes: number | null;
  answered: number;
}

// Both reads walk the primary key: `+state` keeps SQLite from preferring a state index (and a
// sort), and the row-value comparison lets the channel read seek instead of scanning.
const storyPageSql = `select id, company_id, source, state, published_at, reply_due_at, first_reply_at, verdict_at, resolved, would_buy_again, rating
  from stories where id > ? and +state in (${countedStates.map((s) => `'${s}'`).join(', ')}) order by id limit ${PAGE}`;
const channelPageSql = `select story_id, channel, wait_minutes, answered from story_channels
  where (story_id, channel) > (?, ?) order by story_id, channel limit ${PAGE}`;

/** Every counted story of every company, in columns (NaN = null, −1 = no verdict value). */
export interface StoryColumns {
  count: number;
  id: Float64Array;
  company: Float64Array;
  publishedAt: Float64Array;
  replyDueAt: Float64Array;
  firstReplyAt: Float64Array;
  verdictAt: Float64Array;
  /** bit 0: imported (times not real); bit 1: replied by state */
  flags: Uint8Array;
  resolved: Int8Array;
  wouldBuyAgain: Int8Array;
  rating: Int8Array;
  /** Channels of story i: chStart[i] … chStart[i+1]−1 in the channel columns. */
  chStart: Int32Array;
  chName: string[];
  chWait: Float64Array;
  chAnswered: Uint8Array;
}

class Column<T extends Float64Array | Int8Array | Uint8Array | Int32Array> {
  data: T;
  length = 0;
  readonly make: (n: number) => T;
  constructor(make: (n: number) => T) {
    this.make = make;
    this.data = make(1024);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  done(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

const f64 = () => new Column((n) => new Float64Array(n));
const i8 = () => new Column((n) => new Int8Array(n));
const u8 = () => new Column((n) => new Uint8Array(n));

export async function scanStoryColumns(db: DB): Promise<StoryColumns> {
  const id = f64(), company = f64(), pub = f64(), due = f64(), first = f64(), verdictAt = f64();
  const flags = u8(), resolved = i8(), wba = i8(), rating = i8();
  for (let last = 0; ; ) {
    const { rows } = await db.executeQuery<StoryPageRow>(CompiledQuery.raw(storyPageSql, [last]));
    for (const r of rows) {
      id.push(r.id);
      company.push(r.company_id);
      pub.push(r.published_at);
      due.push(r.reply_due_at);
      first.push(r.first_reply_at ?? Number.NaN);
      verdictAt.push(r.verdict_at ?? Number.NaN);
      flags.push((r.source === 'cfpb' ? 1 : 0) | (repliedStateSet.has(r.state) ? 2 : 0));
      resolved.push(r.resolved ?? -1);
      wba.push(r.would_buy_again ?? -1);
      rating.push(r.rating ?? -1);
    }
    if (rows.length < PAGE) break;
    last = rows[rows.length - 1]!.id;
  }
  const ids = id.done();
  const n = ids.length;

  // Channels come in story id order too: walk both lists together.
  const chStart = new Int32Array(n + 1);
  const chName: string[] = [];
  const chWait = f64();
  const chAnswered = u8();
  let storyIndex = 0;
  for (let lastStory = 0, lastChannel = ''; ; ) {
    const { rows } = await db.executeQuery<ChannelPageRow>(CompiledQuery.raw(channelPageSql, [lastStory, lastChannel]));
    for (const c of rows) {
      while (storyIndex < n && ids[storyIndex]! < c.story_id) chStart[++storyIndex] = chName.length;
      if (storyIndex < n && ids[storyIndex] === c.story_id) {
        chName.push(c.channel);
        chWait.push(c.wait_minutes ?? Number.NaN);
        chAnswered.push(c.answered);
      }
    }
    if (rows.length < PAGE) break;
    const tail = rows[rows.length - 1]!;
    lastStory = tail.story_id;
    lastChannel = tail.channel;
  }
  while (storyIndex < n) chStart[++storyIndex] = chName.length;

  return {
    count: n,
    id: ids,
    company: company.done(),
    publishedAt: pub.done(),
    replyDueAt: due.done(),
    firstReplyAt: first.done(),
    verdictAt: verdictAt.done(),
    flags: flags.done(),
    resolved: resolved.done(),
    wouldBuyAgain: wba.done(),
    rating: rating.done(),
    chStart,
    chName,
    chWait: chWait.done(),
    chAnswered: chAnswered.done(),
  };
}

/**
 * Story indices grouped by company, each group in (published_at, id) order — the order the
 * per-company read uses, so both paths add the same numbers in the same order.
 */
export function groupByCompany(cols: StoryColumns): Map<number, Int32Array> {
  const counts = new Map<number, number>();
  for (let i = 0; i < cols.count; i++) counts.set(cols.company[i]!, (counts.get(cols.company[i]!) ?? 0) + 1);
  const groups = new Map<number, Int32Array>();
  const fill = new Map<number, number>();
  for (const [c, k] of counts) {
    groups.set(c, new Int32Array(k));
    fill.set(c, 0);
  }
  for (let i = 0; i < cols.count; i++) {
    const c = cols.company[i]!;
    const at = fill.get(c)!;
    groups.get(c)![at] = i;
    fill.set(c, at + 1);
  }
  for (const g of groups.values()) {
    // Indices are in id order already; a stable sort by publication keeps id order among ties.
    g.sort((a, b) => cols.publishedAt[a]! - cols.publishedAt[b]! || cols.id[a]! - cols.id[b]!);
  }
  return groups;
}

/** The scoring input of story i — the same mapping as toScoringStory() in stats.repository.ts. */
export function scoringStoryAt(cols: StoryColumns, i: number): ScoringStory {
  const timed = (cols.flags[i]! & 1) === 0;
  const first = cols.firstReplyAt[i]!;
  const hasFirst = !Number.isNaN(first);
  const publishedAt = cols.publishedAt[i]!;
  const resolved = cols.resolved[i]!;
  const verdictAt = cols.verdictAt[i]!;
  const wba = cols.wouldBuyAgain[i]!;
  const rating = cols.rating[i]!;
  const channels: ScoringStory['channels'][number][] = [];
  for (let k = cols.chStart[i]!; k < cols.chStart[i + 1]!; k++) {
    const wait = cols.chWait[k]!;
    channels.push({ channel: cols.chName[k]!, waitMinutes: Number.isNaN(wait) ? null : wait, answered: cols.chAnswered[k] === 1 });
  }
  return {
    publishedAt,
    replyDueAt: cols.replyDueAt[i]!,
    replied: hasFirst || (cols.flags[i]! & 2) !== 0,
    firstReplyHours: timed && hasFirst ? Math.max(0, first - publishedAt) / HOUR_MS : null,
    verdict:
      resolved === -1
        ? null
        : {
            at: timed ? (Number.isNaN(verdictAt) ? null : verdictAt) : null,
            resolved: resolved === 1,
            wouldBuyAgain: wba === -1 ? null : wba === 1,
            rating: rating === -1 ? null : rating,
          },
    channels,
  };
}
