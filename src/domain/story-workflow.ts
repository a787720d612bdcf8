// The story state machine. `transition(story, event, actor, now)` decides; it never writes.
// Services load the story, call transition, and persist `patch` + `effects` in one transaction
// with one audit row. Pages never change a story's state themselves.
//
//   publish ─▶ awaiting_reply ──deadline──▶ overdue ──verdict (author, no reply needed)──▶ resolved | unresolved
//                   │                          │
//                   └──── company reply ───────┴─▶ answered ──verdict──▶ resolved | unresolved
//                                                    │  ▲                    │
//                               60 days, no verdict  │  └─ still resolved? no (once) ─┘
//                                                    ▼
//                                            closed_no_verdict
//   any visible state ──hide──▶ hidden ──restore──▶ (the state it had)
//   any state ──withdraw (author)──▶ withdrawn (a tombstone stays)
//   closed_no_verdict, resolved, unresolved ──verdict (author)──▶ resolved | unresolved: a verdict
//   can be given or changed until 12 months after its window, marked late after the window.
import { DAY_MS, VERDICT_REMINDER_DAYS, defaultWorkflowConfig, followupDueAt, followupKinds, lateVerdictEndsAt, replyDueAt, verdictDueAt, verdictWindowEndsAt, type FollowupKind, type WorkflowConfig } from './clocks.ts';
import type { DomainErrorCode } from './errors.ts';
import { PUBLIC_STORY_STATES, STORY_STATES, THREAD_OPEN_STATES, type StoryState } from './vocabulary.ts';

export type { StoryState };
/** Every state, in workflow order (src/domain/vocabulary.ts). */
export const storyStates: readonly StoryState[] = STORY_STATES;

export type ActorKind = 'consumer' | 'company' | 'moderator' | 'admin' | 'system';

export interface Actor {
  kind: ActorKind;
  /** null only for the system (scheduler, imports). */
  userId: number | null;
  /** Companies this person represents (verified or approved claims). */
  companyIds: readonly number[];
}

export const systemActor: Actor = { kind: 'system', userId: null, companyIds: [] };

/** The fields of a story the workflow reads. Repositories map rows to a superset of this. */
export interface WorkflowStory {
  companyId: number;
  authorId: number | null;
  state: StoryState;
  stateBeforeHidden: StoryState | null;
  publishedAt: number;
  replyDueAt: number;
  firstReplyAt: number | null;
  verdictAt: number | null;
  resolved: boolean | null;
  wouldBuyAgain: boolean | null;
  rating: number | null;
  verdictComment: string | null;
  /** The verdict was given or changed after its on-time window (rule 2); absent = false. */
  verdictLate?: boolean;
  reopenedAt: number | null;
  closedAt: number | null;
  editedAt: number | null;
  withdrawnAt: number | null;
  hiddenAt: number | null;
  lastActivityAt: number;
  /**
   * A story bought through a marketplace names two companies; `companyId` is the one the consumer
   * holds responsible (the score counts the story for it alone) and this is the other one (seller
   * or marketplace). It sees the story and can reply, but its reply does not stop the responsible
   * company's reply clock (decision 0037). Absent or null: a story about one company.
   */
  partnerCompanyId?: number | null;
}

/** The fields a transition changes. Absent = unchanged; null = cleared. */
export type StoryPatch = Partial<Omit<WorkflowStory, 'companyId' | 'authorId' | 'partnerCompanyId'>>;

export interface FollowupState {
  kind: FollowupKind;
  dueAt: number;
  sentAt: number | null;
  answeredAt: number | null;
}

export type StoryEvent =
  | { type: 'publish'; companyId: number; authorId: number | null; /** The other company of a marketplace story. */ partnerCompanyId?: number | null }
  | { type: 'company_reply'; body: string }
  | { type: 'consumer_reply'; body: string }
  | { type: 'verdict'; resolved: boolean; wouldBuyAgain: boolean; rating: number; comment?: string | null }
  | { type: 'still_resolved_check'; kind: FollowupKind; stillResolved: boolean; followup: FollowupState | null }
  | { type: 'deadline_passed' }
  | { type: 'verdict_window_closed' }
  | { type: 'hide'; reason: string }
  | { type: 'restore'; reason: string }
  | { type: 'withdraw' }
  | { type: 'edit'; title: string; body: string };

