// Small helpers shared by pages, and the preamble of the pages for signed-in people.
import { requireUser } from '../auth/permissions.ts';
import type { SessionUser } from '../auth/types.ts';
import type { DB } from '../db/client.ts';
import { isLocale, translator, type Locale } from '../i18n/index.ts';
import { canModerate } from '../services/moderation.service.ts';

/** The page's locale from its /[lang]/ segment, or null (the page answers 404). */
export function pageLocale(params: Record<string, string | undefined>): Locale | null {
  return isLocale(params.lang) ? params.lang : null;
}

export interface SignedInPage {
  lang: Locale;
  tr: ReturnType<typeof translator>;
  user: SessionUser;
  db: DB;
}

/** What signedInPage needs of `Astro`. */
export interface PageContext {
  params: Record<string, string | undefined>;
  locals: App.Locals;
  url: URL;
  response: { headers: Headers };
}

/**
 * The preamble of every page for signed-in people (account, dashboard, publish): the locale from
 * /[lang]/ (404 otherwise), the signed-in user (a redirect to sign-in otherwise), no caching
 * anywhere, and the database from the middleware.
 *   const page = signedInPage(Astro); if (page instanceof Response) return page;
 *   const { lang, tr, user, db } = page;
 */
export function signedInPage(Astro: PageContext): SignedInPage | Response {
  const lang = pageLocale(Astro.params);
  if (!lang) return new Response(null, { status: 404 });
  const user = requireUser(Astro);
  if (user instanceof Response) return user;
  Astro.response.headers.set('Cache-Control', 'no-store');
  return { lang, tr: translator(lang), user, db: Astro.locals.db };
}

/**
 * The preamble of the moderation pages: as signedInPage, but a visitor who is not signed in is sent
 * to sign in with a 303 back to this page, and a signed-in person who is neither moderator nor
 * admin gets a plain 403 in their language.
 */
export function moderatorPage(Astro: PageContext): SignedInPage | Response {
  const lang = pageLocale(Astro.params);
  if (!lang) return new Response(null, { status: 404 });
  const tr = translator(lang);
  const user = Astro.locals.user ?? null;
  if (!user) return new Response(null, { status: 303, headers: { Location: `/${lang}/account/sign-in?next=${encodeURIComponent(Astro.url.pathname)}` } });
  if (!canModerate(user)) return new Response(tr('moderation.error.notModerator'), { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  Astro.response.headers.set('Cache-Control', 'no-store');
  return { lang, tr, user, db: Astro.locals.db };
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
