// The company page's channel table (decision 0041): for each channel, how many of the company's
// stories tried it and their share, how often a person answered, the median wait when answered,
// the median wait of attempts nobody answered (how long people held on before giving up), and
// the resolution rate of the stories that used it. Pure; the repository gives the rows.
import { CHANNELS, type Channel } from './vocabulary.ts';

export interface ChannelAttemptRow {
  storyId: number;
  channel: Channel;
  answered: boolean;
  waitMinutes: number | null;
  /** The story's verdict: true resolved, false not resolved, null no verdict yet. */
  resolved: boolean | null;
}

export interface ChannelBreakdownFigure {
  channel: Channel;
  /** Stories that tried this channel. */
  stories: number;
  /** stories / all stories with at least one channel (a story can try several channels). */
  share: number;
  answered: number;
  unanswered: number;
  medianAnsweredWaitMinutes: number | null;
  answeredWaits: number;
  medianUnansweredWaitMinutes: number | null;
  unansweredWaits: number;
  /** Stories of this channel with a verdict, and how many of them say "resolved". */
  verdicts: number;
  resolved: number;
  /** resolved / verdicts; null without verdicts. */
  resolutionRate: number | null;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function channelBreakdown(rows: readonly ChannelAttemptRow[]): ChannelBreakdownFigure[] {
  const stories = new Set<number>();
  const by = new Map<Channel, { stories: Set<number>; answered: number; unanswered: number; aw: number[]; uw: number[]; verdicts: number; resolved: number }>();
  for (const r of rows) {
    stories.add(r.storyId);
    let e = by.get(r.channel);
    if (!e) by.set(r.channel, (e = { stories: new Set(), answered: 0, unanswered: 0, aw: [], uw: [], verdicts: 0, resolved: 0 }));
    if (e.stories.has(r.storyId)) continue; // one row per story and channel
    e.stories.add(r.storyId);
    if (r.answered) {
      e.answered++;
      if (r.waitMinutes !== null) e.aw.push(r.waitMinutes);
    } else {
      e.unanswered++;
      if (r.waitMinutes !== null) e.uw.push(r.waitMinutes);
    }
    if (r.resolved !== null) {
      e.verdicts++;
      if (r.resolved) e.resolved++;
    }
  }
  const total = stories.size;
  return [...by.entries()]
    .map(([channel, e]) => ({
      channel,
      stories: e.stories.size,
      share: total === 0 ? 0 : e.stories.size / total,
      answered: e.answered,
      unanswered: e.unanswered,
      medianAnsweredWaitMinutes: median(e.aw),
      answeredWaits: e.aw.length,
      medianUnansweredWaitMinutes: median(e.uw),
      unansweredWaits: e.uw.length,
      verdicts: e.verdicts,
      resolved: e.resolved,
      resolutionRate: e.verdicts === 0 ? null : e.resolved / e.verdicts,
    }))
    .sort((a, b) => b.stories - a.stories || CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel));
}
