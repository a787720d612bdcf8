import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishStory, replyToStory } from '../../src/services/story.service.ts';
import { gunzipSync } from 'node:zlib';
import { acceptsGzip, cacheKeyFor, isStorable, PageCache, pageCacheHandler, responseFromCache } from '../../src/server/page-cache.ts';
import { appendAudit } from '../../src/db/audit.repository.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import type { Actor } from '../../src/domain/story-workflow.ts';

let t: TestDatabase;
let storyA: number;
let companyA: { id: number; slug: string };
let companyB: { id: number; slug: string };
let consumer: Actor;
let repA: Actor;

const html = (text: string) => new TextEncoder().encode(`<!doctype html><p>${text}</p>`);

beforeAll(async () => {
  t = await createTestDatabase();
  const now = Date.UTC(2026, 10, 1);
  const users = await t.db
    .insertInto('users')
    .values([
      { email: 'anna@example.org', display_name: 'Anna', password_hash: 'x', role: 'consumer', locale: 'en', created_at: now, email_verified_at: now, password_changed_at: null, banned_at: null },
      { email: 'rep@florist.example', display_name: 'Rep', password_hash: 'x', role: 'company_rep', locale: 'en', created_at: now, email_verified_at: now, password_changed_at: null, banned_at: null },
    ])
    .returning('id')
    .execute();
  consumer = { kind: 'consumer', userId: users[0]!.id, companyIds: [] };
  const input = (company: { name: string }, title: string) => ({
    company,
    title,
    body: 'The flowers arrived a day late and the chat never answered.',
    experienceDate: '2026-10-20',
    category: 'delivery' as const,
    language: 'en' as const,
    channels: [{ channel: 'chat' as const, waitMinutes: 40, answered: true }],
  });
  const a = await publishStory(t.db, consumer, input({ name: 'Florist A' }, 'Late flowers'), { now });
  const b = await publishStory(t.db, consumer, input({ name: 'Courier B' }, 'Lost parcel'), { now });
  storyA = a.storyId;
  companyA = { id: a.companyId, slug: a.companySlug };
  companyB = { id: b.companyId, slug: b.companySlug };
  repA = { kind: 'company', userId: users[1]!.id, companyIds: [a.companyId] };
});
afterAll(() => t.cleanup());

