// Every UI string goes through t(). Keys live in it.ts / en.ts (site-wide) and in
// areas/<area>.ts (one file per feature area, each with both languages side by side).
// tests: src/i18n/i18n.test.ts checks that both languages have exactly the same keys.
import { config, UNDER_TEST } from '../config.ts';
import { en } from './en.ts';
import { it } from './it.ts';
import { areas, type AreaKey } from './areas/index.ts';
import type { Message, Messages, Plural } from './messages.ts';
import { DEFAULT_LOCALE, LOCALES, isLocale, type Locale } from '../domain/vocabulary.ts';

export const locales = LOCALES;
export type { Locale, Message, Messages, Plural };
export const defaultLocale: Locale = DEFAULT_LOCALE;

/** Every key of the dictionaries: `t()` takes only these, so a missing key fails the type check. */
export type MessageKey = keyof typeof it | AreaKey;

/**
 * A key built at run time from a stored or computed value (a sector, a band, an error code):
 * the type checker cannot see it, so a missing one still throws in tests and shows the key in
 * production. Keys written in the code are checked by the type checker.
 */
export function runtimeKey(key: string): MessageKey {
  return key as MessageKey;
}

function build(locale: Locale): Messages {
  const base: Messages = { ...(locale === 'it' ? it : en) };
  for (const area of areas) Object.assign(base, area[locale]);
  return base;
}

export const dictionaries: Record<Locale, Messages> = { it: build('it'), en: build('en') };

export { isLocale };

export type Params = Record<string, string | number>;

/**
 * Translate `key`, replacing {name} placeholders and choosing the plural form by its count. A
 * missing key is a bug: in tests it throws, in production it shows the key so the page still renders.
 * Italian articles written just before a placeholder elide before a number that starts with a
 * vowel sound: "entro il {date}" with 11 dicembre gives "entro l’11 dicembre".
 */
export function t(locale: Locale, key: MessageKey, params?: Params): string {
  const message = dictionaries[locale][key];
  if (message === undefined) {
    if (UNDER_TEST || config().nodeEnv === 'test') throw new Error(`missing i18n key ${key}`);
    return key;
  }
  const template = typeof message === 'string' ? message : pluralForm(locale, message, params);
  if (!params) return template;
  // A template split once at its placeholders: [text, name, text, name, …, text].
  let parts = templateParts.get(template);
  if (!parts) templateParts.set(template, (parts = template.split(/\{(\w+)\}/)));
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const value = name in params ? String(params[name]) : `{${name}}`;
    if (locale === 'it' && startsWithVowelSound(value)) out = elide(out);
    out += value + parts[i + 1]!;
  }
  return out;
}

const pluralRules = new Map<Locale, Intl.PluralRules>();

function pluralForm(locale: Locale, message: Plural, params: Params | undefined): string {
  const raw = params?.[message.by ?? 'n'];
  // A number, or a string of plain digits; a formatted string ("1.000", "1,5") is ambiguous:
  // pass the number itself under another name and point `by` at it.
  const count = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isFinite(count)) return message.other;
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(intlLocale[locale])));
  return message[rules.select(count)] ?? message.other;
}

/**
 * Whether an Italian number is read starting with a vowel: uno (1), otto… (8, 80–89, 800–899,
 * 8000…), undici (11, 11 000–11 999). Only the leading digits count ("11 dicembre", "80%").
 */
export function startsWithVowelSound(text: string): boolean {
  const m = /^\d[\d.\u202f\u00a0]*/.exec(text);
  if (!m) return false;
  const digits = m[0].replace(/\D/g, '');
  if (digits === '1' || digits[0] === '8') return true;
  return digits.startsWith('11') && digits.length % 3 === 2;
}

// il → l’, al → all’, dal → dall’, del → dell’, nel → nell’, sul → sull’ (the article or the
// articulated preposition must be the last word before the placeholder).
function elide(text: string): string {
  const m = /(^|[\s(«“'’])(il|al|dal|del|nel|sul|Il|Al|Dal|Del|Nel|Sul) $/.exec(text);
  if (!m) return text;
  const word = m[2]!;
  const elided = word.toLowerCase() === 'il' ? (word[0] === 'I' ? 'L’' : 'l’') : `${word}l’`;
  return text.slice(0, text.length - word.length - 1) + elided;
}

const templateParts = new Map<string, string[]>();

/** A translator bound to one locale, for pages: const tr = translator(lang); tr('home.title'). */
export function translator(locale: Locale) {
  return (key: MessageKey, params?: Params) => t(locale, key, params);
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
  const label = t(locale, runtimeKey(`state.${state}`));
  if (state !== 'overdue' || replyDueAt === undefined) return label;
  const late = Math.floor((now - replyDueAt) / 86_400_000);
  return late > 0 ? `${label} · ${t(locale, 'story.daysLate', { n: late })}` : label;
}

/** "1 hour", "2.5 hours", "2 days", "3 months" — for durations shown to people. */
export function formatDuration(locale: Locale, hours: number): string {
  if (hours < 1) return t(locale, 'duration.minutes', { n: Math.max(1, Math.round(hours * 60)) });
  if (hours < 48) {
    const rounded = hours < 10 ? Math.round(hours * 10) / 10 : Math.round(hours);
    return t(locale, 'duration.hours', { n: formatUpTo(locale, rounded, 1), count: rounded });
  }
  const days = hours / 24;
  if (days < 60) return t(locale, 'duration.days', { n: Math.round(days) });
  const months = Math.round((days / 30.44) * 10) / 10;
  return t(locale, 'duration.months', { n: formatUpTo(locale, months, 1), count: months });
}

/** A number with at most `digits` decimals and no trailing zeros: 1 → "1", 1.5 → "1.5". */
export function formatUpTo(locale: Locale, n: number, digits: number): string {
  return numberFormat(locale, `upto${digits}`, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(n);
}
