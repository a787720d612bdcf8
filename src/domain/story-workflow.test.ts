import { describe, expect, it } from 'vitest';
import { DAY_MS } from './clocks.ts';
import {
  allowedEvents,
  storyStates,
  systemActor,
  transition,
  type Actor,
  type StoryEvent,
  type StoryState,
  type WorkflowStory,
  verdictReminderDue,
  verdictWindow,
} from './story-workflow.ts';

const T0 = Date.UTC(2026, 10, 1, 9);
const COMPANY = 10;
const AUTHOR = 1;

const author: Actor = { kind: 'consumer', userId: AUTHOR, companyIds: [] };
const stranger: Actor = { kind: 'consumer', userId: 2, companyIds: [] };
const rep: Actor = { kind: 'company', userId: 3, companyIds: [COMPANY] };
const otherRep: Actor = { kind: 'company', userId: 4, companyIds: [99] };
const moderator: Actor = { kind: 'moderator', userId: 5, companyIds: [] };
const admin: Actor = { kind: 'admin', userId: 6, companyIds: [] };
const system = systemActor;

function story(state: StoryState, extra: Partial<WorkflowStory> = {}): WorkflowStory {
  const replied = !['awaiting_reply', 'overdue'].includes(state) || extra.firstReplyAt !== undefined;
  const verdict = state === 'resolved' || state === 'unresolved';
  return {
    companyId: COMPANY,
    authorId: AUTHOR,
    state,
    stateBeforeHidden: state === 'hidden' ? 'answered' : null,
    publishedAt: T0,
    replyDueAt: T0 + 7 * DAY_MS,
    firstReplyAt: replied ? T0 + DAY_MS : null,
    verdictAt: verdict ? T0 + 3 * DAY_MS : null,
    resolved: verdict ? state === 'resolved' : null,
    wouldBuyAgain: verdict ? true : null,
    rating: verdict ? 4 : null,
    verdictComment: null,
    reopenedAt: null,
    closedAt: verdict ? T0 + 3 * DAY_MS : null,
    editedAt: null,
    withdrawnAt: state === 'withdrawn' ? T0 + 2 * DAY_MS : null,
    hiddenAt: state === 'hidden' ? T0 + 2 * DAY_MS : null,
    lastActivityAt: T0,
    ...extra,
  };
}

const now = T0 + 4 * DAY_MS;
const reply: StoryEvent = { type: 'company_reply', body: 'We are sorry, refund sent.' };
const consumerReply: StoryEvent = { type: 'consumer_reply', body: 'Thanks, received.' };
const verdictYes: StoryEvent = { type: 'verdict', resolved: true, wouldBuyAgain: true, rating: 5, comment: ' all good ' };
const verdictNo: StoryEvent = { type: 'verdict', resolved: false, wouldBuyAgain: false, rating: 1 };
const followup7 = (answeredAt: number | null = null) => ({ kind: '7d' as const, dueAt: T0 + 10 * DAY_MS, sentAt: T0 + 10 * DAY_MS, answeredAt });
const stillYes: StoryEvent = { type: 'still_resolved_check', kind: '7d', stillResolved: true, followup: followup7() };
const stillNo: StoryEvent = { type: 'still_resolved_check', kind: '7d', stillResolved: false, followup: followup7() };

interface Row {
  name: string;
  story: WorkflowStory;
  event: StoryEvent;
  actor: Actor;
  at?: number;
  expect: StoryState | { refused: string };
}

