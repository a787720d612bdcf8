// Score rules v2, rule 2 (the consumer always has the last word): a verdict given or changed
// after its on-time window is marked late, and the author is reminded before a verdict window
// closes — once per story, kind and window end (a reopening opens a new window, hence a new row).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table stories add column verdict_late integer not null default 0 check (verdict_late in (0, 1))`.execute(db);
  await sql`create table verdict_reminders (
    story_id integer not null references stories (id) on delete cascade,
    kind text not null check (kind in ('due', 'late')),
    window_ends_at integer not null,
    sent_at integer not null,
    primary key (story_id, kind, window_ends_at)
  ) strict, without rowid`.execute(db);
  // The scheduler's reminder scan: stories still waiting for a verdict, by the start of their
  // verdict window (the same expression as findVerdictReminderCandidates).
  await sql`create index stories_verdict_window on stories (max(coalesce(first_reply_at, reply_due_at), coalesce(reopened_at, 0)))
    where state in ('awaiting_reply', 'overdue', 'answered', 'closed_no_verdict') and author_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index stories_verdict_window`.execute(db);
  await sql`drop table verdict_reminders`.execute(db);
  await sql`alter table stories drop column verdict_late`.execute(db);
}
