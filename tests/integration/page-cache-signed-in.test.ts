// The page cache's fast path for signed-in visitors (decision 0012): the cached anonymous page
// with the visitor's own header holes, only on the allow-listed pages and only for a session that
// needs nothing written; everything else is left to Astro.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSession, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SESSION_REFRESH_MS } from '../../src/auth/session.ts';
import { banUser } from '../../src/services/account.service.ts';
import {
  DEFAULT_PAGE_CACHE_MAX_MB,
  fillHoles,
  findVisitorHoles,
  PageCache,
  pageCacheOptionsFromEnv,
  singleCookieValue,
  WARM_INTERVAL_MS,
} from '../../src/server/page-cache.ts';
import { visitorAccountHtml, visitorHoles, visitorNavHtml } from '../../src/layouts/visitor-header.ts';
import type { Locale } from '../../src/i18n/index.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { makeCompany, makeUser, T0 } from './auth-fixtures.ts';

let t: TestDatabase;
let companyId: number;
let consumer: { id: number; token: string };
let rep: { id: number; token: string };
let moderator: { id: number; token: string };

beforeAll(async () => {
  t = await createTestDatabase();
  companyId = await makeCompany(t.db, 'fiori-rossi', 'fiori.example');
  const signedIn = async (opts: Parameters<typeof makeUser>[1]) => {
    const user = await makeUser(t.db, opts);
    return { id: user.id, token: (await createSession(t.db, user.id, { now: T0 })).token };
  };
  consumer = await signedIn({ name: '<script>alert("Anna")</script> & co' });
  rep = await signedIn({ name: 'Rita Rep', role: 'company_rep' });
  moderator = await signedIn({ name: 'Mario Mod', role: 'moderator' });
  await t.db
    .insertInto('company_claims')
    .values({ company_id: companyId, user_id: rep.id, method: 'domain_email', email: 'rita@fiori.example', status: 'verified', created_at: T0, decided_at: T0, decided_by: null })
    .execute();
});
afterAll(() => t.cleanup());

const savedSiteUrl = process.env.SITE_URL;
afterEach(() => {
  if (savedSiteUrl === undefined) delete process.env.SITE_URL;
  else process.env.SITE_URL = savedSiteUrl;
});

/** A page shaped like Base.astro's output for an anonymous visitor. */
function anonymousPage(lang: Locale, path: string): string {
  const other = lang === 'it' ? 'en' : 'it';
  return (
    `<!doctype html><html lang="${lang}"><head><title>${path}</title></head><body><header>` +
    `<nav><a href="/${lang}/companies">Companies</a>${visitorNavHtml(lang, null, 'companies')}</nav>` +
    `<div class="header-end"><a href="/${lang}/publish">Publish</a>${visitorAccountHtml(lang, null)}` +
    `<a class="lang-switch" href="/${other}${path.slice(3)}">${other}</a></div></header>` +
    `<main><h1>Public page ${path}</h1><p>Written by Anna &amp; friends</p></main></body></html>`
  );
}

function cacheWith(paths: string[], clock: { now: number }): PageCache {
  // No TTL here: the clock moves by hours to reach the session's deadlines.
  const cache = new PageCache(t.sqlite, { now: () => clock.now, ttlMs: Number.POSITIVE_INFINITY });
  cache.syncChanges();
  for (const path of paths) {
    const lang = path.slice(1, 3) as Locale;
    cache.set(path, {
      status: 200,
      headers: [
        ['content-type', 'text/html; charset=utf-8'],
        ['content-security-policy', "default-src 'self'; script-src 'self' 'sha256-abc'"],
        ['x-content-type-options', 'nosniff'],
      ],
      body: new TextEncoder().encode(anonymousPage(lang, path)),
      deps: cache.depsFor(path),
    });
  }
  return cache;
}

function fakeResponse() {
  const headers: Record<string, string | number> = {};
  const res = {
    statusCode: 0,
    headers,
    body: undefined as Uint8Array | undefined,
    setHeader: (name: string, value: string | number) => (headers[name.toLowerCase()] = value),
    end: (body?: Uint8Array) => (res.body = body),
    text: () => new TextDecoder().decode(res.body),
  };
  return res;
}

