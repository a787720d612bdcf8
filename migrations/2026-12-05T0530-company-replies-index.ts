// The company page's "standard replies" line (findStandardReplyCounts) counted a company's replies
// with `coalesce(m.company_id, s.company_id) = ?`, which no index can answer: every page render
// scanned every company reply of the site (~130 ms at 150k stories, the mixed-traffic bench's
// bottleneck, decision 0046). The query now takes two indexed paths: the replies on the company's
// own stories (stories by company, then messages by story) and the replies it wrote as the
// named company of another's story (marketplaces, decision 0037), found through this index.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index story_messages_company on story_messages (company_id, created_at) where company_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index story_messages_company`.execute(db);
}
