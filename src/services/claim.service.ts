// Company claims: a signed-in user becomes a representative of a company either through a link
// sent to an address at the company's own domain, or by a moderator's approval. A claimed
// company shows "claimed"; its representatives reply in its name and may not publish or rate
// stories about it (src/auth/permissions.ts: representsCompany, canPublishAbout).
import { z } from 'astro/zod';
import type { DB } from '../db/client.ts';
import type { CompanyRow, Locale } from '../db/schema.ts';
import { appendAudit } from '../db/audit.repository.ts';
import { enqueueMail, enqueueSearchEvent } from '../db/outbox.repository.ts';
import { t } from '../i18n/index.ts';
import { notifyMailEnqueued } from '../mail/outbox.ts';
import { AUTH_LIMITS, rateLimit } from '../auth/rate-limit.ts';
import { consumeUserToken, createUserToken, findUserToken } from '../auth/user-tokens.ts';
import type { SessionUser } from '../auth/types.ts';
import type { RateLimited, RequestInfo } from './account.service.ts';
import { inTransaction } from '../db/transaction.ts';
import { decideClaim, findClaimById, findClaimWithNames, findFirstGrantedClaim, hasGrantedClaim, insertClaim, listClaims, userHasGrantedClaim, type ClaimView } from '../db/claim.repository.ts';
import { setClaimant, setClaimantIfNone } from '../db/company.repository.ts';
import { changeRoleIf } from '../db/user.repository.ts';

export { listClaims, type ClaimView };

export const DomainClaimSchema = z.object({
  /** Why 254: the longest address SMTP can carry. */
  email: z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.string().min(1).max(254).pipe(z.email({ error: 'form.invalidEmail' }))),
});

export const ModeratorClaimSchema = z.object({
  /** 20–2000: enough to say who you are and how to check it; not an essay. */
  note: z.string().trim().min(20).max(2000),
});

/** The company's bare domain (lower case, no "www."), or null when unknown. */
export function companyDomain(company: Pick<CompanyRow, 'domain'>): string | null {
  const d = company.domain?.trim().toLowerCase().replace(/^www\./, '');
  return d ? d : null;
}

/** Whether an address is at exactly the company's domain (not a look-alike such as domain.evil). */
export function isAddressAtDomain(email: string, domain: string): boolean {
  const at = email.lastIndexOf('@');
  return at > 0 && email.slice(at + 1).toLowerCase() === domain.toLowerCase();
}

export async function isCompanyClaimed(db: DB, companyId: number): Promise<boolean> {
  return hasGrantedClaim(db, companyId);
}

/** The user's latest claim on this company, if any. */
export async function findUserClaim(db: DB, userId: number, companyId: number): Promise<ClaimView | null> {
  const rows = await listClaims(db, { companyId, userId });
  return rows[0] ?? null;
}

export type StartClaimResult =
  | { kind: 'sent'; email: string; claimId: number }
  | { kind: 'requested'; claimId: number }
  | { kind: 'no_domain' }
  | { kind: 'wrong_domain'; domain: string }
  | { kind: 'already_representative' }
  | { kind: 'unverified' }
  | RateLimited;

async function claimPreconditions(db: DB, user: SessionUser, company: CompanyRow, info: RequestInfo): Promise<StartClaimResult | null> {
  if (!user.emailVerified) return { kind: 'unverified' };
  if (user.companyIds.includes(company.id)) return { kind: 'already_representative' };
  const limited = await rateLimit(db, `claim:user:${user.id}`, AUTH_LIMITS.claimPerUser.limit, AUTH_LIMITS.claimPerUser.windowMs, info.now);
  if (!limited.ok) return { kind: 'rate_limited', retryAfterSeconds: limited.retryAfterSeconds };
  return null;
}

