// Small helpers shared by pages.
import { isLocale, type Locale } from '../i18n/index.ts';

/** The page's locale from its /[lang]/ segment, or null (the page answers 404). */
export function pageLocale(params: Record<string, string | undefined>): Locale | null {
  return isLocale(params.lang) ? params.lang : null;
}

/** A positive page number from ?page=, 1 when absent or nonsense. */
export function pageNumber(url: URL, max = 10_000): number {
  const n = Number(url.searchParams.get('page'));
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : 1;
}

/** Whole days between two instants, rounded down, never negative. */
export function daysBetween(from: number, to: number): number {
  return Math.max(0, Math.floor((to - from) / 86_400_000));
}

/** URL-safe slug from a name (accents folded, lower case, dashes). */
export function slugify(text: string, max = 60): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
}