export type StoryEventType = StoryEvent['type'];

/** Who should hear about a transition; the service turns this into mail to real addresses. */
export type NotifyTemplate =
  | 'story_published'
  | 'company_replied'
  | 'consumer_replied'
  | 'verdict_given'
  | 'story_overdue'
  /** The author hears that the company missed its deadline, and what they can do now. */
  | 'story_overdue_author'
  | 'story_reopened'
  | 'story_hidden'
  | 'story_restored'
  /** The author's verdict window (on time / late) closes soon: sent by the scheduler, not by a transition. */
  | 'verdict_reminder'
  | 'late_verdict_reminder';

export type Effect =
  | { type: 'notify'; to: 'author' | 'company'; template: NotifyTemplate }
  /** companyId: for company messages, which company wrote it (the story's own or its partner). */
  | { type: 'add_message'; role: 'company' | 'consumer'; body: string; companyId?: number }
  | { type: 'save_revision' }
  | { type: 'schedule_followup'; kind: FollowupKind; dueAt: number }
  | { type: 'answer_followup'; kind: FollowupKind; stillResolved: boolean }
  | { type: 'cancel_followups' }
  /** The story's public search document changed (upsert) or must leave the index (delete). */
  | { type: 'search'; op: 'upsert' | 'delete' }
  /** The company's statistics depend on this change. */
  | { type: 'recompute_stats' };

export type TransitionResult =
  | {
      ok: true;
      /** Audit action name, e.g. 'story.company_reply', 'moderation.hide'. */
      action: string;
      from: StoryState | null;
      next: StoryState;
      patch: StoryPatch;
      effects: Effect[];
    }
  | { ok: false; code: DomainErrorCode };

const refuse = (code: DomainErrorCode): TransitionResult => ({ ok: false, code });

/** States in which the thread is open for company and consumer messages. */
export const threadOpenStates: readonly StoryState[] = THREAD_OPEN_STATES;
/** States a visitor sees; hidden and withdrawn stories leave lists, search and statistics. */
export const publicStates: readonly StoryState[] = PUBLIC_STORY_STATES;

/** States that put a company reply on record even without a known reply time (imported stories). */
export const repliedStates: readonly StoryState[] = ['answered', 'resolved', 'unresolved', 'closed_no_verdict'];

/** States in which the author may give (or change) a verdict, within its windows (rule 2). */
export const verdictStates: readonly StoryState[] = ['awaiting_reply', 'overdue', 'answered', 'closed_no_verdict', 'resolved', 'unresolved'];

export function isPublicState(state: StoryState): boolean {
  return publicStates.includes(state);
}

export function representsCompany(actor: Actor, companyId: number): boolean {
  return actor.companyIds.includes(companyId);
}

/** The actor represents the story's company or, on a marketplace story, the other company named. */
export function representsStoryCompany(actor: Actor, story: Pick<WorkflowStory, 'companyId' | 'partnerCompanyId'>): boolean {
  return representsCompany(actor, story.companyId) || (story.partnerCompanyId != null && representsCompany(actor, story.partnerCompanyId));
}

export function isAuthor(actor: Actor, story: Pick<WorkflowStory, 'authorId'>): boolean {
  return actor.userId !== null && story.authorId !== null && actor.userId === story.authorId;
}

function isModerator(actor: Actor): boolean {
  return actor.kind === 'moderator' || actor.kind === 'admin';
}

/** Audit action names by event. */
export function auditAction(type: StoryEventType): string {
  return type === 'hide' || type === 'restore' ? `moderation.${type}` : `story.${type}`;
}

export const MAX_RATING = 5;

/**
 * Decide an event. `story` is null only for 'publish'. The result is either the next state with
 * the fields to write and the effects to carry out, or a refusal code.
 */
