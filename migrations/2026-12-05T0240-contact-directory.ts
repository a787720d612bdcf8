// The contact directory (issue 17, decision 0042): how to reach each company, what it costs,
// whether it still works, and the history of what changed. A contact is declared by the company's
// team (official), reported by consumers, or added by a moderator; consumers' reports ("no longer
// works", "now costs money", "now only a form", "not this company's") change an entry only once
// confirmed (several different people, a moderator, or the company's team). Stories name the
// contact used per channel (story_channels.contact_id), so waits attach to real contacts.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table company_contacts (
    id integer primary key,
    company_id integer not null references companies(id),
    kind text not null check (kind in ('phone', 'menu_path', 'chat', 'email', 'pec', 'web_form', 'postal', 'social')),
    value text not null,
    value_key text not null,
    label text,
    cost_class text check (cost_class in ('toll_free', 'premium_rate', 'shared_cost', 'fixed', 'mobile', 'unknown')),
    parent_id integer references company_contacts(id),
    hours text,
    source text not null check (source in ('company', 'consumer', 'moderator')),
    official integer not null default 0 check (official in (0, 1)),
    status text not null check (status in ('pending', 'active', 'withdrawn', 'fake')),
    withdrawn_reason text check (withdrawn_reason in ('gone', 'now_paid', 'form_only')),
    replaced_by_id integer references company_contacts(id),
    confirmed_at integer,
    withdrawn_at integer,
    created_by_user_id integer references users(id) on delete set null,
    created_at integer not null,
    updated_at integer not null
  ) strict`.execute(db);
  await sql`create unique index company_contacts_key on company_contacts (company_id, kind, value_key)`.execute(db);
  await sql`create index company_contacts_parent on company_contacts (parent_id)`.execute(db);

  await sql`create table contact_reports (
    id integer primary key,
    contact_id integer not null references company_contacts(id),
    user_id integer references users(id) on delete set null,
    kind text not null check (kind in ('exists', 'gone', 'now_paid', 'form_only', 'fake')),
    note text,
    replacement_id integer references company_contacts(id),
    created_at integer not null,
    resolved_at integer,
    outcome text check (outcome in ('applied', 'dismissed'))
  ) strict`.execute(db);
  // One open report per person, contact and kind: counting "different people" is counting rows.
  await sql`create unique index contact_reports_open on contact_reports (contact_id, kind, user_id) where resolved_at is null`.execute(db);
  await sql`create index contact_reports_contact on contact_reports (contact_id, kind)`.execute(db);
  await sql`create index contact_reports_pending on contact_reports (resolved_at, created_at)`.execute(db);

  await sql`create table contact_events (
    id integer primary key,
    contact_id integer not null references company_contacts(id),
    at integer not null,
    event text not null check (event in ('added', 'confirmed', 'official', 'withdrawn', 'fake', 'restored')),
    by_role text not null check (by_role in ('company', 'consumer', 'moderator')),
    reason text,
    replaced_by_id integer references company_contacts(id),
    reports integer
  ) strict`.execute(db);
  await sql`create index contact_events_contact on contact_events (contact_id, at)`.execute(db);

  await sql`alter table story_channels add column contact_id integer references company_contacts(id)`.execute(db);
  await sql`create index story_channels_contact on story_channels (contact_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index story_channels_contact`.execute(db);
  await sql`alter table story_channels drop column contact_id`.execute(db);
  await sql`drop table contact_events`.execute(db);
  await sql`drop table contact_reports`.execute(db);
  await sql`drop table company_contacts`.execute(db);
}
