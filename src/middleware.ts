// Request pipeline for every route (see docs/decisions/0001):
//   1. security headers on every response (CSP allowing scripts from our origin only, nosniff, …)
//      and a clear 503 when the database reports disk-full / I/O errors;
//   2. cross-site check for every non-GET request (forms AND JSON; the only such check, Astro's
//      checkOrigin is off) → 403 with a localized message — except the one-click unsubscribe,
//      whose signed token is its proof (decision 0034);
//   3. the session cookie → locals.user / locals.session, with the sliding refresh; the database
//      → locals.db (the only way pages, components and endpoints reach it).
// Permissions are NOT checked here: every page and action checks them itself.
import { defineMiddleware, sequence } from 'astro/middleware';
import type { MiddlewareHandler } from 'astro';
import { getDatabase, getDb, type DB } from './db/client.ts';
import { ensureBooted } from './server/boot.ts';
import { PageCache, pageCacheHandler } from './server/page-cache.ts';
import { config } from './config.ts';
import { deleteSessionCookie, isHttps, readSessionToken, setSessionCookie } from './auth/cookies.ts';
import { isCrossSiteRequest, publicOrigins } from './auth/csrf.ts';
import { withSecurityHeaders } from './http/security-headers.ts';
import { clientIp, requestLocale } from './http/request.ts';
import { apiLimiter } from './server/read-limits.ts';
import { validateSessionToken } from './auth/session.ts';
import { mailRelayRunning, startMailRelay } from './mail/outbox.ts';
import { crossSiteForbidden, hashingBusy, isDatabaseUnavailableError, serviceUnavailable, tooManyRequests, wantsJson } from './http/error-responses.ts';
import { HashingBusy } from './auth/password.ts';

/** The one-click unsubscribe page (src/pages/[lang]/unsubscribe.astro). */
const ONE_CLICK_UNSUBSCRIBE = /^\/(?:it|en)\/unsubscribe$/;

export interface MiddlewareDeps {
  db: () => DB;
  now: () => number;
  /** Start the mail relay on the first request if the server has not (MAIL_RELAY=off disables). */
  ensureMailRelay?: boolean;
}

export function createMiddleware(deps: MiddlewareDeps): MiddlewareHandler {
  // Outermost: a storage failure raised while a page renders becomes a 503, anything else a 500
  // (pages render completely before their response starts: experimentalDisableStreaming in
  // astro.config.mjs). The body itself is never read here.
  const securityAndErrors = defineMiddleware(async (ctx, next) => {
    const https = isHttps(ctx.url);
    let res: Response;
    try {
      res = await withSecurityHeaders(await next(), https);
    } catch (err) {
      if (err instanceof HashingBusy) {
        // Too many passwords waiting to be hashed (sign-up, reset, …): refused before any work.
        res = await withSecurityHeaders(hashingBusy(requestLocale(ctx.url, ctx.request.headers), err.retryAfterSeconds, wantsJson(ctx.request, ctx.url)), https);
      } else {
        if (!isDatabaseUnavailableError(err)) throw err;
        console.warn('[db] storage unavailable:', err instanceof Error ? err.message : err);
        res = await withSecurityHeaders(serviceUnavailable(requestLocale(ctx.url, ctx.request.headers), wantsJson(ctx.request, ctx.url)), https);
      }
    }
    // Personal pages and responses that set cookies must never sit in a shared cache.
    if (ctx.locals.user || res.headers.has('set-cookie') || !ctx.cookies.headers().next().done) {
      try {
        res.headers.set('Cache-Control', 'private, no-store');
      } catch {
        /* immutable headers: the response was built elsewhere with its own caching */
      }
    }
    return res;
  });

  const crossSite = defineMiddleware((ctx, next) => {
    // The one-click unsubscribe (RFC 8058) is POSTed by mail clients, from their servers, without
    // Origin: its signed token is the proof, and all it can do is turn a kind of mail off.
    if (ctx.request.method === 'POST' && ONE_CLICK_UNSUBSCRIBE.test(ctx.url.pathname)) return next();
    if (!ctx.isPrerendered && isCrossSiteRequest(ctx.request, ctx.url, { allowedOrigins: publicOrigins(ctx.url) })) {
      return crossSiteForbidden(requestLocale(ctx.url, ctx.request.headers), wantsJson(ctx.request, ctx.url));
    }
    return next();
  });

  // Per-IP limit on the open-data API (src/server/read-limits.ts).
  const apiLimit = defineMiddleware((ctx, next) => {
    if (ctx.isPrerendered || !ctx.url.pathname.startsWith('/api/')) return next();
    const limited = apiLimiter.hit(clientIp(ctx));
    return limited.ok ? next() : tooManyRequests(requestLocale(ctx.url, ctx.request.headers), true, limited.retryAfterSeconds);
  });

  const session = defineMiddleware(async (ctx, next) => {
    if (deps.ensureMailRelay && !mailRelayRunning() && config().mailRelay) startMailRelay(deps.db());
    ctx.locals.user = null;
    ctx.locals.session = null;
    if (ctx.isPrerendered) return next();
    ctx.locals.db = deps.db();
    const token = readSessionToken(ctx.cookies, ctx.url);
    if (token) {
      const found = await validateSessionToken(deps.db(), token, deps.now());
      if (found) {
        ctx.locals.user = found.user;
        ctx.locals.session = found.session;
        if (found.refreshed) setSessionCookie(ctx.cookies, ctx.url, token, found.session.expiresAt);
      } else {
        deleteSessionCookie(ctx.cookies, ctx.url);
      }
    }
    return next();
  });

  return sequence(securityAndErrors, apiLimit, crossSite, session);
}

// Start-up (migrations, relays, scheduler) before the first request; then, outermost, the
// anonymous page cache, which stores responses that already carry the security headers.
const booting = ensureBooted();
let pageCache: PageCache | null | undefined;
const cachedPages = defineMiddleware(async (ctx, next) => {
  await booting;
  if (pageCache === undefined) {
    pageCache = !config().pageCache ? null : new PageCache(getDatabase().sqlite, { maxBytes: Math.round(config().pageCacheMaxMb * 1024 * 1024) });
    // scripts/serve.mjs answers hits from node:http directly, before Astro (see decision 0009),
    // signed-in visitors of the personalisable pages included (decision 0012).
    (globalThis as { __answerablePageCache?: PageCache | null }).__answerablePageCache = pageCache;
  }
  return pageCacheHandler(() => pageCache ?? null)(ctx, next);
});

export const onRequest = sequence(cachedPages, createMiddleware({ db: getDb, now: Date.now }));
