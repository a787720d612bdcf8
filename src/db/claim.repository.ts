// The home of the company_claims table: a person's claim to speak for a company (by a link sent
// to an address at the company's domain, or checked by a moderator), and its decision.
import type { DB } from './client.ts';
import type { CompanyClaimTable } from './schema.ts';
import type { Selectable } from 'kysely';

export type ClaimStatus = 'pending' | 'verified' | 'approved' | 'rejected' | 'revoked';
export type ClaimRow = Selectable<CompanyClaimTable>;
const GRANTED = ['verified', 'approved'] as const;

/** company_claims with the `note` column added by migration 2026-11-23T1100-auth. */
function claims(db: DB) {
  return db.$extendTables<{ company_claims: { note: string | null } }>();
}

export interface ClaimView {
  id: number;
  companyId: number;
  userId: number;
  userName: string;
  userEmail: string;
  method: 'domain_email' | 'moderator';
  email: string | null;
  note: string | null;
  status: ClaimStatus;
  createdAt: number;
  /** The claimant opened the link sent to the claim address. */
  emailConfirmedAt: number | null;
}

/** Claims with the claimant's name and address, newest first. */
export async function listClaims(db: DB, where: { companyId?: number; userId?: number; status?: ClaimStatus }): Promise<ClaimView[]> {
  let q = claims(db)
    .selectFrom('company_claims as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .select(['c.id', 'c.company_id', 'c.user_id', 'u.display_name', 'u.email as user_email', 'c.method', 'c.email', 'c.note', 'c.status', 'c.created_at', 'c.email_confirmed_at'])
    .orderBy('c.id', 'desc');
  if (where.companyId !== undefined) q = q.where('c.company_id', '=', where.companyId);
  if (where.userId !== undefined) q = q.where('c.user_id', '=', where.userId);
  if (where.status !== undefined) q = q.where('c.status', '=', where.status);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    companyId: r.company_id,
    userId: r.user_id,
    userName: r.display_name,
    userEmail: r.user_email,
    method: r.method,
    email: r.email,
    note: r.note,
    status: r.status,
    createdAt: r.created_at,
    emailConfirmedAt: r.email_confirmed_at,
  }));
}