// Every allowed transition and the refusals that matter, one line each.
const table: Row[] = [
  // company replies
  { name: 'the company’s first reply answers an awaiting story', story: story('awaiting_reply'), event: reply, actor: rep, expect: 'answered' },
  { name: 'a late first reply still answers an overdue story', story: story('overdue'), event: reply, actor: rep, expect: 'answered' },
  { name: 'a further company reply keeps an answered story answered', story: story('answered'), event: reply, actor: rep, expect: 'answered' },
  { name: 'the company may still reply after an unresolved verdict', story: story('unresolved'), event: reply, actor: rep, expect: 'unresolved' },
  { name: 'the company may reply after a resolved verdict', story: story('resolved'), event: reply, actor: rep, expect: 'resolved' },
  { name: 'a consumer cannot reply for the company', story: story('awaiting_reply'), event: reply, actor: stranger, expect: { refused: 'not_company_representative' } },
  { name: 'a representative of another company cannot reply', story: story('awaiting_reply'), event: reply, actor: otherRep, expect: { refused: 'not_company_representative' } },
  { name: 'a moderator cannot reply for the company', story: story('awaiting_reply'), event: reply, actor: moderator, expect: { refused: 'not_company_representative' } },
  { name: 'nobody replies on a hidden story', story: story('hidden'), event: reply, actor: rep, expect: { refused: 'invalid_state' } },
  { name: 'nobody replies on a withdrawn story', story: story('withdrawn'), event: reply, actor: rep, expect: { refused: 'invalid_state' } },
  { name: 'the thread is closed once the verdict window closed', story: story('closed_no_verdict'), event: reply, actor: rep, expect: { refused: 'invalid_state' } },
  { name: 'an empty company reply is refused', story: story('answered'), event: { type: 'company_reply', body: '  ' }, actor: rep, expect: { refused: 'empty_message' } },
  // consumer replies
  { name: 'the author answers the company', story: story('answered'), event: consumerReply, actor: author, expect: 'answered' },
  { name: 'the author may add to a story still awaiting a reply', story: story('awaiting_reply'), event: consumerReply, actor: author, expect: 'awaiting_reply' },
  { name: 'another consumer cannot write in the author’s thread', story: story('answered'), event: consumerReply, actor: stranger, expect: { refused: 'not_author' } },
  { name: 'the company cannot post as the consumer', story: story('answered'), event: consumerReply, actor: rep, expect: { refused: 'not_author' } },
  { name: 'an empty consumer reply is refused', story: story('answered'), event: { type: 'consumer_reply', body: '' }, actor: author, expect: { refused: 'empty_message' } },
  // verdicts
  { name: 'a resolved verdict resolves an answered story', story: story('answered'), event: verdictYes, actor: author, expect: 'resolved' },
  { name: 'an unresolved verdict marks the story unresolved', story: story('answered'), event: verdictNo, actor: author, expect: 'unresolved' },
  { name: 'no verdict before the first reply', story: story('awaiting_reply'), event: verdictYes, actor: author, expect: { refused: 'no_reply_yet' } },
  { name: 'no verdict on an overdue story without reply', story: story('overdue'), event: verdictYes, actor: author, expect: { refused: 'no_reply_yet' } },
  // Score rules v2, rule 2: the consumer always has the last word (these two were refusals in v1).
  { name: 'the author may change a resolved verdict', story: story('resolved'), event: verdictNo, actor: author, expect: 'unresolved' },
  { name: 'a story closed without verdict still takes a late verdict', story: story('closed_no_verdict'), event: verdictYes, actor: author, at: T0 + 70 * DAY_MS, expect: 'resolved' },
  { name: 'an overdue story without reply takes a verdict once its deadline has passed', story: story('overdue'), event: verdictNo, actor: author, at: T0 + 8 * DAY_MS, expect: 'unresolved' },
  { name: 'an awaiting story the scheduler has not yet marked overdue takes a verdict after its deadline', story: story('awaiting_reply'), event: verdictNo, actor: author, at: T0 + 7 * DAY_MS, expect: 'unresolved' },
  { name: 'no verdict 12 months after the verdict window', story: story('closed_no_verdict'), event: verdictYes, actor: author, at: T0 + 61 * DAY_MS + 365 * DAY_MS + 1, expect: { refused: 'verdict_window_over' } },
  { name: 'no verdict change 12 months after the window', story: story('unresolved'), event: verdictYes, actor: author, at: T0 + 427 * DAY_MS, expect: { refused: 'verdict_window_over' } },
  { name: 'no verdict on a withdrawn story', story: story('withdrawn'), event: verdictYes, actor: author, expect: { refused: 'invalid_state' } },
  { name: 'no verdict on a hidden story', story: story('hidden'), event: verdictYes, actor: author, expect: { refused: 'invalid_state' } },
  { name: 'a stranger cannot give the verdict on an overdue story', story: story('overdue'), event: verdictYes, actor: stranger, at: T0 + 8 * DAY_MS, expect: { refused: 'not_author' } },
  { name: 'only the author gives the verdict', story: story('answered'), event: verdictYes, actor: stranger, expect: { refused: 'not_author' } },
  { name: 'the company cannot rate itself', story: story('answered'), event: verdictYes, actor: rep, expect: { refused: 'not_author' } },
  {
    name: 'an author who now represents the company cannot rate it',
    story: story('answered', { authorId: 3 }),
    event: verdictYes,
    actor: rep,
    expect: { refused: 'own_company' },
  },
  { name: 'a rating of 0 is refused', story: story('answered'), event: { ...verdictYes, rating: 0 } as StoryEvent, actor: author, expect: { refused: 'invalid_rating' } },
  { name: 'a rating of 3.5 is refused', story: story('answered'), event: { ...verdictYes, rating: 3.5 } as StoryEvent, actor: author, expect: { refused: 'invalid_rating' } },
  // still resolved?
  { name: '"still resolved? yes" keeps the story resolved', story: story('resolved'), event: stillYes, actor: author, expect: 'resolved' },
  { name: '"still resolved? no" reopens the story', story: story('resolved'), event: stillNo, actor: author, expect: 'answered' },
  {
    name: 'a second "no" after a reopening ends the story unresolved',
    story: story('resolved', { reopenedAt: T0 + 2 * DAY_MS }),
    event: stillNo,
    actor: author,
    expect: 'unresolved',
  },
  { name: 'only the author answers the follow-up', story: story('resolved'), event: stillNo, actor: rep, expect: { refused: 'not_author' } },
  { name: 'no follow-up answer on an unresolved story', story: story('unresolved'), event: stillNo, actor: author, expect: { refused: 'invalid_state' } },
  {
    name: 'a follow-up that does not exist cannot be answered',
    story: story('resolved'),
    event: { ...stillNo, followup: null } as StoryEvent,
    actor: author,
    expect: { refused: 'followup_not_found' },
  },
  {
    name: 'a follow-up cannot be answered twice',
    story: story('resolved'),
    event: { ...stillNo, followup: followup7(T0 + 11 * DAY_MS) } as StoryEvent,
    actor: author,
    at: T0 + 12 * DAY_MS,
    expect: { refused: 'followup_already_answered' },
  },
  {
    name: 'a follow-up cannot be answered before it is due or sent',
    story: story('resolved'),
    event: { ...stillNo, followup: { kind: '7d', dueAt: T0 + 10 * DAY_MS, sentAt: null, answeredAt: null } } as StoryEvent,
    actor: author,
    expect: { refused: 'followup_not_due' },
  },
  // deadlines
  { name: 'the scheduler marks a story overdue after the deadline', story: story('awaiting_reply'), event: { type: 'deadline_passed' }, actor: system, at: T0 + 7 * DAY_MS, expect: 'overdue' },
  { name: 'not overdue one millisecond before the deadline', story: story('awaiting_reply'), event: { type: 'deadline_passed' }, actor: system, at: T0 + 7 * DAY_MS - 1, expect: { refused: 'not_due' } },
  { name: 'an answered story never becomes overdue', story: story('answered'), event: { type: 'deadline_passed' }, actor: system, at: T0 + 8 * DAY_MS, expect: { refused: 'invalid_state' } },
  { name: 'an overdue story is not marked overdue twice', story: story('overdue'), event: { type: 'deadline_passed' }, actor: system, at: T0 + 8 * DAY_MS, expect: { refused: 'invalid_state' } },
  { name: 'a person cannot declare a deadline passed', story: story('awaiting_reply'), event: { type: 'deadline_passed' }, actor: moderator, at: T0 + 8 * DAY_MS, expect: { refused: 'system_only' } },
  {
    name: 'the verdict window closes 60 days after the first reply',
    story: story('answered'),
    event: { type: 'verdict_window_closed' },
    actor: system,
    at: T0 + 61 * DAY_MS,
    expect: 'closed_no_verdict',
  },
  { name: 'the verdict window is open on day 59', story: story('answered'), event: { type: 'verdict_window_closed' }, actor: system, at: T0 + 60 * DAY_MS, expect: { refused: 'not_due' } },
  {
    name: 'a reopened story gets a fresh 60-day window',
    story: story('answered', { reopenedAt: T0 + 40 * DAY_MS }),
    event: { type: 'verdict_window_closed' },
    actor: system,
    at: T0 + 70 * DAY_MS,
    expect: { refused: 'not_due' },
  },
  { name: 'a resolved story has no window to close', story: story('resolved'), event: { type: 'verdict_window_closed' }, actor: system, at: T0 + 90 * DAY_MS, expect: { refused: 'invalid_state' } },
  // moderation
  { name: 'a moderator hides a story with reasons', story: story('answered'), event: { type: 'hide', reason: 'Personal data of a clerk' }, actor: moderator, expect: 'hidden' },
  { name: 'an admin hides an overdue story', story: story('overdue'), event: { type: 'hide', reason: 'Spam' }, actor: admin, expect: 'hidden' },
  { name: 'hiding needs a statement of reasons', story: story('answered'), event: { type: 'hide', reason: ' ' }, actor: moderator, expect: { refused: 'reason_required' } },
  { name: 'a consumer cannot hide stories', story: story('answered'), event: { type: 'hide', reason: 'x' }, actor: author, expect: { refused: 'not_moderator' } },
  { name: 'a company cannot hide stories about itself', story: story('answered'), event: { type: 'hide', reason: 'x' }, actor: rep, expect: { refused: 'not_moderator' } },
  { name: 'a hidden story cannot be hidden again', story: story('hidden'), event: { type: 'hide', reason: 'x' }, actor: moderator, expect: { refused: 'invalid_state' } },
  { name: 'a withdrawn story cannot be hidden', story: story('withdrawn'), event: { type: 'hide', reason: 'x' }, actor: moderator, expect: { refused: 'invalid_state' } },
  { name: 'restoring returns the story to the state it had', story: story('hidden'), event: { type: 'restore', reason: 'Edited' }, actor: moderator, expect: 'answered' },
  { name: 'only hidden stories can be restored', story: story('answered'), event: { type: 'restore', reason: 'x' }, actor: moderator, expect: { refused: 'invalid_state' } },
  { name: 'a consumer cannot restore', story: story('hidden'), event: { type: 'restore', reason: 'x' }, actor: author, expect: { refused: 'not_moderator' } },
  // withdraw and edit
  { name: 'the author withdraws a story', story: story('answered'), event: { type: 'withdraw' }, actor: author, expect: 'withdrawn' },
  { name: 'the author may withdraw a hidden story', story: story('hidden'), event: { type: 'withdraw' }, actor: author, expect: 'withdrawn' },
  { name: 'nobody else withdraws the author’s story', story: story('answered'), event: { type: 'withdraw' }, actor: moderator, expect: { refused: 'not_author' } },
  { name: 'a withdrawn story stays withdrawn', story: story('withdrawn'), event: { type: 'withdraw' }, actor: author, expect: { refused: 'invalid_state' } },
  { name: 'the author edits a resolved story', story: story('resolved'), event: { type: 'edit', title: 'T', body: 'B' }, actor: author, expect: 'resolved' },
  { name: 'the company cannot edit the story', story: story('answered'), event: { type: 'edit', title: 'T', body: 'B' }, actor: rep, expect: { refused: 'not_author' } },
  { name: 'a withdrawn story cannot be edited', story: story('withdrawn'), event: { type: 'edit', title: 'T', body: 'B' }, actor: author, expect: { refused: 'invalid_state' } },
  { name: 'a hidden story cannot be edited', story: story('hidden'), event: { type: 'edit', title: 'T', body: 'B' }, actor: author, expect: { refused: 'invalid_state' } },
  { name: 'an edit needs a title and a body', story: story('answered'), event: { type: 'edit', title: 'T', body: ' ' }, actor: author, expect: { refused: 'invalid_input' } },
];

