// Notifications people expect (issue 15): per-kind mail preferences, a ledger that makes each
// notification happen once (overdue once per story, one digest per person and day), the server
// secret that signs one-click unsubscribe links, and the headers of mail kept in the dev mailbox.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // One row per person and kind they changed; no row = the kind's default (on).
  await sql`create table notification_preferences (
    user_id integer not null references users (id) on delete cascade,
    kind text not null,
    enabled integer not null check (enabled in (0, 1)),
    updated_at integer not null,
    primary key (user_id, kind)
  ) strict, without rowid`.execute(db);
  // A notification that must happen once: 'overdue:<story>', 'digest:<YYYY-MM-DD>'.
  await sql`create table notification_sends (
    user_id integer not null references users (id) on delete cascade,
    key text not null,
    sent_at integer not null,
    primary key (user_id, key)
  ) strict, without rowid`.execute(db);
  await sql`create table site_secrets (
    name text primary key,
    value text not null,
    created_at integer not null
  ) strict`.execute(db);
  await sql`alter table dev_mailbox add column headers text`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table dev_mailbox drop column headers`.execute(db);
  await sql`drop table site_secrets`.execute(db);
  await sql`drop table notification_sends`.execute(db);
  await sql`drop table notification_preferences`.execute(db);
}
