import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { APIContext } from 'astro';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { isCrossSiteRequest } from '../../src/auth/csrf.ts';
import { contentSecurityPolicy } from '../../src/http/security-headers.ts';
import { createSession, SESSION_REFRESH_MS } from '../../src/auth/session.ts';
import { parseSetCookie } from '../../src/auth/cookies.ts';
import { isDatabaseUnavailableError } from '../../src/http/error-responses.ts';
import { createMiddleware } from '../../src/middleware.ts';
import { contextFor, makeUser, T0 } from './auth-fixtures.ts';

let tdb: TestDatabase;
let now = T0;
let onRequest: ReturnType<typeof createMiddleware>;
beforeAll(async () => {
  tdb = await createTestDatabase();
  onRequest = createMiddleware({ db: () => tdb.db, now: () => now });
});
afterAll(async () => {
  await tdb.cleanup();
});

const page = () => new Response('<!doctype html><html><body><h1>ok</h1></body></html>', { headers: { 'content-type': 'text/html; charset=utf-8' } });

async function run(ctx: APIContext, next: () => Promise<Response> | Response = page): Promise<Response> {
  const res = await onRequest(ctx, async () => next());
  if (!res) throw new Error('middleware returned nothing');
  return res;
}

describe('cross-site check (the function itself)', () => {
  const url = new URL('http://localhost:4321/it/account/sign-in');
  const req = (method: string, headers: Record<string, string>) => new Request(url, { method, headers, body: method === 'GET' ? undefined : 'x=1' });

  it('refuses a form post from another site', () => {
    expect(isCrossSiteRequest(req('POST', { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }), url)).toBe(true);
  });
  it('refuses a JSON post from another site, which Astro’s checkOrigin does not cover', () => {
    expect(isCrossSiteRequest(req('POST', { origin: 'https://evil.example', 'content-type': 'application/json' }), url)).toBe(true);
    expect(isCrossSiteRequest(req('DELETE', { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }), url)).toBe(true);
    expect(isCrossSiteRequest(req('PUT', { 'sec-fetch-site': 'same-site', origin: 'http://localhost:4321' }), url)).toBe(true);
  });
  it('refuses a state-changing request that carries neither Origin nor Sec-Fetch-Site', () => {
    expect(isCrossSiteRequest(req('POST', { 'content-type': 'application/json' }), url)).toBe(true);
  });
  it('accepts our own pages’ posts and every safe method', () => {
    expect(isCrossSiteRequest(req('POST', { origin: 'http://localhost:4321', 'sec-fetch-site': 'same-origin' }), url)).toBe(false);
    expect(isCrossSiteRequest(req('POST', { 'sec-fetch-site': 'same-origin' }), url)).toBe(false);
    expect(isCrossSiteRequest(req('PATCH', { origin: 'https://answerable.example' }), url, { allowedOrigins: ['https://answerable.example'] })).toBe(false);
    expect(isCrossSiteRequest(req('GET', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }), url)).toBe(false);
  });
});