describe('transition table', () => {
  it.each(table)('$name', (row) => {
    const result = transition(row.story, row.event, row.actor, row.at ?? now);
    if (typeof row.expect === 'string') {
      expect(result).toMatchObject({ ok: true, next: row.expect, from: row.story.state });
    } else {
      expect(result).toEqual({ ok: false, code: row.expect.refused });
    }
  });

  it('refuses every event on a story that does not exist, except publish', () => {
    expect(transition(null, reply, rep, now)).toEqual({ ok: false, code: 'story_not_found' });
  });
});

describe('the consumer has the last word (score rules v2, rule 2)', () => {
  const patchOf = (r: ReturnType<typeof transition>) => {
    if (!r.ok) throw new Error(`refused: ${r.code}`);
    return r;
  };

  it('marks a verdict inside its window on time and one after it late', () => {
    expect(patchOf(transition(story('answered'), verdictYes, author, T0 + 61 * DAY_MS)).patch.verdictLate).toBe(false);
    expect(patchOf(transition(story('answered'), verdictYes, author, T0 + 61 * DAY_MS + 1)).patch.verdictLate).toBe(true);
    expect(patchOf(transition(story('closed_no_verdict'), verdictNo, author, T0 + 426 * DAY_MS)).patch.verdictLate).toBe(true);
  });

  it('opens the window of a never-answered story at its deadline and keeps it 60 days on time', () => {
    const overdue = story('overdue');
    expect(verdictWindow(overdue, T0 + 8 * DAY_MS)).toEqual({ opensAt: T0 + 7 * DAY_MS, dueAt: T0 + 67 * DAY_MS, lateUntil: T0 + 432 * DAY_MS, lateNow: false });
    expect(patchOf(transition(overdue, verdictNo, author, T0 + 67 * DAY_MS + 1)).patch.verdictLate).toBe(true);
  });

  it('counts the window from the reopening after a “still resolved? — no”', () => {
    const reopened = story('answered', { reopenedAt: T0 + 40 * DAY_MS, resolved: false, verdictAt: T0 + 3 * DAY_MS });
    expect(verdictWindow(reopened, T0 + 90 * DAY_MS).dueAt).toBe(T0 + 100 * DAY_MS);
  });

  it('drops the follow-ups of a changed verdict and asks again after a new “resolved”', () => {
    const r = patchOf(transition(story('unresolved'), verdictYes, author, T0 + 10 * DAY_MS));
    expect(r.effects[0]).toEqual({ type: 'cancel_followups' });
    expect(r.effects.filter((e) => e.type === 'schedule_followup')).toHaveLength(2);
    expect(r.effects).toContainEqual({ type: 'recompute_stats' });
  });

  it('offers the verdict form on an overdue story only after the deadline', () => {
    expect(allowedEvents(story('awaiting_reply'), author, T0 + 6 * DAY_MS)).not.toContain('verdict');
    expect(allowedEvents(story('overdue'), author, T0 + 8 * DAY_MS)).toContain('verdict');
    expect(allowedEvents(story('closed_no_verdict'), author, T0 + 100 * DAY_MS)).toContain('verdict');
    expect(allowedEvents(story('closed_no_verdict'), author, T0 + 500 * DAY_MS)).not.toContain('verdict');
  });

  it('reminds the author in the last 7 days of the on-time window, then of the late window', () => {
    const answered = story('answered');
    expect(verdictReminderDue(answered, T0 + 53 * DAY_MS)).toBeNull();
    expect(verdictReminderDue(answered, T0 + 55 * DAY_MS)).toEqual({ kind: 'due', windowEndsAt: T0 + 61 * DAY_MS });
    expect(verdictReminderDue(answered, T0 + 61 * DAY_MS)).toBeNull();
    const closed = story('closed_no_verdict');
    expect(verdictReminderDue(closed, T0 + 55 * DAY_MS)).toBeNull();
    expect(verdictReminderDue(closed, T0 + 420 * DAY_MS)).toEqual({ kind: 'late', windowEndsAt: T0 + 426 * DAY_MS });
    expect(verdictReminderDue(story('overdue'), T0 + 62 * DAY_MS)).toEqual({ kind: 'due', windowEndsAt: T0 + 67 * DAY_MS });
  });

  it('never reminds about a story with a verdict, a withdrawn one or one without an author', () => {
    expect(verdictReminderDue(story('resolved'), T0 + 55 * DAY_MS)).toBeNull();
    expect(verdictReminderDue(story('withdrawn'), T0 + 55 * DAY_MS)).toBeNull();
    expect(verdictReminderDue(story('answered', { authorId: null }), T0 + 55 * DAY_MS)).toBeNull();
  });
});

