// Marketplaces have two levels of support (issue 17): a story can name the seller and the
// marketplace it sold through, and who the consumer holds responsible. The story's company_id is
// the responsible one (the score counts the story for it alone, decision 0037); this table links
// both companies so that both see the story in their inbox, can reply, and list it on their page.
// A company reply keeps which company wrote it (story_messages.company_id; null: the story's own
// company, as for every reply written before this migration).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table story_marketplaces (
    story_id integer primary key references stories(id) on delete cascade,
    seller_id integer not null references companies(id),
    marketplace_id integer not null references companies(id),
    responsible text not null check (responsible in ('seller', 'marketplace')),
    check (seller_id <> marketplace_id)
  ) strict`.execute(db);
  await sql`create index story_marketplaces_seller on story_marketplaces (seller_id)`.execute(db);
  await sql`create index story_marketplaces_marketplace on story_marketplaces (marketplace_id)`.execute(db);
  await sql`alter table story_messages add column company_id integer references companies(id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table story_messages drop column company_id`.execute(db);
  await sql`drop table story_marketplaces`.execute(db);
}
