import { describe, expect, it } from 'vitest';
import { keyRange, storyDocKey } from './doc-keys.ts';

describe('story doc keys', () => {
  it('order stories by publication second, then by id', () => {
    const second = Date.UTC(2026, 10, 23, 12, 0, 0);
    expect(storyDocKey(second, 7)).toBeLessThan(storyDocKey(second, 8));
    expect(storyDocKey(second + 999, 8)).toBeLessThan(storyDocKey(second + 1000, 7));
    expect(storyDocKey(-5, 3)).toBe(3);
  });

  it('turn a date filter into the key range of whole UTC days, month and year ends included', () => {
    const { from, below } = keyRange({ from: '2026-11-30', to: '2026-12-31' });
    expect(from).toBe(storyDocKey(Date.UTC(2026, 10, 30), 0));
    expect(below).toBe(storyDocKey(Date.UTC(2027, 0, 1), 0));
    expect(storyDocKey(Date.UTC(2026, 11, 31, 23, 59, 59), 2 ** 21 - 1)).toBeLessThan(below);
    expect(keyRange({ to: '2028-02-28' }).below).toBe(storyDocKey(Date.UTC(2028, 1, 29), 0));
  });

  it('cover the whole key space without dates', () => {
    expect(keyRange({})).toEqual({ from: 0, below: Number.MAX_SAFE_INTEGER });
  });
});