describe('publish', () => {
  it('starts the 7-day reply clock', () => {
    const r = transition(null, { type: 'publish', companyId: COMPANY, authorId: AUTHOR }, author, T0);
    expect(r).toMatchObject({ ok: true, from: null, next: 'awaiting_reply', action: 'story.publish' });
    if (!r.ok) throw new Error('refused');
    expect(r.patch.replyDueAt).toBe(T0 + 7 * DAY_MS);
    expect(r.effects).toContainEqual({ type: 'recompute_stats' });
  });

  it('honours a configured reply deadline', () => {
    const r = transition(null, { type: 'publish', companyId: COMPANY, authorId: AUTHOR }, author, T0, {
      replyDeadlineDays: 3,
      verdictWindowDays: 60,
      followupDays: { '7d': 7, '30d': 30 },
    });
    expect(r.ok && r.patch.replyDueAt).toBe(T0 + 3 * DAY_MS);
  });

  it('does not let a representative publish about their own company', () => {
    expect(transition(null, { type: 'publish', companyId: COMPANY, authorId: 3 }, rep, T0)).toEqual({ ok: false, code: 'own_company' });
  });

  it('lets a representative publish about another company', () => {
    expect(transition(null, { type: 'publish', companyId: 99, authorId: 3 }, rep, T0).ok).toBe(true);
  });

  it('does not let anyone publish in someone else’s name', () => {
    expect(transition(null, { type: 'publish', companyId: COMPANY, authorId: 7 }, author, T0)).toEqual({ ok: false, code: 'not_author' });
  });

  it('lets the system publish imported stories without an author', () => {
    expect(transition(null, { type: 'publish', companyId: COMPANY, authorId: null }, system, T0).ok).toBe(true);
  });

  it('refuses to publish a story that already exists', () => {
    expect(transition(story('answered'), { type: 'publish', companyId: COMPANY, authorId: AUTHOR }, author, T0)).toEqual({ ok: false, code: 'invalid_state' });
  });
});

