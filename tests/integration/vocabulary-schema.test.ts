// The database accepts exactly the vocabulary of src/domain/vocabulary.ts: the CHECK constraints
// of the migrations list the same values, so a value added on one side only fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, LOCALES, STORY_CATEGORIES, STORY_STATES } from '../../src/domain/vocabulary.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.cleanup());

function allowed(table: string, column: string): string[] {
  const { sql } = t.sqlite.prepare(`select sql from sqlite_master where type = 'table' and name = ?`).get(table) as { sql: string };
  const match = new RegExp(`\\b${column} in \\(([^)]*)\\)`).exec(sql);
  if (!match) throw new Error(`no CHECK on ${table}.${column}`);
  return match[1]!.split(',').map((v) => v.trim().replace(/^'|'$/g, ''));
}

describe('the schema and the vocabulary', () => {
  it('agree on story states, categories, languages and channels, and user locales', () => {
    expect(allowed('stories', 'state')).toEqual([...STORY_STATES]);
    expect(allowed('stories', 'category')).toEqual([...STORY_CATEGORIES]);
    expect(allowed('stories', 'language')).toEqual([...LOCALES]);
    expect(allowed('story_channels', 'channel')).toEqual([...CHANNELS]);
    expect(allowed('users', 'locale')).toEqual([...LOCALES]);
  });
});
