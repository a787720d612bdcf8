// Company websites are http(s) links to a real registrable domain (issue 11). Publishing a new
// company with `javascript://…` rendered `<a href="javascript://…">` on the company page (only the
// CSP stopped it). The publish form now refuses such a website with a message, the form filled
// and nothing created; an old row that holds junk is shown as text, never as a link (page and API).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, signIn, startSite, type Jar, type Site, publishForm } from './harness.ts';

let site: Site;
let jar: Jar;
beforeAll(async () => {
  site = await startSite();
  ({ jar } = await signIn(site, 'giulia.r@example.org'));
});
afterAll(async () => {
  await site?.stop();
});

const count = (table: string) => (site.sql().prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

describe('company websites', () => {
  for (const website of ['javascript://evilshop.example/%0aalert(document.domain)', 'https://javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'https://127.0.0.1/', 'http://user:pass@shop.example.it/', 'https://localhost/', 'https://shop.invalid/']) {
    it(`refuses ${JSON.stringify(website)} with a message, the form filled, nothing created`, async () => {
      const before = { stories: count('stories'), companies: count('companies') };
      const res = await request(site, '/en/publish', { jar, form: publishForm('Evil Shop Srl', website) });
      const html = await res.text();
      expect(res.status).toBe(422);
      expect(html).toContain('Enter the address of the company&#39;s website');
      expect(html).toContain('value="Evil Shop Srl"');
      expect(html).toContain('Ordine pagato e mai spedito dal negozio');
      expect(html).not.toMatch(/href="(?:javascript|data):/i);
      expect({ stories: count('stories'), companies: count('companies') }).toEqual(before);
    });
  }

  it('accepts a real website, normalised (lower-case host, no fragment), and links it', async () => {
    const res = await request(site, '/en/publish', { jar, form: publishForm('Negozio Esempio Srl', 'HTTPS://Negozio.Example.IT/chi-siamo#contatti') });
    expect(res.status).toBe(303);
    const row = site.sql().prepare(`select slug, website, domain from companies where name = ?`).get('Negozio Esempio Srl') as { slug: string; website: string; domain: string };
    expect(row.website).toBe('https://negozio.example.it/chi-siamo');
    expect(row.domain).toBe('negozio.example.it');
    const page = await (await request(site, `/en/companies/${row.slug}`)).text();
    expect(page).toContain('href="https://negozio.example.it/chi-siamo"');
  });

  it('accepts the reserved test domains of the demo data (*.example, *.test) and a bare host name', async () => {
    for (const [name, website, stored] of [
      ['Prova Esempio Spa', 'www.prova-shop.example', 'https://www.prova-shop.example/'],
      ['Collaudo Test Spa', 'http://collaudo.test', 'http://collaudo.test/'],
    ] as const) {
      const res = await request(site, '/en/publish', { jar, form: publishForm(name, website) });
      expect(res.status, name).toBe(303);
      expect((site.sql().prepare(`select website from companies where name = ?`).get(name) as { website: string }).website).toBe(stored);
    }
  });

  it('never renders a stored junk website as a link (company page, API)', async () => {
    const db = site.sql();
    const company = db.prepare(`select id, slug from companies order by id limit 1`).get() as { id: number; slug: string };
    db.prepare(`update companies set website = ? where id = ?`).run('javascript://evilshop.example/%0aalert(document.domain)', company.id);
    // A change the page cache sees (the audit log), as every service write does.
    db.prepare(`insert into audit_log (at, actor_id, actor_role, action, subject_kind, subject_id, company_id, data) values (?, null, 'system', 'company.update', 'company', ?, ?, '{}')`).run(Date.now(), company.id, company.id);
    const page = await request(site, `/en/companies/${company.slug}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).not.toContain('"url":"javascript:');
    const api = await request(site, `/api/v1/companies/${company.slug}`, { headers: { accept: 'application/json' } });
    expect(api.status).toBe(200);
    const body = (await api.json()) as { website: string | null };
    expect(body.website).toBeNull();
  });
});
