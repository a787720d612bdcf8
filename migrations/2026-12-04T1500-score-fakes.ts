// Frozen once committed. Score rules v2, rule 8 (fakes and bombs), decision 0031:
// - stories.score_hold: why a published story does not count in the score yet — 'unverified'
//   (its author has not verified the e-mail address) or 'review' (part of a burst of stories from
//   new accounts, held until a moderator releases it); null: it counts. score_released_at: when a
//   moderator released it (a released story is never held again by a later burst).
// - stories.customer_confirmed_at / customer_confirmed_by: the company confirmed the private
//   order reference ("verified customer").
// - stories_stats (the covering index of the full statistics scan) gains score_hold, and the
//   statistics trigger marks a day dirty when a hold changes.
// - Stories already published by authors without a verified address are held ('unverified');
//   when any is, the recorded rules version is forgotten so start-up recomputes every company.
import { sql, type Kysely } from 'kysely';

const statsColumns = ['company_id', 'state', 'source', 'published_at', 'reply_due_at', 'first_reply_at', 'verdict_at', 'resolved', 'would_buy_again', 'rating'];
const changed = (cols: string[]) => cols.map((c) => `old.${c} is not new.${c}`).join(' or ');
const updateTrigger = (cols: string[]) => `create trigger stories_stats_update after update on stories when ${changed(cols)} begin
    insert or ignore into company_stats_dirty (company_id, day) values (old.company_id, old.published_at / 86400000);
    insert or ignore into company_stats_dirty (company_id, day) values (new.company_id, new.published_at / 86400000);
  end`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table stories add column score_hold text check (score_hold in ('unverified', 'review'))`.execute(db);
  await sql`alter table stories add column score_released_at integer`.execute(db);
  await sql`alter table stories add column customer_confirmed_at integer`.execute(db);
  await sql`alter table stories add column customer_confirmed_by integer`.execute(db);
  await sql`drop trigger if exists stories_stats_update`.execute(db);
  await sql.raw(updateTrigger([...statsColumns, 'score_hold'])).execute(db);
  await sql`drop index if exists stories_stats`.execute(db);
  await sql`create index stories_stats on stories (company_id, published_at, id, state, source, reply_due_at, first_reply_at, verdict_at, resolved, would_buy_again, rating, score_hold)`.execute(db);
  const held = await sql`update stories set score_hold = 'unverified'
    where source = 'member' and author_id in (select id from users where email_verified_at is null)`.execute(db);
  if (Number(held.numAffectedRows ?? 0) > 0) await sql`delete from stats_meta where key = 'rules_version'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists stories_stats`.execute(db);
  await sql`create index stories_stats on stories (company_id, published_at, id, state, source, reply_due_at, first_reply_at, verdict_at, resolved, would_buy_again, rating)`.execute(db);
  await sql`drop trigger if exists stories_stats_update`.execute(db);
  await sql.raw(updateTrigger(statsColumns)).execute(db);
  for (const c of ['customer_confirmed_by', 'customer_confirmed_at', 'score_released_at', 'score_hold']) await sql.raw(`alter table stories drop column ${c}`).execute(db);
}
