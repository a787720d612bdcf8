// One-time notices shown after a redirect ("Story published", "Password changed"), kept on the
// server (decision 0016): the browser holds only a random id in an HttpOnly cookie; the row holds
// a message key and its parameters, never free text from a URL. A notice given to a signed-in
// visitor is bound to that session and disappears with it.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table flash_messages (
    id text primary key,
    session_id text references sessions (id) on delete cascade,
    payload text not null,
    expires_at integer not null
  ) strict, without rowid`.execute(db);
  await sql`create index flash_messages_expires on flash_messages (expires_at)`.execute(db);
  await sql`create index flash_messages_session on flash_messages (session_id) where session_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table flash_messages`.execute(db);
}
