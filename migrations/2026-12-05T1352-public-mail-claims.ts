// Claims granted before claims at public mail domains were refused (decision 0029 left them
// granted; decision 0049 takes them back): a claim by e-mail whose address is at a web-mail, ISP
// or disposable domain (publicMailKind, src/domain/claim-domain.ts, with the lists installed when
// the migration runs) goes back to awaiting a moderator. The badge and the rights go at once: the
// company's claimant becomes another granted representative or nobody, a holder with no granted
// claim left is a consumer again. One audit row per claim (system, claim.reopen_public_mail).
// Data only: down does not grant the claims again (a moderator decides them).
import { type Kysely } from 'kysely';
import { emailHost, publicMailKind } from '../src/domain/claim-domain.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const now = Date.now();
  const claims = (await db
    .selectFrom('company_claims')
    .select(['id', 'company_id', 'user_id', 'email', 'status'])
    .where('method', '=', 'domain_email')
    .where('status', 'in', ['verified', 'approved'])
    .where('email', 'is not', null)
    .orderBy('id')
    .execute()) as { id: number; company_id: number; user_id: number; email: string; status: string }[];
  const companies = new Set<number>();
  const users = new Set<number>();
  for (const c of claims) {
    const host = emailHost(c.email);
    const why = host ? publicMailKind(host) : null;
    if (!host || !why) continue;
    await db.updateTable('company_claims').set({ status: 'pending', decided_at: null, decided_by: null }).where('id', '=', c.id).execute();
    await db
      .insertInto('audit_log')
      .values({
        at: now,
        actor_id: null,
        actor_role: 'system',
        action: 'claim.reopen_public_mail',
        subject_kind: 'claim',
        subject_id: String(c.id),
        company_id: c.company_id,
        from_state: c.status,
        to_state: 'pending',
        data: JSON.stringify({ domain: host, why }),
      })
      .execute();
    companies.add(c.company_id);
    users.add(c.user_id);
  }
  for (const companyId of companies) {
    const first = (await db
      .selectFrom('company_claims')
      .select(['user_id', 'decided_at'])
      .where('company_id', '=', companyId)
      .where('status', 'in', ['verified', 'approved'])
      .orderBy('decided_at')
      .executeTakeFirst()) as { user_id: number; decided_at: number | null } | undefined;
    await db
      .updateTable('companies')
      .set({ claimed_by_user_id: first?.user_id ?? null, claimed_at: first?.decided_at ?? null, updated_at: now })
      .where('id', '=', companyId)
      .execute();
  }
  for (const userId of users) {
    const still = await db.selectFrom('company_claims').select('id').where('user_id', '=', userId).where('status', 'in', ['verified', 'approved']).executeTakeFirst();
    if (!still) await db.updateTable('users').set({ role: 'consumer' }).where('id', '=', userId).where('role', '=', 'company_rep').execute();
  }
}

export async function down(): Promise<void> {}
