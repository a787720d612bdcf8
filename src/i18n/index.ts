// Every UI string goes through t(). Keys live in it.ts / en.ts (site-wide) and in
// areas/<area>.ts (one file per feature area, each with both languages side by side).
// tests: src/i18n/i18n.test.ts checks that both languages have exactly the same keys.
import { config, UNDER_TEST } from '../config.ts';
import { en } from './en.ts';
import { it } from './it.ts';
import { areas } from './areas/index.ts';
import { DEFAULT_LOCALE, LOCALES, isLocale, type Locale } from '../domain/vocabulary.ts';

export const locales = LOCALES;
export type { Locale };
export const defaultLocale: Locale = DEFAULT_LOCALE;

export type Messages = Record<string, string>;

function build(locale: Locale): Messages {
  const base: Messages = { ...(locale === 'it' ? it : en) };
  for (const area of areas) Object.assign(base, area[locale]);
  return base;
}

export const dictionaries: Record<Locale, Messages> = { it: build('it'), en: build('en') };

export { isLocale };

/**
 * Translate `key`, replacing {name} placeholders. A missing key is a bug: in tests it throws,
 * in production it shows the key so the page still renders.
 */
export function t(locale: Locale, key: string, params?: Record<string, string | number>): string {
  const template = dictionaries[locale][key];
  if (template === undefined) {
    if (UNDER_TEST || config().nodeEnv === 'test') throw new Error(`missing i18n key ${key}`);
    return key;
  }
  if (!params) return template;
  // A template split once at its placeholders: [text, name, text, name, …, text].
  let parts = templateParts.get(template);
  if (!parts) templateParts.set(template, (parts = template.split(/\{(\w+)\}/)));
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += (name in params ? String(params[name]) : `{${name}}`) + parts[i + 1]!;
  }
  return out;
}

const templateParts = new Map<string, string[]>();

/** A translator bound to one locale, for pages: const tr = translator(lang); tr('home.title'). */
export function translator(locale: Locale) {
  return (key: string, params?: Record<string, string | number>) => t(locale, key, params);
}

/** Picks it/en from an Accept-Language header by q-value; Italian when nothing matches. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return defaultLocale;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((r) => r.trim()).find((r) => r.startsWith('q='));
      return { lang: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { lang } of ranked) if (isLocale(lang)) return lang;
  return defaultLocale;
}

/** Path of the same page in another language: /it/companies/x → /en/companies/x. */
export function switchLocalePath(pathname: string, to: Locale): string {
  const m = pathname.match(/^\/(it|en)(\/.*)?$/);
  return `/${to}${m ? (m[2] ?? '') : pathname === '/' ? '' : pathname}`;
}

const intlLocale: Record<Locale, string> = { it: 'it-IT', en: 'en-GB' };

// Intl formatters are expensive to build (a profile of the company page showed a fifth of its CPU
// time in their constructors) and immutable once built: one per locale and option set, kept under
// a short fixed key so that a lookup costs no serialisation of the options.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(locale: Locale, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const k = `d|${locale}|${key}`;
  let f = formatters.get(k) as Intl.DateTimeFormat | undefined;
  if (!f) formatters.set(k, (f = new Intl.DateTimeFormat(intlLocale[locale], options)));
  return f;
}

function numberFormat(locale: Locale, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const k = `n|${locale}|${key}`;
  let f = formatters.get(k) as Intl.NumberFormat | undefined;
  if (!f) formatters.set(k, (f = new Intl.NumberFormat(intlLocale[locale], options)));
  return f;
}

export function formatDate(locale: Locale, ms: number | Date, style: 'long' | 'short' = 'long'): string {
  return style === 'long'
    ? dateFormat(locale, 'long', { dateStyle: 'long', timeZone: 'Europe/Rome' }).format(ms)
    : dateFormat(locale, 'medium', { dateStyle: 'medium', timeZone: 'Europe/Rome' }).format(ms);
}

export function formatDateTime(locale: Locale, ms: number | Date): string {
  return dateFormat(locale, 'datetime', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Rome' }).format(ms);
}

/** Name of a calendar month 'YYYY-MM': 'short' → "nov", 'long' → "novembre 2026". */
export function formatMonth(locale: Locale, month: string, style: 'short' | 'long' = 'short'): string {
  const f =
    style === 'short'
      ? dateFormat(locale, 'month-short', { month: 'short', timeZone: 'UTC' })
      : dateFormat(locale, 'month-long', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return f.format(new Date(`${month}-01T00:00:00Z`));
}

export function formatNumber(locale: Locale, n: number, digits = 0): string {
  return numberFormat(locale, `fixed${digits}`, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
}

export function formatPercent(locale: Locale, rate: number): string {
  return numberFormat(locale, 'percent', { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}

/**
 * The text of a story's state badge: "Reply overdue · 3 days late" for an overdue story (when
 * `replyDueAt` is given and at least a whole day has passed), the state's name otherwise.
 */
export function stateBadgeText(locale: Locale, state: string, replyDueAt?: number, now: number = Date.now()): string {
  const label = t(locale, `state.${state}`);
  if (state !== 'overdue' || replyDueAt === undefined) return label;
  const late = Math.floor((now - replyDueAt) / 86_400_000);
  return late > 0 ? `${label} · ${t(locale, 'story.daysLate', { n: late })}` : label;
}

/** "3 hours", "2 days", "5 weeks" — for durations shown to people. */
export function formatDuration(locale: Locale, hours: number): string {
  if (hours < 1) return t(locale, 'duration.minutes', { n: Math.max(1, Math.round(hours * 60)) });
  if (hours < 48) return t(locale, 'duration.hours', { n: formatNumber(locale, hours, hours < 10 ? 1 : 0) });
  const days = hours / 24;
  if (days < 60) return t(locale, 'duration.days', { n: Math.round(days) });
  return t(locale, 'duration.months', { n: formatNumber(locale, days / 30.44, 1) });
}
