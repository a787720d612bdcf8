// The spelling vocabulary of the FTS5 index (search_vocabulary: folded term → documents): its
// refresh from the FTS index, and the lookups "did you mean" makes in it. How candidates are
// chosen without scanning the vocabulary is pure logic, in spelling.ts.
import type { FtsConnection } from './connection.ts';
import { type VocabularyTerm, bestCorrection, editsAtDistanceOne, foldTerm, maxDistanceFor, prefixEnd, queryWords, suggestQuery } from './spelling.ts';

/** How often the spelling vocabulary may be rebuilt from the FTS index while writes go on. */
const VOCABULARY_REFRESH_MS = 10 * 60_000;

/** Whether a refresh is due at `now`: writes changed the index since the last one, long enough ago. */
export async function vocabularyDue(conn: FtsConnection, now: number): Promise<boolean> {
  return conn.exclusive((s) => {
    const meta = new Map(
      (s.prepare(`select key, value from search_meta`).all() as { key: string; value: string }[]).map((r) => [r.key, r.value]),
    );
    if (meta.get('vocabulary_dirty') !== '1') return false;
    const last = Number(meta.get('vocabulary_refreshed_at') ?? 0);
    return now - last >= VOCABULARY_REFRESH_MS || last === 0;
  });
}

/**
 * Rebuilds the spelling vocabulary from the FTS index. Reading fts5vocab walks every doclist
 * (seconds at 1M stories), so it goes one initial letter at a time into a temporary table,
 * releasing the connection between slices, and replaces the vocabulary in one short step.
 */
export async function refreshVocabulary(conn: FtsConnection, now: number): Promise<void> {
  await conn.exclusive((s) => {
    s.exec(`create temp table if not exists search_vocabulary_next (term text primary key, docs integer not null) without rowid`);
    s.exec(`delete from temp.search_vocabulary_next`);
    // Cleared first: a write during the refresh marks it dirty again for the next one.
    s.exec(`insert into search_meta (key, value) values ('vocabulary_dirty', '0') on conflict (key) do update set value = '0'`);
  });
  // Folded terms without digits start with a-z, or with a letter beyond ASCII.
  const bounds = [...'abcdefghijklmnopqrstuvwxyz{'].map((c, i, all) => [c, all[i + 1] ?? '\u{10FFFF}'] as const);
  for (const [from, to] of bounds) {
    await conn.exclusive(() =>
      conn
        .prepare(
          `insert into temp.search_vocabulary_next (term, docs)
           select term, doc from search_stories_fts_vocab
           where term >= ? and term < ? and length(term) between 3 and 40 and term not glob '*[0-9]*'`,
        )
        .run(from, to),
    );
  }
  await conn.exclusive((s) =>
    s.transaction(() => {
      s.exec(`delete from search_vocabulary`);
      s.exec(`insert into search_vocabulary (term, docs) select term, docs from temp.search_vocabulary_next`);
      s.exec(`delete from temp.search_vocabulary_next`);
      s.prepare(
        `insert into search_meta (key, value) values ('vocabulary_refreshed_at', ?)
         on conflict (key) do update set value = excluded.value`,
      ).run(String(now));
    }).immediate(),
  );
}

/** "Did you mean": `q` with its unknown words corrected, or null (see spelling.ts). */
export function didYouMean(conn: FtsConnection, q: string): string | null {
  const inVocabulary = conn.prepare<{ docs: number }>(`select docs from search_vocabulary where term = ?`);
  const inIndex = conn.prepare<{ doc: number }>(`select doc from search_stories_fts_vocab where term = ?`);
  const startsAny = conn.prepare<{ term: string }>(`select term from search_vocabulary where term >= ? and term < ? limit 1`);
  const words = queryWords(q).map(foldTerm);
  const last = words.at(-1);
  const isKnown = (w: string): boolean => {
    if (inVocabulary.get(w) || inIndex.get(w)) return true;
    // The last word is searched as a prefix: a word still being typed is not a typo.
    return w === last && startsAny.get(w, prefixEnd(w)) !== undefined;
  };
  const byTerms = conn.prepare<VocabularyTerm>(
    `select term, docs from search_vocabulary where term in (select value from json_each(?))`,
  );
  const byRange = conn.prepare<VocabularyTerm>(
    `select term, docs from search_vocabulary where term >= ? and term < ? and length(term) between ? and ?`,
  );
  const correct = (w: string): string | null => {
    const near = byTerms.all(JSON.stringify(editsAtDistanceOne(w)));
    const fix = bestCorrection(w, near);
    if (fix || maxDistanceFor(w) < 2) return fix;
    const head = w.slice(0, 2);
    return bestCorrection(w, byRange.all(head, prefixEnd(head), w.length - 2, w.length + 2));
  };
  return suggestQuery(q, isKnown, correct);
}
