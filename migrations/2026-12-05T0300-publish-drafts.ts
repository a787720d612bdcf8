// Server-side drafts of the publish form (decision 0041): what was typed and the photos already
// uploaded survive a preview, a validation error and a language switch. A draft belongs to one
// user, expires, and goes with the account (erasure). Photo files live under PHOTOS_DIR/drafts,
// processed like story photos; rows here say whose they are.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table publish_drafts (
    id text primary key,
    user_id integer not null references users (id) on delete cascade,
    payload text not null,
    created_at integer not null,
    updated_at integer not null,
    expires_at integer not null
  ) strict, without rowid`.execute(db);
  await sql`create index publish_drafts_user on publish_drafts (user_id)`.execute(db);
  await sql`create index publish_drafts_expires on publish_drafts (expires_at)`.execute(db);
  await sql`create table draft_photos (
    id text primary key,
    draft_id text not null references publish_drafts (id) on delete cascade,
    user_id integer not null references users (id) on delete cascade,
    position integer not null,
    width integer not null,
    height integer not null,
    bytes integer not null,
    alt text,
    created_at integer not null
  ) strict, without rowid`.execute(db);
  await sql`create index draft_photos_draft on draft_photos (draft_id, position)`.execute(db);
  await sql`create index draft_photos_user on draft_photos (user_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table draft_photos`.execute(db);
  await sql`drop table publish_drafts`.execute(db);
}
