import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS } from './clocks.ts';
import { digestContent, digestSlot, kindOfTemplate, kindsFor, mayMail, NOTIFICATION_KINDS, preferencesFromForm, type DigestStory } from './notifications.ts';
import { systemActor, transition, type WorkflowStory } from './story-workflow.ts';

const T0 = Date.UTC(2026, 2, 2, 9);
const verified = { verified: true, banned: false };

describe('who gets which mail', () => {
  it('a verified author gets a notification of every kind while it is on', () => {
    for (const template of ['story.story_overdue_author', 'story.company_replied', 'story.verdict_reminder', 'story.still_resolved']) {
      expect(mayMail(template, verified, {})).toBe(true);
    }
  });

  it('an unverified account gets no notification, but still its security mail', () => {
    const unverified = { verified: false, banned: false };
    expect(mayMail('story.company_replied', unverified, {})).toBe(false);
    expect(mayMail('company_digest', unverified, {})).toBe(false);
    expect(mayMail('verify_email', unverified, {})).toBe(true);
  });

  it('a banned account gets nothing at all', () => {
    expect(mayMail('story.company_replied', { verified: true, banned: true }, {})).toBe(false);
    expect(mayMail('reset_password', { verified: true, banned: true }, {})).toBe(false);
  });

  it('a kind turned off stops its mail and only its mail', () => {
    const prefs = { company_replied: false };
    expect(mayMail('story.company_replied', verified, prefs)).toBe(false);
    expect(mayMail('story.story_overdue_author', verified, prefs)).toBe(true);
  });

  it('security mail and moderation decisions belong to no kind: they cannot be turned off', () => {
    for (const template of ['verify_email', 'reset_password', 'password_changed', 'account_exists', 'reset_no_account', 'claim_company', 'company_invite', 'moderation_removed', 'report_actioned']) {
      expect(kindOfTemplate(template)).toBeNull();
      expect(mayMail(template, verified, Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, false])))).toBe(true);
    }
  });

  it('every story mail of the workflow belongs to a kind (none escapes an opt-out)', () => {
    const templates = ['story_published', 'company_replied', 'consumer_replied', 'verdict_given', 'story_overdue', 'story_overdue_author', 'story_reopened', 'verdict_reminder', 'late_verdict_reminder', 'still_resolved'];
    for (const t of templates) expect(kindOfTemplate(`story.${t}`), t).not.toBeNull();
  });

  it('a consumer sees only the kinds about their stories; a representative sees the company kinds too', () => {
    expect(kindsFor({ representsCompany: false })).toEqual(['story_overdue', 'company_replied', 'verdict_reminders']);
    expect(kindsFor({ representsCompany: true })).toEqual([...NOTIFICATION_KINDS]);
  });
});

describe('the settings form', () => {
  const shown = kindsFor({ representsCompany: false });

  it('a ticked box turns its kind on and every box left empty turns its kind off', () => {
    expect(preferencesFromForm(['company_replied'], shown)).toEqual({ ok: true, prefs: { story_overdue: false, company_replied: true, verdict_reminders: false } });
  });

  it('a name that is no kind, or a kind the person may not see, refuses the form', () => {
    expect(preferencesFromForm(['everything'], shown)).toEqual({ ok: false });
    expect(preferencesFromForm(['company_digest'], shown)).toEqual({ ok: false });
  });
});

describe('the overdue notice', () => {
  const story: WorkflowStory = {
    companyId: 1, authorId: 2, state: 'awaiting_reply', stateBeforeHidden: null, publishedAt: T0, replyDueAt: T0 + 7 * DAY_MS, firstReplyAt: null,
    verdictAt: null, resolved: null, wouldBuyAgain: null, rating: null, verdictComment: null, reopenedAt: null, closedAt: null, editedAt: null, withdrawnAt: null, hiddenAt: null, lastActivityAt: T0,
  };

  it('the deadline passing tells the author as well as the company', () => {
    const r = transition(story, { type: 'deadline_passed' }, systemActor, T0 + 7 * DAY_MS);
    expect(r.ok && r.effects.filter((e) => e.type === 'notify')).toEqual([
      { type: 'notify', to: 'company', template: 'story_overdue' },
      { type: 'notify', to: 'author', template: 'story_overdue_author' },
    ]);
  });

  it('a story already overdue is not announced again', () => {
    expect(transition({ ...story, state: 'overdue' }, { type: 'deadline_passed' }, systemActor, T0 + 8 * DAY_MS)).toEqual({ ok: false, code: 'invalid_state' });
  });
});

describe('the daily digest', () => {
  const day = Date.UTC(2026, 2, 10);
  const s = (id: number, o: Partial<DigestStory>): DigestStory => ({ id, companyId: 1, title: `S${id}`, state: 'awaiting_reply', publishedAt: day - 30 * DAY_MS, replyDueAt: day - 23 * DAY_MS, firstReplyAt: null, ...o });

  it('is due from 07:00 UTC and covers the 24 hours before', () => {
    expect(digestSlot(day + 7 * HOUR_MS)).toEqual({ day: '2026-03-10', from: day - 17 * HOUR_MS, to: day + 7 * HOUR_MS });
    expect(digestSlot(day + 23 * HOUR_MS).day).toBe('2026-03-10');
    // Before 07:00 the digest due is still yesterday's.
    expect(digestSlot(day + 6 * HOUR_MS).day).toBe('2026-03-09');
  });

  it('lists the stories published and those gone overdue in its window', () => {
    const slot = digestSlot(day + 8 * HOUR_MS);
    const fresh = s(1, { publishedAt: slot.from + HOUR_MS, replyDueAt: slot.from + 7 * DAY_MS });
    const overdue = s(2, { state: 'overdue', publishedAt: slot.from - 7 * DAY_MS + HOUR_MS, replyDueAt: slot.from + HOUR_MS });
    const old = s(3, { state: 'overdue' });
    expect(digestContent([fresh, overdue, old], slot)).toEqual({ fresh: [fresh], overdue: [overdue] });
  });

  it('is not sent when nothing is new', () => {
    const slot = digestSlot(day + 8 * HOUR_MS);
    expect(digestContent([], slot)).toBeNull();
    expect(digestContent([s(3, { state: 'overdue' })], slot)).toBeNull();
  });

  it('leaves out hidden and withdrawn stories, and stories answered before their deadline', () => {
    const slot = digestSlot(day + 8 * HOUR_MS);
    const inWindow = slot.from + HOUR_MS;
    expect(digestContent([s(1, { publishedAt: inWindow, state: 'hidden' }), s(2, { publishedAt: inWindow, state: 'withdrawn' })], slot)).toBeNull();
    expect(digestContent([s(3, { replyDueAt: inWindow, state: 'answered', firstReplyAt: inWindow - HOUR_MS })], slot)).toBeNull();
  });
});