export function transition(
  story: WorkflowStory | null,
  event: StoryEvent,
  actor: Actor,
  now: number,
  config: WorkflowConfig = defaultWorkflowConfig,
): TransitionResult {
  if (event.type === 'publish') return publish(story, event, actor, now, config);
  if (story === null) return refuse('story_not_found');
  const ok = (next: StoryState, patch: StoryPatch, effects: Effect[]): TransitionResult => ({
    ok: true,
    action: auditAction(event.type),
    from: story.state,
    next,
    patch: next === story.state ? patch : { ...patch, state: next },
    effects,
  });

  switch (event.type) {
    case 'company_reply': {
      const own = representsCompany(actor, story.companyId);
      if (!own && !representsStoryCompany(actor, story)) return refuse('not_company_representative');
      if (!threadOpenStates.includes(story.state)) return refuse('invalid_state');
      if (event.body.trim() === '') return refuse('empty_message');
      const effects: Effect[] = [
        { type: 'add_message', role: 'company', body: event.body, companyId: own ? story.companyId : (story.partnerCompanyId as number) },
        { type: 'notify', to: 'author', template: 'company_replied' },
        { type: 'search', op: 'upsert' },
      ];
      // The partner (seller or marketplace not held responsible) speaks in the thread; only the
      // responsible company's reply stops its reply clock (decision 0037).
      if (story.firstReplyAt !== null || !own) return ok(story.state, { lastActivityAt: now }, effects);
      // The first public reply stops the reply clock and opens the verdict window.
      const first = story.state === 'awaiting_reply' || story.state === 'overdue' ? 'answered' : story.state;
      return ok(first, { firstReplyAt: now, lastActivityAt: now }, [...effects, { type: 'recompute_stats' }]);
    }

    case 'consumer_reply': {
      if (!isAuthor(actor, story)) return refuse('not_author');
      if (!threadOpenStates.includes(story.state)) return refuse('invalid_state');
      if (event.body.trim() === '') return refuse('empty_message');
      return ok(story.state, { lastActivityAt: now }, [
        { type: 'add_message', role: 'consumer', body: event.body },
        { type: 'notify', to: 'company', template: 'consumer_replied' },
        { type: 'search', op: 'upsert' },
      ]);
    }

    case 'verdict': {
      if (!isAuthor(actor, story)) return refuse('not_author');
      if (representsStoryCompany(actor, story)) return refuse('own_company');
      // Score rules v2, rule 2: the consumer always has the last word. Without a reply the
      // verdict opens at the reply deadline; it is on time until verdictDueAt and can be given
      // or changed, marked late, for 12 months after that (also on a story closed without one).
      if (!verdictStates.includes(story.state)) return refuse('invalid_state');
      if (story.firstReplyAt === null && now < story.replyDueAt) return refuse('no_reply_yet');
      if (now > lateVerdictEndsAt(story, config)) return refuse('verdict_window_over');
      if (!Number.isInteger(event.rating) || event.rating < 1 || event.rating > MAX_RATING) return refuse('invalid_rating');
      const late = now > verdictDueAt(story, config);
      const changing = story.state === 'resolved' || story.state === 'unresolved';
      const effects: Effect[] = [
        { type: 'notify', to: 'company', template: 'verdict_given' },
        { type: 'search', op: 'upsert' },
        { type: 'recompute_stats' },
      ];
      // A changed verdict drops the questions about the previous one.
      if (changing) effects.unshift({ type: 'cancel_followups' });
      if (event.resolved) {
        for (const kind of followupKinds) effects.push({ type: 'schedule_followup', kind, dueAt: followupDueAt(now, kind, config) });
      }
      const comment = event.comment?.trim();
      return ok(
        event.resolved ? 'resolved' : 'unresolved',
        {
          verdictAt: now,
          resolved: event.resolved,
          wouldBuyAgain: event.wouldBuyAgain,
          rating: event.rating,
          verdictComment: comment ? comment : null,
          verdictLate: late,
          closedAt: now,
          lastActivityAt: now,
        },
        effects,
      );
    }

    case 'still_resolved_check': {
      if (!isAuthor(actor, story)) return refuse('not_author');
      if (story.state !== 'resolved') return refuse('invalid_state');
      const f = event.followup;
      if (f === null || f.kind !== event.kind) return refuse('followup_not_found');
      if (f.answeredAt !== null) return refuse('followup_already_answered');
      if (f.sentAt === null && f.dueAt > now) return refuse('followup_not_due');
      const answer: Effect = { type: 'answer_followup', kind: event.kind, stillResolved: event.stillResolved };
      if (event.stillResolved) return ok('resolved', { lastActivityAt: now }, [answer]);
      if (story.reopenedAt === null) {
        // "No" reopens the story once: the company gets another chance and the consumer a new
        // verdict. Until then the story counts as unresolved (score rules v2, rule 7): the
        // verdict stays on record with resolved = no, it is not erased into "no verdict".
        return ok(
          'answered',
          {
            reopenedAt: now,
            resolved: false,
            closedAt: null,
            lastActivityAt: now,
          },
          [
            answer,
            { type: 'cancel_followups' },
            { type: 'notify', to: 'company', template: 'story_reopened' },
            { type: 'search', op: 'upsert' },
            { type: 'recompute_stats' },
          ],
        );
      }
      // Already reopened once: the consumer's word stands, the story ends unresolved, would not
      // buy again, and the earlier rating no longer speaks for it (rule 7).
      return ok('unresolved', { resolved: false, wouldBuyAgain: false, rating: null, lastActivityAt: now }, [
        answer,
        { type: 'cancel_followups' },
        { type: 'notify', to: 'company', template: 'story_reopened' },
        { type: 'search', op: 'upsert' },
        { type: 'recompute_stats' },
      ]);
    }

    case 'deadline_passed': {
      if (actor.kind !== 'system') return refuse('system_only');
      if (story.state !== 'awaiting_reply' || story.firstReplyAt !== null) return refuse('invalid_state');
      if (now < story.replyDueAt) return refuse('not_due');
      return ok('overdue', {}, [
        { type: 'notify', to: 'company', template: 'story_overdue' },
        { type: 'notify', to: 'author', template: 'story_overdue_author' },
        { type: 'search', op: 'upsert' },
        { type: 'recompute_stats' },
      ]);
    }

    case 'verdict_window_closed': {
      if (actor.kind !== 'system') return refuse('system_only');
      if (story.state !== 'answered') return refuse('invalid_state');
      const ends = verdictWindowEndsAt(story, config);
      if (ends === null || now < ends) return refuse('not_due');
      return ok('closed_no_verdict', { closedAt: now }, [
        { type: 'search', op: 'upsert' },
        { type: 'recompute_stats' },
      ]);
    }

    case 'hide': {
      if (!isModerator(actor)) return refuse('not_moderator');
      if (story.state === 'hidden' || story.state === 'withdrawn') return refuse('invalid_state');
      if (event.reason.trim() === '') return refuse('reason_required');
      return ok('hidden', { stateBeforeHidden: story.state, hiddenAt: now }, [
        { type: 'notify', to: 'author', template: 'story_hidden' },
        { type: 'search', op: 'delete' },
        { type: 'recompute_stats' },
      ]);
    }

    case 'restore': {
      if (!isModerator(actor)) return refuse('not_moderator');
      if (story.state !== 'hidden') return refuse('invalid_state');
      if (event.reason.trim() === '') return refuse('reason_required');
      return ok(story.stateBeforeHidden ?? 'awaiting_reply', { stateBeforeHidden: null, hiddenAt: null }, [
        { type: 'notify', to: 'author', template: 'story_restored' },
        { type: 'search', op: 'upsert' },
        { type: 'recompute_stats' },
      ]);
    }

    case 'withdraw': {
      if (!isAuthor(actor, story)) return refuse('not_author');
      if (story.state === 'withdrawn') return refuse('invalid_state');
      return ok('withdrawn', { withdrawnAt: now, lastActivityAt: now }, [
        { type: 'cancel_followups' },
        { type: 'search', op: 'delete' },
        { type: 'recompute_stats' },
      ]);
    }

    case 'edit': {
      if (!isAuthor(actor, story)) return refuse('not_author');
      if (representsStoryCompany(actor, story)) return refuse('own_company');
      if (story.state === 'withdrawn' || story.state === 'hidden') return refuse('invalid_state');
      if (event.title.trim() === '' || event.body.trim() === '') return refuse('invalid_input');
      return ok(story.state, { editedAt: now, lastActivityAt: now }, [{ type: 'save_revision' }, { type: 'search', op: 'upsert' }]);
    }
  }
}

