// What a person sees on the read pages, in both languages, on a desktop and a phone.
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

describe('the read pages', () => {
  it('sends a visitor from / to their language by Accept-Language', async () => {
    const res = await fetch(`${baseUrl}/`, { redirect: 'manual', headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/en');
  });

  for (const lang of ['it', 'en'] as const) {
    it(`shows the home page with recent stories and rankings in ${lang}`, async () => {
      const { page, problems } = await newPage(browser);
      const res = await page.goto(`${baseUrl}/${lang}`);
      expect(res?.status()).toBe(200);
      expect(res?.headers()['content-type']).toMatch(/^text\/html\b/);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      const h1 = await page.locator('h1').first().innerText();
      expect(h1).toBe(lang === 'it' ? 'Prima di comprare, guarda come rispondono.' : 'Before you buy, see how they answer.');
      const stories = page.locator('.story-list .story-item');
      expect(await stories.count()).toBeGreaterThanOrEqual(5);
      expect(await page.locator('#best-h').innerText()).toBe(lang === 'it' ? 'Le aziende che rispondono meglio' : 'Most responsive companies');
      expect(await page.locator('section[aria-labelledby="best-h"] .company-row').count()).toBeGreaterThan(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await page.context().close();
    });

    it(`opens a company page from the list and shows its score card and stories in ${lang}`, async () => {
      const { page, problems } = await newPage(browser);
      await page.goto(`${baseUrl}/${lang}/companies`);
      await page.locator('.company-row a').first().click();
      await page.waitForLoadState('domcontentloaded');
      expect(page.url()).toMatch(new RegExp(`/${lang}/companies/[a-z0-9-]+$`));
      await page.locator('.scorecard').waitFor();
      expect(await page.locator('#score-h').innerText()).toContain(lang === 'it' ? 'Punteggio Answerable' : 'Answerable Score');
      expect(await page.locator('.story-list .story-item').count()).toBeGreaterThan(0);
      // Filtering by a state keeps only stories in that state.
      const tab = page.locator('.tabs a').nth(1);
      const tabText = (await tab.innerText()).replace(/\s*\(\d+\)$/, '');
      await tab.click();
      await page.waitForLoadState('domcontentloaded');
      const badges = await page.locator('.story-list .story-item .badge').allInnerTexts();
      expect(badges.length).toBeGreaterThan(0);
      for (const b of badges) expect(b.startsWith(tabText)).toBe(true);
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await page.context().close();
    });

    it(`shows a story with its timeline, channels and thread in ${lang}`, async () => {
      const { page, problems } = await newPage(browser);
      await page.goto(`${baseUrl}/${lang}`);
      await page.locator('.story-list .story-item h3 a').first().click();
      await page.waitForLoadState('domcontentloaded');
      expect(page.url()).toMatch(new RegExp(`/${lang}/stories/\\d+$`));
      expect((await page.locator('h1').innerText()).length).toBeGreaterThan(5);
      expect(await page.locator('#timeline-h').innerText()).toBe(lang === 'it' ? 'Cronologia' : 'Timeline');
      expect(await page.locator('.timeline li').count()).toBeGreaterThanOrEqual(2);
      expect(await page.locator('#channels-h').count()).toBe(1);
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }

  it('switches language and keeps the page', async () => {
    const { page } = await newPage(browser);
    await page.goto(`${baseUrl}/it/companies`);
    await page.locator('a.lang-switch').click();
    await page.waitForLoadState('domcontentloaded');
    expect(new URL(page.url()).pathname).toBe('/en/companies');
    expect(await page.locator('h1').innerText()).toBe('Companies');
    await page.context().close();
  });

  it('fits a phone screen without horizontal scrolling', async () => {
    const { page } = await newPage(browser, { width: 375, height: 740 });
    for (const path of ['/it', '/en/companies']) {
      await page.goto(`${baseUrl}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect({ path, overflow }).toEqual({ path, overflow: 0 });
    }
    await page.context().close();
  });

  it('has no inline executable script on any kind of page, so the CSP allows scripts from our origin only', async () => {
    const home = await (await fetch(`${baseUrl}/it`)).text();
    const company = /href="(\/it\/companies\/[a-z0-9-]+)"/.exec(home)![1];
    const story = /href="(\/it\/stories\/\d+)"/.exec(home)![1];
    for (const path of ['/it', '/en/companies', company, story, '/it/search?q=rimborso', '/en/how-scores-work', '/it/rankings', '/it/account/sign-in', '/it/publish', '/en/report']) {
      const res = await fetch(`${baseUrl}${path}`);
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      const inline = scripts.filter(([, attrs]) => !/\bsrc=/.test(attrs!) && !/type="application\/ld\+json"/.test(attrs!));
      expect(inline.map(([tag]) => `${path}: ${tag.slice(0, 80)}`)).toEqual([]);
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self';");
    }
  });

  it('answers an unknown page with a 404 in the right language', async () => {
    const res = await fetch(`${baseUrl}/en/companies/no-such-company-here`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Page not found');
  });

  it('reports health to anybody as up or down only (details are for admins: tests/security/http-photos.test.ts)', async () => {
    const res = await fetch(`${baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});
