// Frozen: never edit a migration that has shipped; add a new one instead.
// The embedded search index (SQLite FTS5). See docs/decisions/0005-search-design.md.
// src/search/sqlite-fts.ts creates the same tables under another name for a rebuild and then
// swaps them in by renaming; keep the two definitions in step when a new migration changes them.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // One row per searchable story. doc_key is the FTS rowid: publication second × 2^21 + (id mod
  // 2^21), so rowid order is recency order and "newest first" is a plain descending rowid walk.
  await sql`create table search_stories (
    doc_key integer primary key,
    story_id integer not null unique,
    company_id integer not null,
    company_slug text not null,
    company_name text not null,
    country text not null,
    state text not null,
    category text not null,
    channel_mask integer not null,
    language text not null,
    experience_date text not null,
    published_at integer not null,
    published_day integer not null,
    reply_due_at integer not null,
    overdue_rank integer not null
  ) strict`.execute(db);
  await sql`create index search_stories_company on search_stories (company_slug, doc_key)`.execute(db);
  await sql`create index search_stories_overdue on search_stories (overdue_rank)`.execute(db);

  // Title above company name above body in bm25 (weights are given at query time).
  await sql`create virtual table search_stories_fts using fts5(
    title, company, body,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
  )`.execute(db);
  await sql`create virtual table search_stories_fts_vocab using fts5vocab(search_stories_fts, row)`.execute(db);

  // Facet counts of the whole index, kept by every upsert and delete: the unfiltered search page
  // never counts stories.
  await sql`create table search_facet_counts (
    facet text not null,
    value text not null,
    count integer not null,
    primary key (facet, value)
  ) strict, without rowid`.execute(db);

  // Spelling vocabulary for "did you mean", refreshed from search_stories_fts_vocab by the relay.
  await sql`create table search_vocabulary (
    term text primary key,
    docs integer not null
  ) strict, without rowid`.execute(db);

  await sql`create table search_companies (
    company_id integer primary key,
    slug text not null,
    name text not null,
    domain text,
    country text not null,
    sector text not null
  ) strict`.execute(db);
  await sql`create virtual table search_companies_fts using fts5(
    name, domain,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
  )`.execute(db);

  await sql`create table search_meta (
    key text primary key,
    value text not null
  ) strict, without rowid`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'search_meta',
    'search_companies_fts',
    'search_companies',
    'search_vocabulary',
    'search_facet_counts',
    'search_stories_fts_vocab',
    'search_stories_fts',
    'search_stories',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
