// What a consumer tells us about each contact channel on the publish form: which channels they
// tried, how long they waited, and whether a person ever answered. Pure rules (decision 0041):
// a wait is kept whether or not someone answered ("waited 30 min, never got a person"); a wait or
// a "never answered" typed for a channel that is not ticked is an inconsistent entry and gets a
// message instead of being dropped in silence.
import { CHANNELS, type Channel } from './vocabulary.ts';

export const WAIT_UNITS = ['minutes', 'hours', 'days'] as const;
export type WaitUnit = (typeof WAIT_UNITS)[number];
export const UNIT_MINUTES: Record<WaitUnit, number> = { minutes: 1, hours: 60, days: 1440 };
/** A wait over 90 days is a typo or a channel that never answered; we do not guess which. */
export const MAX_WAIT_MINUTES = 90 * 1440;

/** The raw entries of one channel row, as typed. */
export interface ChannelEntryInput {
  channel: Channel;
  /** The channel's own checkbox ("I tried this channel"). */
  tried: boolean;
  unanswered: boolean;
  /** The wait as typed (trimmed); '' when left empty. */
  wait: string;
  unit: WaitUnit;
}

export type ChannelEntryProblemCode = 'wait_invalid' | 'wait_too_long' | 'wait_without_channel' | 'unanswered_without_channel';

export interface ChannelEntryProblem {
  channel: Channel;
  /** The form field the message belongs beside. */
  field: 'wait' | 'unanswered';
  code: ChannelEntryProblemCode;
}

export interface ChannelAttempt {
  channel: Channel;
  /** A person answered on this channel. */
  answered: boolean;
  /** How long the consumer waited (for an answer, or before giving up); null = not said. */
  waitMinutes: number | null;
}

/** A typed wait as a number: digits with an optional decimal point or comma (Italian "1,5"). */
export function parseWaitAmount(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,6}([.,]\d{1,3})?$/.test(t)) return null;
  return Number(t.replace(',', '.'));
}

/** Checks every row; gives the problems (if any) and the attempts of the ticked channels. */
export function checkChannelEntries(entries: readonly ChannelEntryInput[]): { problems: ChannelEntryProblem[]; attempts: ChannelAttempt[] } {
  const problems: ChannelEntryProblem[] = [];
  const attempts: ChannelAttempt[] = [];
  for (const e of entries) {
    const typed = e.wait.trim() !== '';
    const amount = typed ? parseWaitAmount(e.wait) : null;
    if (typed && amount === null) {
      problems.push({ channel: e.channel, field: 'wait', code: 'wait_invalid' });
      continue;
    }
    if (!e.tried) {
      if (typed) problems.push({ channel: e.channel, field: 'wait', code: 'wait_without_channel' });
      if (e.unanswered) problems.push({ channel: e.channel, field: 'unanswered', code: 'unanswered_without_channel' });
      continue;
    }
    const minutes = amount === null ? null : Math.round(amount * UNIT_MINUTES[e.unit]);
    if (minutes !== null && minutes > MAX_WAIT_MINUTES) {
      problems.push({ channel: e.channel, field: 'wait', code: 'wait_too_long' });
      continue;
    }
    attempts.push({ channel: e.channel, answered: !e.unanswered, waitMinutes: minutes });
  }
  return { problems, attempts };
}

/** Reads the rows from plain form values (channels[], wait_<c>, unit_<c>, unanswered_<c>). */
export function channelEntriesFromValues(values: Record<string, string | string[] | undefined>): ChannelEntryInput[] {
  const raw = values.channels;
  const tried = new Set(raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]);
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
  return CHANNELS.map((channel) => {
    const unit = one(values[`unit_${channel}`]);
    return {
      channel,
      tried: tried.has(channel),
      unanswered: one(values[`unanswered_${channel}`]) === 'on',
      wait: one(values[`wait_${channel}`]).trim(),
      unit: (WAIT_UNITS as readonly string[]).includes(unit) ? (unit as WaitUnit) : 'minutes',
    };
  });
}
