import { describe, expect, it } from 'vitest';
import { companyNameKey } from '../../src/db/company.repository.ts';
import { Corpus } from './corpus.ts';
import { Rng, Zipf } from './prng.ts';
import { buildVocabulary } from './vocabulary.ts';

const NOW = Date.UTC(2026, 10, 1, 12);

function all(corpus: Corpus) {
  return [...corpus.batches(500)].flat();
}

describe('the benchmark corpus', () => {
  it('is the same for the same seed and different for another', () => {
    const a = all(new Corpus({ stories: 300, companies: 20, seed: 7, now: NOW }));
    const b = all(new Corpus({ stories: 300, companies: 20, seed: 7, now: NOW }));
    const c = all(new Corpus({ stories: 300, companies: 20, seed: 8, now: NOW }));
    expect(b).toEqual(a);
    expect(c.map((s) => s.body)).not.toEqual(a.map((s) => s.body));
  });

  it('gives every company a distinct name key, so the import creates exactly that many companies', () => {
    const corpus = new Corpus({ stories: 1, companies: 2000, seed: 3, now: NOW });
    expect(new Set(corpus.companies.map((c) => companyNameKey(c.name))).size).toBe(2000);
  });

  it('has replies, verdicts, overdue stories and channels on realistic shares', () => {
    const stories = all(new Corpus({ stories: 4000, companies: 50, seed: 11, now: NOW }));
    const share = (f: (s: (typeof stories)[number]) => boolean) => stories.filter(f).length / stories.length;
    expect(share((s) => s.firstReplyAt !== null)).toBeGreaterThan(0.5);
    expect(share((s) => s.firstReplyAt !== null)).toBeLessThan(0.9);
    expect(share((s) => s.resolved !== null)).toBeGreaterThan(0.2);
    expect(share((s) => s.state === 'overdue')).toBeGreaterThan(0.05);
    expect(share((s) => (s.channels ?? []).length > 0)).toBe(1);
    expect(share((s) => s.language === 'it')).toBeGreaterThan(0.6);
    for (const s of stories) {
      expect(s.publishedAt).toBeLessThanOrEqual(NOW);
      if (s.firstReplyAt !== null) expect(s.firstReplyAt).toBeGreaterThanOrEqual(s.publishedAt);
      if (s.verdictAt !== null) expect(s.verdictAt).toBeGreaterThanOrEqual(s.firstReplyAt!);
    }
  });

  it('draws words with a Zipf law over tens of thousands of words per language', () => {
    const vocab = buildVocabulary('it', 25_000, 1);
    expect(new Set(vocab.words).size).toBe(25_000);
    const rng = new Rng(5);
    const counts = new Map<number, number>();
    for (let i = 0; i < 200_000; i++) {
      const r = vocab.zipf.sample(rng);
      counts.set(r, (counts.get(r) ?? 0) + 1);
    }
    // Rank 1 about twice rank 2 and ten times rank 10; thousands of distinct words appear.
    const c = (r: number) => counts.get(r) ?? 0;
    expect(c(0) / c(1)).toBeGreaterThan(1.6);
    expect(c(0) / c(1)).toBeLessThan(2.5);
    expect(c(0) / c(9)).toBeGreaterThan(7);
    expect(counts.size).toBeGreaterThan(10_000);
  });

  it('samples every rank of a small Zipf table in proportion', () => {
    const z = new Zipf(3, 1, 12);
    const rng = new Rng(9);
    const n = [0, 0, 0];
    for (let i = 0; i < 60_000; i++) n[z.sample(rng)]!++;
    // 1 : 1/2 : 1/3 → 6/11, 3/11, 2/11
    expect(n[0]! / 60_000).toBeCloseTo(6 / 11, 1);
    expect(n[2]! / 60_000).toBeCloseTo(2 / 11, 1);
  });
});
