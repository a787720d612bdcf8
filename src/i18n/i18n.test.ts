import { describe, expect, it } from 'vitest';
import { dictionaries, formatDate, formatDateTime, formatNumber, formatPercent, localeFromAcceptLanguage, stateBadgeText, switchLocalePath, t } from './index.ts';

describe('i18n', () => {
  it('has exactly the same keys in Italian and English', () => {
    const itKeys = Object.keys(dictionaries.it).sort();
    const enKeys = Object.keys(dictionaries.en).sort();
    expect(itKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
    expect(enKeys.filter((k) => !itKeys.includes(k))).toEqual([]);
  });

  it('has no empty message in either language', () => {
    for (const lang of ['it', 'en'] as const) {
      const empty = Object.entries(dictionaries[lang]).filter(([, v]) => v.trim() === '').map(([k]) => k);
      expect(empty).toEqual([]);
    }
  });

  it('fills placeholders and throws on a missing key in tests', () => {
    expect(t('en', 'error.tooMany', { seconds: 30 })).toBe('Too many attempts. Try again in 30 seconds.');
    expect(() => t('it', 'no.such.key')).toThrow(/missing i18n key/);
  });

  it('fills every placeholder of a template, leaves unknown ones as written, and keeps the text around them', () => {
    dictionaries.en['test.placeholders'] = '{a} and {b}, then {a} again; {missing} stays';
    try {
      expect(t('en', 'test.placeholders', { a: 1, b: 'two' })).toBe('1 and two, then 1 again; {missing} stays');
      expect(t('en', 'test.placeholders', { a: 'x', b: 0 })).toBe('x and 0, then x again; {missing} stays');
      expect(t('en', 'test.placeholders')).toBe('{a} and {b}, then {a} again; {missing} stays');
    } finally {
      delete dictionaries.en['test.placeholders'];
    }
  });

  it('formats dates, numbers and percentages per language with formatters built once', () => {
    const at = Date.UTC(2026, 10, 23, 15, 30);
    expect(formatDate('it', at)).toBe('23 novembre 2026');
    expect(formatDate('en', at)).toBe('23 November 2026');
    expect(formatDate('en', at, 'short')).toBe('23 Nov 2026');
    expect(formatDateTime('it', at)).toBe('23 nov 2026, 16:30');
    expect(formatDateTime('en', at)).toMatch(/^23 Nov 2026,? 16:30$/);
    expect(formatNumber('it', 1234.5, 1)).toBe('1234,5');
    expect(formatNumber('en', 1234.5)).toBe('1,235');
    expect(formatPercent('it', 0.42)).toBe('42%');
  });

  it('writes a state badge, with the days late only for an overdue story past a whole day', () => {
    const due = Date.UTC(2026, 10, 1);
    expect(stateBadgeText('en', 'answered', due, due + 5 * 86_400_000)).toBe(t('en', 'state.answered'));
    expect(stateBadgeText('en', 'overdue', due, due + 3 * 86_400_000 + 1)).toBe(`${t('en', 'state.overdue')} · ${t('en', 'story.daysLate', { n: 3 })}`);
    expect(stateBadgeText('it', 'overdue', due, due + 3_600_000)).toBe(t('it', 'state.overdue'));
    expect(stateBadgeText('it', 'overdue')).toBe(t('it', 'state.overdue'));
  });

  it('picks the language from Accept-Language by preference, Italian by default', () => {
    expect(localeFromAcceptLanguage('en-GB,en;q=0.9,it;q=0.8')).toBe('en');
    expect(localeFromAcceptLanguage('de-DE,de;q=0.9,it;q=0.5,en;q=0.4')).toBe('it');
    expect(localeFromAcceptLanguage('fr')).toBe('it');
    expect(localeFromAcceptLanguage(undefined)).toBe('it');
    expect(localeFromAcceptLanguage('en;q=0, it')).toBe('it');
  });

  it('switches the language prefix of a path and keeps the rest', () => {
    expect(switchLocalePath('/it/companies/fiori-veloci', 'en')).toBe('/en/companies/fiori-veloci');
    expect(switchLocalePath('/en', 'it')).toBe('/it');
    expect(switchLocalePath('/', 'en')).toBe('/en');
  });
});
