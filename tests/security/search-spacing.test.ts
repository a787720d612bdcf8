// Search finds a company and its stories whatever the spacing, hyphens or case of its name
// (issue 14: "fiori veloci" found nothing although FioriVeloci has stories). Played over HTTP
// against the built server's search page, with the engine the server runs (FTS5 by default).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, startSite, type Site } from './harness.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.stop();
});

describe('search whatever the spacing of a company name', () => {
  it.each(['fiori veloci', 'fioriveloci', 'Fiori-Veloci', 'FIORI VELOCI'])('“%s” finds FioriVeloci and its stories', async (q) => {
    for (const lang of ['en', 'it']) {
      const res = await request(site, `/${lang}/search?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      // The company itself…
      expect(html, `${lang} ${q}`).toContain(`/${lang}/companies/fioriveloci"`);
      // …and a story about it whose text does not name it.
      expect(html, `${lang} ${q}`).toContain('Mail di reset arrivata dopo 10 ore');
    }
  });

  it('does not find it for a name it does not have', async () => {
    const html = await (await request(site, `/en/search?q=${encodeURIComponent('fiori lenti')}`)).text();
    expect(html).not.toContain('/en/companies/fioriveloci"');
  });
});
