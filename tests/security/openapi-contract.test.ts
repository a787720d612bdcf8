// Issue 15, "Open data for people": the OpenAPI document served at /api/v1/openapi.json tells the
// truth. Every route under src/pages/api/v1 is documented (and nothing else is); every endpoint of
// the built server, seeded with the demo data, is called with valid and invalid parameters, and
// each real answer must have a documented status, the documented Cache-Control and CORS header,
// and a body valid against the documented schema (Ajv, JSON Schema 2020-12).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChecker, type OpenApiDoc } from '../helpers/openapi-check.ts';
import { request, startSite, type Site } from './harness.ts';

const LIMIT = 400;
const apiDir = new URL('../../src/pages/api/v1', import.meta.url).pathname;

let site: Site;
let doc: OpenApiDoc & { paths: Record<string, Record<string, { responses: Record<string, { headers?: Record<string, { description: string }> }> }>> };
let check: ReturnType<typeof createChecker>;
/** Every (template, status) answered during this file, for the coverage check at the end. */
const seen = new Set<string>();

beforeAll(async () => {
  site = await startSite({ env: { API_RATE_LIMIT_PER_MINUTE: String(LIMIT) } });
  const res = await request(site, '/api/v1/openapi.json', { headers: { accept: 'application/json' } });
  expect(res.status).toBe(200);
  doc = (await res.json()) as typeof doc;
  check = createChecker(doc);
}, 120_000);
afterAll(() => site?.stop());

/** The route templates of the files under src/pages/api/v1, with the methods each exports. */
function apiRoutes(): Map<string, string[]> {
  const routes = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.(ts|js|mjs)$/.test(name) && !/\.test\./.test(name)) {
        const parts = relative(apiDir, file)
          .replace(/\.(ts|js|mjs)$/, '')
          .split('/')
          .filter((p) => p !== 'index')
          .map((p) => p.replace(/^\[(?:\.\.\.)?(\w+)\]$/, '{$1}'));
        const methods = [...readFileSync(file, 'utf8').matchAll(/export const (GET|POST|PUT|PATCH|DELETE|ALL)\b/g)].map((m) => m[1]!.toLowerCase());
        routes.set(['/api/v1', ...parts].join('/'), methods.sort());
      }
    }
  };
  walk(apiDir);
  return routes;
}

