// Score rules v2, rule 9: canned replies are visible. Each company reply keeps the hash of its
// normalised text (src/domain/standard-replies.ts) and whether it is a "standard reply", decided
// when it is written; the index finds a company's matching replies of the last 30 days.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table story_messages add column reply_hash text`.execute(db);
  await sql`alter table story_messages add column standard_reply integer not null default 0 check (standard_reply in (0, 1))`.execute(db);
  await sql`create index story_messages_reply_hash on story_messages (reply_hash, created_at) where reply_hash is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index story_messages_reply_hash`.execute(db);
  await sql`alter table story_messages drop column standard_reply`.execute(db);
  await sql`alter table story_messages drop column reply_hash`.execute(db);
}
