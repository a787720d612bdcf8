// Moderator actions. Every one: permission check first (moderator or admin, inside the
// service, whatever the page did), one transaction with the change, an audit row and the mail
// carrying the statement of reasons (DSA art. 17) through the outbox.
import { moveContacts } from '../db/contact.repository.ts';
import { config } from '../config.ts';
import { appendAudit } from '../db/audit.repository.ts';
import type { DB } from '../db/client.ts';
import { findCompanyById, getCompanyOrThrow, listCompaniesAwaitingReview, listDuplicateGroups, type DuplicateGroup, markCompanyMerged, markCompanyReviewed, resolveMergedCompany, setClaimant, type CompanyAwaitingReview } from '../db/company.repository.ts';
import { findFirstGrantedClaim, listClaimsForReview, listClaimsOfCompany, moveClaim, reopenClaim, userHasGrantedClaim } from '../db/claim.repository.ts';
import { changeRoleIf } from '../db/user.repository.ts';
import { emailHost, registrableDomain } from '../domain/claim-domain.ts';
import { companyDomain } from './claim.service.ts';
import type { CompanyRow } from '../db/schema.ts';
import { findStoryById, findStoryEvidence, findStoryTitle, listStoriesHeldForReview, markEvidenceVerified, moveStoriesToCompany, setScoreHold, type HeldStory } from '../db/story.repository.ts';
import { holdAfterRelease } from '../domain/fakes.ts';
import { setMessageHidden } from '../db/message.repository.ts';
import { setPhotoHidden } from '../db/photo.repository.ts';
import { findUserById } from '../db/user.repository.ts';
import { decideReports, listOpenReportGroups, listOpenReportsForTarget, listReportsWithReporterName, type ReportWithReporterName } from '../db/report.repository.ts';
import { enqueueMail, enqueueSearchEvent } from '../db/outbox.repository.ts';
import { composeMail } from '../mail/compose.ts';
import type { Locale, ReportRow, Role } from '../db/schema.ts';
import { deleteCompanyStats, recomputeCompanyStats } from '../db/stats.repository.ts';
import { DomainError } from '../domain/errors.ts';
import { t } from '../i18n/index.ts';
import { findReportTarget, type ReportTarget, type ReportTargetKind } from './report.service.ts';
import { changeStoryVisibility } from './story-visibility.ts';
import { inTransaction } from '../db/transaction.ts';

export interface Moderator {
  id: number;
  role: Role;
}

/** A statement of reasons must say something: at least this many characters. */
export const STATEMENT_MIN_CHARS = 20;
export const STATEMENT_MAX_CHARS = 5000;

export function canModerate(actor: { role: Role } | null | undefined): boolean {
  return actor?.role === 'moderator' || actor?.role === 'admin';
}

/** Throws unless the actor is a moderator or an admin: consumers and representatives never pass. */
export function assertModerator(actor: { role: Role } | null | undefined): asserts actor is Moderator {
  if (!canModerate(actor)) throw new DomainError('not_moderator');
}

function cleanStatement(statement: string): string {
  const s = statement.trim();
  if (s.length < STATEMENT_MIN_CHARS) throw new DomainError('reason_required');
  return s.slice(0, STATEMENT_MAX_CHARS);
}

export interface ModerationOptions {
  /** Origin for links in mail (SITE_URL by default). */
  origin?: string;
}

function originOf(options: ModerationOptions): string {
  return options.origin ?? config().siteUrl;
}

// ---------------------------------------------------------------- mail

interface Recipient {
  email: string;
  name: string;
  locale: Locale;
}

async function findRecipient(db: DB, userId: number | null): Promise<Recipient | null> {
  if (userId === null) return null;
  const u = await findUserById(db, userId);
  return u ? { email: u.email, name: u.display_name, locale: u.locale } : null;
}

async function describeTarget(db: DB, target: ReportTarget): Promise<{ title: string }> {
  const s = await findStoryTitle(db, target.storyId);
  return { title: s?.title ?? '' };
}

function storyUrl(origin: string, locale: Locale, storyId: number): string {
  return `${origin}/${locale}/stories/${storyId}`;
}

