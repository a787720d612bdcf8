// Compaction of the FTS5 index: merging its b-tree segments into one, in bounded steps
// (decision 0045). FTS5 keeps an index written story by story (or batch by batch, as an import
// does) as many segments on several levels, and a query reads every term's doclist in each
// segment and merges them: at 200k stories a three-word intersection took 0.5–0.6× the time
// and a one-word walk 0.75× once the segments were merged (same run, same data). New writes
// add small segments again, which FTS5's automerge keeps few; a daily pass (maintain) merges
// everything back into one. Each step is FTS5's own incremental merge ('merge' with a negative
// page count: segments of every level, about that many pages written), so the connection is
// held for one short step at a time.
import type BetterSqlite3 from 'better-sqlite3';
import type { FtsConnection } from './connection.ts';

/** The FTS5 structure record (id 10 of the %_data table): levels and segments of the index. */
const STRUCTURE_SQL = `select block from search_stories_fts_data where id = 10`;
/** Pages written per step in the background (a few milliseconds). */
export const BACKGROUND_MERGE_PAGES = 128;
/** Pages written per step when compacting offline (after a bulk load, a rebuild, the bench). */
export const OFFLINE_MERGE_PAGES = 4000;
/** How often the background pass may start again. */
const COMPACTION_INTERVAL_MS = 24 * 3_600_000;

function structure(s: BetterSqlite3.Database): Buffer | null {
  return (s.prepare(STRUCTURE_SQL).pluck().get() as Buffer | undefined) ?? null;
}

/** One merge step of about `pages` pages; true when it found nothing left to merge. */
export function mergeStep(s: BetterSqlite3.Database, pages: number): boolean {
  const before = structure(s);
  s.prepare(`insert into search_stories_fts(search_stories_fts, rank) values('merge', ?)`).run(-Math.max(1, Math.floor(pages)));
  const after = structure(s);
  return before !== null && after !== null && Buffer.compare(before, after) === 0;
}

/** Merges every segment into one, a step at a time (other work may run between steps). */
export async function compactIndex(conn: FtsConnection, pages = OFFLINE_MERGE_PAGES): Promise<{ steps: number }> {
  let steps = 0;
  for (;;) {
    steps++;
    if (await conn.exclusive((s) => mergeStep(s, pages))) break;
  }
  return { steps };
}

/**
 * The background pass: whether one is due at `now` (none started for a day), one step of it
 * otherwise. Keeps its state in search_meta ('compaction_done_at'), so several processes share it.
 */
export async function backgroundCompactionStep(conn: FtsConnection, now: number): Promise<void> {
  await conn.exclusive((s) => {
    const doneAt = Number((s.prepare(`select value from search_meta where key = 'compaction_done_at'`).pluck().get() as string | undefined) ?? 0);
    if (now - doneAt < COMPACTION_INTERVAL_MS) return;
    if (mergeStep(s, BACKGROUND_MERGE_PAGES)) {
      s.prepare(
        `insert into search_meta (key, value) values ('compaction_done_at', ?) on conflict (key) do update set value = excluded.value`,
      ).run(String(now));
    }
  });
}
