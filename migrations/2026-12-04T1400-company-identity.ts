// Company identity (issue 14, decision 0029-identity-claim-domains):
// - companies.domain_trust: how the claim domain came to be trusted ('moderator', 'dns', 'file');
//   null while it is only what a consumer typed. domain_token: the value a DNS TXT record or
//   /.well-known/answerable.txt must hold. created_by_user_id: who created the company (the
//   author of its first story), shown to moderators as the domain's origin.
// - companies.reviewed_at / reviewed_by: a moderator reviewed a company a consumer created;
//   until then (or three different authors) it stays out of directories, rankings and home
//   lists. Existing companies count as reviewed. listed_at: since when it appears in lists
//   (reviewed, created by staff/seed/import, or written about by three different authors).
//   Both default to 0 ("always"): rows inserted without them (imports, fixtures) are listed; only
//   a company a consumer creates is inserted with null.
// - company_claims.email_confirmed_at: the claimant opened the link sent to the address (the
//   mailbox is theirs); evidence: JSON of the last domain checks (DNS, file), for moderators.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table companies add column domain_trust text check (domain_trust in ('moderator', 'dns', 'file'))`.execute(db);
  await sql`alter table companies add column domain_trusted_at integer`.execute(db);
  await sql`alter table companies add column domain_token text`.execute(db);
  await sql`alter table companies add column created_by_user_id integer references users (id) on delete set null`.execute(db);
  await sql`alter table companies add column reviewed_at integer default 0`.execute(db);
  await sql`alter table companies add column reviewed_by integer references users (id) on delete set null`.execute(db);
  await sql`alter table companies add column listed_at integer default 0`.execute(db);
  await sql`update companies set reviewed_at = created_at, listed_at = created_at`.execute(db);
  await sql`alter table company_claims add column email_confirmed_at integer`.execute(db);
  await sql`alter table company_claims add column evidence text`.execute(db);
  await sql`create index companies_awaiting_review on companies (created_at) where reviewed_at is null and merged_into_id is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index companies_awaiting_review`.execute(db);
  for (const c of ['email_confirmed_at', 'evidence']) await sql`alter table company_claims drop column ${sql.ref(c)}`.execute(db);
  for (const c of ['listed_at', 'reviewed_by', 'reviewed_at', 'created_by_user_id', 'domain_token', 'domain_trusted_at', 'domain_trust']) await sql`alter table companies drop column ${sql.ref(c)}`.execute(db);
}
