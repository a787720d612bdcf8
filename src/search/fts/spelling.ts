// "Did you mean" for the embedded index. Pure: vocabulary.ts feeds it the vocabulary rows it
// looked up. A word of the query that occurs in no document is replaced by the most frequent
// indexed term within Damerau-Levenshtein distance 1 (distance 2 for words of 8+ letters).
//
// Candidate lookup must stay cheap at 1M stories, so it never scans the vocabulary:
// - distance 1: every deletion, transposition, substitution and insertion of the word is
//   generated (about 54·n strings over the alphabet of the vocabulary) and looked up by
//   primary key in one query;
// - distance 2: terms sharing the word's first two letters (a primary-key range) with a length
//   within ±2 are compared; first-letter typos are caught by distance 1 only.

/** Lower-case, diacritics removed: the same folding as FTS5 `unicode61 remove_diacritics 2`. */
export function foldTerm(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** foldTerm for in-memory word checks; skips Unicode normalisation for plain ASCII text. */
export function foldForMatch(text: string): string {
  return /[^\x00-\x7f]/.test(text) ? foldTerm(text) : text.toLowerCase();
}

/** The upper bound (exclusive) of the folded terms that start with `prefix`, for key ranges. */
export function prefixEnd(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}

/** Words as FTS5's unicode61 tokenizer sees them (letters and digits; anything else separates). */
export function queryWords(q: string): string[] {
  return q.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

const alphabet = 'abcdefghijklmnopqrstuvwxyz';

/** Every string at edit distance 1 from `word` (deletion, transposition, substitution, insertion). */
export function editsAtDistanceOne(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail.length > 0) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of alphabet) {
      if (tail.length > 0 && c !== tail[0]) out.add(head + c + tail.slice(1));
      out.add(head + c + tail);
    }
  }
  out.delete(word);
  return [...out];
}

/** Optimal-string-alignment distance, stopping early once it must exceed `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
  }
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

export interface VocabularyTerm {
  term: string;
  docs: number;
}

/** The longest distance tolerated for a word: short words get one typo, long ones two. */
export function maxDistanceFor(word: string): number {
  if (word.length < 4) return 0;
  return word.length >= 8 ? 2 : 1;
}

/** Picks the correction for `word` among `candidates`: smallest distance, then most documents. */
export function bestCorrection(word: string, candidates: VocabularyTerm[]): string | null {
  const max = maxDistanceFor(word);
  let best: { term: string; distance: number; docs: number } | null = null;
  for (const c of candidates) {
    if (c.term === word) continue;
    const distance = editDistance(word, c.term, max);
    if (distance > max) continue;
    if (!best || distance < best.distance || (distance === best.distance && c.docs > best.docs)) {
      best = { term: c.term, distance, docs: c.docs };
    }
  }
  return best?.term ?? null;
}

/**
 * The suggested query: `q` with every unknown word replaced by its correction, or null when no
 * word was replaced. `isKnown` says whether a folded word occurs in the index.
 */
export function suggestQuery(q: string, isKnown: (folded: string) => boolean, correct: (folded: string) => string | null): string | null {
  let changed = false;
  const out = q.replace(/[\p{L}\p{N}\p{M}]+/gu, (word) => {
    const folded = foldTerm(word);
    if (/^\p{N}+$/u.test(folded) || maxDistanceFor(folded) === 0 || isKnown(folded)) return word;
    const fix = correct(folded);
    if (fix === null) return word;
    changed = true;
    return fix;
  });
  return changed ? out.trim().replace(/\s+/g, ' ') : null;
}
