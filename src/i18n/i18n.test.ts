import { describe, expect, it } from 'vitest';
import { dictionaries, localeFromAcceptLanguage, switchLocalePath, t } from './index.ts';

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