async function mailAuthor(
  db: DB,
  target: ReportTarget,
  template: 'hidden' | 'restored' | 'verified',
  statement: string,
  now: number,
  options: ModerationOptions,
): Promise<boolean> {
  const to = await findRecipient(db, target.authorId);
  if (!to) return false;
  const { title } = await describeTarget(db, target);
  const params = {
    name: to.name,
    kind: t(to.locale, `moderation.target.${target.kind}`),
    title,
    statement,
    url: storyUrl(originOf(options), to.locale, target.storyId),
  };
  await enqueueMail(
    db,
    // A statement of reasons: a service notice, never unsubscribable (decision 0034).
    composeMail({ to: to.email, locale: to.locale, subject: t(to.locale, `moderation.mail.${template}.subject`), lines: [t(to.locale, `moderation.mail.${template}.body`, params)], template: `moderation_${template}` }),
    now,
  );
  return true;
}

/** Tells each reporter we can reach (members, visitors who left an address) what was decided. */
async function mailReporters(db: DB, reports: ReportRow[], outcome: 'actioned' | 'dismissed', statement: string, now: number): Promise<void> {
  const sent = new Set<string>();
  for (const r of reports) {
    const member = await findRecipient(db, r.reporter_id);
    const to = member ?? (r.reporter_email ? { email: r.reporter_email, name: '', locale: 'it' as Locale } : null);
    if (!to || sent.has(to.email)) continue;
    sent.add(to.email);
    await enqueueMail(
      db,
      composeMail({
        to: to.email,
        locale: to.locale,
        subject: t(to.locale, 'moderation.mail.decision.subject'),
        lines: [t(to.locale, `moderation.mail.decision.${outcome}`, { kind: t(to.locale, `moderation.target.${r.target_kind}`), statement })],
        template: `report_${outcome}`,
      }),
      now,
    );
  }
}

// ---------------------------------------------------------------- hide / restore content

async function getTargetOrThrow(db: DB, kind: ReportTargetKind, id: string): Promise<ReportTarget> {
  const target = await findReportTarget(db, kind, id);
  if (!target) throw new DomainError('story_not_found');
  return target;
}

/** `auditData.reports`: how many reports the action answers (0 = the moderator's own initiative). */
async function setContentHidden(
  db: DB,
  target: ReportTarget,
  hide: boolean,
  statement: string,
  actor: Moderator,
  now: number,
  auditData: Record<string, unknown> = {},
): Promise<void> {
  if (target.kind === 'story') {
    await changeStoryVisibility(db, target.storyId, hide ? 'hide' : 'restore', statement, actor, now, { data: auditData });
    return;
  }
  if (target.hidden === hide) throw new DomainError('invalid_state');
  if (target.kind === 'message') {
    await setMessageHidden(db, Number(target.id), hide ? now : null);
  } else {
    await setPhotoHidden(db, target.id, hide ? now : null);
  }
  await appendAudit(db, {
    at: now,
    actorId: actor.id,
    actorRole: actor.role,
    action: hide ? 'moderation.hide' : 'moderation.restore',
    subjectKind: target.kind,
    subjectId: target.id,
    companyId: target.companyId,
    fromState: hide ? 'visible' : 'hidden',
    toState: hide ? 'hidden' : 'visible',
    data: { statement, storyId: target.storyId, ...auditData },
  });
  // The story's public document and cached page show its messages and photos.
  await enqueueSearchEvent(db, { kind: 'story.upsert', storyId: target.storyId }, now);
}

async function openReportsFor(db: DB, target: ReportTarget): Promise<ReportRow[]> {
  return listOpenReportsForTarget(db, target.kind, target.id);
}

/** Closes reports with an outcome; one audit row per report (the transparency page counts them). */
async function closeReports(db: DB, reports: ReportRow[], outcome: 'actioned' | 'dismissed', statement: string, actor: Moderator, now: number): Promise<void> {
  if (reports.length === 0) return;
  await decideReports(
    db,
    reports.map((r) => r.id),
    { status: outcome, decidedAt: now, decidedBy: actor.id, statement },
  );
  for (const r of reports) {
    await appendAudit(db, {
      at: now,
      actorId: actor.id,
      actorRole: actor.role,
      action: 'report.decide',
      subjectKind: 'report',
      subjectId: r.id,
      fromState: 'open',
      toState: outcome,
      data: { outcome, targetKind: r.target_kind, reporterKind: r.reporter_kind, takedown: r.is_takedown_request === 1, reportedAt: r.created_at },
    });
  }
}

