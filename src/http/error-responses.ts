// The answers a request gets when it is refused before any page runs, in the user's language:
// 503 when the database cannot write (disk full, I/O error, locked for too long: SQLite rolls the
// transaction back, so nothing is half-written) or the password hashing queue is full, 403 for a
// cross-site write, 429 over a read limit. JSON for API and fetch calls, a small page otherwise.
import { t, type Locale } from '../i18n/index.ts';

const UNAVAILABLE_CODES = /^SQLITE_(FULL|IOERR|BUSY|LOCKED|CANTOPEN|READONLY|NOMEM|PROTOCOL)/;

/** True for errors (or their causes) that mean "storage unavailable", not "bug". */
export function isDatabaseUnavailableError(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e; depth++) {
    if (typeof e === 'object') {
      const code = (e as { code?: unknown }).code;
      if (typeof code === 'string' && UNAVAILABLE_CODES.test(code)) return true;
      const message = (e as { message?: unknown }).message;
      if (typeof message === 'string' && /database or disk is full|disk I\/O error/i.test(message)) return true;
      e = (e as { cause?: unknown }).cause;
    } else break;
  }
  return false;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function serviceUnavailable(locale: Locale, json: boolean): Response {
  const message = t(locale, 'error.unavailable');
  const headers = { 'Retry-After': '30', 'Cache-Control': 'no-store' };
  if (json) return Response.json({ error: 'unavailable', message }, { status: 503, headers });
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(t(locale, 'error.server.title'))}</title></head><body><main><h1>${escapeHtml(t(locale, 'error.server.title'))}</h1><p>${escapeHtml(message)}</p><p><a href="/${locale}">${escapeHtml(t(locale, 'error.home'))}</a></p></main></body></html>`;
  return new Response(html, { status: 503, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
}

export function crossSiteForbidden(locale: Locale, json: boolean): Response {
  const message = t(locale, 'error.crossSite');
  if (json) return Response.json({ error: 'cross_site', message }, { status: 403, headers: { 'Cache-Control': 'no-store' } });
  return new Response(message, { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

/** Whether the client wants JSON back (API routes, fetch calls with a JSON body or Accept). */
export function wantsJson(request: Request, url: URL): boolean {
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/_actions/')) return true;
  const accept = request.headers.get('accept') ?? '';
  const type = request.headers.get('content-type') ?? '';
  return type.includes('application/json') || (accept.includes('application/json') && !accept.includes('text/html'));
}

/** The password hashing queue is full (src/auth/password.ts): 503 with Retry-After, nothing done. */
export function hashingBusy(locale: Locale, retryAfterSeconds: number, json: boolean): Response {
  const message = t(locale, 'auth.busy', { seconds: retryAfterSeconds });
  const headers = { 'Retry-After': String(retryAfterSeconds), 'Cache-Control': 'no-store' };
  if (json) return Response.json({ error: 'busy', message, retryAfter: retryAfterSeconds }, { status: 503, headers });
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(t(locale, 'error.server.title'))}</title></head><body><main><h1>${escapeHtml(t(locale, 'error.server.title'))}</h1><p>${escapeHtml(message)}</p><p><a href="/${locale}">${escapeHtml(t(locale, 'error.home'))}</a></p></main></body></html>`;
  return new Response(html, { status: 503, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
}

/** The 429 answer of the read limits (src/server/read-limits.ts): JSON for the API, a small localized page otherwise. */
export function tooManyRequests(locale: Locale, json: boolean, retryAfterSeconds: number): Response {
  const message = t(locale, 'http.rateLimited', { seconds: retryAfterSeconds });
  const headers = { 'Retry-After': String(retryAfterSeconds), 'Cache-Control': 'no-store' };
  // The API's refusal is readable from any site, like the API's answers (CORS `*`).
  if (json) return Response.json({ error: 'rate_limited', message, retryAfterSeconds }, { status: 429, headers: { ...headers, 'Access-Control-Allow-Origin': '*' } });
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(message)}</title></head><body><main><h1>${escapeHtml(message)}</h1><p><a href="/${locale}">${escapeHtml(t(locale, 'error.home'))}</a></p></main></body></html>`;
  return new Response(html, { status: 429, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
}
