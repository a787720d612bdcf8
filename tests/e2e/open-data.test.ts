// Issue 15, "Open data for people": the footer's "Open data" link opens a page, in both languages,
// that explains the API, feeds, badges and licence with working links and a live badge preview.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage, seriousAxeViolations } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const heading = { it: 'Dati aperti', en: 'Open data' } as const;

describe('the open-data page', () => {
  for (const lang of ['it', 'en'] as const) {
    it(`is what the footer's link opens, in ${lang}, and every link on it works`, async () => {
      const { page, problems } = await newPage(browser, { locale: lang === 'it' ? 'it-IT' : 'en-GB' });
      await page.goto(`${baseUrl}/${lang}`);
      await page.locator('footer.site-footer').getByRole('link', { name: heading[lang] }).click();
      await page.waitForURL(`${baseUrl}/${lang}/open-data`);
      expect(await page.locator('h1').textContent()).toBe(heading[lang]);

      // Every section of the issue is there: API, feeds, badge, licence, JSON-LD, sitemap, limits, CSV.
      for (const id of ['od-licence', 'od-api', 'od-limits', 'od-feeds', 'od-badge', 'od-jsonld', 'od-sitemap', 'od-csv']) {
        expect(await page.locator(`#${id}`).count(), id).toBe(1);
        expect(await page.locator(`.toc a[href="#${id}"]`).count(), `table of contents → ${id}`).toBe(1);
      }
      // Each endpoint of the API with a real example answer (JSON that parses).
      const examples = await page.locator('pre.json code').allTextContents();
      expect(examples.length).toBeGreaterThanOrEqual(5);
      for (const text of examples) expect(() => JSON.parse(text)).not.toThrow();
      for (const path of ['/api/v1', '/api/v1/companies', '/api/v1/companies/', '/api/v1/stories/', '/api/v1/companies/suggest']) {
        expect(await page.locator(`h3 code:has-text("GET ${path}")`).count(), path).toBeGreaterThan(0);
      }

      // The live badge preview is a rendered image.
      const badge = page.locator('.badge-preview img');
      await badge.scrollIntoViewIfNeeded();
      await expect.poll(() => badge.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      const snippet = await page.locator('.badge-snippet code').textContent();
      expect(snippet).toContain(`<img src="${baseUrl}/badge/`);

      // Every same-site link answers 200 (the API in JSON, feeds in Atom, the sitemap in XML);
      // in-page links have their target.
      const hrefs = [...new Set(await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!)))];
      expect(hrefs).toContain('/api/v1/openapi.json');
      expect(hrefs).toContain('/sitemap.xml');
      expect(hrefs.some((h) => /^\/(it|en)\/companies\/[a-z0-9-]+\/feed\.xml$/.test(h))).toBe(true);
      for (const href of hrefs) {
        if (href.startsWith('#')) expect(await page.locator(href).count(), href).toBe(1);
        else if (href.startsWith('/')) {
          const res = await page.request.get(`${baseUrl}${href}`);
          expect(res.status(), href).toBe(200);
        } else expect(href).toMatch(/^https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/$/);
      }
      const openapi = await (await page.request.get(`${baseUrl}/api/v1/openapi.json`)).json();
      expect(openapi.openapi).toBe('3.1.0');

      // The language switch leads to the same page in the other language.
      const other = lang === 'it' ? 'en' : 'it';
      await page.locator('.lang-switch').click();
      await page.waitForURL(`${baseUrl}/${other}/open-data`);
      expect(await page.locator('h1').textContent()).toBe(heading[other]);

      expect(await seriousAxeViolations(page, ['main'])).toEqual([]);
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }
});