export interface ModerationResult {
  reportsClosed: number;
  authorNotified: boolean;
}

/**
 * Hides a story, message or photo — on a report or on the moderator's own initiative — with a
 * statement of reasons mailed to its author; every open report about it is closed as actioned
 * and its reporters are told.
 */
export async function hideContent(
  db: DB,
  actor: { id: number; role: Role } | null,
  kind: ReportTargetKind,
  id: string,
  statement: string,
  now: number,
  options: ModerationOptions = {},
): Promise<ModerationResult> {
  assertModerator(actor);
  const reasons = cleanStatement(statement);
  return inTransaction(db, async (trx) => {
    const target = await getTargetOrThrow(trx, kind, id);
    const reports = await openReportsFor(trx, target);
    await setContentHidden(trx, target, true, reasons, actor, now, { reports: reports.length });
    await closeReports(trx, reports, 'actioned', reasons, actor, now);
    const authorNotified = await mailAuthor(trx, target, 'hidden', reasons, now, options);
    await mailReporters(trx, reports, 'actioned', reasons, now);
    return { reportsClosed: reports.length, authorNotified };
  });
}

/** Makes hidden content visible again, with a statement of reasons mailed to its author. */
export async function restoreContent(
  db: DB,
  actor: { id: number; role: Role } | null,
  kind: ReportTargetKind,
  id: string,
  statement: string,
  now: number,
  options: ModerationOptions = {},
): Promise<ModerationResult> {
  assertModerator(actor);
  const reasons = cleanStatement(statement);
  return inTransaction(db, async (trx) => {
    const target = await getTargetOrThrow(trx, kind, id);
    await setContentHidden(trx, target, false, reasons, actor, now);
    const authorNotified = await mailAuthor(trx, target, 'restored', reasons, now, options);
    return { reportsClosed: 0, authorNotified };
  });
}

/**
 * Leaves the content as it is and closes every open report about it as dismissed; the reasons
 * go to the reporters (the authors of the reports) who can be reached.
 */
export async function dismissReports(
  db: DB,
  actor: { id: number; role: Role } | null,
  kind: ReportTargetKind,
  id: string,
  statement: string,
  now: number,
): Promise<ModerationResult> {
  assertModerator(actor);
  const reasons = cleanStatement(statement);
  return inTransaction(db, async (trx) => {
    const reports = await listOpenReportsForTarget(trx, kind, id);
    if (reports.length === 0) throw new DomainError('invalid_state');
    await closeReports(trx, reports, 'dismissed', reasons, actor, now);
    await mailReporters(trx, reports, 'dismissed', reasons, now);
    return { reportsClosed: reports.length, authorNotified: false };
  });
}

// ---------------------------------------------------------------- verified experience

/**
 * Marks a story's private evidence (order reference, documents) as checked: the story shows the
 * "verified experience" badge. Needs evidence to exist; the author is told.
 */
export async function verifyEvidence(
  db: DB,
  actor: { id: number; role: Role } | null,
  storyId: number,
  note: string,
  now: number,
  options: ModerationOptions = {},
): Promise<void> {
  assertModerator(actor);
  await inTransaction(db, async (trx) => {
    const story = await findStoryEvidence(trx, storyId);
    if (!story) throw new DomainError('story_not_found');
    if (story.state === 'withdrawn' || story.evidence_verified_at !== null) throw new DomainError('invalid_state');
    if (!story.order_reference) throw new DomainError('invalid_input', 'no private evidence to verify');
    await markEvidenceVerified(trx, storyId, now);
    await appendAudit(trx, {
      at: now,
      actorId: actor.id,
      actorRole: actor.role,
      action: 'moderation.verify_evidence',
      subjectKind: 'story',
      subjectId: storyId,
      companyId: story.company_id,
      data: { note: note.trim().slice(0, STATEMENT_MAX_CHARS) || null },
    });
    await enqueueSearchEvent(trx, { kind: 'story.upsert', storyId }, now);
    const target: ReportTarget = { kind: 'story', id: String(storyId), storyId, companyId: story.company_id, authorId: story.author_id, hidden: story.state === 'hidden', storyHidden: story.state === 'hidden' };
    await mailAuthor(trx, target, 'verified', note.trim(), now, options);
  });
}

