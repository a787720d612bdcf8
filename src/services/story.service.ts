// The story use cases. Each is one transaction: load → the domain decides (transition) → the
// story row, its messages/revisions/follow-ups, one audit row, search outbox, mail outbox, and
// the company's statistics are written together, or nothing is.
import { attachStoryContacts, type StoryContactPick } from './contact.service.ts';
import { config } from '../config.ts';
import { createHash } from 'node:crypto';
import type { SessionUser } from '../auth/types.ts';
import { maskPii, maskPiiFields, type PiiFinding } from '../content/pii.ts';
import type { DB } from '../db/client.ts';
import { appendAudit } from '../db/audit.repository.ts';
import { companyWebsiteProblem } from '../domain/claim-domain.ts';
import { companyNameKey, plainCompanyName } from '../domain/company-name.ts';
import { findDuplicateCompany, getCompanyOrThrow, insertCompany, markCompanyListed, resolveMergedCompany } from '../db/company.repository.ts';
import { countOtherStoriesWithReply, insertMessage, markStandardReplies } from '../db/message.repository.ts';
import { isStandardReply, normalizeReply, STANDARD_REPLY_WINDOW_DAYS } from '../domain/standard-replies.ts';
import { enqueueSearchEvent } from '../db/outbox.repository.ts';
import type { Locale, StoryCategory } from '../db/schema.ts';
import { recomputeCompanyStats } from '../db/stats.repository.ts';
import {
  answerFollowup,
  cancelPendingFollowups,
  findFollowup,
  findStoryByDedupeKey,
  findStoryById,
  insertVerdictReminder,
  listRecentWithdrawalsAfterReply,
  getStoryOrThrow,
  insertStory,
  insertStoryChannels,
  insertStoryMarketplace,
  insertStoryRevision,
  scheduleFollowup,
  updateStoryContent,
  updateStoryWorkflow,
  type Story,
  type StoryChannelInput,
  countCompanyAuthors,
} from '../db/story.repository.ts';
import { DAY_MS, defaultWorkflowConfig, verdictDueAt, type FollowupKind, type WorkflowConfig } from '../domain/clocks.ts';
import { DomainError } from '../domain/errors.ts';
import {
  representsStoryCompany,
  systemActor,
  transition,
  verdictReminderDue,
  type Actor,
  type StoryEvent,
  type StoryState,
  type TransitionResult,
} from '../domain/story-workflow.ts';
import { notify } from './notifications.ts';
import { hasOpenCompanyReport, insertReport } from '../db/report.repository.ts';
import { isWithdrawalBurst, WITHDRAWAL_BURST_DAYS } from '../domain/withdrawals.ts';
import { inTransaction } from '../db/transaction.ts';
import { isChannel, isLocale, isStoryCategory } from '../domain/vocabulary.ts';
import { findUserById } from '../db/user.repository.ts';
import {
  authorAtCompanyDomain,
  burstWindowStart,
  cleanOrderReference,
  holdAtPublication,
  isNewAccount,
  isNewAccountBurst,
} from '../domain/fakes.ts';
import {
  listRecentMemberStoriesWithAuthors,
  markCustomerConfirmed,
  releaseUnverifiedHolds,
  setOrderReference,
  setScoreHold,
} from '../db/story.repository.ts';

/** The moderation queue reason of a burst of withdrawals (rule 6); not one a reporter can choose. */
export const WITHDRAWAL_BURST_REASON = 'withdrawal_burst';

export interface ServiceOptions {
  /** The moment of the event (tests and the scheduler pass it; default: the clock). */
  now?: number;
  config?: WorkflowConfig;
}

/** The workflow configuration of this server: REPLY_DEADLINE_DAYS overrides the 7-day default. */
export function serverWorkflowConfig(): WorkflowConfig {
  const days = config().replyDeadlineDays;
  return days === defaultWorkflowConfig.replyDeadlineDays ? defaultWorkflowConfig : { ...defaultWorkflowConfig, replyDeadlineDays: days };
}

/** The actor for a signed-in user (pages: actorFromUser(Astro.locals.user)). */
export function actorFromUser(user: SessionUser): Actor {
  const kind = user.role === 'company_rep' ? 'company' : user.role === 'moderator' ? 'moderator' : user.role === 'admin' ? 'admin' : 'consumer';
  return { kind, userId: user.id, companyIds: [...user.companyIds] };
}

const auditRole: Record<Actor['kind'], string> = { consumer: 'consumer', company: 'company_rep', moderator: 'moderator', admin: 'admin', system: 'system' };