/** Calls the site and checks the answer against the document; returns the answer and its JSON body. */
async function call(path: string, headers: Record<string, string> = {}): Promise<{ res: Response; body: unknown }> {
  const res = await request(site, path, { headers: { accept: 'application/json', ...headers } });
  const template = check.templateOf(path);
  expect(template, `${path} is not documented`).not.toBeNull();
  const documented = check.responseOf(template!, 'GET', res.status);
  const text = await res.text();
  expect(documented, `${path} answered ${res.status}, which the document does not list for ${template}: ${text.slice(0, 300)}`).not.toBeNull();
  seen.add(`${template} ${res.status}`);
  if (res.status === 304) return { res, body: null };
  expect(res.headers.get('content-type'), path).toMatch(/^application\/json(; ?charset=utf-8)?$/i);
  expect(res.headers.get('access-control-allow-origin'), `${path} CORS`).toBe('*');
  // A Cache-Control documented as one literal value (`public, max-age=60`) is the real one.
  const cacheDoc = (documented!.headers as Record<string, { description: string }> | undefined)?.['Cache-Control']?.description;
  const literal = cacheDoc && /^`([^`]+)`$/.exec(cacheDoc)?.[1];
  if (literal) expect(res.headers.get('cache-control'), `${path} Cache-Control`).toBe(literal);
  const body = JSON.parse(text) as unknown;
  expect(check.validate(documented!, body), `${path} (${res.status}) against the document`).toEqual([]);
  return { res, body };
}

describe('the OpenAPI document at /api/v1/openapi.json', () => {
  it('is valid OpenAPI 3.1, served as cacheable JSON with CORS and an ETag that gives 304', async () => {
    await SwaggerParser.validate(structuredClone(doc) as never);
    const { res } = await call('/api/v1/openapi.json');
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await call('/api/v1/openapi.json', { 'if-none-match': etag });
    expect(again.res.status).toBe(304);
    expect((await call('/api/v1/openapi.json', { 'if-none-match': '"something-else"' })).res.status).toBe(200);
    expect((doc as unknown as { servers: { url: string }[] }).servers[0]!.url).toBe(site.baseUrl);
  });

  it('documents every route under src/pages/api/v1 with its methods, and no route that does not exist', () => {
    const routes = apiRoutes();
    expect(routes.size).toBeGreaterThanOrEqual(7);
    const documented = new Map(Object.entries(doc.paths).map(([p, item]) => [p, Object.keys(item).sort()]));
    expect(Object.fromEntries(documented)).toEqual(Object.fromEntries(routes));
  });
});

describe('every endpoint answers as documented', () => {
  it('GET /api/v1', async () => {
    const { body } = await call('/api/v1');
    expect((body as { openapi: string }).openapi).toBe('/api/v1/openapi.json');
  });

  it('GET /api/v1/companies with valid, odd and invalid paging and sectors', async () => {
    const { body } = await call('/api/v1/companies');
    const all = body as { total: number; perPage: number; companies: { slug: string; sector: string }[] };
    expect(all.companies.length).toBeGreaterThan(3);
    expect(all.perPage).toBe(50);
    const sector = all.companies[0]!.sector;
    const bySector = (await call(`/api/v1/companies?sector=${encodeURIComponent(sector)}`)).body as typeof all;
    expect(bySector.companies.every((c) => c.sector === sector)).toBe(true);
    expect(((await call('/api/v1/companies?sector=no-such-sector')).body as typeof all).companies).toEqual([]);
    expect(((await call('/api/v1/companies?page=2&per_page=2')).body as typeof all).companies.length).toBe(2);
    expect(((await call('/api/v1/companies?per_page=100000')).body as typeof all).perPage).toBe(200);
    for (const odd of ['page=-1', 'page=abc', 'per_page=0', 'per_page=1.5', 'page=999999999']) {
      const { res } = await call(`/api/v1/companies?${odd}`);
      expect(res.status, odd).toBe(200);
    }
  });

  it('GET /api/v1/companies/{slug} for every demo company, and 404 in the asker’s language', async () => {
    const list = (await call('/api/v1/companies?per_page=200')).body as { companies: { slug: string }[] };
    for (const c of list.companies) {
      const { res, body } = await call(`/api/v1/companies/${c.slug}`);
      expect(res.status).toBe(200);
      expect((body as { slug: string }).slug).toBe(c.slug);
    }
    const en = await call('/api/v1/companies/no-such-company', { 'accept-language': 'en-US,en;q=0.8' });
    expect(en.res.status).toBe(404);
    expect(en.res.headers.get('content-language')).toBe('en');
    expect(en.body).toEqual({ error: { code: 'not_found', message: 'No company with this slug.' } });
    const it_ = await call('/api/v1/companies/no-such-company', { 'accept-language': 'it' });
    expect(it_.res.headers.get('content-language')).toBe('it');
    expect((it_.body as { error: { message: string } }).error.message).toBe('Nessuna azienda con questo slug.');
  });

  it('GET /api/v1/companies/{slug}/stories in every state, paged, and with a bad state or slug', async () => {
    const slugs = ((await call('/api/v1/companies?per_page=200')).body as { companies: { slug: string; stories: number }[] }).companies
      .sort((a, b) => b.stories - a.stories)
      .slice(0, 3)
      .map((c) => c.slug);
    const states = (doc.components.schemas.StoryState as { enum: string[] }).enum;
    for (const slug of slugs) {
      const { body } = await call(`/api/v1/companies/${slug}/stories`);
      expect((body as { company: string }).company).toBe(slug);
      for (const state of states) {
        const page = (await call(`/api/v1/companies/${slug}/stories?state=${state}&per_page=5`)).body as { stories: { state: string }[] };
        expect(page.stories.every((s) => s.state === state), state).toBe(true);
      }
    }
    expect(((await call(`/api/v1/companies/${slugs[0]}/stories?page=9999`)).body as { stories: unknown[] }).stories).toEqual([]);
    const bad = await call(`/api/v1/companies/${slugs[0]}/stories?state=hidden`, { 'accept-language': 'en' });
    expect(bad.res.status).toBe(400);
    expect((bad.body as { error: { code: string; message: string } }).error).toMatchObject({ code: 'bad_state', message: expect.stringContaining('awaiting_reply') });
    const badIt = await call(`/api/v1/companies/${slugs[0]}/stories?state=bogus`, { 'accept-language': 'it-IT' });
    expect((badIt.body as { error: { message: string } }).error.message).toMatch(/^state deve essere/);
    expect((await call('/api/v1/companies/no-such-company/stories')).res.status).toBe(404);
  });

  it('GET /api/v1/stories/{id} for public, hidden, withdrawn, unknown and badly written ids', async () => {
    const db = site.sql();
    const rows = db.prepare('select id, state from stories order by id').all() as { id: number; state: string }[];
    expect(rows.length).toBeGreaterThan(10);
    // Every public story of the demo data (bounded), so that every shape of thread and verdict is met.
    const visible = rows.filter((r) => r.state !== 'hidden' && r.state !== 'withdrawn').slice(0, 120);
    for (const r of visible) expect((await call(`/api/v1/stories/${r.id}`)).res.status, `story ${r.id}`).toBe(200);
    // A hidden and a withdrawn story (made so here when the demo data has none).
    const ensure = (state: 'hidden' | 'withdrawn', avoid: number[]) => {
      const found = rows.find((r) => r.state === state);
      if (found) return found.id;
      const id = visible.find((r) => !avoid.includes(r.id))!.id;
      db.prepare('update stories set state = ? where id = ?').run(state, id);
      return id;
    };
    const hidden = ensure('hidden', []);
    const withdrawn = ensure('withdrawn', [hidden]);
    const h = await call(`/api/v1/stories/${hidden}`, { 'accept-language': 'en' });
    expect([h.res.status, (h.body as { error: { code: string } }).error.code]).toEqual([410, 'hidden']);
    const w = await call(`/api/v1/stories/${withdrawn}`, { 'accept-language': 'it' });
    expect([w.res.status, (w.body as { error: { code: string } }).error.code]).toEqual([410, 'withdrawn']);
    for (const id of ['0', '012', '+12', '1.0', 'abc', '99999999', '9007199254740993']) {
      expect((await call(`/api/v1/stories/${id}`)).res.status, id).toBe(404);
    }
  });

  it('GET /api/v1/companies/suggest with a prefix, nothing, an odd limit and a query too long', async () => {
    const name = ((await call('/api/v1/companies?per_page=1')).body as { companies: { name: string }[] }).companies[0]!.name;
    const found = (await call(`/api/v1/companies/suggest?q=${encodeURIComponent(name.slice(0, 4))}`)).body as { companies: { name: string }[] };
    expect(found.companies.map((c) => c.name)).toContain(name);
    expect((await call('/api/v1/companies/suggest')).body).toEqual({ query: '', companies: [] });
    expect((await call('/api/v1/companies/suggest?q=a&limit=0')).res.status).toBe(200);
    expect((await call('/api/v1/companies/suggest?q=a&limit=1000')).res.status).toBe(200);
    const long = await call(`/api/v1/companies/suggest?q=${'a'.repeat(101)}`, { 'accept-language': 'en' });
    expect(long.res.status).toBe(400);
    expect((long.body as { error: { code: string } }).error.code).toBe('query_too_long');
  });

  it('answers every endpoint with the documented 429 once an address is over the limit', async () => {
    const paths = ['/api/v1', '/api/v1/openapi.json', '/api/v1/companies', '/api/v1/companies/suggest?q=a', '/api/v1/companies/x', '/api/v1/companies/x/stories', '/api/v1/stories/1'];
    let allLimited = false;
    // Fixed one-minute windows: if a window turns during the round, go again (bounded).
    for (let round = 0; round < 3 && !allLimited; round++) {
      for (let i = 0; i < LIMIT + 10; i++) {
        const res = await request(site, '/api/v1', { headers: { accept: 'application/json' } });
        await res.arrayBuffer();
        if (res.status === 429) break;
      }
      const statuses: number[] = [];
      for (const p of paths) {
        const { res } = await call(p, { 'accept-language': 'en' });
        statuses.push(res.status);
        if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      }
      allLimited = statuses.every((s) => s === 429);
    }
    expect(allLimited).toBe(true);
  });

  it('met every documented answer except the outages it cannot cause (503)', () => {
    const missing: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const status of Object.keys(item.get!.responses)) if (status !== '503' && !seen.has(`${path} ${status}`)) missing.push(`${path} ${status}`);
    }
    expect(missing).toEqual([]);
  });
});