// ---------------------------------------------------------------- duplicate companies

/** What a merge did with one of the duplicate's claims (recorded in the merge's audit row). */
export interface MergedClaim {
  claim: number;
  user: number;
  /** The claim's status before the merge. */
  status: string;
  /** moved: as it was; reopened: a granted claim now awaits a moderator on the kept company. */
  outcome: 'moved' | 'reopened';
}

/**
 * The duplicate's claims move to the kept company (decision 0049). A granted claim stays granted
 * only when it was proven by an address at the kept company's trusted domain; any other granted
 * claim (another domain, an untrusted one, a moderator's approval for the other company) moves
 * as awaiting review: its holder loses the badge and the rights on the kept company at once, and
 * a moderator decides with the evidence kept. Waiting, refused and revoked claims move as they are.
 */
async function moveClaimsForMerge(trx: DB, duplicateId: number, kept: CompanyRow): Promise<MergedClaim[]> {
  const trusted = kept.domain_trust !== null ? companyDomain(kept) : null;
  const out: MergedClaim[] = [];
  for (const c of await listClaimsOfCompany(trx, duplicateId)) {
    const granted = c.status === 'verified' || c.status === 'approved';
    const host = c.email ? emailHost(c.email) : null;
    const atTrusted = trusted !== null && c.method === 'domain_email' && host !== null && registrableDomain(host) === trusted;
    if (granted && !atTrusted) {
      await reopenClaim(trx, c.id, kept.id);
      if (!(await userHasGrantedClaim(trx, c.user_id))) await changeRoleIf(trx, c.user_id, 'company_rep', 'consumer');
      out.push({ claim: c.id, user: c.user_id, status: c.status, outcome: 'reopened' });
    } else {
      await moveClaim(trx, c.id, kept.id);
      out.push({ claim: c.id, user: c.user_id, status: c.status, outcome: 'moved' });
    }
  }
  return out;
}

/**
 * Merges a duplicate company into the one that is kept: its stories and claims move, it is
 * marked merged_into_id (its page redirects), search documents follow, the kept company's
 * statistics are recomputed. Returns how many stories moved.
 */
export async function mergeCompanies(
  db: DB,
  actor: { id: number; role: Role } | null,
  duplicateId: number,
  keepId: number,
  statement: string,
  now: number,
): Promise<{ storiesMoved: number; keptId: number }> {
  assertModerator(actor);
  const reasons = cleanStatement(statement);
  return inTransaction(db, async (trx) => {
    const keptId = (await resolveMergedCompany(trx, keepId))?.id ?? null;
    const dup = await findCompanyById(trx, duplicateId);
    if (!dup || keptId === null) throw new DomainError('company_not_found');
    if (dup.merged_into_id !== null || keptId === dup.id) throw new DomainError('invalid_input', 'already merged or same company');

    const movedIds = await moveStoriesToCompany(trx, dup.id, keptId, now);
    const keptBefore = await getCompanyOrThrow(trx, keptId);
    const claims = await moveClaimsForMerge(trx, dup.id, keptBefore);
    // The directory follows (decision 0042): a contact both list becomes one.
    const contactsMoved = await moveContacts(trx, dup.id, keptId);
    const kept = await getCompanyOrThrow(trx, keptId);
    if (kept.claimed_by_user_id === null) {
      // The kept company's claimant: one of its granted claims (a reopened claim gives no badge).
      const first = await findFirstGrantedClaim(trx, keptId);
      if (first) await setClaimant(trx, keptId, { userId: first.user_id, claimedAt: first.decided_at }, now);
    }
    await markCompanyMerged(trx, dup.id, keptId, now);
    // The duplicate has no figures of its own any more; the kept company's include the moved stories.
    await deleteCompanyStats(trx, dup.id);
    await recomputeCompanyStats(trx, keptId, now);
    await appendAudit(trx, {
      at: now,
      actorId: actor.id,
      actorRole: actor.role,
      action: 'moderation.merge_company',
      subjectKind: 'company',
      subjectId: dup.id,
      companyId: keptId,
      data: { into: keptId, stories: movedIds.length, contacts: contactsMoved, claims, statement: reasons },
    });
    await enqueueSearchEvent(trx, { kind: 'company.delete', companyId: dup.id }, now);
    await enqueueSearchEvent(trx, { kind: 'company.upsert', companyId: keptId }, now);
    for (const storyId of movedIds) await enqueueSearchEvent(trx, { kind: 'story.upsert', storyId }, now);
    return { storiesMoved: movedIds.length, keptId };
  });
}

