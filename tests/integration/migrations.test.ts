import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsAreCurrent } from '../../src/db/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.cleanup());

describe('migrations', () => {
  it('bring an empty database to the latest schema with strict tables', async () => {
    expect(await migrationsAreCurrent(t.db)).toBe(true);
    const tables = t.sqlite
      .prepare(`select name, strict from pragma_table_list where schema = 'main' and name not like 'sqlite_%' and name not like 'kysely_%'`)
      .all() as { name: string; strict: number }[];
    const nonFts = tables.filter((x) => !x.name.includes('fts'));
    expect(nonFts.length).toBeGreaterThanOrEqual(17);
    for (const table of nonFts) expect({ table: table.name, strict: table.strict }).toEqual({ table: table.name, strict: 1 });
  });

  it('sets WAL, foreign keys and a busy timeout on every connection', () => {
    expect(t.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(t.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(t.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('refuses to update or delete audit rows', () => {
    t.sqlite
      .prepare(`insert into audit_log (at, actor_role, action, subject_kind, subject_id) values (1, 'system', 'test', 'story', '1')`)
      .run();
    expect(() => t.sqlite.prepare(`update audit_log set action = 'x'`).run()).toThrow(/append-only/);
    expect(() => t.sqlite.prepare(`delete from audit_log`).run()).toThrow(/append-only/);
  });
});
