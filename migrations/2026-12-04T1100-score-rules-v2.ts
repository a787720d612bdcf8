// Frozen once committed. Score rules version 2 (docs/decisions/0015-score-rules-v2.md):
// - stats_meta: small key/value facts about the stored statistics; 'rules_version' is the
//   version of the scoring rules company_stats was computed with. Start-up (src/server/boot.ts)
//   and `npm run stats:rebuild` recompute every company when it differs from the code's.
// - The stored day sums change layout with the new rules (more fields per day), so the old ones
//   are dropped here: until the rebuild each company is computed from its stories.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table stats_meta (
    key text primary key,
    value text not null
  ) strict, without rowid`.execute(db);
  await sql`delete from company_stats_days`.execute(db);
  await sql`delete from company_stats_dirty`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists stats_meta`.execute(db);
  await sql`delete from company_stats_days`.execute(db);
}
