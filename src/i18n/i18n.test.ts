import { describe, expect, it } from 'vitest';
import { dictionaries, formatDate, formatDateTime, formatDuration, formatNumber, formatPercent, localeFromAcceptLanguage, runtimeKey, startsWithVowelSound, stateBadgeText, switchLocalePath, t } from './index.ts';

describe('i18n', () => {
  it('has exactly the same keys in Italian and English', () => {
    const itKeys = Object.keys(dictionaries.it).sort();
    const enKeys = Object.keys(dictionaries.en).sort();
    expect(itKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
    expect(enKeys.filter((k) => !itKeys.includes(k))).toEqual([]);
  });

  it('has no empty message in either language', () => {
    for (const lang of ['it', 'en'] as const) {
      const empty = Object.entries(dictionaries[lang]).filter(([, v]) => (typeof v === 'string' ? [v] : [v.one, v.other]).some((x) => x.trim() === '')).map(([k]) => k);
      expect(empty).toEqual([]);
    }
  });

  it('fills placeholders and throws on a missing key in tests', () => {
    expect(t('en', 'error.tooMany', { seconds: 30 })).toBe('Too many attempts. Try again in 30 seconds.');
    expect(() => t('it', runtimeKey('no.such.key'))).toThrow(/missing i18n key/);
  });

  it('fills every placeholder of a template, leaves unknown ones as written, and keeps the text around them', () => {
    dictionaries.en['test.placeholders'] = '{a} and {b}, then {a} again; {missing} stays';
    try {
      expect(t('en', runtimeKey('test.placeholders'), { a: 1, b: 'two' })).toBe('1 and two, then 1 again; {missing} stays');
      expect(t('en', runtimeKey('test.placeholders'), { a: 'x', b: 0 })).toBe('x and 0, then x again; {missing} stays');
      expect(t('en', runtimeKey('test.placeholders'))).toBe('{a} and {b}, then {a} again; {missing} stays');
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

  it('chooses the singular for one and the plural otherwise, in both languages', () => {
    expect(t('it', 'story.daysLate', { n: 1 })).toBe('1 giorno di ritardo');
    expect(t('it', 'story.daysLate', { n: 2 })).toBe('2 giorni di ritardo');
    expect(t('en', 'story.daysLate', { n: 1 })).toBe('1 day late');
    expect(t('en', 'story.daysLate', { n: 0 })).toBe('0 days late');
    expect(t('it', 'company.sample', { n: 1 })).toBe('Basato su 1 storia.');
    expect(t('en', 'company.sample', { n: 1 })).toBe('Based on 1 story.');
    expect(t('it', 'story.messages', { n: 1 })).toBe('1 messaggio');
    expect(t('en', 'dashboard.messages', { n: 1 })).toBe('1 message');
    expect(t('it', 'moderation.queue.reports', { n: 1 })).toBe('1 segnalazione');
    expect(t('en', 'error.tooMany', { seconds: 1 })).toBe('Too many attempts. Try again in 1 second.');
    // A formatted number is never taken for a count: "1.000" in Italian is a thousand.
    expect(t('it', 'search.approximateCounts', { n: '1.000' })).toBe('I conteggi accanto ai filtri si riferiscono alle 1.000 storie più recenti.');
    expect(t('it', 'search.results', { n: '1', count: 1 })).toBe('1 storia trovata');
  });

  it('has no placeholder in a singular that its plural lacks', () => {
    for (const lang of ['it', 'en'] as const) {
      for (const [key, message] of Object.entries(dictionaries[lang])) {
        if (typeof message === 'string') continue;
        // The singular may leave the number out ("the most recent story"), never add a placeholder.
        const names = (s: string) => new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
        const extra = [...names(message.one)].filter((n) => !names(message.other).has(n));
        expect(extra, `${lang} ${key}`).toEqual([]);
      }
    }
  });

  it('writes hours without a useless decimal and in the singular for one', () => {
    expect(formatDuration('en', 1)).toBe('1 hour');
    expect(formatDuration('en', 1.02)).toBe('1 hour');
    expect(formatDuration('en', 1.5)).toBe('1.5 hours');
    expect(formatDuration('it', 1)).toBe('1 ora');
    expect(formatDuration('it', 2.25)).toBe('2,3 ore');
    expect(formatDuration('en', 24)).toBe('24 hours');
    expect(formatDuration('it', 24 * 59)).toBe('59 giorni');
    expect(formatDuration('en', 24 * 30.44 * 3)).toBe('3 months');
    expect(formatDuration('en', 0.5)).toBe('30 min');
  });

  it('elides an Italian article before a number read with a vowel', () => {
    const on = (day: number) => formatDate('it', Date.UTC(2026, 11, day, 12));
    expect(t('it', 'story.publishedOn', { date: on(11) })).toBe('pubblicata l’11 dicembre 2026');
    expect(t('it', 'story.publishedOn', { date: on(8) })).toBe('pubblicata l’8 dicembre 2026');
    expect(t('it', 'story.publishedOn', { date: on(1) })).toBe('pubblicata l’1 dicembre 2026');
    expect(t('it', 'story.publishedOn', { date: on(3) })).toBe('pubblicata il 3 dicembre 2026');
    expect(t('it', 'story.publishedOn', { date: on(18) })).toBe('pubblicata il 18 dicembre 2026');
    expect(t('it', 'story.experienceOn', { date: on(8) })).toBe('esperienza dell’8 dicembre 2026');
    expect(t('it', 'home.repliesTo', { rate: '80%' })).toBe('risponde all’80%');
    expect(t('it', 'home.repliesTo', { rate: '18%' })).toBe('risponde al 18%');
    expect(t('en', 'story.publishedOn', { date: formatDate('en', Date.UTC(2026, 11, 11, 12)) })).toBe('published 11 December 2026');
    expect(t('it', 'workflow.mail.story_published.text', { company: 'X', days: 7, due: on(11), url: 'u' })).toContain('(entro l’11 dicembre 2026)');
    expect([1, 8, 11, 80, 89, 800, 8000, 11000].every((n) => startsWithVowelSound(String(n)))).toBe(true);
    expect([2, 10, 18, 21, 100, 110, 1100, 1000].some((n) => startsWithVowelSound(String(n)))).toBe(false);
  });
});