describe('patches and effects', () => {
  it('stamps the first reply once and asks for statistics to be recomputed', () => {
    const first = transition(story('awaiting_reply'), reply, rep, now);
    expect(first).toMatchObject({ ok: true, patch: { state: 'answered', firstReplyAt: now } });
    expect(first.ok && first.effects).toEqual(
      // The message says which company wrote it (marketplace stories name two: decision 0037).
      expect.arrayContaining([{ type: 'add_message', role: 'company', body: reply.type === 'company_reply' ? reply.body : '', companyId: story('awaiting_reply').companyId }, { type: 'recompute_stats' }]),
    );
    const second = transition(story('answered'), reply, rep, now + 1);
    expect(second.ok && second.patch.firstReplyAt).toBeUndefined();
    expect(second.ok && second.effects).not.toContainEqual({ type: 'recompute_stats' });
  });

  it('records a resolved verdict and schedules the 7- and 30-day follow-ups', () => {
    const r = transition(story('answered'), verdictYes, author, now);
    if (!r.ok) throw new Error(r.code);
    expect(r.patch).toMatchObject({ verdictAt: now, resolved: true, wouldBuyAgain: true, rating: 5, verdictComment: 'all good', closedAt: now });
    expect(r.effects).toContainEqual({ type: 'schedule_followup', kind: '7d', dueAt: now + 7 * DAY_MS });
    expect(r.effects).toContainEqual({ type: 'schedule_followup', kind: '30d', dueAt: now + 30 * DAY_MS });
  });

  it('schedules no follow-up for an unresolved verdict', () => {
    const r = transition(story('answered'), verdictNo, author, now);
    expect(r.ok && r.effects.some((e) => e.type === 'schedule_followup')).toBe(false);
  });

  it('reopens the story on a first "no" and keeps it on record as unresolved (not erased into "no verdict")', () => {
    const r = transition(story('resolved'), stillNo, author, now + 20 * DAY_MS);
    if (!r.ok) throw new Error(r.code);
    expect(r.patch).toMatchObject({ state: 'answered', reopenedAt: now + 20 * DAY_MS, resolved: false, closedAt: null });
    // The verdict's time, would-buy-again and rating stay until a new verdict replaces them.
    expect(r.patch).not.toHaveProperty('verdictAt');
    expect(r.patch).not.toHaveProperty('wouldBuyAgain');
    expect(r.patch).not.toHaveProperty('rating');
    expect(r.effects).toContainEqual({ type: 'answer_followup', kind: '7d', stillResolved: false });
    expect(r.effects).toContainEqual({ type: 'cancel_followups' });
    expect(r.effects).toContainEqual({ type: 'recompute_stats' });
  });

  it('ends the story on a second "no" as unresolved, would not buy again, without a rating', () => {
    const r = transition(story('resolved', { reopenedAt: now + 2 * DAY_MS, wouldBuyAgain: true, rating: 5 }), stillNo, author, now + 40 * DAY_MS);
    if (!r.ok) throw new Error(r.code);
    expect(r.patch).toMatchObject({ state: 'unresolved', resolved: false, wouldBuyAgain: false, rating: null });
  });

  it('remembers the state before hiding and leaves the search index', () => {
    const r = transition(story('overdue'), { type: 'hide', reason: 'x' }, moderator, now);
    expect(r).toMatchObject({ ok: true, action: 'moderation.hide', patch: { state: 'hidden', stateBeforeHidden: 'overdue', hiddenAt: now } });
    expect(r.ok && r.effects).toContainEqual({ type: 'search', op: 'delete' });
    const back = transition(story('hidden', { stateBeforeHidden: 'overdue' }), { type: 'restore', reason: 'ok' }, moderator, now);
    expect(back).toMatchObject({ ok: true, next: 'overdue', patch: { stateBeforeHidden: null, hiddenAt: null } });
  });

  it('keeps a revision when the author edits', () => {
    const r = transition(story('answered'), { type: 'edit', title: 'New', body: 'Text' }, author, now);
    expect(r).toMatchObject({ ok: true, next: 'answered', patch: { editedAt: now } });
    expect(r.ok && r.effects).toContainEqual({ type: 'save_revision' });
  });
});