export interface TransitionOutcome {
  storyId: number;
  companyId: number;
  from: StoryState | null;
  to: StoryState;
  /** The new thread message, for replies. */
  messageId?: number;
  /**
   * Personal data masked in the public text of this event (reply, edit, verdict comment); tell
   * the author. The originals are never stored.
   */
  masked: PiiFinding[];
}

function options(opts: ServiceOptions): { now: number; config: WorkflowConfig } {
  return { now: opts.now ?? Date.now(), config: opts.config ?? serverWorkflowConfig() };
}

function decided(result: TransitionResult): Extract<TransitionResult, { ok: true }> {
  if (!result.ok) throw new DomainError(result.code);
  return result;
}

/**
 * A company reply, with the hash of its normalised text; when the same text went to 5 or more
 * other stories of the company within 30 days, it and those replies are labelled "standard
 * reply" (rule 9), and the stories whose label changed are re-published (pages, search).
 */
async function insertCompanyReply(trx: DB, story: Story, companyId: number, authorId: number | null, body: string, now: number): Promise<{ messageId: number; standard: boolean }> {
  const normalized = normalizeReply(body);
  const replyHash = normalized === '' ? null : createHash('sha256').update(normalized).digest('hex');
  const messageId = await insertMessage(trx, { storyId: story.id, authorId, authorRole: 'company', body, createdAt: now, replyHash, companyId });
  if (replyHash === null) return { messageId, standard: false };
  const since = now - STANDARD_REPLY_WINDOW_DAYS * DAY_MS;
  if (!isStandardReply(await countOtherStoriesWithReply(trx, companyId, replyHash, since, story.id))) return { messageId, standard: false };
  for (const storyId of await markStandardReplies(trx, companyId, replyHash, since)) {
    if (storyId !== story.id) await enqueueSearchEvent(trx, { kind: 'story.upsert', storyId }, now);
  }
  return { messageId, standard: true };
}

/**
 * Load the story, let the domain decide `event`, and persist everything the decision implies.
 * `buildEvent` may read more (e.g. the follow-up row) inside the same transaction.
 */
async function applyStoryEvent(
  db: DB,
  actor: Actor,
  storyId: number,
  buildEvent: (trx: DB, story: Story) => Promise<StoryEvent> | StoryEvent,
  opts: ServiceOptions,
  extra: {
    auditData?: (event: StoryEvent, story: Story) => Record<string, unknown> | undefined;
    notify?: boolean;
    /** What the caller masked in the event's public text (see maskPii). */
    masked?: PiiFinding[];
    /** More writes of the same use case, in the same transaction, after the audit row. */
    after?: (trx: DB, story: Story, now: number) => Promise<void>;
  } = {},
): Promise<TransitionOutcome> {
  const auditData = extra.auditData ?? (() => undefined);
  const { now, config } = options(opts);
  return inTransaction(db, async (trx) => {
    const story = await getStoryOrThrow(trx, storyId);
    const event = await buildEvent(trx, story);
    const result = decided(transition(story, event, actor, now, config));
    if (!(await updateStoryWorkflow(trx, story.id, result.patch, story.version, now))) throw new DomainError('conflict');
    const outcome: TransitionOutcome = { storyId: story.id, companyId: story.companyId, from: result.from, to: result.next, masked: extra.masked ?? [] };
    const company = await getCompanyOrThrow(trx, story.companyId);
    let recompute = false;
    let standardReply = false;

    for (const effect of result.effects) {
      switch (effect.type) {
        case 'add_message':
          if (effect.role === 'company') {
            const standard = await insertCompanyReply(trx, story, effect.companyId ?? story.companyId, actor.userId, effect.body, now);
            outcome.messageId = standard.messageId;
            standardReply = standard.standard;
          } else {
            outcome.messageId = await insertMessage(trx, { storyId: story.id, authorId: actor.userId, authorRole: effect.role, body: effect.body, createdAt: now });
          }
          break;
        case 'save_revision':
          if (event.type === 'edit') {
            // The revision keeps the text being replaced; the story row holds the current one.
            await insertStoryRevision(trx, { storyId: story.id, title: story.title, body: story.body, editorId: actor.userId, createdAt: now });
            await updateStoryContent(trx, story.id, { title: event.title.trim(), body: event.body });
          }
          break;
        case 'schedule_followup':
          await scheduleFollowup(trx, story.id, effect.kind, effect.dueAt);
          break;
        case 'answer_followup':
          await answerFollowup(trx, story.id, effect.kind, effect.stillResolved, now);
          break;
        case 'cancel_followups':
          await cancelPendingFollowups(trx, story.id);
          break;
        case 'search':
          await enqueueSearchEvent(trx, { kind: effect.op === 'upsert' ? 'story.upsert' : 'story.delete', storyId: story.id }, now);
          break;
        case 'notify':
          if (extra.notify === false) break;
          await notify(trx, effect.to, effect.template, {
            story: { ...story, ...(event.type === 'edit' ? { title: event.title } : {}) },
            companyName: company.name,
            actorUserId: actor.userId,
            now,
            reason: event.type === 'hide' || event.type === 'restore' ? event.reason : undefined,
            resolved: event.type === 'verdict' ? event.resolved : undefined,
            replyDeadlineDays: config.replyDeadlineDays,
            until: verdictDueAt({ ...story, ...result.patch }, config),
          });
          break;
        case 'recompute_stats':
          recompute = true;
          break;
      }
    }

    await appendAudit(trx, {
      at: now,
      actorId: actor.userId,
      actorRole: auditRole[actor.kind],
      action: result.action,
      subjectKind: 'story',
      subjectId: story.id,
      companyId: story.companyId,
      fromState: result.from,
      toState: result.next,
      data: { ...auditData(event, story), ...(outcome.messageId !== undefined ? { messageId: outcome.messageId } : {}), ...(standardReply ? { standardReply } : {}) },
    });

    if (extra.after) await extra.after(trx, story, now);

    if (recompute) {
      await recomputeCompanyStats(trx, story.companyId, now);
      // The company page (and its cached rendering) shows these figures.
      await enqueueSearchEvent(trx, { kind: 'company.upsert', companyId: story.companyId }, now);
    }
    return outcome;
  });
}