/** Sends a confirmation link to an address at the company's own domain. */
export async function startDomainClaim(db: DB, user: SessionUser, company: CompanyRow, email: string, info: RequestInfo): Promise<StartClaimResult> {
  const domain = companyDomain(company);
  if (!domain) return { kind: 'no_domain' };
  const address = email.trim().toLowerCase();
  if (!isAddressAtDomain(address, domain)) return { kind: 'wrong_domain', domain };
  const refused = await claimPreconditions(db, user, company, info);
  if (refused) return refused;
  const claimId = await inTransaction(db, async (tx) => {
    const claimId = await insertClaim(tx, { companyId: company.id, userId: user.id, method: 'domain_email', email: address, note: null, createdAt: info.now });
    const token = await createUserToken(tx, user.id, 'claim_company', info.now, { claimId });
    const locale: Locale = info.locale;
    const params = { name: user.displayName, company: company.name };
    await enqueueMail(
      tx,
      {
        to: address,
        template: 'claim_company',
        subject: t(locale, 'auth.mail.claim.subject', params),
        text: [
          t(locale, 'auth.mail.claim.body', params),
          `${info.origin}/${locale}/companies/${encodeURIComponent(company.slug)}/claim?token=${encodeURIComponent(token)}`,
          '',
          t(locale, 'auth.mail.ignore'),
          '',
          t(locale, 'auth.mail.signature'),
        ].join('\n'),
      },
      info.now,
    );
    await appendAudit(tx, { at: info.now, actorId: user.id, actorRole: user.role, action: 'claim.start', subjectKind: 'claim', subjectId: claimId, companyId: company.id, toState: 'pending', data: { method: 'domain_email' } });
    return claimId;
  });
  notifyMailEnqueued();
  return { kind: 'sent', email: address, claimId };
}

/** Asks a moderator to verify the claim by other means (the note says how). */
export async function requestModeratorClaim(db: DB, user: SessionUser, company: CompanyRow, note: string, info: RequestInfo): Promise<StartClaimResult> {
  const refused = await claimPreconditions(db, user, company, info);
  if (refused) return refused;
  const claimId = await inTransaction(db, async (tx) => {
    const claimId = await insertClaim(tx, { companyId: company.id, userId: user.id, method: 'moderator', email: null, note: note.trim(), createdAt: info.now });
    await appendAudit(tx, { at: info.now, actorId: user.id, actorRole: user.role, action: 'claim.start', subjectKind: 'claim', subjectId: claimId, companyId: company.id, toState: 'pending', data: { method: 'moderator' } });
    return claimId;
  });
  return { kind: 'requested', claimId };
}

/** Grants the claim: the user becomes a representative, the company shows "claimed". */
async function grant(db: DB, claimId: number, status: 'verified' | 'approved', actor: { id: number | null; role: string }, now: number): Promise<{ companyId: number; userId: number } | null> {
  const claim = await findClaimById(db, claimId);
  if (!claim || claim.status !== 'pending') return null;
  if (!(await decideClaim(db, claimId, { status, decidedAt: now, decidedBy: actor.id }, 'pending'))) return null;
  await setClaimantIfNone(db, claim.company_id, claim.user_id, now);
  await changeRoleIf(db, claim.user_id, 'consumer', 'company_rep');
  await appendAudit(db, { at: now, actorId: actor.id, actorRole: actor.role, action: `claim.${status === 'verified' ? 'verify' : 'approve'}`, subjectKind: 'claim', subjectId: claimId, companyId: claim.company_id, fromState: 'pending', toState: status });
  await enqueueSearchEvent(db, { kind: 'company.upsert', companyId: claim.company_id }, now);
  return { companyId: claim.company_id, userId: claim.user_id };
}

export interface ClaimTokenView {
  claimId: number;
  companyName: string;
  companySlug: string;
  userName: string;
}

/** What a confirmation link is about, without using it (the GET page shows a button). */
export async function findClaimToken(db: DB, token: string, now: number): Promise<ClaimTokenView | null> {
  const found = await findUserToken(db, token, 'claim_company', now);
  const claimId = (found?.data as { claimId?: number } | null)?.claimId;
  if (!found || typeof claimId !== 'number') return null;
  const row = await findClaimWithNames(db, claimId);
  if (!row || row.status !== 'pending') return null;
  return { claimId: row.id, companyName: row.companyName, companySlug: row.companySlug, userName: row.userName };
}

