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
}

/** Claims with the claimant's name and address, newest first. */
export async function listClaims(db: DB, where: { companyId?: number; userId?: number; status?: ClaimStatus }): Promise<ClaimView[]> {
  let q = claims(db)
    .selectFrom('company_claims as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .select(['c.id', 'c.company_id', 'c.user_id', 'u.display_name', 'u.email as user_email', 'c.method', 'c.email', 'c.note', 'c.status', 'c.created_at'])
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

export async function deleteClaimsOf(db: DB, userId: number): Promise<void> {
  await db.deleteFrom('company_claims').where('user_id', '=', userId).execute();
}