/** Likely duplicates (same normalised name or same web domain) for the moderators' queue. */
export async function listLikelyDuplicates(db: DB, actor: { role: Role } | null, limit = 100): Promise<DuplicateGroup[]> {
  assertModerator(actor);
  return listDuplicateGroups(db, limit);
}

/**
 * Merges every company of a duplicate group into the one kept: one merge (its own transaction,
 * audit row and search events) per duplicate, through mergeCompanies. Returns the stories moved.
 */
export async function mergeDuplicateGroup(
  db: DB,
  actor: { id: number; role: Role } | null,
  keepId: number,
  duplicateIds: number[],
  statement: string,
  now: number,
): Promise<{ merged: number; storiesMoved: number }> {
  assertModerator(actor);
  cleanStatement(statement);
  const others = [...new Set(duplicateIds)].filter((id) => id !== keepId);
  if (others.length === 0 || others.length > 20) throw new DomainError('invalid_input', 'nothing to merge');
  let storiesMoved = 0;
  for (const id of others) storiesMoved += (await mergeCompanies(db, actor, id, keepId, statement, now)).storiesMoved;
  return { merged: others.length, storiesMoved };
}

/** How much waits in the company-identity queues (bounded counts for the queue's overview). */
export async function countIdentityQueues(db: DB, actor: { role: Role } | null): Promise<{ claims: number; companies: number; duplicates: number }> {
  assertModerator(actor);
  const [claims, companies, duplicates] = await Promise.all([listClaimsForReview(db, 100), listCompaniesAwaitingReview(db, 100), listDuplicateGroups(db, 100)]);
  return { claims: claims.length, companies: companies.length, duplicates: duplicates.length };
}

// ---------------------------------------------------------------- new companies

export { listCompaniesAwaitingReview, type CompanyAwaitingReview };

/**
 * A moderator reviews a company a consumer created: release it to the directories, rankings and
 * home lists, or keep it out of them (junk, a duplicate to merge later). False when it was
 * already reviewed.
 */
export async function reviewCompany(db: DB, actor: { id: number; role: Role } | null, companyId: number, release: boolean, now: number): Promise<boolean> {
  assertModerator(actor);
  return inTransaction(db, async (trx) => {
    if (!(await markCompanyReviewed(trx, companyId, actor.id, release, now))) return false;
    await appendAudit(trx, {
      at: now,
      actorId: actor.id,
      actorRole: actor.role,
      action: release ? 'moderation.company_release' : 'moderation.company_keep_unlisted',
      subjectKind: 'company',
      subjectId: companyId,
      companyId,
      data: {},
    });
    await enqueueSearchEvent(trx, { kind: 'company.upsert', companyId }, now);
    return true;
  });
}

// ---------------------------------------------------------------- stories held for review (rule 8)

export type { HeldStory };

/** Stories of a burst from new accounts, shown and marked "under review", not scored: oldest first. */
export async function listHeldStories(db: DB, actor: { role: Role } | null, opts: { limit?: number; offset?: number } = {}): Promise<HeldStory[]> {
  assertModerator(actor);
  return listStoriesHeldForReview(db, opts.limit ?? 50, opts.offset ?? 0);
}

async function getHeldStoryOrThrow(db: DB, storyId: number) {
  const story = await findStoryById(db, storyId);
  if (!story) throw new DomainError('story_not_found');
  if (story.scoreHold !== 'review' || story.state === 'hidden' || story.state === 'withdrawn') throw new DomainError('invalid_state');
  return story;
}

