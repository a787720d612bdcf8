// A fresh, migrated SQLite file for one test file. Call in beforeAll / at module top.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type OpenedDatabase } from '../../src/db/client.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

export interface TestDatabase extends OpenedDatabase {
  dir: string;
  cleanup(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'answerable-test-'));
  const opened = openDatabase(join(dir, 'test.sqlite'));
  await migrateToLatest(opened.db);
  return {
    ...opened,
    dir,
    async cleanup() {
      await opened.db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
