import { describe, expect, it } from 'vitest';
import { emptyFacets } from '../search-index.ts';
import { filterSelectivity, firstChunk, nextChunk } from './selectivity.ts';

const facets = () => {
  const f = emptyFacets();
  f.state = { overdue: 100, answered: 300, resolved: 600 };
  f.category = { refund: 250, delivery: 750 };
  f.channels = { email: 500, chat: 700 };
  f.country = { IT: 800, DE: 200 };
  return f;
};

describe('filter selectivity', () => {
  it('is the whole index without filters, or when the index is empty', () => {
    expect(filterSelectivity(1000, facets(), {})).toBe(1);
    expect(filterSelectivity(0, emptyFacets(), { states: ['overdue'] })).toBe(1);
  });

  it('adds up the values of one filter and multiplies the filters, as if independent', () => {
    expect(filterSelectivity(1000, facets(), { states: ['overdue', 'answered'] })).toBeCloseTo(0.4);
    expect(filterSelectivity(1000, facets(), { states: ['answered'], categories: ['refund'] })).toBeCloseTo(0.075);
    // Country codes are compared upper-case, as the index stores them.
    expect(filterSelectivity(1000, facets(), { countries: ['de'] })).toBeCloseTo(0.2);
  });

  it('caps a filter at the whole index (a story may have several channels)', () => {
    expect(filterSelectivity(1000, facets(), { channels: ['email', 'chat'] })).toBe(1);
  });

  it('never goes below 1/64, so a rare or unknown value does not ask for a huge first chunk', () => {
    expect(filterSelectivity(1000, facets(), { states: ['closed_no_verdict'] })).toBe(1 / 64);
    expect(filterSelectivity(1000, facets(), { states: ['overdue'], categories: ['refund'], countries: ['DE'] })).toBe(1 / 64);
  });
});

describe('chunk sizes of the rowid walk', () => {
  it('reads a quarter more than the window needs at the expected share, within 512 and 65,536', () => {
    expect(firstChunk(1001, 1)).toBe(1252);
    expect(firstChunk(1001, 0.1)).toBe(12_513);
    expect(firstChunk(11, 1)).toBe(512);
    expect(firstChunk(1001, 1 / 64)).toBe(65_536);
  });

  it('sizes later chunks from the share that passed so far, with 30% to spare', () => {
    // 100 of 1,000 passed: 901 more wanted at 10% → 11,713.
    expect(nextChunk(1001, 100, 1000)).toBe(11_713);
    expect(nextChunk(1001, 990, 1000)).toBe(512);
  });

  it('assumes at least 1 in 256 passes, and reads at most 262,144 rowids at once', () => {
    expect(nextChunk(1001, 0, 4096)).toBe(262_144);
    expect(nextChunk(101, 0, 4096)).toBe(Math.ceil(1.3 * 101 * 256));
  });
});
