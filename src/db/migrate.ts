import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import type { DB } from './client.ts';
import { latestMigrationName, migrationProvider } from './migrations.ts';
import { recoverInterruptedBulkImport } from '../import/bulk-load.ts';

export async function migrateToLatest(db: DB): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  // A bulk import interrupted part-way is rolled back before anything else uses the database.
  await recoverInterruptedBulkImport(db);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** True when every known migration has been applied (for /healthz). */
export async function migrationsAreCurrent(db: DB): Promise<boolean> {
  try {
    const row = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(db);
    return row.rows[0]?.name === latestMigrationName;
  } catch {
    return false;
  }
}

/** Throws when the database cannot answer a query at all (for /healthz). */
export async function pingDatabase(db: DB): Promise<void> {
  await sql`select 1`.execute(db);
}
