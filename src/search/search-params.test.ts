import { describe, expect, it } from 'vitest';
import { highlightHtml, highlightRuns, parseSearchState, searchHref, searchQueryString } from './search-params.ts';
import { highlightedToHtml } from './search-index.ts';

const parse = (qs: string) => parseSearchState(new URLSearchParams(qs));

describe('search page state', () => {
  it('reads every filter from the query string and drops unknown values', () => {
    const { state, errors } = parse(
      'q=+rimborso++tv+&state=overdue&state=bogus&category=refund&channel=chat&channel=chat&country=it&country=Italy&company=telco-uno&from=2026-01-01&to=2026-02-01&sort=most_overdue&page=3',
    );
    expect(errors).toEqual([]);
    expect(state).toEqual({
      q: 'rimborso tv',
      states: ['overdue'],
      categories: ['refund'],
      channels: ['chat'],
      countries: ['IT'],
      company: 'telco-uno',
      from: '2026-01-01',
      to: '2026-02-01',
      sort: 'most_overdue',
      page: 3,
    });
  });

  it('defaults to relevance with words and newest without', () => {
    expect(parse('q=tv').state.sort).toBe('relevance');
    expect(parse('').state.sort).toBe('newest');
    expect(parse('sort=nonsense&page=-2').state).toMatchObject({ sort: 'newest', page: 1 });
  });

  it('reports impossible dates and reversed ranges instead of failing', () => {
    expect(parse('from=2026-02-30').errors).toEqual(['search.error.from']);
    const reversed = parse('from=2026-03-01&to=2026-02-01');
    expect(reversed.errors).toEqual(['search.error.range']);
    expect(reversed.state).toMatchObject({ from: '', to: '' });
  });

  it('round-trips through a short, shareable URL', () => {
    const { state } = parse('q=fibra&state=overdue&state=answered&page=2');
    expect(searchQueryString(state)).toBe('?q=fibra&state=overdue&state=answered&page=2');
    expect(parse(searchQueryString(state).slice(1)).state).toEqual(state);
    expect(searchHref('it', state, { states: [] })).toBe('/it/search?q=fibra');
    expect(searchHref('en', state, { page: 3 })).toBe('/en/search?q=fibra&state=overdue&state=answered&page=3');
  });

  it('turns highlighted HTML back into text runs without losing escaped characters', () => {
    const html = highlightedToHtml('a <b> & \u0002tv\u0003 "x"');
    expect(highlightRuns(html)).toEqual([
      { text: 'a <b> & ', mark: false },
      { text: 'tv', mark: true },
      { text: ' "x"', mark: false },
    ]);
  });

  it('rebuilds highlighted HTML with nothing but <mark> as markup', () => {
    expect(highlightHtml(highlightedToHtml('a <b> & \u0002tv\u0003 "x\''))).toBe('a &lt;b&gt; &amp; <mark>tv</mark> &quot;x&#39;');
    // Whatever an engine sends: tags other than <mark> come out as text.
    expect(highlightHtml('<script>alert(1)</script><mark>ok</mark><img src=x onerror=alert(1)>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;<mark>ok</mark>&lt;img src=x onerror=alert(1)&gt;');
  });
});