export async function findClaimById(db: DB, id: number): Promise<ClaimRow | null> {
  return (await db.selectFrom('company_claims').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

/** A claim with the names a confirmation page shows, or null. */
export async function findClaimWithNames(db: DB, id: number): Promise<{ id: number; status: ClaimStatus; companyName: string; companySlug: string; userName: string } | null> {
  const row = await db
    .selectFrom('company_claims as c')
    .innerJoin('companies as co', 'co.id', 'c.company_id')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .select(['c.id', 'c.status', 'co.name', 'co.slug', 'u.display_name'])
    .where('c.id', '=', id)
    .executeTakeFirst();
  return row ? { id: row.id, status: row.status, companyName: row.name, companySlug: row.slug, userName: row.display_name } : null;
}

export async function insertClaim(
  db: DB,
  claim: { companyId: number; userId: number; method: 'domain_email' | 'moderator'; email: string | null; note: string | null; createdAt: number },
): Promise<number> {
  const row = await claims(db)
    .insertInto('company_claims')
    .values({ company_id: claim.companyId, user_id: claim.userId, method: claim.method, email: claim.email, status: 'pending', created_at: claim.createdAt, decided_at: null, decided_by: null, note: claim.note })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Records a decision. With `onlyIf`, only a claim still in that status changes (two moderators at
 * once: one wins); true when this call changed it.
 */
export async function decideClaim(db: DB, id: number, decision: { status: ClaimStatus; decidedAt: number; decidedBy: number | null }, onlyIf?: ClaimStatus): Promise<boolean> {
  let q = db.updateTable('company_claims').set({ status: decision.status, decided_at: decision.decidedAt, decided_by: decision.decidedBy }).where('id', '=', id);
  if (onlyIf !== undefined) q = q.where('status', '=', onlyIf);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Whether anybody speaks for the company (a verified or approved claim). */
export async function hasGrantedClaim(db: DB, companyId: number): Promise<boolean> {
  return (await db.selectFrom('company_claims').select('id').where('company_id', '=', companyId).where('status', 'in', GRANTED).executeTakeFirst()) !== undefined;
}

/** Whether the user speaks for the company (or, without a company, for any company). */
export async function userHasGrantedClaim(db: DB, userId: number, companyId?: number): Promise<boolean> {
  let q = db.selectFrom('company_claims').select('id').where('user_id', '=', userId);
  if (companyId !== undefined) q = q.where('company_id', '=', companyId);
  return (await q.where('status', 'in', GRANTED).executeTakeFirst()) !== undefined;
}

/** The company's earliest granted claim that remains (who is shown as the claimant). */
export async function findFirstGrantedClaim(db: DB, companyId: number): Promise<{ user_id: number; decided_at: number | null } | null> {
  return (await db.selectFrom('company_claims').select(['user_id', 'decided_at']).where('company_id', '=', companyId).where('status', 'in', GRANTED).orderBy('decided_at').executeTakeFirst()) ?? null;
}

/** A merge: the duplicate's claims follow its stories to the kept company. */
export async function moveClaims(db: DB, fromCompanyId: number, toCompanyId: number): Promise<void> {
  await db.updateTable('company_claims').set({ company_id: toCompanyId }).where('company_id', '=', fromCompanyId).execute();
}

/** Every claim on a company (any status), oldest first: what a merge has to move. */
export async function listClaimsOfCompany(db: DB, companyId: number): Promise<ClaimRow[]> {
  return db.selectFrom('company_claims').selectAll().where('company_id', '=', companyId).orderBy('id').execute();
}

/**
 * A granted claim goes back to awaiting a moderator (its badge and rights gone at once): the
 * domain it was proven on is not the company's trusted one (a merge, an old claim at a public
 * mail domain). The mailbox confirmation and the evidence stay for the moderator to see.
 */
export async function reopenClaim(db: DB, id: number, companyId?: number): Promise<boolean> {
  const res = await db
    .updateTable('company_claims')
    .set({ status: 'pending', decided_at: null, decided_by: null, ...(companyId !== undefined ? { company_id: companyId } : {}) })
    .where('id', '=', id)
    .where('status', 'in', GRANTED)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** One claim moves to another company, as it is. */
export async function moveClaim(db: DB, id: number, toCompanyId: number): Promise<void> {
  await db.updateTable('company_claims').set({ company_id: toCompanyId }).where('id', '=', id).execute();
}

export async function deleteClaimsOf(db: DB, userId: number): Promise<void> {
  await db.deleteFrom('company_claims').where('user_id', '=', userId).execute();
}

/** The claimant opened the link sent to the claim address: the mailbox is theirs. */
export async function markClaimEmailConfirmed(db: DB, id: number, now: number): Promise<void> {
  await db.updateTable('company_claims').set({ email_confirmed_at: now }).where('id', '=', id).execute();
}

/** The last domain checks (JSON), shown to moderators. */
export async function setClaimEvidence(db: DB, id: number, evidence: string): Promise<void> {
  await db.updateTable('company_claims').set({ evidence }).where('id', '=', id).execute();
}

/** Pending claims by domain e-mail on a company (the link opened or not), oldest first. */
export async function listPendingDomainClaims(db: DB, companyId: number): Promise<ClaimRow[]> {
  return db.selectFrom('company_claims').selectAll().where('company_id', '=', companyId).where('method', '=', 'domain_email').where('status', '=', 'pending').orderBy('id').execute();
}

export interface ClaimReviewView {
  id: number;
  method: 'domain_email' | 'moderator';
  email: string | null;
  note: string | null;
  emailConfirmedAt: number | null;
  evidence: string | null;
  createdAt: number;
  userId: number;
  userName: string;
  userEmail: string;
  companyId: number;
  companyName: string;
  companySlug: string;
  companyDomain: string | null;
  domainTrust: 'moderator' | 'dns' | 'file' | null;
  companyCreatedAt: number;
  /** Who created the company (and typed its website), when a consumer did. */
  companyCreatorName: string | null;
}

/** Every pending claim with what a moderator needs to judge it, oldest first, bounded. */
export async function listClaimsForReview(db: DB, limit: number): Promise<ClaimReviewView[]> {
  const rows = await claims(db)
    .selectFrom('company_claims as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .innerJoin('companies as co', 'co.id', 'c.company_id')
    .leftJoin('users as creator', 'creator.id', 'co.created_by_user_id')
    .select([
      'c.id', 'c.method', 'c.email', 'c.note', 'c.email_confirmed_at', 'c.evidence', 'c.created_at', 'c.user_id', 'u.display_name', 'u.email as user_email',
      'co.id as company_id', 'co.name as company_name', 'co.slug as company_slug', 'co.domain as company_domain', 'co.domain_trust', 'co.created_at as company_created_at',
      'creator.display_name as creator_name',
    ])
    .where('c.status', '=', 'pending')
    .orderBy('c.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    method: r.method,
    email: r.email,
    note: r.note,
    emailConfirmedAt: r.email_confirmed_at,
    evidence: r.evidence,
    createdAt: r.created_at,
    userId: r.user_id,
    userName: r.display_name,
    userEmail: r.user_email,
    companyId: r.company_id,
    companyName: r.company_name,
    companySlug: r.company_slug,
    companyDomain: r.company_domain,
    domainTrust: r.domain_trust,
    companyCreatedAt: r.company_created_at,
    companyCreatorName: r.creator_name,
  }));
}

export interface TeamMember {
  claimId: number;
  userId: number;
  name: string;
  email: string | null;
  since: number | null;
}

/** The people who speak for a company (verified or approved claims), in the order they joined. */
export async function listCompanyTeam(db: DB, companyId: number): Promise<TeamMember[]> {
  const rows = await db
    .selectFrom('company_claims as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .select(['c.id', 'c.user_id', 'u.display_name', 'c.email', 'u.email as account_email', 'c.decided_at'])
    .where('c.company_id', '=', companyId)
    .where('c.status', 'in', GRANTED)
    .where('u.banned_at', 'is', null)
    .orderBy('c.decided_at')
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({ claimId: r.id, userId: r.user_id, name: r.display_name, email: r.email ?? r.account_email, since: r.decided_at }));
}
