// The stories' FTS5 table without prefix indexes (see docs/decisions/0013-bulk-import-speed.md).
// `prefix = '2 3'` made FTS5 keep two extra index entries for every token, and writing them was
// about 40% of the cost of indexing a story. Searches no longer need them: the last word typed
// is completed from the vocabulary (search_vocabulary), and FTS5's own `word*` still works
// without a prefix index (it walks the term range instead).
// The table is rebuilt in rowid order (recency keys, so rowid order is the cheapest for FTS5)
// and renamed into place; the fts5vocab view over it is recreated. src/search/sqlite-fts.ts
// creates the same table for a rebuild: keep the two in step.
import { type Kysely, sql } from 'kysely';

async function recreate(db: Kysely<any>, options: string): Promise<void> {
  await sql`drop table if exists search_stories_fts_vocab`.execute(db);
  await sql`drop table if exists search_stories_fts_next`.execute(db);
  await sql.raw(`create virtual table search_stories_fts_next using fts5(title, company, body, ${options})`).execute(db);
  await sql`insert into search_stories_fts_next (rowid, title, company, body)
            select rowid, title, company, body from search_stories_fts order by rowid`.execute(db);
  await sql`drop table search_stories_fts`.execute(db);
  await sql`alter table search_stories_fts_next rename to search_stories_fts`.execute(db);
  await sql`create virtual table search_stories_fts_vocab using fts5vocab(search_stories_fts, row)`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await recreate(db, `tokenize = 'unicode61 remove_diacritics 2'`);
}

export async function down(db: Kysely<any>): Promise<void> {
  await recreate(db, `tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'`);
}
