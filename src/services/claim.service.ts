// Company claims: a signed-in user becomes a representative of a company either through a link
// sent to an address at the company's own domain, or by a moderator's approval. A claimed
// company shows "claimed"; its representatives reply in its name and may not publish or rate
// stories about it (src/auth/permissions.ts: representsCompany, canPublishAbout).
import { randomBytes } from 'node:crypto';
import { z } from 'astro/zod';
import type { DB } from '../db/client.ts';
import type { CompanyRow, Locale } from '../db/schema.ts';
import { appendAudit } from '../db/audit.repository.ts';
import { enqueueMail, enqueueSearchEvent } from '../db/outbox.repository.ts';
import { composeMail } from '../mail/compose.ts';
import { t } from '../i18n/index.ts';
import { notifyMailEnqueued } from '../mail/outbox.ts';
import { AUTH_LIMITS, rateLimit } from '../auth/rate-limit.ts';
import { consumeUserToken, createUserToken, findUserToken } from '../auth/user-tokens.ts';
import type { SessionUser } from '../auth/types.ts';
import type { RateLimited, RequestInfo } from './account.service.ts';
import { inTransaction } from '../db/transaction.ts';
import {
  decideClaim,
  findClaimById,
  findClaimWithNames,
  findFirstGrantedClaim,
  hasGrantedClaim,
  insertClaim,
  listClaims,
  listClaimsForReview,
  listCompanyTeam,
  listPendingDomainClaims,
  markClaimEmailConfirmed,
  setClaimEvidence,
  userHasGrantedClaim,
  type ClaimReviewView,
  type ClaimView,
  type TeamMember,
} from '../db/claim.repository.ts';
import { ensureDomainToken, findCompanyById, setClaimant, setClaimantIfNone, setDomainTrust } from '../db/company.repository.ts';
import { isPlatformHost } from '../domain/platform-hosts.ts';
import { decideDomainClaim, emailHost, publicMailKind, registrableDomain, verificationRecord, type PublicMailKind } from '../domain/claim-domain.ts';
import { checkDomainProof, defaultDomainProver, type DomainProver, type ProofResult } from './domain-proof.ts';
import { changeRoleIf } from '../db/user.repository.ts';

export { listClaims, listClaimsForReview, listCompanyTeam, type TeamMember, type ClaimView, type ClaimReviewView, type ProofResult };

export const DomainClaimSchema = z.object({
  /** Why 254: the longest address SMTP can carry. */
  email: z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.string().min(1).max(254).pipe(z.email({ error: 'form.invalidEmail' }))),
});

export const ModeratorClaimSchema = z.object({
  /** 20–2000: enough to say who you are and how to check it; not an essay. */
  note: z.string().trim().min(20).max(2000),
});

/**
 * The company's claim domain: the registrable domain of its website (public-suffix aware), or
 * null when unknown, a public mail domain (gmail.com typed as a shop's website speaks for nobody)
 * or a platform host many shops share (facebook.com, etsy.com…; decision 0049).
 */
export function companyDomain(company: Pick<CompanyRow, 'domain'>): string | null {
  const d = registrableDomain(company.domain);
  // A platform host (a Facebook page, an Etsy shop) is shared by many companies: no claim domain.
  return d && publicMailKind(d) === null && !isPlatformHost(d) ? d : null;
}

/** Why the company's typed domain cannot be a claim domain (a public mail service), or null. */
export function companyPublicMailDomain(company: Pick<CompanyRow, 'domain'>): string | null {
  const d = registrableDomain(company.domain);
  // A platform page (facebook.com is also on the free-mail list) is no mail service: no claim domain.
  return d && publicMailKind(d) !== null && !isPlatformHost(d) ? d : null;
}

