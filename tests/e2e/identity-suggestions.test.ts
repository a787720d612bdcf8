// Company identity in a real browser (issue 14): the publish form's company field suggests the
// existing company while typing ("fiori v" → FioriVeloci) as an accessible combobox, and choosing
// it fills the field and the company chosen; search finds FioriVeloci written "fiori veloci"; the
// moderators' queue shows likely duplicates. With SCREENSHOT_DIR set, each view is saved as a
// PNG at 1280 and 390 px, in Italian and English.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startSite, type Site } from '../security/harness.ts';
import { launchBrowser, newPage, seriousAxeViolations } from './browser.ts';

let site: Site;
let browser: Browser;
const shots = process.env.SCREENSHOT_DIR;
const widths = [1280, 390] as const;
const langs = ['it', 'en'] as const;

beforeAll(async () => {
  site = await startSite();
  browser = await launchBrowser();
  if (shots) mkdirSync(shots, { recursive: true });
  // Two companies an old import left as duplicates (the publish form reuses the existing one).
  const now = Date.now();
  const insert = site.sql().prepare(
    `insert into companies (slug, name, name_key, website, domain, country, sector, created_at, updated_at, listed_at, reviewed_at) values (?, ?, ?, ?, ?, 'IT', 'retail', ?, ?, ?, ?)`,
  );
  insert.run('fiori-veloci-import', 'Fiori Veloci (import)', 'fioriveloci', null, 'fioriveloci.example', now, now, now, now);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

async function shot(page: Page, name: string): Promise<void> {
  if (shots) await page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
}

async function signIn(page: Page, email: string, lang: string): Promise<void> {
  await page.goto(`${site.baseUrl}/${lang}/account/sign-in`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', DEMO_PASSWORD);
  await Promise.all([page.waitForURL((u) => !u.pathname.endsWith('/sign-in')), page.click('form:has(input[name="password"]) button[type="submit"]')]);
}

describe('the publish form suggests the existing company', () => {
  for (const lang of langs) {
    for (const width of widths) {
      it(`typing "fiori v" offers FioriVeloci; choosing it fills the field (${lang}, ${width} px)`, async () => {
        const { page, problems } = await newPage(browser, { width, height: 900, locale: lang === 'it' ? 'it-IT' : 'en-GB' });
        await signIn(page, 'giulia.r@example.org', lang);
        await page.goto(`${site.baseUrl}/${lang}/publish`);
        const input = page.locator('#publish-company');
        await expect(input.getAttribute('role')).resolves.toBe('combobox');
        await input.pressSequentially('fiori v', { delay: 30 });
        const option = page.locator('#publish-company-listbox [role="option"]', { hasText: 'FioriVeloci' });
        await option.first().waitFor({ state: 'visible' });
        expect(await input.getAttribute('aria-expanded')).toBe('true');
        expect(await page.locator('#publish-company-status').textContent()).toMatch(lang === 'it' ? /già present/ : /already here/);
        await input.press('ArrowDown');
        expect(await input.getAttribute('aria-activedescendant')).toBe('publish-company-listbox-0');
        expect(await seriousAxeViolations(page, ['form'])).toEqual([]);
        await input.scrollIntoViewIfNeeded();
        await page.evaluate(() => window.scrollBy(0, -120));
        await shot(page, `publish-suggest-${lang}-${width}`);
        await option.first().click();
        expect(await input.inputValue()).toBe('FioriVeloci');
        expect(await page.locator('input[name="companySlug"]').inputValue()).toBe('fioriveloci');
        expect(await input.getAttribute('aria-expanded')).toBe('false');
        // Typing again forgets the company chosen.
        await input.press('End');
        await input.pressSequentially('x');
        expect(await page.locator('input[name="companySlug"]').inputValue()).toBe('');
        expect(problems).toEqual([]);
        await page.context().close();
      });
    }
  }
});

describe('search finds FioriVeloci however it is spelt', () => {
  for (const lang of langs) {
    for (const width of widths) {
      it(`"fiori veloci" finds the company and its stories (${lang}, ${width} px)`, async () => {
        const { page, problems } = await newPage(browser, { width, locale: lang === 'it' ? 'it-IT' : 'en-GB' });
        await page.goto(`${site.baseUrl}/${lang}/search?q=${encodeURIComponent('fiori veloci')}`);
        const main = page.locator('main');
        await expect(main.textContent()).resolves.toContain('FioriVeloci');
        expect(await page.locator('a[href$="/companies/fioriveloci"]').count()).toBeGreaterThan(0);
        await shot(page, `search-fiori-veloci-${lang}-${width}`);
        expect(problems).toEqual([]);
        await page.context().close();
      });
    }
  }
});

describe('the moderators see likely duplicates', () => {
  for (const lang of langs) {
    for (const width of widths) {
      it(`lists the duplicate group with a merge form (${lang}, ${width} px)`, async () => {
        const { page, problems } = await newPage(browser, { width, locale: lang === 'it' ? 'it-IT' : 'en-GB' });
        await signIn(page, 'moderatore@example.org', lang);
        await page.goto(`${site.baseUrl}/${lang}/moderation/companies`);
        const section = page.locator('#duplicates');
        await expect(section.textContent()).resolves.toContain('Fiori Veloci (import)');
        expect(await section.locator('input[type="radio"][name="keep"]').count()).toBeGreaterThanOrEqual(2);
        expect(await seriousAxeViolations(page, ['#duplicates'])).toEqual([]);
        await shot(page, `moderation-duplicates-${lang}-${width}`);
        expect(problems).toEqual([]);
        await page.context().close();
      });
    }
  }
});
