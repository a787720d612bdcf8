import { describe, expect, it } from 'vitest';
import { countListedStories, plainExcerpt } from './browse.repository.ts';

describe('a story card’s plain excerpt', () => {
  it('drops Markdown markup, code blocks and link targets, keeping the words', () => {
    expect(plainExcerpt('# Titolo\n\n**Grassetto** e _corsivo_ > citazione')).toBe('Titolo Grassetto e corsivo citazione');
    expect(plainExcerpt('Prima ```const x = 1;``` dopo')).toBe('Prima dopo');
    expect(plainExcerpt('Vedi [il modulo](https://example.test/a) e ![foto](x.png) qui')).toBe('Vedi il modulo e foto qui');
    expect(plainExcerpt('  spazi\t\n  ovunque -- e ~~barrato~~  ')).toBe('spazi ovunque e barrato');
  });

  it('cuts a long text at a word and marks the cut', () => {
    const words = Array.from({ length: 80 }, (_, i) => `parola${i}`).join(' ');
    const excerpt = plainExcerpt(words, 50);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(51);
    expect(words.startsWith(excerpt.slice(0, -1))).toBe(true);
  });
});

describe('the number of listed stories', () => {
  const counts = { answered: 3, overdue: 2, hidden: 4, withdrawn: 1 };

  it('adds the listed states only, or gives one listed state’s count', () => {
    expect(countListedStories(counts)).toBe(5);
    expect(countListedStories(counts, 'overdue')).toBe(2);
    expect(countListedStories(counts, 'resolved')).toBe(0);
  });

  it('never counts hidden or withdrawn stories, even when asked for them', () => {
    expect(countListedStories(counts, 'hidden')).toBe(0);
    expect(countListedStories(counts, 'withdrawn')).toBe(0);
  });
});
