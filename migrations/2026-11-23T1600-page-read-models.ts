// Read models for the company and story pages, so that no page aggregates a company's stories
// per request (decision 0002: "Pages never aggregate stories per request"):
// - company_story_counts: how many stories a company has in each state (the filter tabs and the
//   pager of the company page). Kept by triggers on `stories`, so every writer — the services,
//   the bulk import, a company merge, an erasure, test fixtures — keeps it exact inside its own
//   transaction without knowing about it. Rows whose count falls to 0 stay (they cost nothing).
// - story_messages_story_hidden: a story's messages with their hidden mark, so the message count
//   of each story card is read from the index alone (no message row read).
// - stories_company_published_state replaces stories_company_published: the same order with the
//   state in the index, so the company's list filters the listed states without reading the rows
//   it skips (deep pages cost index entries, not table rows).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table company_story_counts (
    company_id integer not null references companies (id) on delete cascade,
    state text not null,
    n integer not null,
    primary key (company_id, state)
  ) strict, without rowid`.execute(db);
  await sql`insert into company_story_counts (company_id, state, n)
    select company_id, state, count(*) from stories group by company_id, state`.execute(db);
  await sql`create trigger stories_count_insert after insert on stories begin
    insert into company_story_counts (company_id, state, n) values (new.company_id, new.state, 1)
      on conflict (company_id, state) do update set n = n + 1;
  end`.execute(db);
  await sql`create trigger stories_count_delete after delete on stories begin
    update company_story_counts set n = n - 1 where company_id = old.company_id and state = old.state;
  end`.execute(db);
  await sql`create trigger stories_count_update after update of company_id, state on stories
    when old.company_id is not new.company_id or old.state is not new.state begin
    update company_story_counts set n = n - 1 where company_id = old.company_id and state = old.state;
    insert into company_story_counts (company_id, state, n) values (new.company_id, new.state, 1)
      on conflict (company_id, state) do update set n = n + 1;
  end`.execute(db);

  await db.schema.createIndex('story_messages_story_hidden').on('story_messages').columns(['story_id', 'hidden_at']).execute();
  await db.schema.createIndex('stories_company_published_state').on('stories').columns(['company_id', 'published_at', 'state']).execute();
  await db.schema.dropIndex('stories_company_published').ifExists().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('stories_company_published').ifNotExists().on('stories').columns(['company_id', 'published_at']).execute();
  await db.schema.dropIndex('stories_company_published_state').ifExists().execute();
  await db.schema.dropIndex('story_messages_story_hidden').ifExists().execute();
  await sql`drop trigger if exists stories_count_update`.execute(db);
  await sql`drop trigger if exists stories_count_delete`.execute(db);
  await sql`drop trigger if exists stories_count_insert`.execute(db);
  await db.schema.dropTable('company_story_counts').ifExists().execute();
}