describe('the anonymous page cache', () => {
  it('drops a story page, its company page and the lists as soon as a reply is committed, and keeps the rest', async () => {
    const cache = new PageCache(t.sqlite);
    cache.syncChanges();
    const put = (path: string) => cache.set(path, { status: 200, headers: [['content-type', 'text/html']], body: html(path), deps: cache.depsFor(path) });
    put(`/en/stories/${storyA}`);
    put(`/en/companies/${companyA.slug}`);
    put(`/en/companies/${companyB.slug}`);
    put('/en');
    expect(cache.size).toBe(4);

    await replyToStory(t.db, repA, { storyId: storyA, body: 'We are sorry: a full refund is on its way today.' }, { now: Date.UTC(2026, 10, 2) });
    cache.syncChanges();

    expect(cache.get(`/en/stories/${storyA}`)).toBeNull();
    expect(cache.get(`/en/companies/${companyA.slug}`)).toBeNull();
    expect(cache.get('/en')).toBeNull();
    expect(cache.get(`/en/companies/${companyB.slug}`)).not.toBeNull();
  });

  it("keeps a company's other story pages when one story changes, and drops them when the company itself changes", async () => {
    const second = await publishStory(t.db, consumer, {
      company: { name: 'Florist A' },
      title: 'Wrong bouquet',
      body: 'The bouquet was not the one in the photo and nobody called back.',
      experienceDate: '2026-10-21',
      category: 'delivery' as const,
      language: 'en' as const,
      channels: [{ channel: 'chat' as const, waitMinutes: 20, answered: true }],
    }, { now: Date.UTC(2026, 10, 3) });
    expect(second.companyId).toBe(companyA.id);
    const cache = new PageCache(t.sqlite);
    cache.syncChanges();
    const put = (path: string) => cache.set(path, { status: 200, headers: [['content-type', 'text/html']], body: html(path), deps: cache.depsFor(path) });
    put(`/en/stories/${second.storyId}`);
    expect(cache.depsFor(`/en/stories/${second.storyId}`)).toEqual([`story:${second.storyId}`, `company-info:${companyA.id}`]);

    await replyToStory(t.db, repA, { storyId: storyA, body: 'A second answer on the first story only.' }, { now: Date.UTC(2026, 10, 4) });
    cache.syncChanges();
    expect(cache.get(`/en/stories/${second.storyId}`)).not.toBeNull();

    await appendAudit(t.db, { at: Date.UTC(2026, 10, 4), actorId: null, actorRole: 'admin', action: 'company.rename', subjectKind: 'company', subjectId: companyA.id });
    cache.syncChanges();
    expect(cache.get(`/en/stories/${second.storyId}`)).toBeNull();

    put(`/en/stories/${second.storyId}`);
    await appendAudit(t.db, { at: Date.UTC(2026, 10, 4), actorId: null, actorRole: 'company_rep', action: 'contact.declare', subjectKind: 'contact', subjectId: 99, companyId: companyA.id });
    cache.syncChanges();
    expect(cache.get(`/en/stories/${second.storyId}`)).toBeNull();
  });

  it('serves only anonymous GETs of known pages with known parameters', () => {
    const url = (p: string) => new URL(`http://localhost${p}`);
    const get = (p: string, headers: Record<string, string> = {}) => cacheKeyFor(new Request(url(p), { headers }), url(p));
    expect(get('/it/companies/fiori?state=overdue&page=2')).toBe('/it/companies/fiori?page=2&state=overdue');
    expect(get('/it/companies/fiori?utm=x')).toBeNull();
    expect(get('/it/companies/fiori', { cookie: 'answerable_session=abc.def' })).toBeNull();
    expect(get('/it/companies/fiori', { cookie: '__Host-answerable_session=abc.def' })).toBeNull();
    expect(get('/it/account')).toBeNull();
    expect(get('/it/search?q=x')).toBeNull();
    expect(cacheKeyFor(new Request(url('/it'), { method: 'POST' }), url('/it'))).toBeNull();
  });

  it('stores only public 200 HTML or Atom responses without cookies', () => {
    expect(isStorable(new Response('x', { headers: { 'content-type': 'text/html' } }))).toBe(true);
    expect(isStorable(new Response('x', { status: 404, headers: { 'content-type': 'text/html' } }))).toBe(false);
    expect(isStorable(new Response('x', { headers: { 'content-type': 'text/html', 'set-cookie': 'a=b' } }))).toBe(false);
    expect(isStorable(new Response('x', { headers: { 'content-type': 'text/html', 'cache-control': 'private, no-store' } }))).toBe(false);
    expect(isStorable(new Response('{}', { headers: { 'content-type': 'application/json' } }))).toBe(false);
  });

  it('answers a matching If-None-Match with 304 and an ETag', () => {
    const cache = new PageCache(t.sqlite);
    const entry = cache.set('/en', { status: 200, headers: [['content-type', 'text/html']], body: html('home'), deps: ['global'] });
    const full = responseFromCache(entry, new Request('http://localhost/en'));
    expect(full.status).toBe(200);
    expect(full.headers.get('etag')).toBe(entry.etag);
    expect(full.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    const notModified = responseFromCache(entry, new Request('http://localhost/en', { headers: { 'if-none-match': entry.etag } }));
    expect(notModified.status).toBe(304);
  });

  it('stays within its entry and byte bounds, dropping the least recently used page first', () => {
    const cache = new PageCache(t.sqlite, { maxEntries: 3, maxBytes: 1_000_000 });
    for (const p of ['/it', '/en', '/it/companies']) cache.set(p, { status: 200, headers: [], body: html(p), deps: ['global'] });
    cache.get('/it'); // now the most recently used
    cache.set('/en/companies', { status: 200, headers: [], body: html('x'), deps: ['global'] });
    expect(cache.size).toBe(3);
    expect(cache.get('/en')).toBeNull();
    expect(cache.get('/it')).not.toBeNull();
    const small = new PageCache(t.sqlite, { maxEntries: 100, maxBytes: 100 });
    small.set('/it', { status: 200, headers: [], body: new Uint8Array(80), deps: ['global'] });
    small.set('/en', { status: 200, headers: [], body: new Uint8Array(80), deps: ['global'] });
    expect(small.size).toBe(1);
  });

  it('expires pages after the safety-net TTL even without a change', () => {
    let clock = 0;
    const cache = new PageCache(t.sqlite, { ttlMs: 1000, now: () => clock });
    cache.set('/it', { status: 200, headers: [], body: html('a'), deps: ['global'] });
    clock = 999;
    expect(cache.get('/it')).not.toBeNull();
    clock = 2001;
    expect(cache.get('/it')).toBeNull();
  });

  it('renders once and then answers from memory through the handler', async () => {
    const cache = new PageCache(t.sqlite);
    const handler = pageCacheHandler(() => cache);
    let renders = 0;
    const next = async () => {
      renders++;
      return new Response('<p>page</p>', { headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'self'" } });
    };
    const ctx = { request: new Request('http://localhost/it/companies'), url: new URL('http://localhost/it/companies') };
    const first = await handler(ctx, next);
    const second = await handler(ctx, next);
    expect(renders).toBe(1);
    expect(first.headers.get('x-page-cache')).toBe('miss');
    expect(second.headers.get('x-page-cache')).toBe('hit');
    expect(second.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(await second.text()).toBe('<p>page</p>');
  });

  it('answers hits straight from node:http and leaves misses and signed-in visitors to Astro', () => {
    const cache = new PageCache(t.sqlite);
    cache.syncChanges();
    cache.set('/it/companies', { status: 200, headers: [['content-type', 'text/html; charset=utf-8']], body: html('list'), deps: ['global'] });
    const fakeRes = () => {
      const headers: Record<string, string | number> = {};
      const res = { statusCode: 0, body: undefined as Uint8Array | undefined, headers, setHeader: (n: string, v: string | number) => (headers[n.toLowerCase()] = v), end: (b?: Uint8Array) => (res.body = b) };
      return res;
    };
    const hit = fakeRes();
    expect(cache.serveNode({ method: 'GET', url: '/it/companies', headers: {} }, hit)).toBe(true);
    expect(hit.statusCode).toBe(200);
    expect(hit.headers['x-page-cache']).toBe('hit');
    expect(new TextDecoder().decode(hit.body)).toContain('list');
    const revalidated = fakeRes();
    expect(cache.serveNode({ method: 'GET', url: '/it/companies', headers: { 'if-none-match': String(hit.headers.etag) } }, revalidated)).toBe(true);
    expect(revalidated.statusCode).toBe(304);
    expect(cache.serveNode({ method: 'GET', url: '/en/companies', headers: {} }, fakeRes())).toBe(false);
    expect(cache.serveNode({ method: 'GET', url: '/it/companies', headers: { cookie: 'answerable_session=x.y' } }, fakeRes())).toBe(false);
    expect(cache.serveNode({ method: 'POST', url: '/it/companies', headers: {} }, fakeRes())).toBe(false);
  });

  it('sends a stored page gzipped to a client that accepts it, the same page to one that does not', () => {
    const cache = new PageCache(t.sqlite);
    cache.syncChanges();
    const text = 'A long company page. '.repeat(200);
    cache.set('/it/companies', { status: 200, headers: [['content-type', 'text/html; charset=utf-8']], body: html(text), deps: ['global'] });
    const fakeRes = () => {
      const headers: Record<string, string | number> = {};
      const res = { statusCode: 0, body: undefined as Uint8Array | undefined, headers, setHeader: (n: string, v: string | number) => (headers[n.toLowerCase()] = v), end: (b?: Uint8Array) => (res.body = b) };
      return res;
    };
    const zipped = fakeRes();
    expect(cache.serveNode({ method: 'GET', url: '/it/companies', headers: { 'accept-encoding': 'gzip, deflate, br' } }, zipped)).toBe(true);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(zipped.headers['content-length']).toBe(zipped.body!.byteLength);
    expect(gunzipSync(zipped.body!).toString()).toContain(text);
    for (const refused of [undefined, 'br', 'gzip;q=0, br', 'identity']) {
      const plain = fakeRes();
      expect(cache.serveNode({ method: 'GET', url: '/it/companies', headers: { 'accept-encoding': refused } }, plain)).toBe(true);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(new TextDecoder().decode(plain.body)).toContain(text);
    }
    expect(acceptsGzip('br;q=1, GZIP;q=0.5')).toBe(true);
  });
});
