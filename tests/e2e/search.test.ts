// The search page as a person uses it: from the header, with filters, misspelt words, the
// company autocomplete, without JavaScript, and on a phone; in Italian and English.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage } from './browser.ts';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const root = new URL('../..', import.meta.url).pathname;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  // `npm run reindex` on the seeded demo data, against the server's own database file (the
  // server's relay would get there too, from the outbox; this does not wait for it).
  const out = execFileSync(process.execPath, [join(root, 'scripts/reindex.ts')], {
    cwd: root,
    env: { ...process.env, DATABASE_PATH: join(dataDir, 'e2e.sqlite') },
    encoding: 'utf8',
  });
  expect(out).toMatch(/Reindexed \d+ stories and \d+ companies/);
  const deadline = Date.now() + 30_000;
  for (;;) {
    const html = await (await fetch(`${baseUrl}/it/search?q=rimborso`)).text();
    if (/<mark[\s>]/.test(html)) break;
    if (Date.now() > deadline) throw new Error('the search page shows no highlighted result 30 s after the reindex');
    await new Promise((r) => setTimeout(r, 250));
  }
});
afterAll(async () => {
  await browser?.close();
});

async function seriousAxeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's strict CSP does not apply to.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  return result as string[];
}

const hits = (page: Page) => page.locator('.search-hits .story-item');

describe('the search page', () => {
  it('searches from the header and highlights the words found', async () => {
    const { page, problems } = await newPage(browser);
    await page.goto(`${baseUrl}/it`);
    await page.locator('#header-q').fill('rimborso');
    await page.locator('#header-q').press('Enter');
    await page.waitForURL(/\/it\/search\?q=rimborso$/);
    expect(await page.locator('h1').innerText()).toBe('Risultati per «rimborso»');
    expect(await hits(page).count()).toBeGreaterThan(0);
    expect(await page.locator('.search-hits mark').first().innerText()).toMatch(/rimborso/i);
    expect(await page.locator('#search-count').innerText()).toMatch(/^\d+ storie? trovat[ae]$/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('filters by status with counts, and the URL alone reproduces the results', async () => {
    const { page, problems } = await newPage(browser, { locale: 'en-GB' });
    await page.goto(`${baseUrl}/en/search`);
    const overdue = page.locator('label.facet', { has: page.locator('input[name="state"][value="overdue"]') });
    const count = Number(await overdue.locator('.count').innerText());
    expect(count).toBeGreaterThan(0);
    await overdue.locator('input').check();
    await page.locator('.search-filters button[type="submit"]').click();
    await page.waitForURL(/state=overdue/);
    const badges = await page.locator('.search-hits .badge').allInnerTexts();
    expect(badges.length).toBe(Math.min(count, 20));
    for (const b of badges) expect(b).toMatch(/^Reply overdue/);
    const url = page.url();
    const { page: again } = await newPage(browser, { locale: 'en-GB' });
    await again.goto(url);
    expect(await again.locator('.search-hits .badge').allInnerTexts()).toEqual(badges);
    expect(await again.locator('input[name="state"][value="overdue"]').isChecked()).toBe(true);
    expect(problems).toEqual([]);
    await again.context().close();
    await page.context().close();
  });

  it('shows results for the corrected spelling of a misspelt word', async () => {
    const { page } = await newPage(browser);
    await page.goto(`${baseUrl}/it/search?q=rimbroso`);
    expect(await page.locator('.did-you-mean').innerText()).toContain('Ecco i risultati per «rimborso»');
    expect(await hits(page).count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('says so when nothing matches, in English', async () => {
    const { page } = await newPage(browser, { locale: 'en-GB' });
    await page.goto(`${baseUrl}/en/search?q=zzqxwv`);
    expect(await page.locator('.search-results').innerText()).toContain('No story matches your search.');
    expect(await hits(page).count()).toBe(0);
    await page.context().close();
  });

  it('offers company names while typing in the company field', async () => {
    const { page, problems } = await newPage(browser);
    await page.goto(`${baseUrl}/it/search`);
    const name = await (await fetch(`${baseUrl}/api/v1/companies?per_page=1`)).json().then((b: { companies: { name: string }[] }) => b.companies[0]!.name);
    await page.locator('#search-company').pressSequentially(name.slice(0, 4), { delay: 30 });
    await expect
      .poll(() => page.locator('#search-company-options option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)), { timeout: 5000 })
      .toContain(name);
    await page.locator('#search-company').fill(name);
    await page.locator('.search-filters button[type="submit"]').click();
    await page.waitForURL(/company=/);
    expect(await page.locator('.notice.ok').innerText()).toContain(name);
    const companies = await page.locator('.search-hits .story-meta a').allInnerTexts();
    expect(companies.length).toBeGreaterThan(0);
    for (const c of companies) expect(c).toBe(name);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('works as a plain form without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'it-IT' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/it/search`);
    await page.locator('#search-q').fill('consegna');
    await page.locator('input[name="channel"][value="email"]').check();
    await page.locator('.search-bar button').click();
    await page.waitForURL(/q=consegna/);
    expect(new URL(page.url()).searchParams.getAll('channel')).toEqual(['email']);
    expect(await page.locator('#search-count').count()).toBe(1);
    await context.close();
  });

  it('fits a phone screen without horizontal scrolling', async () => {
    const { page } = await newPage(browser, { width: 375, height: 740 });
    await page.goto(`${baseUrl}/it/search?q=rimborso`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await page.context().close();
  });
});