function publish(
  story: WorkflowStory | null,
  event: Extract<StoryEvent, { type: 'publish' }>,
  actor: Actor,
  now: number,
  config: WorkflowConfig,
): TransitionResult {
  if (story !== null) return refuse('invalid_state');
  if (actor.kind !== 'system') {
    if (actor.userId === null || event.authorId !== actor.userId) return refuse('not_author');
    if (representsCompany(actor, event.companyId)) return refuse('own_company');
    if (event.partnerCompanyId != null && representsCompany(actor, event.partnerCompanyId)) return refuse('own_company');
  }
  return {
    ok: true,
    action: auditAction('publish'),
    from: null,
    next: 'awaiting_reply',
    patch: {
      state: 'awaiting_reply',
      stateBeforeHidden: null,
      publishedAt: now,
      replyDueAt: replyDueAt(now, config),
      firstReplyAt: null,
      verdictAt: null,
      resolved: null,
      wouldBuyAgain: null,
      rating: null,
      verdictComment: null,
      verdictLate: false,
      reopenedAt: null,
      closedAt: null,
      editedAt: null,
      withdrawnAt: null,
      hiddenAt: null,
      lastActivityAt: now,
    },
    effects: [
      { type: 'notify', to: 'company', template: 'story_published' },
      { type: 'search', op: 'upsert' },
      { type: 'recompute_stats' },
    ],
  };
}

