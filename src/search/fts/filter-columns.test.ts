import { describe, expect, it } from 'vitest';
import { FilterColumns, countPacked, passes } from './filter-columns.ts';

const row = (key: number, state = 'answered', category = 'delivery', channelMask = 0b100, country = 'IT') =>
  [key, state, category, channelMask, country] as const;

describe('filter columns', () => {
  it('finds the values of loaded keys and of keys written afterwards, newest first', () => {
    const columns = new FilterColumns(2);
    columns.append([row(10), row(20, 'overdue'), row(30, 'resolved', 'refund', 0b1, 'DE')]);
    columns.set({ key: 25, state: 'unresolved', category: 'billing', channelMask: 0, country: 'FR' });
    const slot = { at: Number.MAX_SAFE_INTEGER };
    const refundDe = columns.compile({ categories: ['refund'], countries: ['de'] });
    expect(passes(columns.lookup(30, slot), refundDe)).toBe(true);
    expect(passes(columns.lookup(25, slot), columns.compile({ states: ['unresolved'], countries: ['FR'] }))).toBe(true);
    expect(passes(columns.lookup(20, slot), columns.compile({ states: ['overdue'], channels: ['email'] }))).toBe(true);
    expect(passes(columns.lookup(10, slot), refundDe)).toBe(false);
    expect(columns.lookup(15, { at: Number.MAX_SAFE_INTEGER })).toBe(-1);
  });

  it('tests every kind of filter, and lets anything through when there is none', () => {
    const columns = new FilterColumns();
    columns.append([row(1, 'overdue', 'refund', 0b110, 'IT')]);
    const p = columns.lookup(1, { at: 0 });
    expect(passes(p, columns.compile({}))).toBe(true);
    expect(passes(p, columns.compile({ states: ['overdue', 'answered'] }))).toBe(true);
    expect(passes(p, columns.compile({ states: ['answered'] }))).toBe(false);
    expect(passes(p, columns.compile({ categories: ['billing'] }))).toBe(false);
    expect(passes(p, columns.compile({ channels: ['phone_tollfree'] }))).toBe(false);
    expect(passes(p, columns.compile({ channels: ['phone_tollfree', 'email'] }))).toBe(true);
    expect(passes(p, columns.compile({ countries: ['GB'] }))).toBe(false);
  });

  it('forgets deleted keys and stays right after folding many writes into its arrays', () => {
    const columns = new FilterColumns();
    columns.append(Array.from({ length: 100 }, (_, i) => row(i * 2)));
    columns.delete(10);
    for (let i = 0; i < 25_000; i++) columns.set({ key: 1_000 + i, state: 'resolved', category: 'refund', channelMask: 1, country: 'GB' });
    columns.delete(12);
    expect(columns.lookup(10, { at: Number.MAX_SAFE_INTEGER })).toBe(-1);
    expect(columns.lookup(12, { at: Number.MAX_SAFE_INTEGER })).toBe(-1);
    expect(passes(columns.lookup(24_999 + 1_000, { at: Number.MAX_SAFE_INTEGER }), columns.compile({ countries: ['GB'] }))).toBe(true);
    expect(passes(columns.lookup(14, { at: Number.MAX_SAFE_INTEGER }), columns.compile({ countries: ['IT'] }))).toBe(true);
  });

  it('counts facets from packed values', () => {
    const columns = new FilterColumns();
    columns.append([row(1, 'overdue', 'refund', 0b101, 'IT'), row(2, 'overdue', 'billing', 0b100, 'DE')]);
    const counts = columns.newFacetCounts();
    for (const k of [1, 2]) countPacked(counts, columns.lookup(k, { at: 1 }));
    expect(counts.state[1]).toBe(2);
    expect(counts.channels[2]).toBe(2);
    expect(counts.channels[0]).toBe(1);
    expect([...counts.country].map(([c, n]) => [columns.countryName(c), n])).toEqual([['IT', 1], ['DE', 1]]);
  });
});
