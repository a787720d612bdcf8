// Items: open redirect after sign-in, XML-forbidden characters in feeds, body size limits,
// control characters in form input, one canonical URL per story.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, Jar, rawRequest, request, signIn, startSite, type Site } from './harness.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site?.stop());

const NEXT_PAYLOADS = ['/%09/evil.example', '/%0d/evil.example', '/%0a/evil.example', '/%E3%80%80/evil.example', '/\\evil.example', '//evil.example', 'https://evil.example/', '/%00/evil.example', '/\t/evil.example'];

/** A Location is same-site when it resolves to our origin and is a plain path. */
function expectSameSitePath(location: string | null): void {
  expect(location).not.toBeNull();
  expect(location!.startsWith('/')).toBe(true);
  expect(location).not.toMatch(/^\/[\\/]/);
  expect(location).not.toMatch(/[\u0000-\u0020\u007f-\u00a0\u3000]/);
  expect(new URL(location!, site.baseUrl).origin).toBe(new URL(site.baseUrl).origin);
}

describe('open redirect after sign-in', () => {
  it('the sign-in page never puts a foreign target in its hidden field', async () => {
    for (const payload of NEXT_PAYLOADS) {
      const res = await request(site, `/en/account/sign-in?next=${payload.startsWith('/%') ? payload : encodeURIComponent(payload)}`);
      expect(res.status, payload).toBe(200);
      const html = await res.text();
      const value = /name="next" value="([^"]*)"/.exec(html)?.[1] ?? '';
      const decoded = value.replace(/&amp;/g, '&').replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))).replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCharCode(parseInt(n, 16)));
      expectSameSitePath(decoded);
    }
  });

  it('a successful sign-in redirects to a same-site path for every payload, never a 500', async () => {
    for (const payload of NEXT_PAYLOADS) {
      const next = decodeURIComponent(payload.replace(/%(?![0-9A-F]{2})/gi, '%25'));
      for (const where of ['query', 'field'] as const) {
        const jar = new Jar();
        const path = where === 'query' ? `/en/account/sign-in?next=${encodeURIComponent(next)}` : '/en/account/sign-in';
        const res = await request(site, path, { jar, form: { email: 'giulia.r@example.org', password: DEMO_PASSWORD, ...(where === 'field' ? { next } : {}) } });
        expect(res.status, `${where} ${JSON.stringify(next)}`).toBe(303);
        expectSameSitePath(res.headers.get('location'));
      }
    }
  });

  it('a plain same-site next is still honoured', async () => {
    const res = await request(site, '/en/account/sign-in?next=%2Fen%2Fcompanies%3Fpage%3D2', { form: { email: 'giulia.r@example.org', password: DEMO_PASSWORD } });
    expect(res.headers.get('location')).toBe('/en/companies?page=2');
  });
});

