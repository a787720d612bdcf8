import { describe, expect, it } from 'vitest';
import { type StorySource, markdownToPlainText, toCompanyDocument, toStoryDocument } from './documents.ts';
import { OVERDUE_RANK_NONE } from './search-index.ts';

const published = Date.UTC(2026, 10, 20, 9, 30);

function source(overrides: Partial<StorySource['story']> = {}): StorySource {
  return {
    story: {
      id: 7,
      company_id: 3,
      title: 'Rimborso mai arrivato',
      body: 'Ho scritto a **assistenza** più volte.',
      language: 'it',
      state: 'awaiting_reply',
      category: 'refund',
      experience_date: '2026-11-01',
      published_at: published,
      reply_due_at: published + 7 * 86_400_000,
      hidden_at: null,
      withdrawn_at: null,
      order_reference: null,
      ...overrides,
    },
    company: { id: 3, slug: 'fiori-veloci', name: 'Fiori Veloci', domain: 'fioriveloci.it', country: 'it', sector: 'retail', merged_into_id: null, listed_at: 0 },
    channels: ['chat', 'email', 'chat'],
  };
}

describe('toStoryDocument', () => {
  it('builds a plain-text document with the filterable fields of a public story', () => {
    const doc = toStoryDocument(source());
    expect(doc).toMatchObject({
      id: 7,
      companySlug: 'fiori-veloci',
      companyName: 'Fiori Veloci',
      country: 'IT',
      body: 'Ho scritto a assistenza più volte.',
      state: 'awaiting_reply',
      channels: ['email', 'chat'],
      publishedDay: 20261120,
      overdueRank: OVERDUE_RANK_NONE,
    });
  });

  it('returns null for hidden and withdrawn stories so they are deleted from the index', () => {
    expect(toStoryDocument(source({ state: 'hidden', hidden_at: published }))).toBeNull();
    expect(toStoryDocument(source({ state: 'withdrawn', withdrawn_at: published }))).toBeNull();
    // A restored-state row that still carries a hidden mark is treated as hidden.
    expect(toStoryDocument(source({ state: 'answered', hidden_at: published }))).toBeNull();
  });

  it('never copies the order reference or e-mail addresses into the document', () => {
    const doc = toStoryDocument(
      source({ order_reference: 'ORD-99812', body: 'Ordine ORD-99812, scrivetemi a mario.rossi@example.it' }),
    )!;
    const serialised = JSON.stringify(doc);
    expect(serialised).not.toContain('ORD-99812');
    expect(serialised).not.toContain('mario.rossi@example.it');
    expect(serialised).not.toContain('order');
  });

  it('ranks overdue stories by their missed deadline for the "most overdue" sort', () => {
    const doc = toStoryDocument(source({ state: 'overdue' }))!;
    expect(doc.overdueRank).toBe(published + 7 * 86_400_000);
  });

  it('strips the control characters used as highlight markers', () => {
    expect(toStoryDocument(source({ title: 'a\u0002b\u0003c' }))!.title).toBe('abc');
  });
});

describe('toCompanyDocument', () => {
  it('maps a company and drops one merged into another', () => {
    const company = source().company;
    expect(toCompanyDocument(company)).toEqual({
      id: 3,
      slug: 'fiori-veloci',
      name: 'Fiori Veloci',
      domain: 'fioriveloci.it',
      country: 'IT',
      sector: 'retail',
    });
    expect(toCompanyDocument({ ...company, merged_into_id: 9 })).toBeNull();
  });

  it('keeps a new consumer-created company that is not listed yet out of the company results', () => {
    expect(toCompanyDocument({ ...source().company, listed_at: null })).toBeNull();
    expect(toCompanyDocument({ ...source().company, listed_at: 1 })).not.toBeNull();
  });
});

describe('markdownToPlainText', () => {
  it('keeps the words of links, emphasis, headings and lists but not their syntax', () => {
    expect(markdownToPlainText('# Titolo\n\n- uno *due*\n- [sito](https://x.it) `codice`\n> citazione')).toBe(
      'Titolo uno due sito codice citazione',
    );
  });

  it('drops raw HTML tags', () => {
    expect(markdownToPlainText('ciao <script>alert(1)</script> mondo')).toBe('ciao alert(1) mondo');
  });
});
