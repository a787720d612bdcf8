// Frozen once committed. Reports as DSA-style notices (issue 6, decision 0006):
// - location: where in the content the problem is (a quote, the paragraph), as the notice says it;
// - reporter_email: how to tell a visitor without an account what was decided (optional);
// - an index by target, so all open reports about one story/message/photo are decided together.
import { type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reports').addColumn('location', 'text').execute();
  await db.schema.alterTable('reports').addColumn('reporter_email', 'text').execute();
  await db.schema.createIndex('reports_target').on('reports').columns(['target_kind', 'target_id', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('reports_target').ifExists().execute();
  await db.schema.alterTable('reports').dropColumn('reporter_email').execute();
  await db.schema.alterTable('reports').dropColumn('location').execute();
}