describe('XML output', () => {
  it('a story title with XML-forbidden characters keeps the feed well-formed', async () => {
    const db = site.sql();
    const story = db.prepare(`select s.id from stories s join companies c on c.id = s.company_id where c.slug = 'fioriveloci' and s.state not in ('hidden','withdrawn') order by s.published_at desc limit 1`).get() as { id: number };
    db.prepare(`update stories set title = 'Vertical\u000btab \u0001 and \uffff here' where id = ?`).run(story.id);
    const res = await request(site, '/en/companies/fioriveloci/feed.xml');
    expect(res.status).toBe(200);
    const xml = await res.text();
    expect(xml).toContain('Vertical');
    // XML 1.0 Char production: no C0 control but tab/LF/CR, no U+FFFE/U+FFFF, no lone surrogate.
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    expect(xml).not.toMatch(/&#(?:x0*[0-8bcef]|x0*1[0-9a-f]|0*(?:[0-8]|1[1-2]|1[4-9]|2[0-9]|3[01]));/i);
    expect(xml).toContain('Verticaltab  and  here');
  });

  it('a company name with XML-forbidden characters keeps the SVG badge and the sitemap well-formed', async () => {
    site.sql().prepare(`update companies set name = 'Fiori\u000bVeloci \u0002\ufffe' where slug = 'fioriveloci'`).run();
    const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
    const badge = await request(site, '/badge/fioriveloci.svg');
    expect(badge.status).toBe(200);
    const svg = await badge.text();
    expect(svg).toContain('FioriVeloci');
    expect(svg).not.toMatch(forbidden);
    const sitemap = await request(site, '/sitemap.xml');
    expect(sitemap.status).toBe(200);
    expect(await sitemap.text()).not.toMatch(forbidden);
  });
});

describe('request body size', () => {
  it('a 5 MB form post to sign-in is refused with 413 before it is read', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024, 'a');
    const res = await rawRequest(site, '/en/account/sign-in', {
      method: 'POST',
      headers: { origin: site.baseUrl, 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: Buffer.concat([Buffer.from('email=x%40example.org&password='), big]),
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toMatch(/too large/i);
  });

  it('a chunked oversized post (no Content-Length) is refused with 413 too', async () => {
    function* chunks() {
      for (let i = 0; i < 64; i++) yield Buffer.alloc(64 * 1024, 'b');
    }
    const res = await rawRequest(site, '/it/account/sign-up', {
      method: 'POST',
      headers: { origin: site.baseUrl, 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked', accept: 'text/html' },
      body: chunks(),
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toMatch(/troppo grand/i);
  });

  it('a normal form post still works', async () => {
    const { res } = await signIn(site, 'giulia.r@example.org');
    expect(res.status).toBe(303);
  });
});

describe('control characters in form input', () => {
  it('a NUL (and other controls) in a field is neither echoed nor stored', async () => {
    // A failing sign-up (password too short) echoes the form back.
    const res = await request(site, '/en/account/sign-up', { form: { email: 'nul\u0000@example.org', displayName: 'Nu\u0000ll\u0007 Person', password: 'x' } });
    const html = await res.text();
    expect(res.status).toBeLessThan(500);
    expect(html).not.toMatch(/[\u0000\u0007]/);
    expect(html).not.toContain('&#0;');
    // A stored value: the display name of a fresh account.
    const email = `ctl${Date.now()}@example.org`;
    const ok = await request(site, '/en/account/sign-up', { form: { email, displayName: 'Con\u0000trol\u0008 Char\u001b', password: 'a-long-enough-password-2026', acceptTerms: 'on', terms: 'on' } });
    expect(ok.status).toBeLessThan(500);
    const row = site.sql().prepare('select display_name from users where email = ?').get(email) as { display_name: string } | undefined;
    expect(row, await ok.text()).toBeDefined();
    expect(row!.display_name).toBe('Control Char');
  });
});

describe('one canonical URL per resource', () => {
  it('only plain decimal ids are accepted', async () => {
    const id = (site.sql().prepare(`select id from stories where state not in ('hidden','withdrawn') order by id limit 1 offset 9`).get() as { id: number }).id;
    expect((await request(site, `/en/stories/${id}`)).status).toBe(200);
    expect((await request(site, `/api/v1/stories/${id}`, { headers: { accept: 'application/json' } })).status).toBe(200);
    for (const variant of [`${id}.0`, `0${id}`, `+${id}`, `0x${id.toString(16)}`, `${id}e0`, ` ${id}`, `${id}%20`]) {
      const path = variant.startsWith(' ') ? `%20${id}` : variant;
      expect((await request(site, `/en/stories/${path}`)).status, `story ${variant}`).toBe(404);
      expect((await request(site, `/api/v1/stories/${path}`, { headers: { accept: 'application/json' } })).status, `api ${variant}`).toBe(404);
    }
  });

  it('moderation pages take plain decimal ids only', async () => {
    const { jar } = await signIn(site, 'moderatore@example.org');
    const id = (site.sql().prepare(`select id from stories order by id limit 1`).get() as { id: number }).id;
    expect((await request(site, `/en/moderation/story/${id}`, { jar })).status).toBe(200);
    expect((await request(site, `/en/moderation/story/${id}.0`, { jar })).status).toBe(404);
    expect((await request(site, `/en/moderation/story/0${id}`, { jar })).status).toBe(404);
  });
});
