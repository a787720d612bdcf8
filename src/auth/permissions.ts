// Permission checks, called inside every handler (never by URL prefix in middleware).
// The verb says how it fails: getUser() returns null, requireUser() answers with a redirect to
// sign-in (pages) or a 401/403 (JSON), requireRole() with 403.
import { config } from '../config.ts';
import type { DB } from '../db/client.ts';
import type { Role } from '../db/schema.ts';
import { userHasGrantedClaim } from '../db/claim.repository.ts';
import { isLocale, t, defaultLocale, type Locale } from '../i18n/index.ts';
import type { SessionUser } from './types.ts';

interface RequestContext {
  locals: App.Locals;
  url: URL;
  params?: Record<string, string | undefined>;
}

const STAFF_RANK: Record<Role, number> = { consumer: 0, company_rep: 0, moderator: 1, admin: 2 };

export function getUser(ctx: { locals: App.Locals }): SessionUser | null {
  return ctx.locals.user ?? null;
}

function localeOf(ctx: RequestContext): Locale {
  const fromParams = ctx.params?.lang;
  if (isLocale(fromParams)) return fromParams;
  const fromPath = ctx.url.pathname.split('/')[1];
  return isLocale(fromPath) ? fromPath : defaultLocale;
}

/** Where the sign-in page sends the user back to: only a local path, never another site. */
export function safeNextPath(next: string | null | undefined, fallback: string): string {
  // Browsers drop tab/CR/LF from URLs and read "\" as "/", so "/\t/evil.example" means
  // "//evil.example"; a control or space character also makes a redirect header throw (a 500 after
  // the session was created). Refused outright, then parsed against our own origin.
  if (!next || next.length > 2000 || !next.startsWith('/') || UNSAFE_IN_PATH.test(next)) return fallback;
  const base = config().siteUrl;
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return fallback;
  }
  if (url.origin !== new URL(base).origin || !url.pathname.startsWith('/') || url.pathname.startsWith('//')) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return UNSAFE_IN_PATH.test(path) ? fallback : path;
}

/** Controls, every kind of white space and "\\" (a browser reads it as "/"), and "//" at the start. */
const UNSAFE_IN_PATH = /[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff\\]|^\/\//;

export function signInPath(locale: Locale, next?: string): string {
  return `/${locale}/account/sign-in${next ? `?next=${encodeURIComponent(next)}` : ''}`;
}

export function forbidden(locale: Locale, json = false): Response {
  const message = t(locale, 'error.forbidden');
  return json
    ? Response.json({ error: 'forbidden', message }, { status: 403 })
    : new Response(message, { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/**
 * The signed-in user, or the Response to return instead: a redirect to sign-in for pages, a 401
 * for JSON. With `verified: true` an unverified e-mail address gets a 403.
 *   const user = requireUser(Astro); if (user instanceof Response) return user;
 */
export function requireUser(ctx: RequestContext, opts: { json?: boolean; verified?: boolean } = {}): SessionUser | Response {
  const user = getUser(ctx);
  const locale = localeOf(ctx);
  if (!user) {
    if (opts.json) {
      return Response.json({ error: 'unauthorized', message: t(locale, 'auth.signInRequired') }, { status: 401 });
    }
    return new Response(null, { status: 302, headers: { Location: signInPath(locale, ctx.url.pathname + ctx.url.search) } });
  }
  if (opts.verified && !user.emailVerified) {
    const message = t(locale, 'auth.verifyRequired');
    return opts.json
      ? Response.json({ error: 'email_not_verified', message }, { status: 403 })
      : new Response(message, { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  return user;
}

/** Staff roles are ranked: an admin passes every moderator check. */
export function hasRole(user: SessionUser | null, role: 'moderator' | 'admin'): boolean {
  return !!user && STAFF_RANK[user.role] >= STAFF_RANK[role];
}

export function isModerator(user: SessionUser | null): boolean {
  return hasRole(user, 'moderator');
}

/** Like requireUser, then 403 unless the user has the role (admins pass every staff check). */
export function requireRole(ctx: RequestContext, role: 'moderator' | 'admin', opts: { json?: boolean } = {}): SessionUser | Response {
  const user = requireUser(ctx, opts);
  if (user instanceof Response) return user;
  return hasRole(user, role) ? user : forbidden(localeOf(ctx), opts.json);
}

/** Whether the user speaks for this company (a verified or moderator-approved claim). */
export function representsCompany(user: SessionUser | null | undefined, companyId: number): boolean {
  return !!user && user.companyIds.includes(companyId);
}

/** Company representatives cannot publish, rate or give a verdict on stories about their company. */
export function canPublishAbout(user: SessionUser | null, companyId: number): boolean {
  return !!user && user.emailVerified && !representsCompany(user, companyId);
}

/** Only the company's own representatives reply in its name. */
export function canReplyForCompany(user: SessionUser | null, companyId: number): boolean {
  return representsCompany(user, companyId);
}

/** Private evidence (order reference) is for moderators and the company concerned. */
export function canSeePrivateEvidence(user: SessionUser | null, companyId: number): boolean {
  return isModerator(user) || representsCompany(user, companyId);
}

/**
 * Database check of the same rule, for services acting on fresh data (a claim revoked a second
 * ago no longer counts, even if the request's session snapshot says otherwise).
 */
export async function userRepresentsCompany(db: DB, userId: number, companyId: number): Promise<boolean> {
  return userHasGrantedClaim(db, userId, companyId);
}