export type VerdictReminderKind = 'due' | 'late';

/**
 * Whether the author of `story` should now be reminded that a verdict window closes (rule 2: no
 * window closes silently): 'due' in the last days of the on-time window of a story still waiting
 * for a verdict; 'late' in the last days of the 12 months a story closed (or left) without one can
 * still get it. `windowEndsAt` identifies the window, so each is reminded once.
 */
export function verdictReminderDue(
  story: WorkflowStory,
  now: number,
  config: WorkflowConfig = defaultWorkflowConfig,
  reminderDays: number = VERDICT_REMINDER_DAYS,
): { kind: VerdictReminderKind; windowEndsAt: number } | null {
  if (story.authorId === null) return null;
  const horizon = reminderDays * DAY_MS;
  const inLastDays = (end: number) => now < end && end - now <= horizon && now >= story.replyDueAt;
  const due = verdictDueAt(story, config);
  if ((story.state === 'answered' || story.state === 'awaiting_reply' || story.state === 'overdue') && inLastDays(due)) {
    return { kind: 'due', windowEndsAt: due };
  }
  const late = lateVerdictEndsAt(story, config);
  if ((story.state === 'closed_no_verdict' || story.state === 'awaiting_reply' || story.state === 'overdue') && inLastDays(late)) {
    return { kind: 'late', windowEndsAt: late };
  }
  return null;
}

/** Until when the author can give a verdict, and whether one given now is late (the story page's line). */
export function verdictWindow(
  story: WorkflowStory,
  now: number,
  config: WorkflowConfig = defaultWorkflowConfig,
): { opensAt: number; dueAt: number; lateUntil: number; lateNow: boolean } {
  const dueAt = verdictDueAt(story, config);
  return { opensAt: story.firstReplyAt ?? story.replyDueAt, dueAt, lateUntil: lateVerdictEndsAt(story, config), lateNow: now > dueAt };
}

/** Applies a patch to a story (what the repository will store), for callers that keep a copy. */
export function applyPatch<S extends WorkflowStory>(story: S, patch: StoryPatch): S {
  return { ...story, ...patch };
}

/** Which events the actor may currently perform on the story: drives which forms a page shows. */
export function allowedEvents(story: WorkflowStory, actor: Actor, now: number, config: WorkflowConfig = defaultWorkflowConfig): StoryEventType[] {
  const probes: StoryEvent[] = [
    { type: 'company_reply', body: 'x' },
    { type: 'consumer_reply', body: 'x' },
    { type: 'verdict', resolved: true, wouldBuyAgain: true, rating: 5 },
    { type: 'hide', reason: 'x' },
    { type: 'restore', reason: 'x' },
    { type: 'withdraw' },
    { type: 'edit', title: 'x', body: 'x' },
  ];
  return probes.filter((e) => transition(story, e, actor, now, config).ok).map((e) => e.type);
}