describe('middleware', () => {
  it('answers a cross-site form post with 403 and a localized message, without running the page', async () => {
    const ctx = contextFor('http://localhost:4321/it/account/password', {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'password=x',
    });
    const next = vi.fn(page);
    const res = await run(ctx, next);
    expect(res.status).toBe(403);
    expect(await res.text()).toBe('Richiesta rifiutata: proviene da un altro sito.');
    expect(next).not.toHaveBeenCalled();
  });

  it('answers a cross-site JSON post with a 403 JSON body in the page’s language', async () => {
    const ctx = contextFor('http://localhost:4321/en/api/something', {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      body: '{}',
    });
    const res = await run(ctx);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: 'cross_site', message: 'Request refused: it came from another site.' });
  });

  it('sets the security headers on every response', async () => {
    const res = await run(contextFor('http://localhost:4321/it'));
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("'unsafe-inline' 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('permissions-policy')).toContain('camera=()');
    expect(await res.text()).toContain('<h1>ok</h1>');
  });

  it('allows scripts from our own origin only, and passes the page body through without reading it', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('<html><script>inline()</script></html>'));
        controller.close();
      },
    });
    const page = new Response(body, { headers: { 'content-type': 'text/html' } });
    const res = await run(contextFor('http://localhost:4321/it'), () => page);
    expect(res.body).toBe(body);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('sha256-');
    expect(contentSecurityPolicy(true)).toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy(false)).not.toContain('upgrade-insecure-requests');
  });

  it('keeps a policy already set (a cached page replaying its headers) without reading the body again', async () => {
    const cached = new Response('<html><script>evil()</script></html>', {
      headers: { 'content-type': 'text/html', 'content-security-policy': "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'" },
    });
    const res = await run(contextFor('http://localhost:4321/it'), () => cached);
    expect(res.headers.get('content-security-policy')).toBe("default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sets locals.user from a valid session cookie and re-sends the cookie after the hourly refresh', async () => {
    const u = await makeUser(tdb.db, { name: 'Giulia' });
    const { token } = await createSession(tdb.db, u.id, { now: T0 });
    now = T0 + 10;
    const ctx = contextFor('http://localhost:4321/it', { headers: { cookie: `answerable_session=${token}` } });
    let seen: string | undefined;
    await run(ctx, () => {
      seen = ctx.locals.user?.displayName;
      return page();
    });
    expect(seen).toBe('Giulia');
    expect([...ctx.cookies.headers()]).toHaveLength(0);

    now = T0 + SESSION_REFRESH_MS + 10;
    const later = contextFor('http://localhost:4321/it', { headers: { cookie: `answerable_session=${token}` } });
    const res = await run(later);
    const set = [...later.cookies.headers()].map(parseSetCookie);
    expect(set[0]?.name).toBe('answerable_session');
    expect(set[0]?.httpOnly).toBe(true);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
  });

  it('treats an unknown or forged cookie as a visitor and clears it', async () => {
    now = T0;
    const ctx = contextFor('http://localhost:4321/it', { headers: { cookie: 'answerable_session=AAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB' } });
    await run(ctx, () => {
      expect(ctx.locals.user).toBeNull();
      return page();
    });
    const set = [...ctx.cookies.headers()].map(parseSetCookie);
    expect(set[0]?.value).toBe('deleted');
  });

  it('answers 503 with a clear message when the disk is full', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    const ctx = contextFor('http://localhost:4321/en/publish', { method: 'POST', headers: { origin: 'http://localhost:4321', 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    const res = await run(ctx, () => {
      throw full;
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(await res.text()).toContain('The service is temporarily unavailable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    warn.mockRestore();
  });

  it('answers 503 when a real write fails because the database file cannot grow', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const pages = Number(tdb.sqlite.pragma('page_count', { simple: true }));
    tdb.sqlite.pragma(`max_page_count = ${pages}`);
    try {
      const ctx = contextFor('http://localhost:4321/it/account/sign-up', { method: 'POST', headers: { origin: 'http://localhost:4321', 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
      const res = await run(ctx, async () => {
        const big = 'x'.repeat(8000);
        for (let i = 0; i < 200; i++) {
          await tdb.db.insertInto('rate_limits').values({ key: `fill-${i}-${big}`, window_start: 0, count: 1 }).execute();
        }
        return page();
      });
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('Il servizio è momentaneamente non disponibile');
    } finally {
      tdb.sqlite.pragma('max_page_count = 1073741823');
      warn.mockRestore();
    }
  });

  it('recognises disk-full and I/O errors, also when wrapped, and nothing else', () => {
    expect(isDatabaseUnavailableError({ code: 'SQLITE_IOERR_WRITE' })).toBe(true);
    expect(isDatabaseUnavailableError(new Error('wrapped', { cause: { code: 'SQLITE_FULL' } }))).toBe(true);
    expect(isDatabaseUnavailableError(new Error('UNIQUE constraint failed'))).toBe(false);
    expect(isDatabaseUnavailableError({ code: 'SQLITE_CONSTRAINT_UNIQUE' })).toBe(false);
  });

  it('lets other errors through to Astro’s error page', async () => {
    const ctx = contextFor('http://localhost:4321/it');
    await expect(run(ctx, () => {
      throw new TypeError('a bug');
    })).rejects.toThrow('a bug');
  });
});