/** Whether an address is at the company's registrable domain (not a look-alike such as domain.evil). */
export function isAddressAtDomain(email: string, domain: string): boolean {
  const host = emailHost(email);
  const reg = registrableDomain(domain);
  return host !== null && reg !== null && registrableDomain(host) === reg;
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
  | { kind: 'sent'; email: string; claimId: number; /** Confirming the link grants the claim (trusted domain) or leaves it to review. */ grantsOnConfirm: boolean }
  | { kind: 'requested'; claimId: number }
  | { kind: 'no_domain' }
  | { kind: 'wrong_domain'; domain: string }
  | { kind: 'public_mail_domain'; domain: string; why: PublicMailKind }
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
  const address = email.trim().toLowerCase();
  const decision = decideDomainClaim({ email: address, companyDomain: company.domain, trust: company.domain_trust });
  if (decision.kind === 'no_domain' || decision.kind === 'wrong_domain' || decision.kind === 'public_mail_domain') return decision;
  const refused = await claimPreconditions(db, user, company, info);
  if (refused) return refused;
  const claimId = await inTransaction(db, async (tx) => {
    const claimId = await insertClaim(tx, { companyId: company.id, userId: user.id, method: 'domain_email', email: address, note: null, createdAt: info.now });
    const token = await createUserToken(tx, user.id, 'claim_company', info.now, { claimId });
    const locale: Locale = info.locale;
    const params = { name: user.displayName, company: company.name };
    await enqueueMail(
      tx,
      composeMail({
        to: address,
        locale,
        template: 'claim_company',
        subject: t(locale, 'auth.mail.claim.subject', params),
        lines: [t(locale, 'auth.mail.claim.body', params), `${info.origin}/${locale}/companies/${encodeURIComponent(company.slug)}/claim?token=${encodeURIComponent(token)}`, '', t(locale, 'auth.mail.ignore')],
        signature: true,
      }),
      info.now,
    );
    await appendAudit(tx, { at: info.now, actorId: user.id, actorRole: user.role, action: 'claim.start', subjectKind: 'claim', subjectId: claimId, companyId: company.id, toState: 'pending', data: { method: 'domain_email' } });
    return claimId;
  });
  notifyMailEnqueued();
  return { kind: 'sent', email: address, claimId, grantsOnConfirm: decision.kind === 'link_grants' };
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

export type ConfirmClaimResult = { kind: 'granted'; companyId: number; userId: number } | { kind: 'awaiting_review'; companyId: number; userId: number };

/** Whether the claim address is at the company's claim domain and that domain is trusted now. */
function trustedFor(company: CompanyRow, email: string | null): boolean {
  return email !== null && decideDomainClaim({ email, companyDomain: company.domain, trust: company.domain_trust }).kind === 'link_grants';
}

/**
 * Uses the link sent to the company address: the mailbox is the claimant's. At a trusted domain
 * that grants the claim; at a domain only a consumer typed, the claim waits for a moderator or a
 * proof of the domain. Null when invalid, used, expired or already decided.
 */
export async function confirmDomainClaim(db: DB, token: string, now: number): Promise<ConfirmClaimResult | null> {
  return inTransaction(db, async (tx) => {
    const used = await consumeUserToken(tx, token, 'claim_company', now);
    const claimId = (used?.data as { claimId?: number } | null)?.claimId;
    if (!used || typeof claimId !== 'number') return null;
    const claim = await findClaimById(tx, claimId);
    if (!claim || claim.user_id !== used.userId || claim.method !== 'domain_email' || claim.status !== 'pending') return null;
    await markClaimEmailConfirmed(tx, claimId, now);
    const company = await findCompanyById(tx, claim.company_id);
    if (!company || !trustedFor(company, claim.email)) {
      await appendAudit(tx, { at: now, actorId: claim.user_id, actorRole: 'system', action: 'claim.email_confirmed', subjectKind: 'claim', subjectId: claimId, companyId: claim.company_id, fromState: 'pending', toState: 'pending', data: { trusted: false } });
      return { kind: 'awaiting_review' as const, companyId: claim.company_id, userId: claim.user_id };
    }
    const granted = await grant(tx, claimId, 'verified', { id: null, role: 'system' }, now);
    return granted ? { kind: 'granted' as const, ...granted } : null;
  });
}

/** The TXT record / file content that proves the company's claim domain (created on first use). */
export async function domainVerificationRecord(db: DB, company: CompanyRow): Promise<string> {
  return verificationRecord(await ensureDomainToken(db, company.id, randomBytes(18).toString('base64url')));
}

export type DomainCheckResult =
  | { kind: 'proven'; via: 'dns' | 'file'; granted: number; result: ProofResult }
  | { kind: 'not_proven'; result: ProofResult }
  | { kind: 'already_trusted' }
  | { kind: 'no_domain' }
  | { kind: 'no_pending_claim' }
  | RateLimited;

/**
 * A claimant asks us to check the company's domain for its token (DNS TXT record, then the
 * file). The network checks run before the transaction; a proof trusts the domain and grants
 * every waiting claim whose mailbox at that domain was confirmed.
 */
export async function checkCompanyDomain(db: DB, user: SessionUser, company: CompanyRow, info: RequestInfo, prover: DomainProver = defaultDomainProver()): Promise<DomainCheckResult> {
  const domain = companyDomain(company);
  if (!domain) return { kind: 'no_domain' };
  if (company.domain_trust !== null) return { kind: 'already_trusted' };
  const mine = (await listPendingDomainClaims(db, company.id)).filter((c) => c.user_id === user.id);
  if (!user.emailVerified || mine.length === 0) return { kind: 'no_pending_claim' };
  const limited = await rateLimit(db, `domain-check:user:${user.id}`, AUTH_LIMITS.claimPerUser.limit, AUTH_LIMITS.claimPerUser.windowMs, info.now);
  if (!limited.ok) return { kind: 'rate_limited', retryAfterSeconds: limited.retryAfterSeconds };
  const token = (await domainVerificationRecord(db, company)).slice('answerable-verification='.length);
  const result = await checkDomainProof(prover, domain, token, info.now);
  const via = result.dns === 'found' ? 'dns' : result.file === 'found' ? 'file' : null;
  return inTransaction(db, async (tx) => {
    const evidence = JSON.stringify({ domain, ...result });
    for (const c of mine) await setClaimEvidence(tx, c.id, evidence);
    if (via === null) return { kind: 'not_proven' as const, result };
    const current = await findCompanyById(tx, company.id);
    if (!current || current.domain_trust !== null) return { kind: 'already_trusted' as const };
    await setDomainTrust(tx, company.id, via, info.now);
    await appendAudit(tx, { at: info.now, actorId: user.id, actorRole: user.role, action: 'company.domain_proven', subjectKind: 'company', subjectId: company.id, companyId: company.id, data: { domain, via } });
    let granted = 0;
    for (const c of await listPendingDomainClaims(tx, company.id)) {
      if (c.email_confirmed_at === null || c.email === null || !isAddressAtDomain(c.email, domain)) continue;
      if (await grant(tx, c.id, 'verified', { id: null, role: 'system' }, info.now)) granted++;
    }
    return { kind: 'proven' as const, via, granted, result };
  });
}

export type DecideClaimResult = { kind: 'ok' } | { kind: 'forbidden' } | { kind: 'own_claim' } | { kind: 'not_pending' };

function isStaff(user: SessionUser): boolean {
  return user.role === 'moderator' || user.role === 'admin';
}

/**
 * A moderator approves a claim; with `trustDomain`, also sets the company's claim domain as
 * trusted (later colleagues at that domain are verified by the link alone).
 */
export async function approveClaim(db: DB, moderator: SessionUser, claimId: number, now: number, opts: { trustDomain?: boolean } = {}): Promise<DecideClaimResult> {
  if (!isStaff(moderator)) return { kind: 'forbidden' };
  return inTransaction(db, async (tx) => {
    const claim = await findClaimById(tx, claimId);
    if (!claim || claim.status !== 'pending') return { kind: 'not_pending' as const };
    if (claim.user_id === moderator.id) return { kind: 'own_claim' as const };
    if (opts.trustDomain) {
      const company = await findCompanyById(tx, claim.company_id);
      const domain = company ? companyDomain(company) : null;
      if (company && domain && company.domain_trust === null) {
        await setDomainTrust(tx, company.id, 'moderator', now);
        await appendAudit(tx, { at: now, actorId: moderator.id, actorRole: moderator.role, action: 'company.domain_trusted', subjectKind: 'company', subjectId: company.id, companyId: company.id, data: { domain } });
      }
    }
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

export type InviteResult = { kind: 'sent'; email: string } | { kind: 'forbidden' } | { kind: 'untrusted_domain' } | { kind: 'wrong_domain'; domain: string } | { kind: 'public_mail_domain'; domain: string; why: PublicMailKind } | RateLimited;

/**
 * A representative invites a colleague: a mail to an address at the company's TRUSTED domain
 * with the claim page's address; the colleague signs in (or up) and claims by that address,
 * which the link then grants. Nobody outside the domain can be invited.
 */
export async function inviteColleague(db: DB, rep: SessionUser, company: CompanyRow, email: string, info: RequestInfo): Promise<InviteResult> {
  if (!(await userHasGrantedClaim(db, rep.id, company.id))) return { kind: 'forbidden' };
  if (company.domain_trust === null) return { kind: 'untrusted_domain' };
  const address = email.trim().toLowerCase();
  const decision = decideDomainClaim({ email: address, companyDomain: company.domain, trust: company.domain_trust });
  if (decision.kind === 'public_mail_domain' || decision.kind === 'wrong_domain') return decision;
  if (decision.kind !== 'link_grants') return { kind: 'untrusted_domain' };
  const limited = await rateLimit(db, `invite:user:${rep.id}`, AUTH_LIMITS.claimPerUser.limit, AUTH_LIMITS.claimPerUser.windowMs, info.now);
  if (!limited.ok) return { kind: 'rate_limited', retryAfterSeconds: limited.retryAfterSeconds };
  await inTransaction(db, async (tx) => {
    const params = { name: rep.displayName, company: company.name, email: address };
    await enqueueMail(
      tx,
      composeMail({
        to: address,
        locale: info.locale,
        template: 'company_invite',
        subject: t(info.locale, 'identity.mail.invite.subject', params),
        lines: [t(info.locale, 'identity.mail.invite.body', params), `${info.origin}/${info.locale}/companies/${encodeURIComponent(company.slug)}/claim`, '', t(info.locale, 'auth.mail.ignore')],
        signature: true,
      }),
      info.now,
    );
    await appendAudit(tx, { at: info.now, actorId: rep.id, actorRole: rep.role, action: 'company.invite', subjectKind: 'company', subjectId: company.id, companyId: company.id, data: { email: address } });
  });
  notifyMailEnqueued();
  return { kind: 'sent', email: address };
}

/**
 * Ends a representation (the person left the company, a colleague removed them from the team, or
 * a moderator found the claim false). It takes effect at once: sessions read the claims on every
 * request. The company stays "claimed" while another representative remains.
 */
export async function revokeClaim(db: DB, actor: SessionUser, claimId: number, now: number): Promise<DecideClaimResult> {
  return inTransaction(db, async (tx) => {
    const claim = await findClaimById(tx, claimId);
    if (!claim || (claim.status !== 'verified' && claim.status !== 'approved')) return { kind: 'not_pending' as const };
    const teammate = actor.id !== claim.user_id && (await userHasGrantedClaim(tx, actor.id, claim.company_id));
    if (!isStaff(actor) && actor.id !== claim.user_id && !teammate) return { kind: 'forbidden' as const };
    await decideClaim(tx, claimId, { status: 'revoked', decidedAt: now, decidedBy: actor.id });
    const other = await findFirstGrantedClaim(tx, claim.company_id);
    await setClaimant(tx, claim.company_id, other ? { userId: other.user_id, claimedAt: other.decided_at ?? now } : null, now);
    if (!(await userHasGrantedClaim(tx, claim.user_id))) await changeRoleIf(tx, claim.user_id, 'company_rep', 'consumer');
    await appendAudit(tx, { at: now, actorId: actor.id, actorRole: actor.role, action: 'claim.revoke', subjectKind: 'claim', subjectId: claimId, companyId: claim.company_id, fromState: claim.status, toState: 'revoked' });
    await enqueueSearchEvent(tx, { kind: 'company.upsert', companyId: claim.company_id }, now);
    return { kind: 'ok' as const };
  });
}