// --- publish -----------------------------------------------------------------------------------

export type CompanyChoice = { id: number } | { name: string; website?: string | null; country?: string; sector?: string };

export interface PublishStoryInput {
  company: CompanyChoice;
  title: string;
  /** Markdown. */
  body: string;
  /** 'YYYY-MM-DD' */
  experienceDate: string;
  category: StoryCategory;
  language: Locale;
  channels: StoryChannelInput[];
  /** Private: seen only by moderators and the company. */
  orderReference?: string | null;
  /** 'demo' for the seeded demo data; members publish 'member' stories. */
  source?: 'member' | 'demo';
  /**
   * Bought through a marketplace: `company` is the seller, this the marketplace, and who the
   * consumer holds responsible (the story counts for that company alone; decision 0037).
   */
  marketplace?: { company: CompanyChoice; responsible: 'seller' | 'marketplace' } | null;
  /** The directory contact used per channel (decision 0042; src/services/contact.service.ts). */
  contacts?: StoryContactPick[];
}

export interface PublishStoryResult {
  storyId: number;
  companyId: number;
  companySlug: string;
  /** false when an identical story by the same author already existed (double submit). */
  created: boolean;
  companyCreated: boolean;
  /** Personal data masked in the title and body (tell the author); empty when nothing was. */
  masked: PiiFinding[];
}

