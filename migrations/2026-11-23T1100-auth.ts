// Frozen once committed. Accounts, mail and claims (issue 3):
// - dev_mailbox: where mail goes when no SMTP server is configured (shown at /dev/mail outside
//   production), so development and browser tests can follow reset and verification links;
// - company_claims.note: what a claimant tells the moderator when the company has no domain or
//   the claimant has no address at it.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('dev_mailbox')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('outbox_id', 'integer')
    .addColumn('to', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('html', 'text')
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'integer', (c) => c.notNull())
    .modifyEnd(sql`strict`)
    .execute();
  await db.schema.createIndex('dev_mailbox_to').on('dev_mailbox').columns(['to', 'id']).execute();
  await db.schema.alterTable('company_claims').addColumn('note', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('dev_mailbox').ifExists().execute();
  await db.schema.alterTable('company_claims').dropColumn('note').execute();
}
