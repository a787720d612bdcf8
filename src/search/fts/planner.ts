// The query planner of the FTS5 index: from the words typed to the FTS5 MATCH expression, with
// estimates from the spelling vocabulary's document counts (search_vocabulary) that pick how
// the window is ranked (ranking.ts).
import type { FtsConnection } from './connection.ts';
import { foldTerm, prefixEnd, queryWords } from './spelling.ts';

/** Terms of the vocabulary the last word may be completed to, most frequent first. */
const PREFIX_EXPANSIONS = 8;

/**
 * How a query runs: the FTS5 expression, the words it was built from, and, from the spelling
 * vocabulary's document counts, an estimate of how many stories match and of how many doclist
 * entries bm25's IDF pass would read (every match of every term), which picks the ranking.
 */
export interface QueryPlan {
  match: string;
  words: string[];
  estimate: number;
  reads: number;
}

/**
 * Every word must match. Earlier words match exactly; the last one is a prefix, completed to
 * the most frequent vocabulary terms that start with it (an OR of exact terms streams in
 * rowid order, where an FTS5 prefix query over a long prefix materialises every matching
 * doclist first). A prefix the vocabulary does not know yet falls back to FTS5's own prefix
 * query, which is cheap precisely because such terms are rare. Null when `q` has no words.
 */
export function planQuery(conn: FtsConnection, q: string): QueryPlan | null {
  const words = queryWords(q).map(foldTerm).filter((w) => w.length > 0);
  if (words.length === 0) return null;
  const docsOf = conn.prepare<{ docs: number }>(`select docs from search_vocabulary where term = ?`);
  const completions = conn.prepare<{ term: string; docs: number }>(
    `select term, docs from search_vocabulary where term >= ? and term < ? order by docs desc limit ${PREFIX_EXPANSIONS}`,
  );
  const parts: string[] = [];
  let estimate = Infinity;
  let reads = 0;
  const count = (docs: number) => {
    estimate = Math.min(estimate, docs);
    reads += docs;
  };
  words.forEach((w, i) => {
    const last = i === words.length - 1;
    if (!last || w.length < 2) {
      parts.push(`"${w}"`);
      count(docsOf.get(w)?.docs ?? 0);
      return;
    }
    const terms = completions.all(w, prefixEnd(w));
    if (terms.length === 0) {
      parts.push(`"${w}"*`);
      count(docsOf.get(w)?.docs ?? 0);
      return;
    }
    parts.push(terms.length === 1 ? `"${terms[0]!.term}"` : `(${terms.map((t) => `"${t.term}"`).join(' OR ')})`);
    count(terms.reduce((n, t) => n + t.docs, 0));
  });
  return { match: parts.join(' AND '), words, estimate, reads };
}
