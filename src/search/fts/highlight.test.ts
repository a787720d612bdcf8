import { describe, expect, it } from 'vitest';
import { highlightTerms, markMatches, snippetAround } from './highlight.ts';

const show = (s: string) => s.replace(/\u0002/g, '[').replace(/\u0003/g, ']');

describe('highlighting', () => {
  it('marks whole words regardless of case and accents, and the last word as a prefix', () => {
    const terms = highlightTerms(['perche', 'rimbor']);
    expect(show(markMatches('Perché il RIMBORSO? Rimborsi, rimborsabile; perchéno', terms))).toBe(
      '[Perché] il [RIMBORSO]? [Rimborsi], [rimborsabile]; perchéno',
    );
  });

  it('cuts a snippet around the densest run of matches, with ellipses', () => {
    const words = Array.from({ length: 60 }, (_, i) => `w${i}`);
    words[40] = 'pacco';
    words[42] = 'pacco';
    const snippet = show(snippetAround(words.join(' '), highlightTerms(['pacco']), 10));
    expect(snippet.startsWith('…w37 w38 w39 [pacco] w41 [pacco]')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.split(' ')).toHaveLength(10);
  });

  it('opens with the first words when nothing in the text matches', () => {
    expect(show(snippetAround('uno due tre quattro', highlightTerms(['zzz']), 2))).toBe('uno due…');
    expect(show(snippetAround('uno due', highlightTerms([]), 5))).toBe('uno due');
    expect(snippetAround('', highlightTerms(['x']))).toBe('');
  });
});
