import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  HOUR_MS,
  daysOverdue,
  defaultWorkflowConfig,
  followupDueAt,
  hoursToFirstReply,
  hoursToResolution,
  hoursUntilReplyDue,
  replyDueAt,
  storyTimeline,
  verdictWindowEndsAt,
  workflowConfig,
} from './clocks.ts';
import { DomainError, domainErrorCodes, domainErrorKey, domainErrorStatus, isDomainError } from './errors.ts';

const T0 = Date.UTC(2026, 10, 1, 9);
const base = { publishedAt: T0, replyDueAt: T0 + 7 * DAY_MS, firstReplyAt: null, verdictAt: null, reopenedAt: null };

describe('clocks', () => {
  it('gives companies 7 days to reply by default, and honours a configured deadline', () => {
    expect(replyDueAt(T0)).toBe(T0 + 7 * DAY_MS);
    expect(replyDueAt(T0, workflowConfig({ replyDeadlineDays: 3 }))).toBe(T0 + 3 * DAY_MS);
    expect(workflowConfig({ replyDeadlineDays: Number.NaN }).replyDeadlineDays).toBe(7);
    expect(workflowConfig({ replyDeadlineDays: -1 }).replyDeadlineDays).toBe(7);
  });

  it('measures the reply clock and the resolution clock in hours', () => {
    expect(hoursToFirstReply(base)).toBeNull();
    expect(hoursToFirstReply({ ...base, firstReplyAt: T0 + 5 * HOUR_MS })).toBe(5);
    expect(hoursToResolution({ ...base, verdictAt: T0 + 3 * DAY_MS })).toBe(72);
    expect(hoursToResolution(base)).toBeNull();
  });

  it('counts whole days overdue for the public badge', () => {
    expect(daysOverdue(base, T0 + 7 * DAY_MS)).toBe(0);
    expect(daysOverdue(base, T0 + 9 * DAY_MS + 1)).toBe(2);
    // A late reply freezes the count at the moment it came.
    expect(daysOverdue({ ...base, firstReplyAt: T0 + 10 * DAY_MS }, T0 + 40 * DAY_MS)).toBe(3);
    expect(hoursUntilReplyDue(base, T0 + 6 * DAY_MS)).toBe(24);
  });

  it('opens the verdict window at the first reply, or again at a reopening', () => {
    expect(verdictWindowEndsAt(base)).toBeNull();
    expect(verdictWindowEndsAt({ ...base, firstReplyAt: T0 + DAY_MS })).toBe(T0 + 61 * DAY_MS);
    expect(verdictWindowEndsAt({ ...base, firstReplyAt: T0 + DAY_MS, reopenedAt: T0 + 50 * DAY_MS })).toBe(T0 + 110 * DAY_MS);
  });

  it('asks "still resolved?" 7 and 30 days after the verdict', () => {
    expect(followupDueAt(T0, '7d')).toBe(T0 + 7 * DAY_MS);
    expect(followupDueAt(T0, '30d', defaultWorkflowConfig)).toBe(T0 + 30 * DAY_MS);
  });

  it('lays out the timeline of an unanswered story with the deadline still ahead', () => {
    const t = storyTimeline({ ...base, state: 'awaiting_reply' }, T0 + DAY_MS);
    expect(t.map((e) => [e.kind, e.done])).toEqual([
      ['published', true],
      ['reply_due', false],
    ]);
  });

  it('lays out the timeline of a late-answered, resolved story with its follow-ups', () => {
    const story = { ...base, state: 'resolved', firstReplyAt: T0 + 8 * DAY_MS, verdictAt: T0 + 10 * DAY_MS };
    const t = storyTimeline(story, T0 + 20 * DAY_MS);
    expect(t.map((e) => e.kind)).toEqual(['published', 'reply_due', 'first_reply', 'verdict', 'followup', 'followup']);
    expect(t.find((e) => e.kind === 'first_reply')).toMatchObject({ late: true, hoursFromPublish: 192 });
    expect(t.filter((e) => e.kind === 'followup').map((e) => [e.followup, e.done])).toEqual([
      ['7d', true],
      ['30d', false],
    ]);
  });

  it('shows when the verdict window ends for an answered story', () => {
    const t = storyTimeline({ ...base, state: 'answered', firstReplyAt: T0 + HOUR_MS }, T0 + 2 * DAY_MS);
    expect(t.at(-1)).toMatchObject({ kind: 'verdict_window_ends', at: T0 + HOUR_MS + 60 * DAY_MS, done: false });
  });
});

describe('domain errors', () => {
  it('carry a code, an i18n key and an HTTP status', () => {
    const e = new DomainError('own_company');
    expect(isDomainError(e)).toBe(true);
    expect(e.code).toBe('own_company');
    expect(e.i18nKey).toBe('workflow.error.own_company');
    expect(domainErrorKey('story_not_found')).toBe('workflow.error.story_not_found');
    expect(domainErrorStatus('story_not_found')).toBe(404);
    expect(domainErrorStatus('not_author')).toBe(403);
    expect(domainErrorStatus('invalid_rating')).toBe(422);
    expect(domainErrorStatus('invalid_state')).toBe(409);
    expect(isDomainError(new Error('x'))).toBe(false);
    expect(new Set(domainErrorCodes).size).toBe(domainErrorCodes.length);
  });
});
