// The clocks of a story: the reply clock (publish → first company reply, deadline 7 days),
// the verdict window (60 days after the first reply, or after a reopening), the resolution clock
// (publish → verdict) and the "still resolved?" follow-ups (7 and 30 days after a resolved verdict).
// Pure functions over epoch milliseconds; `now` is always passed in.

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export type FollowupKind = '7d' | '30d';
export const followupKinds: readonly FollowupKind[] = ['7d', '30d'];

export interface WorkflowConfig {
  /** Days a company has for its first public reply before the story shows as overdue. */
  replyDeadlineDays: number;
  /** Days after the first reply (or a reopening) during which the consumer can give a verdict. */
  verdictWindowDays: number;
  /** Days after a "resolved" verdict at which the consumer is asked whether it is still resolved. */
  followupDays: Record<FollowupKind, number>;
}

export const defaultWorkflowConfig: WorkflowConfig = {
  replyDeadlineDays: 7,
  verdictWindowDays: 60,
  followupDays: { '7d': 7, '30d': 30 },
};

/** The configuration with a different reply deadline (e.g. from REPLY_DEADLINE_DAYS); invalid values keep the default. */
export function workflowConfig(overrides: Partial<WorkflowConfig> = {}): WorkflowConfig {
  const days = overrides.replyDeadlineDays;
  return {
    ...defaultWorkflowConfig,
    ...overrides,
    replyDeadlineDays: days !== undefined && Number.isFinite(days) && days > 0 ? days : defaultWorkflowConfig.replyDeadlineDays,
  };
}

export function replyDueAt(publishedAt: number, config: WorkflowConfig = defaultWorkflowConfig): number {
  return publishedAt + config.replyDeadlineDays * DAY_MS;
}

export interface ClockStory {
  publishedAt: number;
  replyDueAt: number;
  firstReplyAt: number | null;
  verdictAt: number | null;
  reopenedAt: number | null;
}

/**
 * End of the window for a verdict: 60 days after the first reply, or after the reopening when a
 * "still resolved? — no" reopened the story (otherwise a reopened story would close at once).
 * Null while there is no reply.
 */
export function verdictWindowEndsAt(story: ClockStory, config: WorkflowConfig = defaultWorkflowConfig): number | null {
  if (story.firstReplyAt === null) return null;
  const start = Math.max(story.firstReplyAt, story.reopenedAt ?? 0);
  return start + config.verdictWindowDays * DAY_MS;
}

/** How long after the verdict window a verdict can still be given or changed, marked late (rule 2). */
export const LATE_VERDICT_DAYS = 365;
/** Days before a verdict window (on time or late) closes at which its author is reminded. */
export const VERDICT_REMINDER_DAYS = 7;

/**
 * End of the on-time verdict window for any story (score rules v2, rule 2): 60 days after the
 * first reply or the reopening; for a story the company never answered, 60 days after its reply
 * deadline (from the deadline on, its author may give a verdict without a reply).
 */
export function verdictDueAt(story: ClockStory, config: WorkflowConfig = defaultWorkflowConfig): number {
  const start = Math.max(story.firstReplyAt ?? story.replyDueAt, story.reopenedAt ?? 0);
  return start + config.verdictWindowDays * DAY_MS;
}

/** Last moment a verdict can be given or changed (late): 12 months after the on-time window. */
export function lateVerdictEndsAt(story: ClockStory, config: WorkflowConfig = defaultWorkflowConfig): number {
  return verdictDueAt(story, config) + LATE_VERDICT_DAYS * DAY_MS;
}

export function followupDueAt(verdictAt: number, kind: FollowupKind, config: WorkflowConfig = defaultWorkflowConfig): number {
  return verdictAt + config.followupDays[kind] * DAY_MS;
}

/** Hours from publication to the first company reply; null without a reply. */
export function hoursToFirstReply(story: Pick<ClockStory, 'publishedAt' | 'firstReplyAt'>): number | null {
  if (story.firstReplyAt === null) return null;
  return Math.max(0, story.firstReplyAt - story.publishedAt) / HOUR_MS;
}

/** Hours from publication to the verdict (the resolution clock); null without a verdict. */
export function hoursToResolution(story: Pick<ClockStory, 'publishedAt' | 'verdictAt'>): number | null {
  if (story.verdictAt === null) return null;
  return Math.max(0, story.verdictAt - story.publishedAt) / HOUR_MS;
}

/** Whole days a reply is late (0 when not late): the number an overdue badge shows. */
export function daysOverdue(story: Pick<ClockStory, 'replyDueAt' | 'firstReplyAt'>, now: number): number {
  const end = story.firstReplyAt ?? now;
  if (end <= story.replyDueAt) return 0;
  return Math.floor((end - story.replyDueAt) / DAY_MS);
}

/** Time left before the reply deadline, in hours (negative once it has passed). */
export function hoursUntilReplyDue(story: Pick<ClockStory, 'replyDueAt'>, now: number): number {
  return (story.replyDueAt - now) / HOUR_MS;
}

export type TimelineKind =
  | 'published'
  | 'reply_due'
  | 'first_reply'
  | 'verdict_window_ends'
  | 'verdict'
  | 'reopened'
  | 'followup';

export interface TimelineEntry {
  kind: TimelineKind;
  at: number;
  /** true once the moment is in the past (or has happened). */
  done: boolean;
  /** Hours since publication, for the clock labels ("replied after 5 hours"). */
  hoursFromPublish: number;
  followup?: FollowupKind;
  late?: boolean;
}

/**
 * The clocks of one story as an ordered timeline for the story page. Upcoming moments
 * (deadline, end of the verdict window, follow-ups) are listed with done=false.
 */
export function storyTimeline(
  story: ClockStory & { state: string },
  now: number,
  config: WorkflowConfig = defaultWorkflowConfig,
): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const add = (kind: TimelineKind, at: number, extra: Partial<TimelineEntry> = {}) =>
    entries.push({ kind, at, done: at <= now, hoursFromPublish: Math.max(0, at - story.publishedAt) / HOUR_MS, ...extra });

  add('published', story.publishedAt);
  if (story.firstReplyAt === null) {
    add('reply_due', story.replyDueAt);
  } else {
    add('reply_due', story.replyDueAt, { done: true, late: story.firstReplyAt > story.replyDueAt });
    add('first_reply', story.firstReplyAt, { late: story.firstReplyAt > story.replyDueAt });
  }
  if (story.reopenedAt !== null) add('reopened', story.reopenedAt);
  if (story.verdictAt !== null) {
    add('verdict', story.verdictAt);
    if (story.state === 'resolved') {
      for (const kind of followupKinds) add('followup', followupDueAt(story.verdictAt, kind, config), { followup: kind });
    }
  } else {
    const ends = verdictWindowEndsAt(story, config);
    if (ends !== null) add('verdict_window_ends', ends);
  }
  return entries.sort((a, b) => a.at - b.at || order(a.kind) - order(b.kind));
}

const timelineOrder: TimelineKind[] = ['published', 'reply_due', 'first_reply', 'reopened', 'verdict', 'verdict_window_ends', 'followup'];
function order(kind: TimelineKind): number {
  return timelineOrder.indexOf(kind);
}
