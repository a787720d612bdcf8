// The fixed query mix of the search-latency figure: 1–3 words, broad and rare terms, each with
// at least one filter, facet counts always computed (the SearchIndex returns them with every
// result), top 20. Run through the SearchIndex interface, as the search page does.
import type { SearchIndex, StorySearchQuery } from '../../src/search/search-index.ts';
import type { Corpus } from './corpus.ts';

export interface MixQuery {
  kind: 'broad' | 'medium' | 'rare' | 'mixed' | 'typo';
  query: StorySearchQuery;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * (sorted[Math.ceil(h)]! - sorted[lo]!);
}

export function queryMix(corpus: Corpus): MixQuery[] {
  const it = corpus.queryTerms('it');
  const en = corpus.queryTerms('en');
  const recent = new Date(corpus.options.now - 90 * 86_400_000).toISOString().slice(0, 10);
  const year = new Date(corpus.options.now - 365 * 86_400_000).toISOString().slice(0, 10);
  // A typo of a medium word: one letter doubled.
  const typo = (w: string) => `${w.slice(0, 3)}${w[3]}${w.slice(3)}`;
  const q = (kind: MixQuery['kind'], text: string, filters: StorySearchQuery['filters'], sort: StorySearchQuery['sort'] = 'relevance'): MixQuery => ({
    kind,
    query: { q: text, filters, sort, perPage: 20 },
  });
  return [
    q('broad', it.broad[0]!, { categories: ['refund'] }),
    q('broad', it.broad[1]!, { states: ['overdue'] }),
    q('broad', `${it.broad[2]} ${it.broad[4]}`, { countries: ['IT'] }),
    q('broad', en.broad[0]!, { channels: ['phone_paid'] }),
    q('broad', `${en.broad[3]} ${en.broad[1]}`, { from: recent }, 'newest'),
    q('broad', `${it.broad[5]} ${it.broad[6]} ${it.broad[7]}`, { categories: ['billing', 'installation'] }),
    q('medium', it.medium[0]!, { states: ['resolved', 'unresolved'] }),
    q('medium', en.medium[1]!, { from: year }),
    q('medium', `${it.medium[1]} ${it.medium[2]}`, { countries: ['IT'] }, 'most_overdue'),
    q('rare', it.rare[0]!, { categories: ['delivery'] }),
    q('rare', en.rare[1]!, { countries: ['GB', 'US'] }),
    q('rare', it.rare[2]!, { states: ['answered'] }, 'newest'),
    q('mixed', `${it.broad[0]} ${it.rare[1]}`, { channels: ['email'] }),
    q('mixed', `${en.broad[2]} ${en.medium[0]} ${en.rare[0]}`, { from: year }),
    q('typo', typo(it.medium[0]!), { categories: ['other'] }),
    q('typo', `${it.broad[0]} ${typo(it.medium[2]!)}`, { countries: ['IT'] }),
  ];
}

export interface SearchLatency {
  queries: number;
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  byKind: Record<string, { p50Ms: number; p95Ms: number }>;
  /** Matches counted for each query (capped at the ranking window), to show broad terms are broad. */
  totals: { q: string; kind: string; total: number; exact: boolean }[];
}

export async function measureSearch(index: SearchIndex, mix: MixQuery[], rounds: number): Promise<SearchLatency> {
  // One untimed round warms the page cache and the prepared statements.
  const totals: SearchLatency['totals'] = [];
  for (const m of mix) {
    const r = await index.searchStories(m.query);
    totals.push({ q: m.query.q, kind: m.kind, total: r.total, exact: r.totalIsExact });
  }
  const all: number[] = [];
  const byKind = new Map<string, number[]>();
  for (let round = 0; round < rounds; round++) {
    for (const m of mix) {
      const t = performance.now();
      await index.searchStories(m.query);
      const ms = performance.now() - t;
      all.push(ms);
      byKind.set(m.kind, [...(byKind.get(m.kind) ?? []), ms]);
    }
  }
  all.sort((a, b) => a - b);
  const round3 = (x: number) => Number(x.toFixed(3));
  return {
    queries: mix.length,
    runs: all.length,
    p50Ms: round3(percentile(all, 0.5)),
    p95Ms: round3(percentile(all, 0.95)),
    maxMs: round3(all.at(-1)!),
    byKind: Object.fromEntries(
      [...byKind].map(([kind, times]) => {
        times.sort((a, b) => a - b);
        return [kind, { p50Ms: round3(percentile(times, 0.5)), p95Ms: round3(percentile(times, 0.95)) }];
      }),
    ),
    totals,
  };
}
