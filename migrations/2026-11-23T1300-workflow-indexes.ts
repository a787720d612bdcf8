// Indexes for the workflow scheduler, which runs every minute:
// - answered stories by first reply: the verdict-window sweep ("answered and first reply more
//   than 60 days ago") without scanning every answered story;
// - statistics by computation time: the daily refresh of ageing weights.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('stories_state_first_reply').on('stories').columns(['state', 'first_reply_at']).execute();
  await db.schema.createIndex('company_stats_computed').on('company_stats').columns(['period', 'computed_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('company_stats_computed').ifExists().execute();
  await db.schema.dropIndex('stories_state_first_reply').ifExists().execute();
}
