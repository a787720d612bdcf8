// The bulk import's journal (decision 0043). While a bulk import runs, the database has some of
// its insert triggers and secondary indexes dropped and a staging table for the search index;
// this one row says what was dropped (with the SQL to recreate it) and where the import's rows
// begin, so an interrupted import is rolled back to the database as it was before
// (src/import/bulk-load.ts, recoverInterruptedBulkImport, run by every migrateToLatest).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table bulk_import_journal (
    id integer primary key check (id = 1),
    started_at integer not null,
    owner_pid integer not null,
    first_story_id integer not null,
    first_company_id integer not null,
    first_message_id integer not null,
    dropped text not null
  ) strict`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists bulk_import_journal`.execute(db);
}
