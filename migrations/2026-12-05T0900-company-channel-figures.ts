// The company page's channel table, kept per company (decision 0048). Computing it reads every
// story-channel row of the company's 12-month window: 120 ms for the largest company of the 1M
// bench, on every uncached render. A row here holds the table as computed against one version of
// the company's statistics (company_stats.computed_at of '12m'); the page uses it only while
// that version is current, so it is never older than the score beside it.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table company_channel_figures (
    company_id integer primary key references companies(id) on delete cascade,
    stats_computed_at integer not null,
    window_start integer,
    figures text not null
  ) strict`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists company_channel_figures`.execute(db);
}