const cookieFor = (token: string, name = 'answerable_session') => `theme=dark; ${name}=${token}`;

describe('signed-in visitors on the page cache fast path', () => {
  it('fills the header holes of the cached anonymous page with the visitor, escaped, and keeps it private', () => {
    const clock = { now: T0 + 1000 };
    const cache = cacheWith(['/en/companies/fiori-rossi'], clock);
    const res = fakeResponse();
    expect(cache.serveNode({ method: 'GET', url: '/en/companies/fiori-rossi', headers: { cookie: cookieFor(consumer.token), 'if-none-match': 'W/"x"' } }, res)).toBe(true);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['x-page-cache']).toBe('personalised');
    expect(res.headers.etag).toBeUndefined();
    expect(res.headers['content-security-policy']).toBe("default-src 'self'; script-src 'self' 'sha256-abc'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-length']).toBe(res.body!.byteLength);
    const html = res.text();
    expect(html).toContain('<a href="/en/account">&lt;script&gt;alert(&quot;Anna&quot;)&lt;/script&gt; &amp; co</a>');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('/en/account/sign-in');
    expect(html).not.toContain('/en/dashboard');
    expect(html).not.toContain('/en/moderation');
    // Everything outside the holes is the anonymous page, the language switch included.
    expect(html).toContain('<a class="lang-switch" href="/it/companies/fiori-rossi">it</a>');
    expect(html).toContain('<main><h1>Public page /en/companies/fiori-rossi</h1><p>Written by Anna &amp; friends</p></main>');
    expect(html).toBe(anonymousPage('en', '/en/companies/fiori-rossi').replace(visitorNavHtml('en', null), visitorNavHtml('en', { displayName: '<script>alert("Anna")</script> & co', role: 'consumer', companyIds: [] })).replace(visitorAccountHtml('en', null), visitorAccountHtml('en', { displayName: '<script>alert("Anna")</script> & co', role: 'consumer', companyIds: [] })));
    expect(cache.stats.personalised).toBe(1);
  });

  it('shows the company area link to a representative and moderation to staff, each with their own name', () => {
    const clock = { now: T0 + 1000 };
    const cache = cacheWith(['/it', '/it/rankings'], clock);
    const asRep = fakeResponse();
    expect(cache.serveNode({ method: 'GET', url: '/it', headers: { cookie: cookieFor(rep.token) } }, asRep)).toBe(true);
    expect(asRep.text()).toContain('<!--visitor:nav--><a href="/it/dashboard">Area aziende</a><!--/visitor:nav-->');
    expect(asRep.text()).toContain('<a href="/it/account">Rita Rep</a>');
    expect(asRep.text()).not.toContain('/it/moderation');
    const asModerator = fakeResponse();
    expect(cache.serveNode({ method: 'GET', url: '/it/rankings', headers: { cookie: cookieFor(moderator.token) } }, asModerator)).toBe(true);
    expect(asModerator.text()).toContain('<!--visitor:nav--><a href="/it/moderation">Moderazione</a><!--/visitor:nav-->');
    expect(asModerator.text()).toContain('<a href="/it/account">Mario Mod</a>');
    expect(asModerator.text()).not.toContain('Rita Rep');
    // The cached page itself is still the anonymous one.
    const anonymous = fakeResponse();
    expect(cache.serveNode({ method: 'GET', url: '/it', headers: {} }, anonymous)).toBe(true);
    expect(anonymous.text()).toBe(anonymousPage('it', '/it'));
    expect(anonymous.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
  });

  it('never personalises a page outside the allow-list, even when its anonymous version is cached', () => {
    const clock = { now: T0 + 1000 };
    const paths = ['/en/stories/1', '/en/companies/fiori-rossi/feed.xml'];
    const cache = cacheWith(paths, clock);
    for (const url of [...paths, '/en/account', '/en/dashboard', '/en/publish', '/en/moderation', '/en/search?q=x']) {
      expect(cache.serveNode({ method: 'GET', url, headers: { cookie: cookieFor(rep.token) } }, fakeResponse())).toBe(false);
    }
    expect(cache.serveNode({ method: 'POST', url: '/en/companies/fiori-rossi', headers: { cookie: cookieFor(rep.token) } }, fakeResponse())).toBe(false);
    expect(cache.serveNode({ method: 'GET', url: '/en/companies/fiori-rossi?utm=1', headers: { cookie: cookieFor(rep.token) } }, fakeResponse())).toBe(false);
  });

  it('leaves to Astro every session that needs a write or a cookie: refresh due, expired, banned, unknown or tampered', async () => {
    const path = '/en/companies/fiori-rossi';
    const clock = { now: T0 + 1000 };
    const cache = cacheWith([path], clock);
    const serve = (cookie: string) => cache.serveNode({ method: 'GET', url: path, headers: { cookie } }, fakeResponse());
    expect(serve(cookieFor(consumer.token))).toBe(true);
    clock.now = T0 + SESSION_REFRESH_MS; // the hourly sliding refresh is due: the middleware writes it and re-sends the cookie
    expect(serve(cookieFor(consumer.token))).toBe(false);
    clock.now = T0 + SESSION_IDLE_MS + 1;
    expect(serve(cookieFor(consumer.token))).toBe(false);
    clock.now = T0 + SESSION_ABSOLUTE_MS + 1;
    expect(serve(cookieFor(consumer.token))).toBe(false);
    // Read-only: the fast path deleted nothing and wrote nothing.
    const row = await t.db.selectFrom('sessions').select(['last_seen_at']).where('user_id', '=', consumer.id).executeTakeFirstOrThrow();
    expect(row.last_seen_at).toBe(T0);

    clock.now = T0 + 1000;
    const [id, secret] = consumer.token.split('.') as [string, string];
    expect(serve(cookieFor(`${id}.${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`))).toBe(false);
    expect(serve(cookieFor('not-a-token'))).toBe(false);
    expect(serve(`answerable_session=${consumer.token}; answerable_session=${rep.token}`)).toBe(false);
    expect(serve(`answerable_session="${consumer.token}"`)).toBe(false);

    // A ban flag on a session that is still there (banUser also deletes the sessions).
    const banned = await makeUser(t.db, { name: 'Bruno Banned' });
    const { token } = await createSession(t.db, banned.id, { now: T0 });
    expect(serve(cookieFor(token))).toBe(true);
    await t.db.updateTable('users').set({ banned_at: T0 + 500 }).where('id', '=', banned.id).execute();
    expect(serve(cookieFor(token))).toBe(false);
    const signedOut = await makeUser(t.db, { name: 'Sara Signed-out' });
    const second = await createSession(t.db, signedOut.id, { now: T0 });
    expect(serve(cookieFor(second.token))).toBe(true);
    await banUser(t.db, { id: moderator.id, role: 'moderator' }, signedOut.id, T0 + 600, 'spam');
    expect(serve(cookieFor(second.token))).toBe(false);
  });

  it('reads the cookie under the name the middleware uses, and leaves proxied or TLS requests to Astro unless the site is https', () => {
    const path = '/en/transparency';
    const clock = { now: T0 + 1000 };
    const cache = cacheWith([path], clock);
    const serve = (cookie: string, headers: Record<string, string> = {}, encrypted = false) =>
      cache.serveNode({ method: 'GET', url: path, headers: { cookie, ...headers }, socket: { encrypted } }, fakeResponse());
    delete process.env.SITE_URL;
    expect(serve(cookieFor(rep.token))).toBe(true);
    expect(serve(cookieFor(rep.token, '__Host-answerable_session'))).toBe(false);
    expect(serve(cookieFor(rep.token), { 'x-forwarded-proto': 'https' })).toBe(false);
    expect(serve(cookieFor(rep.token), {}, true)).toBe(false);
    process.env.SITE_URL = 'https://answerable.example';
    expect(serve(cookieFor(rep.token, '__Host-answerable_session'), { 'x-forwarded-proto': 'https' })).toBe(true);
    expect(serve(cookieFor(rep.token))).toBe(false);
  });

  it('asks for an anonymous render on a miss, at most once per page every few seconds', () => {
    const clock = { now: T0 + 1000 };
    const cache = cacheWith([], clock);
    const warmed: string[] = [];
    cache.warmer = (path) => warmed.push(path);
    const serve = (url: string) => cache.serveNode({ method: 'GET', url, headers: { cookie: cookieFor(rep.token) } }, fakeResponse());
    expect(serve('/en/companies/fiori-rossi?state=answered&page=2')).toBe(false);
    expect(serve('/en/companies/fiori-rossi?page=2&state=answered')).toBe(false);
    expect(serve('/en/stories/1')).toBe(false);
    expect(warmed).toEqual(['/en/companies/fiori-rossi?page=2&state=answered']);
    clock.now += WARM_INTERVAL_MS;
    expect(serve('/en/companies/fiori-rossi?page=2&state=answered')).toBe(false);
    expect(warmed).toHaveLength(2);
  });

  it('does not personalise a page whose markers are missing or repeated', () => {
    const nav = visitorNavHtml('en', null);
    const account = visitorAccountHtml('en', null);
    const encode = (s: string) => new TextEncoder().encode(s);
    expect(findVisitorHoles(encode(`<p>${nav}</p><p>${account}</p>`))).toHaveLength(2);
    expect(findVisitorHoles(encode(`<p>${nav}</p>`))).toBeNull();
    expect(findVisitorHoles(encode(`<p>${account}${nav}</p>`))).toBeNull();
    expect(findVisitorHoles(encode(`<p>${nav}${nav}${account}</p>`))).toBeNull();
    expect(findVisitorHoles(encode(`<p>${nav}${account}${account}</p>`))).toBeNull();

    const clock = { now: T0 + 1000 };
    const cache = new PageCache(t.sqlite, { now: () => clock.now });
    cache.set('/en/rankings', { status: 200, headers: [['content-type', 'text/html']], body: encode('<p>no header here</p>'), deps: ['global'] });
    expect(cache.serveNode({ method: 'GET', url: '/en/rankings', headers: { cookie: cookieFor(rep.token) } }, fakeResponse())).toBe(false);
  });

  it('fills holes byte for byte, multi-byte text included', () => {
    const body = new TextEncoder().encode(`àè ${visitorNavHtml('it', null)} ü ${visitorAccountHtml('it', null)} ø`);
    const visitor = { displayName: 'Zoë Ünal 日本', role: 'admin' as const, companyIds: [3] };
    const filled = fillHoles(body, findVisitorHoles(body)!, visitorHoles('it', visitor));
    expect(filled.toString('utf8')).toBe(`àè ${visitorNavHtml('it', visitor)} ü ${visitorAccountHtml('it', visitor)} ø`);
  });

  it('takes its byte budget from PAGE_CACHE_MAX_MB, 32 MiB by default', () => {
    expect(DEFAULT_PAGE_CACHE_MAX_MB).toBe(32);
    expect(pageCacheOptionsFromEnv({}).maxBytes).toBe(32 * 1024 * 1024);
    expect(pageCacheOptionsFromEnv({ PAGE_CACHE_MAX_MB: '8' }).maxBytes).toBe(8 * 1024 * 1024);
    expect(pageCacheOptionsFromEnv({ PAGE_CACHE_MAX_MB: '0.5' }).maxBytes).toBe(512 * 1024);
    expect(pageCacheOptionsFromEnv({ PAGE_CACHE_MAX_MB: 'lots' }).maxBytes).toBe(32 * 1024 * 1024);
    expect(pageCacheOptionsFromEnv({ PAGE_CACHE_MAX_MB: '0' }).maxBytes).toBe(32 * 1024 * 1024);
  });

  it('reads one plain cookie value exactly, or nothing', () => {
    expect(singleCookieValue('a=1; answerable_session=abc.def; b=2', 'answerable_session')).toBe('abc.def');
    expect(singleCookieValue('xanswerable_session=abc', 'answerable_session')).toBeNull();
    expect(singleCookieValue('answerable_session=a; answerable_session=b', 'answerable_session')).toBeNull();
    expect(singleCookieValue('answerable_session=a%2Eb', 'answerable_session')).toBeNull();
    expect(singleCookieValue(undefined, 'answerable_session')).toBeNull();
  });
});
