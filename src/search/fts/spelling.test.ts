import { describe, expect, it } from 'vitest';
import { bestCorrection, editDistance, editsAtDistanceOne, foldForMatch, foldTerm, prefixEnd, queryWords, suggestQuery } from './spelling.ts';

describe('spelling', () => {
  it('folds words the way unicode61 with remove_diacritics 2 does', () => {
    expect(foldTerm('Perché')).toBe('perche');
    expect(foldTerm('CITTÀ')).toBe('citta');
  });

  it('splits a query into words on apostrophes and punctuation', () => {
    expect(queryWords("l'ordine, mai-arrivato!")).toEqual(['l', 'ordine', 'mai', 'arrivato']);
  });

  it('measures transpositions as one edit', () => {
    expect(editDistance('rimborso', 'rimbroso')).toBe(1);
    expect(editDistance('rimborso', 'rimborsi')).toBe(1);
    expect(editDistance('rimborso', 'rmborsoo')).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('generates every edit at distance one', () => {
    const edits = editsAtDistanceOne('tecnco');
    expect(edits).toContain('tecnico');
    expect(edits).toContain('tecno');
    expect(edits).toContain('etcnco');
    expect(edits).not.toContain('tecnco');
  });

  it('prefers the closest, then the most common, correction', () => {
    const vocabulary = [
      { term: 'rimborso', docs: 40 },
      { term: 'rimorso', docs: 2 },
      { term: 'rimborsi', docs: 90 },
    ];
    expect(bestCorrection('rimbroso', vocabulary)).toBe('rimborso');
    expect(bestCorrection('rimborsu', vocabulary)).toBe('rimborsi');
    expect(bestCorrection('xyz', vocabulary)).toBeNull();
  });

  it('rewrites only the unknown words of a query', () => {
    const known = new Set(['pacco', 'danneggiato']);
    const suggestion = suggestQuery('Pacco dannegiato', (w) => known.has(w), (w) => (w === 'dannegiato' ? 'danneggiato' : null));
    expect(suggestion).toBe('Pacco danneggiato');
    expect(suggestQuery('pacco', (w) => known.has(w), () => 'x')).toBeNull();
  });

  it('folds text for in-memory matching as FTS5 does, with a shortcut for plain ASCII', () => {
    expect(foldForMatch('Rimborso NON ricevuto')).toBe('rimborso non ricevuto');
    expect(foldForMatch('Perché GIÀ così')).toBe(foldTerm('Perché GIÀ così'));
    expect(foldForMatch('Perché GIÀ così')).toBe('perche gia cosi');
  });

  it('bounds the terms that start with a prefix', () => {
    const [from, below] = ['rimb', prefixEnd('rimb')];
    for (const term of ['rimb', 'rimborso', 'rimbzzz', 'rimbò']) expect(term >= from && term < below).toBe(true);
    for (const term of ['rima', 'rimc', 'rin']) expect(term >= from && term < below).toBe(false);
  });
});
