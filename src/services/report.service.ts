// Reports are notices in the sense of the EU Digital Services Act (art. 16): anyone — visitor,
// member, company, authority — can report a story, a message or a photo with a reason, where the
// problem is, an explanation and a good-faith statement. Reported content stays visible until a
// moderator decides (moderation.service.ts). Rate-limited; how much one account reports is shown
// to moderators so that mass-reporting campaigns are visible.
import { z } from 'astro/zod';
import { appendAudit } from '../db/audit.repository.ts';
import { findStoryHeader } from '../db/story.repository.ts';
import { findMessageWithStory } from '../db/message.repository.ts';
import { findPhotoWithStory } from '../db/photo.repository.ts';
import { countReportsBy, findOpenReportBy, insertReport, listFrequentReporters } from '../db/report.repository.ts';
import type { DB } from '../db/client.ts';
import type { ReportRow, Role } from '../db/schema.ts';
import { DomainError } from '../domain/errors.ts';
import { rateLimit } from '../auth/rate-limit.ts';
import { checkbox, optionalText } from './input-fields.ts';
import { inTransaction } from '../db/transaction.ts';

export const REPORT_REASONS = [
  'illegal',
  'defamation',
  'personal_data',
  'harassment',
  'hate',
  'spam',
  'fake',
  'conflict_of_interest',
  'copyright',
  'other',
] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const REPORT_TARGET_KINDS = ['story', 'message', 'photo'] as const;
export type ReportTargetKind = (typeof REPORT_TARGET_KINDS)[number];
export type ReporterKind = ReportRow['reporter_kind'];

/** The kinds a reporter may declare; 'anonymous' is derived (no account), never chosen. */
export const DECLARABLE_REPORTER_KINDS = ['consumer', 'company', 'authority'] as const;

export const ReportInputSchema = z.object({
  targetKind: z.enum(REPORT_TARGET_KINDS),
  // Story and message ids are integers, photo ids 32 hex characters.
  targetId: z.string().trim().regex(/^(?:\d{1,12}|[0-9a-f]{32})$/),
  reason: z.enum(REPORT_REASONS),
  // A quote or "third paragraph": a notice must say where the problem is, briefly.
  location: optionalText(500),
  // Enough to understand the problem; short of an essay, which a moderator would not read.
  explanation: z.string().trim().min(20).max(4000),
  // DSA art. 16(2)(d): a statement that the notice is made in good faith. Without it, no report.
  goodFaith: checkbox.refine((v) => v === true, { error: 'moderation.report.goodFaithRequired' }),
  takedown: checkbox,
  // A visitor's form sends '' for "just a visitor".
  reporterKind: z.preprocess((v) => (v === '' ? undefined : v), z.enum(DECLARABLE_REPORTER_KINDS).optional()),
  // Only for visitors without an account: how to tell them the decision.
  email: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), z.email().max(254).optional()),
});
export type ReportInput = z.output<typeof ReportInputSchema>;

export interface Reporter {
  /** The signed-in user, or null for a visitor. */
  user: { id: number; role: Role; companyIds: readonly number[] } | null;
  /** Client address (or a hash of it): the rate-limit key of visitors. */
  ip: string;
}

/** Why these numbers: a person reports a handful of things a day; a campaign reports dozens. */
export const REPORT_LIMITS = {
  perUser: { limit: 10, windowMs: 60 * 60_000 },
  perIp: { limit: 5, windowMs: 60 * 60_000 },
} as const;

/** Reports by one account in a week above which moderators see it flagged as mass-reporting. */
export const MASS_REPORT_THRESHOLD = 10;
export const MASS_REPORT_WINDOW_MS = 7 * 24 * 60 * 60_000;

export type SubmitReportResult =
  | { kind: 'created'; reportId: number }
  | { kind: 'duplicate'; reportId: number }
  | { kind: 'rate_limited'; retryAfterSeconds: number };

export interface ReportTarget {
  kind: ReportTargetKind;
  id: string;
  storyId: number;
  companyId: number;
  /** The person whose content it is (null: imported, anonymised or erased). */
  authorId: number | null;
  hidden: boolean;
  /** The story the item belongs to is hidden by a moderator (the story itself, for a story). */
  storyHidden: boolean;
}