/** Uses the link sent to the company address. Null when invalid, used, expired or already decided. */
export async function confirmDomainClaim(db: DB, token: string, now: number): Promise<{ companyId: number; userId: number } | null> {
  return inTransaction(db, async (tx) => {
    const used = await consumeUserToken(tx, token, 'claim_company', now);
    const claimId = (used?.data as { claimId?: number } | null)?.claimId;
    if (!used || typeof claimId !== 'number') return null;
    const claim = await findClaimById(tx, claimId);
    if (!claim || claim.user_id !== used.userId || claim.method !== 'domain_email') return null;
    return grant(tx, claimId, 'verified', { id: null, role: 'system' }, now);
  });
}

export type DecideClaimResult = { kind: 'ok' } | { kind: 'forbidden' } | { kind: 'own_claim' } | { kind: 'not_pending' };

function isStaff(user: SessionUser): boolean {
  return user.role === 'moderator' || user.role === 'admin';
}

export async function approveClaim(db: DB, moderator: SessionUser, claimId: number, now: number): Promise<DecideClaimResult> {
  if (!isStaff(moderator)) return { kind: 'forbidden' };
  return inTransaction(db, async (tx) => {
    const claim = await findClaimById(tx, claimId);
    if (!claim || claim.status !== 'pending') return { kind: 'not_pending' as const };
    if (claim.user_id === moderator.id) return { kind: 'own_claim' as const };
    const granted = await grant(tx, claimId, 'approved', { id: moderator.id, role: moderator.role }, now);
    return granted ? { kind: 'ok' as const } : { kind: 'not_pending' as const };
  });
}

export async function rejectClaim(db: DB, moderator: SessionUser, claimId: number, now: number): Promise<DecideClaimResult> {
  if (!isStaff(moderator)) return { kind: 'forbidden' };
  return inTransaction(db, async (tx) => {
    const claim = await findClaimById(tx, claimId);
    if (!claim || claim.status !== 'pending') return { kind: 'not_pending' as const };
    if (claim.user_id === moderator.id) return { kind: 'own_claim' as const };
    await decideClaim(tx, claimId, { status: 'rejected', decidedAt: now, decidedBy: moderator.id });
    await appendAudit(tx, { at: now, actorId: moderator.id, actorRole: moderator.role, action: 'claim.reject', subjectKind: 'claim', subjectId: claimId, companyId: claim.company_id, fromState: 'pending', toState: 'rejected' });
    return { kind: 'ok' as const };
  });
}

/**
 * Ends a representation (the person left the company, or a moderator found the claim false).
 * The company stays "claimed" while another representative remains.
 */
export async function revokeClaim(db: DB, actor: SessionUser, claimId: number, now: number): Promise<DecideClaimResult> {
  return inTransaction(db, async (tx) => {
    const claim = await findClaimById(tx, claimId);
    if (!claim || (claim.status !== 'verified' && claim.status !== 'approved')) return { kind: 'not_pending' as const };
    if (!isStaff(actor) && actor.id !== claim.user_id) return { kind: 'forbidden' as const };
    await decideClaim(tx, claimId, { status: 'revoked', decidedAt: now, decidedBy: actor.id });
    const other = await findFirstGrantedClaim(tx, claim.company_id);
    await setClaimant(tx, claim.company_id, other ? { userId: other.user_id, claimedAt: other.decided_at ?? now } : null, now);
    if (!(await userHasGrantedClaim(tx, claim.user_id))) await changeRoleIf(tx, claim.user_id, 'company_rep', 'consumer');
    await appendAudit(tx, { at: now, actorId: actor.id, actorRole: actor.role, action: 'claim.revoke', subjectKind: 'claim', subjectId: claimId, companyId: claim.company_id, fromState: claim.status, toState: 'revoked' });
    await enqueueSearchEvent(tx, { kind: 'company.upsert', companyId: claim.company_id }, now);
    return { kind: 'ok' as const };
  });
}