describe('allowed events', () => {
  it('offers the author the verdict only after the first reply', () => {
    expect(allowedEvents(story('awaiting_reply'), author, now)).toEqual(['consumer_reply', 'withdraw', 'edit']);
    expect(allowedEvents(story('answered'), author, now)).toEqual(['consumer_reply', 'verdict', 'withdraw', 'edit']);
  });

  it('offers the company only its reply and moderators only hide/restore', () => {
    expect(allowedEvents(story('overdue'), rep, now)).toEqual(['company_reply']);
    expect(allowedEvents(story('overdue'), moderator, now)).toEqual(['hide']);
    expect(allowedEvents(story('hidden'), moderator, now)).toEqual(['restore']);
  });

  it('never offers anything on a withdrawn story', () => {
    for (const actor of [author, rep, moderator, stranger]) expect(allowedEvents(story('withdrawn'), actor, now)).toEqual([]);
  });

  it('knows all eight states', () => {
    expect(storyStates).toHaveLength(8);
  });
});

describe('a marketplace story (two companies named, decision 0037)', () => {
  const partnerRep: Actor = { kind: 'company', userId: 6, companyIds: [77] };
  const linked = (state: StoryState) => ({ ...story(state), partnerCompanyId: 77 });

  it('lets the other company reply without stopping the reply clock of the one held responsible', () => {
    const r = transition(linked('awaiting_reply'), { type: 'company_reply', body: 'We asked the seller.' }, partnerRep, T0);
    if (!r.ok) throw new Error(r.code);
    expect(r.next).toBe('awaiting_reply');
    expect(r.patch.firstReplyAt).toBeUndefined();
    expect(r.effects).toContainEqual({ type: 'add_message', role: 'company', body: 'We asked the seller.', companyId: 77 });
    expect(r.effects).not.toContainEqual({ type: 'recompute_stats' });
  });

  it('still refuses a company the story does not name, and a partner judging the story', () => {
    expect(transition(linked('awaiting_reply'), { type: 'company_reply', body: 'x' }, otherRep, T0)).toEqual({ ok: false, code: 'not_company_representative' });
    expect(transition(story('awaiting_reply'), { type: 'company_reply', body: 'x' }, partnerRep, T0)).toEqual({ ok: false, code: 'not_company_representative' });
    const authorAndPartner: Actor = { kind: 'company', userId: AUTHOR, companyIds: [77] };
    expect(transition(linked('answered'), { type: 'verdict', resolved: true, wouldBuyAgain: true, rating: 5 }, authorAndPartner, T0)).toEqual({ ok: false, code: 'own_company' });
    expect(transition(null, { type: 'publish', companyId: COMPANY, authorId: 6, partnerCompanyId: 77 }, { ...partnerRep, kind: 'consumer' }, T0)).toEqual({ ok: false, code: 'own_company' });
  });
});