/** The reported item with its story and author, or null when it does not exist (or is withdrawn). */
export async function findReportTarget(db: DB, kind: ReportTargetKind, id: string): Promise<ReportTarget | null> {
  if (kind === 'story') {
    if (!/^\d+$/.test(id)) return null;
    const s = await findStoryHeader(db, Number(id));
    if (!s || s.state === 'withdrawn') return null;
    return { kind, id: String(s.id), storyId: s.id, companyId: s.company_id, authorId: s.author_id, hidden: s.state === 'hidden', storyHidden: s.state === 'hidden' };
  }
  if (kind === 'message') {
    if (!/^\d+$/.test(id)) return null;
    const m = await findMessageWithStory(db, Number(id));
    if (!m || m.state === 'withdrawn') return null;
    return { kind, id: String(m.id), storyId: m.story_id, companyId: m.company_id, authorId: m.author_id, hidden: m.hidden_at !== null, storyHidden: m.state === 'hidden' };
  }
  const p = await findPhotoWithStory(db, id);
  if (!p || p.state === 'withdrawn') return null;
  return { kind, id: p.id, storyId: p.story_id, companyId: p.company_id, authorId: p.uploader_id, hidden: p.hidden_at !== null, storyHidden: p.state === 'hidden' };
}

/**
 * The item as the public may report it: null when it does not exist, is withdrawn, is hidden, or
 * belongs to a hidden story. Hidden content is already taken down; the report form must not show
 * anything of it (not even its story's title), exactly as for an id that never existed.
 */
export async function findReportableTarget(db: DB, kind: ReportTargetKind, id: string): Promise<ReportTarget | null> {
  const target = await findReportTarget(db, kind, id);
  return target && !target.hidden && !target.storyHidden ? target : null;
}

/** Who the reporter is, as counted on the transparency page. */
export function reporterKindFor(reporter: Reporter, declared: ReportInput['reporterKind'], _target: Pick<ReportTarget, 'companyId'>): ReporterKind {
  if (declared === 'authority') return 'authority';
  if (!reporter.user) return 'anonymous';
  // "Company" is only believed from a verified representative (of any company: a competitor's
  // report is still a company's report).
  if (declared === 'company' || reporter.user.role === 'company_rep') {
    if (reporter.user.companyIds.length === 0) {
      if (declared === 'company') throw new DomainError('not_company_representative');
      return 'consumer';
    }
    return 'company';
  }
  return 'consumer';
}

/**
 * Files a report. A second open report by the same account on the same item is not a new
 * report (the first one is returned), so one person cannot inflate the count.
 */
export async function submitReport(db: DB, input: ReportInput, reporter: Reporter, now: number): Promise<SubmitReportResult> {
  const limit = reporter.user
    ? await rateLimit(db, `report:user:${reporter.user.id}`, REPORT_LIMITS.perUser.limit, REPORT_LIMITS.perUser.windowMs, now)
    : await rateLimit(db, `report:ip:${reporter.ip}`, REPORT_LIMITS.perIp.limit, REPORT_LIMITS.perIp.windowMs, now);
  if (!limit.ok) return { kind: 'rate_limited', retryAfterSeconds: limit.retryAfterSeconds };

  return inTransaction(db, async (trx) => {
    const target = await findReportableTarget(trx, input.targetKind, input.targetId);
    if (!target) throw new DomainError('story_not_found');
    if (reporter.user) {
      const open = await findOpenReportBy(trx, reporter.user.id, target.kind, target.id);
      if (open !== null) return { kind: 'duplicate', reportId: open } as const;
    }
    const reporterKind = reporterKindFor(reporter, input.reporterKind, target);
    const reportId = await insertReport(trx, {
      target_kind: target.kind,
      target_id: target.id,
      story_id: target.storyId,
      reporter_id: reporter.user?.id ?? null,
      reporter_kind: reporterKind,
      reason: input.reason,
      location: input.location ?? null,
      explanation: input.explanation,
      good_faith: 1,
      is_takedown_request: input.takedown ? 1 : 0,
      reporter_email: reporter.user ? null : (input.email ?? null),
      created_at: now,
    });
    // The audit row is what the transparency page counts; it holds no personal data.
    await appendAudit(trx, {
      at: now,
      actorId: reporter.user?.id ?? null,
      actorRole: reporter.user?.role ?? 'anonymous',
      action: 'report.create',
      subjectKind: 'report',
      subjectId: reportId,
      companyId: target.companyId,
      data: { targetKind: target.kind, targetId: target.id, reason: input.reason, reporterKind, takedown: input.takedown },
    });
    return { kind: 'created', reportId } as const;
  });
}

export interface ReporterActivity {
  reporterId: number;
  displayName: string | null;
  reports: number;
  dismissed: number;
}

/** Accounts that filed at least `threshold` reports since `since`: mass-reporting, for moderators. */
export async function findMassReporters(db: DB, now: number, threshold = MASS_REPORT_THRESHOLD, windowMs = MASS_REPORT_WINDOW_MS): Promise<ReporterActivity[]> {
  return listFrequentReporters(db, now - windowMs, threshold);
}

/** How much one account has reported lately, shown beside each of its reports in the queue. */
export async function reporterActivity(db: DB, reporterId: number, now: number, windowMs = 30 * 24 * 60 * 60_000): Promise<{ reports: number; dismissed: number }> {
  return countReportsBy(db, reporterId, now - windowMs);
}