function normaliseForDedupe(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Identical double posts (same author, company, title and body) collapse to one story. */
export function storyDedupeKey(authorId: number, companyId: number, title: string, body: string): string {
  return createHash('sha256')
    .update(`${authorId}\u0000${companyId}\u0000${normaliseForDedupe(title)}\u0000${normaliseForDedupe(body)}`)
    .digest('base64url');
}

function checkPublishInput(input: PublishStoryInput): void {
  const seen = new Set<string>();
  const bad =
    input.title.trim() === '' ||
    input.body.trim() === '' ||
    !/^\d{4}-\d{2}-\d{2}$/.test(input.experienceDate) ||
    !isStoryCategory(input.category) ||
    !isLocale(input.language) ||
    ('name' in input.company && input.company.name.trim() === '') ||
    // A website is http(s) on a real domain or nothing (decision 0021): never a javascript: link.
    // …and never a public-mail domain (gmail.com is nobody's shop; decision 0049).
    ('name' in input.company && !!input.company.website?.trim() && companyWebsiteProblem(input.company.website) !== null) ||
    input.channels.some((c) => {
      const dup = seen.has(c.channel);
      seen.add(c.channel);
      return dup || !isChannel(c.channel) || (c.waitMinutes !== null && (!Number.isFinite(c.waitMinutes) || c.waitMinutes < 0));
    });
  const mp = input.marketplace;
  const badMarketplace =
    !!mp &&
    ((mp.responsible !== 'seller' && mp.responsible !== 'marketplace') ||
      ('name' in mp.company && mp.company.name.trim() === '') ||
      ('name' in mp.company && !!mp.company.website?.trim() && companyWebsiteProblem(mp.company.website) !== null));
  if (bad || badMarketplace) throw new DomainError('invalid_input');
}

/** A company picked by id (followed through merges) or named: the same domain / name, else a new one. */
async function findOrCreateCompany(trx: DB, actor: Actor, choice: CompanyChoice, now: number): Promise<{ company: Awaited<ReturnType<typeof getCompanyOrThrow>>; created: boolean }> {
  if ('id' in choice) {
    const company = await resolveMergedCompany(trx, choice.id);
    if (!company) throw new DomainError('company_not_found');
    return { company, created: false };
  }
  const found = await findDuplicateCompany(trx, choice);
  if (found) return { company: found, created: false };
  // A company anyone but staff creates (a consumer, or a company representative: a claim is
  // cheap, a €1 domain proven by DNS) awaits a moderator's review before it is listed, and
  // records who typed it so moderators see it (issue 14).
  const byStaff = actor.kind === 'moderator' || actor.kind === 'admin' || actor.kind === 'system';
  return { company: await insertCompany(trx, { ...choice, createdByUserId: byStaff ? null : actor.userId }, now), created: true };
}

/** A new company's name is public too: masked and plain, like the seller's (decision 0021). */
function publicCompanyChoice(choice: CompanyChoice): { choice: CompanyChoice; found: PiiFinding[] } {
  if (!('name' in choice)) return { choice, found: [] };
  const name = maskPii(plainCompanyName(choice.name));
  if (companyNameKey(name.text) === '') throw new DomainError('invalid_input');
  return { choice: { ...choice, name: name.text }, found: name.found };
}

/**
 * Publishes a story: finds the company (by id, or the same domain / normalised name) or creates
 * it, starts the reply clock, and tells the company's representatives. Submitting the same story
 * twice returns the first one (created: false) and writes nothing.
 */
export async function publishStory(db: DB, actor: Actor, rawInput: PublishStoryInput, opts: ServiceOptions = {}): Promise<PublishStoryResult> {
  checkPublishInput(rawInput);
  // Public text is masked here, at the service, so that no form can store it unmasked; the order
  // reference is private (moderators and the company only) and stays as typed.
  const { fields: publicText, found: maskedText } = maskPiiFields({ title: rawInput.title, body: rawInput.body });
  // A new company's name is public too (and makes its slug): "Idraulico Mario Rossi 347…".
  // Plain text only (no markup or emoji reaches a name or slug, whatever the caller checked).
  const companyName = 'name' in rawInput.company ? maskPii(plainCompanyName(rawInput.company.name)) : null;
  if (companyName && companyNameKey(companyName.text) === '') throw new DomainError('invalid_input');
  const marketplaceChoice = rawInput.marketplace ? publicCompanyChoice(rawInput.marketplace.company) : null;
  const masked = [...(companyName ? [...maskedText, ...companyName.found] : maskedText), ...(marketplaceChoice?.found ?? [])];
  const input: PublishStoryInput = {
    ...rawInput,
    ...publicText,
    company: companyName ? { ...rawInput.company, name: companyName.text } : rawInput.company,
    marketplace: rawInput.marketplace && marketplaceChoice ? { ...rawInput.marketplace, company: marketplaceChoice.choice } : null,
  };
  const { now, config } = options(opts);
  return inTransaction(db, async (trx) => {
    const seller = await findOrCreateCompany(trx, actor, input.company, now);
    const market = input.marketplace ? await findOrCreateCompany(trx, actor, input.marketplace.company, now) : null;
    if (market && market.company.id === seller.company.id) throw new DomainError('invalid_input', 'the marketplace and the seller are the same company', { field: 'marketplace' });
    // The story belongs to (and counts for) the company the consumer holds responsible; the other
    // one is linked (decision 0037).
    const marketplaceResponsible = input.marketplace?.responsible === 'marketplace' && market !== null;
    const { company, created: companyCreated } = marketplaceResponsible ? market : seller;
    const partner = market === null ? null : marketplaceResponsible ? seller : market;

    const dedupeKey = actor.userId === null ? null : storyDedupeKey(actor.userId, company.id, input.title, input.body);
    if (dedupeKey) {
      const existing = await findStoryByDedupeKey(trx, dedupeKey);
      if (existing) return { storyId: existing.id, companyId: company.id, companySlug: company.slug, created: false, companyCreated: false, masked };
    }

    const result = decided(transition(null, { type: 'publish', companyId: company.id, authorId: actor.userId, partnerCompanyId: partner?.company.id ?? null }, actor, now, config));
    // Rule 8: nobody writes about their own company from its domain; a story counts only from a
    // verified address; a burst of stories from new accounts waits for a moderator.
    const source = input.source ?? 'member';
    const author = actor.userId === null ? null : await findUserById(trx, actor.userId);
    if (author && authorAtCompanyDomain(author.email, company)) throw new DomainError('company_domain_author');
    const burst = source === 'member' && author !== null && isNewAccount(author.created_at, now) ? await newAccountBurst(trx, company.id, now) : null;
    const scoreHold = holdAtPublication({ source, authorVerified: author?.email_verified_at != null, burst: burst !== null });
    const storyId = await insertStory(trx, {
      state: result.next,
      published_at: now,
      reply_due_at: result.patch.replyDueAt ?? now,
      last_activity_at: now,
      company_id: company.id,
      author_id: actor.userId,
      source,
      external_id: null,
      title: input.title.trim(),
      body: input.body,
      experience_date: input.experienceDate,
      category: input.category,
      language: input.language,
      state_before_hidden: null,
      first_reply_at: null,
      verdict_at: null,
      resolved: null,
      would_buy_again: null,
      rating: null,
      verdict_comment: null,
      reopened_at: null,
      closed_at: null,
      edited_at: null,
      withdrawn_at: null,
      hidden_at: null,
      order_reference: cleanOrderReference(input.orderReference),
      evidence_verified_at: null,
      score_hold: scoreHold,
      dedupe_key: dedupeKey,
      created_at: now,
      updated_at: now,
    });
    await insertStoryChannels(trx, storyId, input.channels);
    if (input.contacts?.length) await attachStoryContacts(trx, actor.userId, storyId, [seller.company.id, ...(market ? [market.company.id] : [])], input.channels.map((c) => c.channel), input.contacts, now);
    if (burst !== null) await setScoreHold(trx, burst, 'review', now);
    if (market && partner) {
      await insertStoryMarketplace(trx, storyId, { sellerId: seller.company.id, marketplaceId: market.company.id, responsible: marketplaceResponsible ? 'marketplace' : 'seller' });
    }
    // A new company appears in lists once a moderator released it or three different people wrote
    // about it (one a moderator kept out of the lists stays out); authors of stories held for
    // review (a burst from new accounts) are not counted.
    if (company.listed_at === null && company.reviewed_at === null && (await countCompanyAuthors(trx, company.id)) >= 3) await markCompanyListed(trx, company.id, now);

    await appendAudit(trx, {
      at: now,
      actorId: actor.userId,
      actorRole: auditRole[actor.kind],
      action: result.action,
      subjectKind: 'story',
      subjectId: storyId,
      companyId: company.id,
      fromState: null,
      toState: result.next,
      data: {
        companyCreated,
        ...(scoreHold ? { scoreHold } : {}),
        ...(partner ? { partnerCompanyId: partner.company.id, responsible: marketplaceResponsible ? 'marketplace' : 'seller' } : {}),
      },
    });
    if (burst !== null) await auditBurst(trx, actor, company.id, storyId, burst, now);
    for (const made of [{ company, created: companyCreated }, ...(partner ? [partner] : [])]) {
      if (!made.created) continue;
      await appendAudit(trx, {
        at: now,
        actorId: actor.userId,
        actorRole: auditRole[actor.kind],
        action: 'company.create',
        subjectKind: 'company',
        subjectId: made.company.id,
        companyId: made.company.id,
        data: { name: made.company.name, domain: made.company.domain },
      });
    }
    const story = await getStoryOrThrow(trx, storyId);
    for (const effect of result.effects) {
      if (effect.type === 'notify') {
        await notify(trx, effect.to, effect.template, {
          story,
          companyName: company.name,
          actorUserId: actor.userId,
          now,
          replyDeadlineDays: config.replyDeadlineDays,
        });
        // The other company named on a marketplace story hears about it too.
        if (effect.to === 'company' && partner) {
          await notify(trx, 'company', effect.template, {
            story: { ...story, companyId: partner.company.id },
            companyName: partner.company.name,
            actorUserId: actor.userId,
            now,
            replyDeadlineDays: config.replyDeadlineDays,
          });
        }
      } else if (effect.type === 'search') {
        await enqueueSearchEvent(trx, { kind: 'story.upsert', storyId }, now);
      }
    }
    await recomputeCompanyStats(trx, company.id, now);
    await enqueueSearchEvent(trx, { kind: 'company.upsert', companyId: company.id }, now);
    // The partner's page lists the story (as seller or marketplace): its cached page changes.
    if (partner) await enqueueSearchEvent(trx, { kind: 'company.upsert', companyId: partner.company.id }, now);
    return { storyId, companyId: company.id, companySlug: company.slug, created: true, companyCreated, masked };
  });
}

/**
 * When the new story (by a new account) makes a burst from new accounts (rule 8): the earlier
 * stories of the burst still to hold; null when it makes no burst. A story a moderator released
 * is never held again, but still counts towards the burst.
 */
async function newAccountBurst(trx: DB, companyId: number, now: number): Promise<number[] | null> {
  const recent = await listRecentMemberStoriesWithAuthors(trx, companyId, burstWindowStart(now));
  const fromNew = recent.filter((r) => isNewAccount(r.authorCreatedAt, r.publishedAt) && r.state !== 'withdrawn');
  if (!isNewAccountBurst(fromNew.length + 1)) return null;
  return fromNew.filter((r) => r.scoreHold !== 'review' && r.scoreReleasedAt === null && r.state !== 'hidden').map((r) => r.id);
}

/** The stories of a burst, held for review (they stay visible, marked, and leave the score): audit and search rows. */
async function auditBurst(trx: DB, actor: Actor, companyId: number, storyId: number, earlier: readonly number[], now: number): Promise<void> {
  for (const id of [storyId, ...earlier]) {
    await appendAudit(trx, {
      at: now,
      actorId: actor.userId,
      actorRole: auditRole[actor.kind],
      action: 'story.held_for_review',
      subjectKind: 'story',
      subjectId: id,
      companyId,
      data: { reason: 'new_account_burst', completedBy: storyId },
    });
    if (id !== storyId) await enqueueSearchEvent(trx, { kind: 'story.upsert', storyId: id }, now);
  }
}

/**
 * The author verified the address (or proved it by a password reset): stories held only for
 * that start counting. Runs inside the verification's transaction; recomputes each company.
 */
export async function startCountingVerifiedAuthor(trx: DB, userId: number, now: number): Promise<number> {
  const released = await releaseUnverifiedHolds(trx, userId, now);
  if (released.length === 0) return 0;
  for (const r of released) {
    await appendAudit(trx, { at: now, actorId: userId, actorRole: 'consumer', action: 'story.score_counts', subjectKind: 'story', subjectId: r.id, companyId: r.companyId, fromState: 'unverified', toState: null, data: { reason: 'email_verified' } });
    await enqueueSearchEvent(trx, { kind: 'story.upsert', storyId: r.id }, now);
  }
  for (const companyId of new Set(released.map((r) => r.companyId))) {
    await recomputeCompanyStats(trx, companyId, now);
    await enqueueSearchEvent(trx, { kind: 'company.upsert', companyId }, now);
  }
  return released.length;
}

// --- verified customer (rule 8) --------------------------------------------------------------------

/**
 * The author adds (or corrects) the private order reference of their story. It is seen by the
 * company's team and moderators only; a correction drops an earlier confirmation.
 */
export async function addOrderReference(db: DB, actor: Actor, input: { storyId: number; orderReference: string }, opts: ServiceOptions = {}): Promise<void> {
  const { now } = options(opts);
  const ref = cleanOrderReference(input.orderReference);
  if (ref === null) throw new DomainError('invalid_input');
  await inTransaction(db, async (trx) => {
    const story = await findStoryById(trx, input.storyId);
    if (!story) throw new DomainError('story_not_found');
    if (actor.userId === null || story.authorId !== actor.userId) throw new DomainError('not_author');
    if (story.state === 'hidden' || story.state === 'withdrawn') throw new DomainError('invalid_state');
    if (story.orderReference === ref) return;
    await setOrderReference(trx, story.id, ref, now);
    await appendAudit(trx, {
      at: now,
      actorId: actor.userId,
      actorRole: auditRole[actor.kind],
      action: 'story.order_reference',
      subjectKind: 'story',
      subjectId: story.id,
      companyId: story.companyId,
      data: { replaced: story.orderReference !== null, confirmationDropped: story.customerConfirmedAt !== null },
    });
    await enqueueSearchEvent(trx, { kind: 'story.upsert', storyId: story.id }, now);
  });
}

/** A representative of the story's company confirms the order reference: "verified customer". */
export async function confirmCustomer(db: DB, actor: Actor, input: { storyId: number }, opts: ServiceOptions = {}): Promise<void> {
  const { now } = options(opts);
  await inTransaction(db, async (trx) => {
    const story = await findStoryById(trx, input.storyId);
    if (!story) throw new DomainError('story_not_found');
    if (actor.userId === null || !representsStoryCompany(actor, story)) throw new DomainError('not_company_representative');
    if (story.orderReference === null || story.customerConfirmedAt !== null || story.state === 'hidden' || story.state === 'withdrawn') throw new DomainError('invalid_state');
    await markCustomerConfirmed(trx, story.id, actor.userId, now);
    await appendAudit(trx, {
      at: now,
      actorId: actor.userId,
      actorRole: auditRole[actor.kind],
      action: 'story.customer_confirmed',
      subjectKind: 'story',
      subjectId: story.id,
      companyId: story.companyId,
      data: {},
    });
    await enqueueSearchEvent(trx, { kind: 'story.upsert', storyId: story.id }, now);
  });
}

// --- thread ------------------------------------------------------------------------------------

export interface ReplyInput {
  storyId: number;
  body: string;
  /** Whose voice: defaults to 'company' for a representative of the story's company, else 'consumer'. */
  as?: 'company' | 'consumer';
}

/** Adds a message to the public thread; a company's first reply stops the reply clock. */
export async function replyToStory(db: DB, actor: Actor, input: ReplyInput, opts: ServiceOptions = {}): Promise<TransitionOutcome> {
  const { text: body, found } = maskPii(input.body);
  return applyStoryEvent(
    db,
    actor,
    input.storyId,
    (_trx, story) => {
      const as = input.as ?? (representsStoryCompany(actor, story) ? 'company' : 'consumer');
      return as === 'company' ? { type: 'company_reply', body } : { type: 'consumer_reply', body };
    },
    opts,
    { masked: found },
  );
}

// --- verdict and follow-ups -------------------------------------------------------------------

export interface VerdictInput {
  storyId: number;
  resolved: boolean;
  wouldBuyAgain: boolean;
  /** 1–5 */
  rating: number;
  comment?: string | null;
}

export async function giveVerdict(db: DB, actor: Actor, input: VerdictInput, opts: ServiceOptions = {}): Promise<TransitionOutcome> {
  const masked = input.comment ? maskPii(input.comment) : { text: input.comment ?? null, found: [] };
  return applyStoryEvent(
    db,
    actor,
    input.storyId,
    () => ({ type: 'verdict', resolved: input.resolved, wouldBuyAgain: input.wouldBuyAgain, rating: input.rating, comment: masked.text }),
    opts,
    { auditData: () => ({ resolved: input.resolved, wouldBuyAgain: input.wouldBuyAgain, rating: input.rating }), masked: masked.found },
  );
}

export interface StillResolvedInput {
  storyId: number;
  kind: FollowupKind;
  stillResolved: boolean;
}

/** The author's answer to "still resolved?"; a "no" reopens the story once. */
export async function answerStillResolved(db: DB, actor: Actor, input: StillResolvedInput, opts: ServiceOptions = {}): Promise<TransitionOutcome> {
  return applyStoryEvent(
    db,
    actor,
    input.storyId,
    async (trx, story) => ({
      type: 'still_resolved_check',
      kind: input.kind,
      stillResolved: input.stillResolved,
      followup: await findFollowup(trx, story.id, input.kind),
    }),
    opts,
    {
      auditData: (_e, story) => ({
        kind: input.kind,
        stillResolved: input.stillResolved,
        previousVerdict: { at: story.verdictAt, resolved: story.resolved, wouldBuyAgain: story.wouldBuyAgain, rating: story.rating },
      }),
    },
  );
}

// --- author -----------------------------------------------------------------------------------

export interface EditStoryInput {
  storyId: number;
  title: string;
  body: string;
}

/** Edits title and body; the replaced text is kept in story_revisions and the page shows "edited". */
export async function editStory(db: DB, actor: Actor, input: EditStoryInput, opts: ServiceOptions = {}): Promise<TransitionOutcome> {
  const { fields, found } = maskPiiFields({ title: input.title, body: input.body });
  return applyStoryEvent(db, actor, input.storyId, () => ({ type: 'edit', title: fields.title, body: fields.body }), opts, { masked: found });
}

/** The author removes the story: it leaves lists, search and statistics; a tombstone page stays. */
export async function withdrawStory(
  db: DB,
  actor: Actor,
  input: { storyId: number; auditData?: Record<string, unknown> },
  opts: ServiceOptions = {},
): Promise<TransitionOutcome> {
  return applyStoryEvent(db, actor, input.storyId, () => ({ type: 'withdraw' }), opts, { auditData: () => input.auditData, after: reportWithdrawalBurst });
}

/**
 * Rule 6: when this withdrawal (after a company reply) makes a burst for the company, the
 * moderators get one queue entry about it (a report of reason 'withdrawal_burst' on this story,
 * listing the withdrawn stories), unless one is already open for this burst window.
 */
async function reportWithdrawalBurst(trx: DB, story: Story, now: number): Promise<void> {
  if (story.firstReplyAt === null) return;
  const since = now - WITHDRAWAL_BURST_DAYS * DAY_MS;
  const withdrawn = await listRecentWithdrawalsAfterReply(trx, story.companyId, since);
  if (!isWithdrawalBurst(withdrawn.length)) return;
  if (await hasOpenCompanyReport(trx, story.companyId, WITHDRAWAL_BURST_REASON, since)) return;
  const reportId = await insertReport(trx, {
    target_kind: 'story',
    target_id: String(story.id),
    story_id: story.id,
    reporter_id: null,
    reporter_kind: 'anonymous',
    reason: WITHDRAWAL_BURST_REASON,
    // Language-neutral: the moderator page translates the reason; these are the stories concerned.
    explanation: withdrawn.map((id) => `#${id}`).join(', '),
    created_at: now,
  });
  await appendAudit(trx, {
    at: now,
    actorId: null,
    actorRole: 'system',
    action: 'moderation.withdrawal_burst',
    subjectKind: 'report',
    subjectId: reportId,
    companyId: story.companyId,
    fromState: null,
    toState: null,
    data: { storyIds: withdrawn },
  });
}

// --- moderation -------------------------------------------------------------------------------

export interface ModerationInput {
  storyId: number;
  /** The statement of reasons (shown to the author, kept in the audit log as `statement`). */
  reason: string;
  /** Extra audit data (e.g. the reports the decision answers: { reports: 3 }). */
  auditData?: Record<string, unknown>;
  /** Mail the author from here (default). The moderation service sends its own statement mail and passes false. */
  notifyAuthor?: boolean;
}

export async function hideStory(db: DB, actor: Actor, input: ModerationInput, opts: ServiceOptions = {}): Promise<TransitionOutcome> {
  return applyStoryEvent(db, actor, input.storyId, () => ({ type: 'hide', reason: input.reason }), opts, {
    auditData: () => ({ statement: input.reason.trim(), ...input.auditData }),
    notify: input.notifyAuthor !== false,
  });
}

export async function restoreStory(db: DB, actor: Actor, input: ModerationInput, opts: ServiceOptions = {}): Promise<TransitionOutcome> {
  return applyStoryEvent(db, actor, input.storyId, () => ({ type: 'restore', reason: input.reason }), opts, {
    auditData: () => ({ statement: input.reason.trim(), ...input.auditData }),
    notify: input.notifyAuthor !== false,
  });
}

// --- scheduler --------------------------------------------------------------------------------

/** The reply deadline passed without a reply (scheduler). */
export async function markStoryOverdue(db: DB, storyId: number, opts: ServiceOptions = {}): Promise<TransitionOutcome> {
  return applyStoryEvent(db, systemActor, storyId, () => ({ type: 'deadline_passed' }), opts);
}

/**
 * Reminds the author that a verdict window closes soon (scheduler; rule 2: no window closes
 * silently). One transaction: the domain decides on the fresh row, the reminder row (unique per
 * story, kind and window end) makes it happen once, the mail goes to the outbox with an audit row.
 */
export async function remindVerdictWindow(db: DB, storyId: number, opts: ServiceOptions = {}): Promise<boolean> {
  const { now, config } = options(opts);
  return inTransaction(db, async (trx) => {
    const story = await findStoryById(trx, storyId);
    if (!story) return false;
    const due = verdictReminderDue(story, now, config);
    if (!due) return false;
    if (!(await insertVerdictReminder(trx, story.id, due.kind, due.windowEndsAt, now))) return false;
    const company = await getCompanyOrThrow(trx, story.companyId);
    await notify(trx, 'author', due.kind === 'due' ? 'verdict_reminder' : 'late_verdict_reminder', {
      story,
      companyName: company.name,
      actorUserId: null,
      now,
      until: due.windowEndsAt,
    });
    await appendAudit(trx, {
      at: now,
      actorId: null,
      actorRole: 'system',
      action: 'story.verdict_reminder',
      subjectKind: 'story',
      subjectId: story.id,
      companyId: story.companyId,
      fromState: story.state,
      toState: story.state,
      data: { kind: due.kind, windowEndsAt: due.windowEndsAt },
    });
    return true;
  });
}

/** The verdict window ended without a verdict (scheduler). */
export async function closeVerdictWindow(db: DB, storyId: number, opts: ServiceOptions = {}): Promise<TransitionOutcome> {
  return applyStoryEvent(db, systemActor, storyId, () => ({ type: 'verdict_window_closed' }), opts);
}
