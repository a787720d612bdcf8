// A full rebuild of the FTS5 index: staging copies of its tables are filled batch by batch
// (other writers go on between batches), then swapped in by renaming inside one short
// transaction, so searches see the old index or the new one, never half of each.
import type { RebuildResult, RebuildSource } from '../search-index.ts';
import type { FtsConnection } from './connection.ts';
import { type TableNames, BUMP_GENERATION, Writer, liveTables, tableNames } from './writer.ts';

/** DDL of a staging copy for a rebuild (same shapes as migrations/2026-11-23T1000-search.ts and T1400). */
function stagingDdl(t: TableNames, gen: string): string {
  return `
    create table ${t.stories} (
      doc_key integer primary key, story_id integer not null unique, company_id integer not null,
      company_slug text not null, company_name text not null, country text not null, state text not null,
      category text not null, channel_mask integer not null, language text not null,
      experience_date text not null, published_at integer not null, published_day integer not null,
      reply_due_at integer not null, overdue_rank integer not null
    ) strict;
    create virtual table ${t.fts} using fts5(title, company, body, tokenize = 'unicode61 remove_diacritics 2');
    create table ${t.facets} (facet text not null, value text not null, count integer not null, primary key (facet, value)) strict, without rowid;
    create table ${t.companies} (
      company_id integer primary key, slug text not null, name text not null, domain text,
      country text not null, sector text not null
    ) strict;
    create virtual table ${t.companiesFts} using fts5(name, domain, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');
    create index search_stories_company_${gen} on ${t.stories} (company_slug, doc_key);
    create index search_stories_overdue_${gen} on ${t.stories} (overdue_rank);
  `;
}

/**
 * Builds the index anew from `source` and swaps it in. Afterwards every statement prepared on
 * the old tables, and anything derived from them, is stale: the caller drops them.
 */
export async function rebuildTables(conn: FtsConnection, source: RebuildSource, now: number): Promise<RebuildResult> {
  const gen = `r${now.toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const staging = tableNames(`_${gen}`);
  await conn.exclusive((s) => s.exec(stagingDdl(staging, gen)));
  const result = { stories: 0, companies: 0 };
  try {
    const writer = await conn.exclusive((s) => new Writer(s, staging));
    for await (const batch of source.stories()) {
      await conn.exclusive(() => writer.upsertStories(batch));
      result.stories += batch.length;
    }
    for await (const batch of source.companies()) {
      await conn.exclusive(() => writer.upsertCompanies(batch));
      result.companies += batch.length;
    }
    await conn.exclusive((s) =>
      s.transaction(() => {
        s.exec(`drop table if exists search_stories_fts_vocab`);
        for (const name of Object.keys(liveTables) as (keyof TableNames)[]) {
          s.exec(`drop table if exists ${liveTables[name]}`);
          s.exec(`alter table ${staging[name]} rename to ${liveTables[name]}`);
        }
        s.exec(`create virtual table search_stories_fts_vocab using fts5vocab(search_stories_fts, row)`);
        s.exec(BUMP_GENERATION);
      }).immediate(),
    );
  } catch (error) {
    await conn.exclusive((s) => {
      for (const name of Object.values(staging)) s.exec(`drop table if exists ${name}`);
    });
    throw error;
  }
  return result;
}
