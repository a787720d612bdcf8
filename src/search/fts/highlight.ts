// Highlighting and snippets for the FTS5 adapter, computed from the stored text in memory:
// cheaper than asking FTS5 to evaluate the query again for each hit (highlight()/snippet()),
// and the same folding rules (case and accents ignored, last word as a prefix). The output
// carries the engine-neutral markers of search-index.ts, escaped later by highlightedToHtml.
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../search-index.ts';
import { foldForMatch } from './spelling.ts';

export interface HighlightTerms {
  exact: Set<string>;
  /** Folded prefixes: the word typed last matches every word that starts with it. */
  prefixes: string[];
}

/** Terms of folded query words: all exact, the last one also as a prefix. */
export function highlightTerms(words: string[]): HighlightTerms {
  return { exact: new Set(words), prefixes: words.length > 0 ? [words[words.length - 1]!] : [] };
}

interface Token {
  start: number;
  end: number;
  hit: boolean;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

function tokens(text: string, terms: HighlightTerms): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const folded = foldForMatch(raw);
    const hit = terms.exact.has(folded) || terms.prefixes.some((p) => folded.startsWith(p));
    out.push({ start: m.index, end: m.index + raw.length, hit });
  }
  return out;
}

function marked(text: string, list: Token[], from: number, to: number): string {
  let out = '';
  let at = from;
  for (const t of list) {
    if (t.end <= from || t.start >= to) continue;
    if (!t.hit) continue;
    out += text.slice(at, t.start) + HIGHLIGHT_START + text.slice(t.start, t.end) + HIGHLIGHT_END;
    at = t.end;
  }
  return out + text.slice(at, to);
}

/** The whole text with every matching word marked. */
export function markMatches(text: string, terms: HighlightTerms): string {
  return marked(text, tokens(text, terms), 0, text.length);
}

/**
 * About `size` words of `text` around the densest run of matches (the opening words when
 * nothing matches), matches marked, with an ellipsis where text was cut.
 */
export function snippetAround(text: string, terms: HighlightTerms, size = 28): string {
  const list = tokens(text, terms);
  if (list.length === 0) return '';
  // Prefix sums of matches: the window of `size` words with the most matches wins (earliest on ties).
  const before = [0];
  for (const t of list) before.push(before[before.length - 1]! + (t.hit ? 1 : 0));
  let best = 0;
  let bestHits = -1;
  for (let start = 0; start <= Math.max(0, list.length - size); start++) {
    const hits = before[Math.min(list.length, start + size)]! - before[start]!;
    if (hits > bestHits) {
      bestHits = hits;
      best = start;
    }
  }
  // Start a little before the first match so that it has some context.
  const firstHit = list.findIndex((t, i) => i >= best && t.hit);
  if (firstHit > best + 3 && bestHits > 0) best = Math.max(0, Math.min(firstHit - 3, list.length - size));
  const last = Math.min(list.length, best + size) - 1;
  const from = best === 0 ? 0 : list[best]!.start;
  const to = last === list.length - 1 ? text.length : list[last]!.end;
  return `${from > 0 ? '…' : ''}${marked(text, list, from, to).trim()}${to < text.length ? '…' : ''}`;
}
