// Frozen once committed. Company statistics kept as per-day sums (decision 0011):
// - company_stats_days: one row per company and block of 32 UTC days of publication (day / 32)
//   holding each day's stories summed (src/domain/score-sums.ts, src/db/stats.repository.ts
//   encode `data`), valid for moments in [valid_from, valid_until);
// - company_stats_dirty: days whose stories changed since their row was computed. Triggers on
//   stories and story_channels fill it, so no write path can forget to; the next recomputation
//   of the company (in the same transaction as the event) refreshes those days and empties it.
// - stories_stats: a covering index in the order the day sums are built, read by the full rebuild
//   (and by the per-day reads) instead of the wide stories rows.
// Existing stories are all marked dirty here, so figures stay right before the first rebuild.
import { sql, type Kysely } from 'kysely';

const statsColumnsChanged = ['company_id', 'state', 'source', 'published_at', 'reply_due_at', 'first_reply_at', 'verdict_at', 'resolved', 'would_buy_again', 'rating']
  .map((c) => `old.${c} is not new.${c}`)
  .join(' or ');

const statements = [
  `create table company_stats_days (
    company_id integer not null,
    block integer not null,
    valid_from real not null,
    valid_until real not null,
    computed_at integer not null,
    data blob not null,
    primary key (company_id, block)
  ) strict, without rowid`,
  `create table company_stats_dirty (
    company_id integer not null,
    day integer not null,
    primary key (company_id, day)
  ) strict, without rowid`,
  `create trigger stories_stats_insert after insert on stories begin
    insert or ignore into company_stats_dirty (company_id, day) values (new.company_id, new.published_at / 86400000);
  end`,
  `create trigger stories_stats_update after update on stories when ${statsColumnsChanged} begin
    insert or ignore into company_stats_dirty (company_id, day) values (old.company_id, old.published_at / 86400000);
    insert or ignore into company_stats_dirty (company_id, day) values (new.company_id, new.published_at / 86400000);
  end`,
  `create trigger stories_stats_delete after delete on stories begin
    insert or ignore into company_stats_dirty (company_id, day) values (old.company_id, old.published_at / 86400000);
  end`,
  `create trigger story_channels_stats_insert after insert on story_channels begin
    insert or ignore into company_stats_dirty (company_id, day) select company_id, published_at / 86400000 from stories where id = new.story_id;
  end`,
  `create trigger story_channels_stats_update after update on story_channels begin
    insert or ignore into company_stats_dirty (company_id, day) select company_id, published_at / 86400000 from stories where id in (old.story_id, new.story_id);
  end`,
  `create trigger story_channels_stats_delete after delete on story_channels begin
    insert or ignore into company_stats_dirty (company_id, day) select company_id, published_at / 86400000 from stories where id = old.story_id;
  end`,
  `create index stories_stats on stories (company_id, published_at, id, state, source, reply_due_at, first_reply_at, verdict_at, resolved, would_buy_again, rating)`,
  `insert or ignore into company_stats_dirty (company_id, day) select company_id, published_at / 86400000 from stories`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['stories_stats_insert', 'stories_stats_update', 'stories_stats_delete', 'story_channels_stats_insert', 'story_channels_stats_update', 'story_channels_stats_delete']) {
    await sql.raw(`drop trigger if exists ${t}`).execute(db);
  }
  await sql.raw('drop index if exists stories_stats').execute(db);
  await sql.raw('drop table if exists company_stats_dirty').execute(db);
  await sql.raw('drop table if exists company_stats_days').execute(db);
}
