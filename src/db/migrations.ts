// Every migration, imported statically so the bundled server carries them (no file scanning
// at run time). Add new ones at the end; names sort by date.
import type { Migration, MigrationProvider } from 'kysely/migration';
import * as initial from '../../migrations/2026-11-23T0900-initial.ts';

const migrations: Record<string, Migration> = {
  '2026-11-23T0900-initial': initial,
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};

export const latestMigrationName = Object.keys(migrations).sort().at(-1)!;
