// The contact directory, second step (decision 0050). `lookalike`: the contact was added to the
// directory by a "this is NOT the company's" report; it is never listed as the company's (page,
// publish picker, API, story pages) unless the company's team or a moderator says it is; before
// enough people report it, only moderators see it (their queue), after that it is a warning.
// contact_events gains 'repriced': "now costs money", once confirmed, re-classes a phone number
// (it stays listed with its new cost class) instead of withdrawing it; `reason` holds the class.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table company_contacts add column lookalike integer not null default 0 check (lookalike in (0, 1))`.execute(db);
  // Contacts already added by a look-alike report and not confirmed since.
  await sql`update company_contacts set lookalike = 1
    where status in ('pending', 'fake')
      and (select r.kind from contact_reports r where r.contact_id = company_contacts.id order by r.id limit 1) = 'fake'`.execute(db);

  await sql`create table contact_events_new (
    id integer primary key,
    contact_id integer not null references company_contacts(id),
    at integer not null,
    event text not null check (event in ('added', 'confirmed', 'official', 'withdrawn', 'fake', 'restored', 'repriced')),
    by_role text not null check (by_role in ('company', 'consumer', 'moderator')),
    reason text,
    replaced_by_id integer references company_contacts(id),
    reports integer
  ) strict`.execute(db);
  await sql`insert into contact_events_new (id, contact_id, at, event, by_role, reason, replaced_by_id, reports)
    select id, contact_id, at, event, by_role, reason, replaced_by_id, reports from contact_events`.execute(db);
  await sql`drop table contact_events`.execute(db);
  await sql`alter table contact_events_new rename to contact_events`.execute(db);
  await sql`create index contact_events_contact on contact_events (contact_id, at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from contact_events where event = 'repriced'`.execute(db);
  await sql`create table contact_events_old (
    id integer primary key,
    contact_id integer not null references company_contacts(id),
    at integer not null,
    event text not null check (event in ('added', 'confirmed', 'official', 'withdrawn', 'fake', 'restored')),
    by_role text not null check (by_role in ('company', 'consumer', 'moderator')),
    reason text,
    replaced_by_id integer references company_contacts(id),
    reports integer
  ) strict`.execute(db);
  await sql`insert into contact_events_old select id, contact_id, at, event, by_role, reason, replaced_by_id, reports from contact_events`.execute(db);
  await sql`drop table contact_events`.execute(db);
  await sql`alter table contact_events_old rename to contact_events`.execute(db);
  await sql`create index contact_events_contact on contact_events (contact_id, at)`.execute(db);
  await sql`alter table company_contacts drop column lookalike`.execute(db);
}
