import { describe, expect, it } from 'vitest';
import { facetLabelsHtml, searchHitsHtml } from './search-html.ts';
import type { StoryHit } from './search-index.ts';

const hit = (over: Partial<StoryHit> = {}): StoryHit => ({
  id: 7,
  companyId: 1,
  companySlug: 'fiori-veloci',
  companyName: 'Fiori & "Veloci" <srl>',
  country: 'IT',
  state: 'answered',
  category: 'refund',
  channels: ['chat', 'email'],
  language: 'it',
  experienceDate: '2026-10-01',
  publishedAt: Date.UTC(2026, 9, 31, 16, 12),
  replyDueAt: Date.UTC(2026, 10, 14),
  titleHtml: 'Mai <mark>rimborso</mark> &amp; niente',
  snippetHtml: '<script>x</script> il <mark>rimborso</mark>',
  ...over,
});

describe('the search page markup as strings', () => {
  it('writes a result as the page did, every value escaped and nothing but <mark> as markup', () => {
    const html = searchHitsHtml('it', [hit()], Date.UTC(2026, 10, 1));
    expect(html).toBe(
      '<li class="story-item"><div class="story-meta"><span class="badge state-answered">Risposta ricevuta</span>' +
        '<a href="/it/companies/fiori-veloci">Fiori &amp; &quot;Veloci&quot; &lt;srl&gt;</a><span>Rimborso</span>' +
        '<time datetime="2026-10-31T16:12:00.000Z">31 ottobre 2026</time></div>' +
        '<h3 lang="it"><a href="/it/stories/7">Mai <mark>rimborso</mark> &amp; niente</a></h3>' +
        '<p lang="it">&lt;script&gt;x&lt;/script&gt; il <mark>rimborso</mark></p>' +
        '<div class="story-meta">Canali: Chat, E-mail</div></li>',
    );
  });

  it('marks the results that do not count in the score yet (rule 8): under review, unverified author; the others carry no mark', () => {
    const holds = new Map([[7, 'review' as const], [8, 'unverified' as const]]);
    const html = searchHitsHtml('en', [hit(), hit({ id: 8 }), hit({ id: 9 })], Date.UTC(2026, 10, 1), holds);
    const items = html.split('</li>').filter(Boolean);
    expect(items[0]).toContain('<span class="badge state-overdue" data-under-review>Under review: not counted in the score yet</span>');
    expect(items[1]).toContain('data-not-counted>Not counted in the score yet: author not verified</span>');
    expect(items[2]).not.toContain('data-under-review');
    expect(items[2]).not.toContain('data-not-counted');
    expect(searchHitsHtml('it', [hit()], Date.UTC(2026, 10, 1), holds)).toContain('data-under-review>In verifica: non ancora conteggiata nel punteggio</span>');
  });

  it('names the language of a result in the other language, and leaves out an empty channel line', () => {
    const html = searchHitsHtml('en', [hit({ channels: [] })], Date.UTC(2026, 10, 1));
    expect(html).toContain('<span lang="it">Italiano</span>');
    expect(html).not.toContain('story-meta">Channels');
  });

  it('writes the facet checkboxes, ticked when selected, values escaped', () => {
    const html = facetLabelsHtml('country', [{ value: 'IT', label: 'IT', count: '1.000' }, { value: '"><x', label: '<b>', count: '' }], ['IT']);
    expect(html).toBe(
      '<label class="facet"><input type="checkbox" name="country" value="IT" checked> IT <span class="count">1.000</span></label>' +
        '<label class="facet"><input type="checkbox" name="country" value="&quot;&gt;&lt;x"> &lt;b&gt; <span class="count"></span></label>',
    );
  });
});