/**
 * A moderator releases a held story: it counts in the company's score from now on (unless its
 * author still has to verify the address) and is never held again by a later burst.
 */
export async function releaseHeldStory(db: DB, actor: { id: number; role: Role } | null, storyId: number, now: number): Promise<void> {
  assertModerator(actor);
  await inTransaction(db, async (trx) => {
    const story = await getHeldStoryOrThrow(trx, storyId);
    const author = story.authorId === null ? null : await findUserById(trx, story.authorId);
    const hold = holdAfterRelease(author === null || author.email_verified_at !== null);
    await setScoreHold(trx, [story.id], hold, now, now);
    await appendAudit(trx, {
      at: now,
      actorId: actor.id,
      actorRole: actor.role,
      action: 'moderation.release_held_story',
      subjectKind: 'story',
      subjectId: story.id,
      companyId: story.companyId,
      fromState: 'review',
      toState: hold ?? 'counted',
      data: {},
    });
    await recomputeCompanyStats(trx, story.companyId, now);
    await enqueueSearchEvent(trx, { kind: 'story.upsert', storyId: story.id }, now);
    await enqueueSearchEvent(trx, { kind: 'company.upsert', companyId: story.companyId }, now);
  });
}

/**
 * A moderator rejects a held story: it is hidden with the statement of reasons (mailed to its
 * author, published counted on the transparency page like any hidden story) and stays out of
 * the score.
 */
export async function rejectHeldStory(
  db: DB,
  actor: { id: number; role: Role } | null,
  storyId: number,
  statement: string,
  now: number,
  options: ModerationOptions = {},
): Promise<void> {
  assertModerator(actor);
  const reasons = cleanStatement(statement);
  await inTransaction(db, async (trx) => {
    await getHeldStoryOrThrow(trx, storyId);
    const target = await getTargetOrThrow(trx, 'story', String(storyId));
    const reports = await openReportsFor(trx, target);
    await setContentHidden(trx, target, true, reasons, actor, now, { reports: reports.length, heldForReview: true });
    await appendAudit(trx, {
      at: now,
      actorId: actor.id,
      actorRole: actor.role,
      action: 'moderation.reject_held_story',
      subjectKind: 'story',
      subjectId: storyId,
      companyId: target.companyId,
      fromState: 'review',
      toState: 'hidden',
      data: { statement: reasons },
    });
    await closeReports(trx, reports, 'actioned', reasons, actor, now);
    await mailAuthor(trx, target, 'hidden', reasons, now, options);
    await mailReporters(trx, reports, 'actioned', reasons, now);
  });
}

// ---------------------------------------------------------------- the queue

export interface QueueItem {
  targetKind: ReportTargetKind;
  targetId: string;
  storyId: number | null;
  reports: number;
  takedown: boolean;
  firstReportedAt: number;
  reasons: string[];
}

/**
 * Open reports grouped by the reported item: takedown requests first, then the most reported,
 * then the oldest. For moderators only.
 */
export async function listModerationQueue(db: DB, actor: { role: Role } | null, opts: { limit?: number; offset?: number } = {}): Promise<QueueItem[]> {
  assertModerator(actor);
  const rows = await listOpenReportGroups(db, opts.limit ?? 50, opts.offset ?? 0);
  return rows.map((r) => ({
    targetKind: r.target_kind,
    targetId: r.target_id,
    storyId: r.story_id === null ? null : Number(r.story_id),
    reports: Number(r.reports),
    takedown: Number(r.takedown) === 1,
    firstReportedAt: Number(r.first_at),
    reasons: [...new Set(String(r.reasons ?? '').split(',').filter(Boolean))],
  }));
}

export type ReportForModerator = ReportWithReporterName;

/** Every report (open and decided) about one item, with the reporter's display name. */
export async function listReportsForTarget(db: DB, actor: { role: Role } | null, kind: ReportTargetKind, id: string): Promise<ReportForModerator[]> {
  assertModerator(actor);
  return listReportsWithReporterName(db, kind, id);
}
