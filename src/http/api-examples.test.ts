import { describe, expect, it } from 'vitest';
import { trimExample } from './api-examples.ts';

describe('trimExample', () => {
  it('keeps two items of every array and cuts long strings with an ellipsis', () => {
    expect(trimExample({ a: [1, 2, 3, 4], s: 'x'.repeat(200) })).toEqual({ a: [1, 2], s: `${'x'.repeat(160)}…` });
  });

  it('keeps every key near the top and the first few of deeply nested objects', () => {
    const deep = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, i]));
    const top = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`t${i}`, i]));
    const out = trimExample({ ...top, a: { b: { c: deep } } }) as Record<string, unknown> & { a: { b: { c: Record<string, number> } } };
    expect(Object.keys(out)).toHaveLength(11);
    expect(Object.keys(out.a.b.c)).toEqual(['k0', 'k1', 'k2', 'k3', 'k4', 'k5']);
  });

  it('leaves numbers, booleans and null alone', () => {
    expect(trimExample({ n: 1.5, b: false, z: null })).toEqual({ n: 1.5, b: false, z: null });
  });
});
