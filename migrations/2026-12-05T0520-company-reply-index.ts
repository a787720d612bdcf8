// The company page's "standard replies" trace counts a company's replies of the last year. Replies
// written by a company carry story_messages.company_id (decision 0037); without an index on it the
// count scanned every message of the site (≈ 0.25 s at 200k stories, seconds at 1M, on every
// uncached render of a company page). Partial: consumer messages and older rows stay out of it.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index story_messages_company on story_messages (company_id, created_at) where company_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index story_messages_company`.execute(db);
}
