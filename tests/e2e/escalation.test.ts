// Escalation next steps and marketplace stories in a real browser (issue 17): an overdue telco
// story shows ConciliaWeb with its official source; the complaint letter renders from the story in
// Italian and English, prints without the site's chrome and downloads as text; a marketplace story
// is listed under the marketplace's tab and says which company replied. Runs its own server (the
// security harness); with SCREENSHOT_DIR set, each view is saved as a PNG at 1280 and 390 px.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, request, signIn, startSite, type Site } from '../security/harness.ts';
import { launchBrowser, newPage, seriousAxeViolations } from './browser.ts';

let site: Site;
let browser: Browser;
let telcoStory: number;
let marketStory: number;
const shots = process.env.SCREENSHOT_DIR;

beforeAll(async () => {
  site = await startSite();
  browser = await launchBrowser();
  if (shots) mkdirSync(shots, { recursive: true });
  telcoStory = (site.sql().prepare("select id from stories where order_reference = 'AF-2026-118842'").get() as { id: number }).id;
  marketStory = (site.sql().prepare('select story_id as id from story_marketplaces order by story_id limit 1').get() as { id: number }).id;
});
afterAll(async () => {
  await browser?.close();
  await site?.stop();
});

async function shot(page: Page, name: string): Promise<void> {
  if (shots) await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

async function browserSignIn(page: Page, email: string): Promise<void> {
  await page.goto(`${site.baseUrl}/en/account/sign-in`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', DEMO_PASSWORD);
  await Promise.all([page.waitForURL((u) => !u.pathname.endsWith('/sign-in')), page.click('form:has(input[name="password"]) button[type="submit"]')]);
}

describe('next steps on an overdue telco story', () => {
  it('shows ConciliaWeb with what it costs and its official source, to everyone', async () => {
    for (const width of [1280, 390]) {
      const { page, problems } = await newPage(browser, { width, locale: 'en-GB' });
      await page.goto(`${site.baseUrl}/en/stories/${telcoStory}`);
      const section = page.locator('[data-next-steps]');
      expect(await section.getAttribute('data-next-steps')).toBe('overdue');
      const body = section.locator('[data-body="it_conciliaweb"]');
      expect(await body.locator('h4').textContent()).toBe('CoReCom / AGCOM ConciliaWeb');
      expect(await body.textContent()).toContain('Free for the customer.');
      const source = body.locator('a[data-source]');
      expect(await source.getAttribute('href')).toBe('https://conciliaweb.agcom.it/');
      expect(await body.textContent()).toContain('checked on 4 December 2026');
      // The cross-border network is offered too for an Italian company.
      expect(await section.locator('[data-body="eu_ecc_net"]').count()).toBe(1);
      expect(await section.locator('a[data-letter-link="it"]').getAttribute('href')).toBe(`/en/stories/${telcoStory}/letter?letter=it`);
      expect(await seriousAxeViolations(page, ['[data-next-steps]'])).toEqual([]);
      // Nothing overflows sideways on a phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await shot(page, `escalation-story-next-steps-${width}`);
      if (shots) await section.screenshot({ path: join(shots, `escalation-next-steps-section-${width}.png`) });
      expect(problems).toEqual([]);
      await page.context().close();
    }
  });

  it('puts the next steps first for the author, right under the story', async () => {
    const { page, problems } = await newPage(browser, { width: 390, locale: 'en-GB' });
    await browserSignIn(page, 'hannah.w@example.com');
    await page.goto(`${site.baseUrl}/en/stories/${telcoStory}`);
    const order = await page.evaluate(() => {
      const steps = document.querySelector('[data-next-steps]');
      const timeline = document.querySelector('#timeline-h');
      return steps && timeline ? steps.compareDocumentPosition(timeline) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
    });
    expect(order).toBeTruthy();
    expect(await page.locator('.next-steps.for-author').textContent()).toContain('This is your story');
    await shot(page, 'escalation-story-next-steps-author-390');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows no next steps on a story the company answered and solved', async () => {
    const solved = (site.sql().prepare("select id from stories where state = 'resolved' order by id limit 1").get() as { id: number }).id;
    const html = await (await request(site, `/en/stories/${solved}`)).text();
    expect(html).not.toContain('data-next-steps');
  });
});

describe('the complaint letter', () => {
  it('renders from the story in Italian and in English, with the author’s details for the author', async () => {
    const { page, problems } = await newPage(browser, { width: 1280, locale: 'en-GB' });
    await browserSignIn(page, 'hannah.w@example.com');
    await page.goto(`${site.baseUrl}/en/stories/${telcoStory}`);
    await Promise.all([page.waitForURL(/\/letter\?letter=it$/), page.click('a[data-letter-link="it"]')]);
    const letter = page.locator('main.letter');
    expect(await letter.getAttribute('lang')).toBe('it');
    const it = (await letter.textContent()) ?? '';
    expect(it).toContain('Oggetto: Reclamo formale – Billed for a fibre line that was never installed');
    expect(it).toContain('Hannah W.');
    expect(it).toContain('AF-2026-118842');
    expect(it).toContain('modulo sul sito (nessuna risposta)');
    expect(it).toContain('numero telefonico a pagamento (nessuna risposta)');
    expect(it).toMatch(/PEC/);
    // Page chrome stays out of the letter: no site header or footer.
    expect(await page.locator('header, footer').count()).toBe(0);

    await Promise.all([page.waitForURL(/letter=en$/), page.click('a[hreflang="en"]')]);
    const en = (await page.locator('main.letter').textContent()) ?? '';
    expect(en).toContain('Subject: Formal complaint – Billed for a fibre line that was never installed');
    expect(en).toContain('web form (no answer)');
    expect(en).toContain('paid phone line (no answer)');
    expect(en).toContain('registered mail');
    expect(problems, problems.join('\n')).toEqual([]);
    await page.context().close();
  });

  it('prints without the tools or the sending note, at desktop and phone width', async () => {
    for (const width of [1280, 390]) {
      const { page, problems } = await newPage(browser, { width, locale: 'it-IT' });
      await page.goto(`${site.baseUrl}/it/stories/${telcoStory}/letter?letter=it`);
      expect(await page.locator('.letter-tools').isVisible()).toBe(true);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.letter-tools').isVisible()).toBe(false);
      expect(await page.locator('.sending-note').isVisible()).toBe(false);
      expect(await page.locator('main.letter').textContent()).toContain('[Nome e cognome]');
      await shot(page, `escalation-letter-print-${width}`);
      expect(problems).toEqual([]);
      await page.context().close();
    }
  });

  it('downloads as a text file in the chosen language', async () => {
    const { page, problems } = await newPage(browser, { width: 1280, locale: 'en-GB' });
    await page.goto(`${site.baseUrl}/en/stories/${telcoStory}/letter?letter=en`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[data-letter-download]')]);
    expect(download.suggestedFilename()).toBe(`complaint-${telcoStory}.txt`);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text).toContain('Subject: Formal complaint – Billed for a fibre line that was never installed');
    expect(text).toContain('[Full name]');
    expect(text).not.toContain('AF-2026-118842');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe('a story bought through a marketplace', () => {
  it('is listed under the marketplace’s tab and says which company replied', async () => {
    const { page, problems } = await newPage(browser, { width: 390, locale: 'it-IT' });
    await page.goto(`${site.baseUrl}/it/companies/piazzalunga`);
    await Promise.all([page.waitForURL(/role=marketplace/), page.click('[data-role-tabs] a[href$="role=marketplace"]')]);
    expect(await page.locator(`a[href="/it/stories/${marketStory}"]`).count()).toBeGreaterThan(0);
    await page.goto(`${site.baseUrl}/it/stories/${marketStory}`);
    expect(await page.locator('[data-marketplace-line]').textContent()).toContain('Venduto da Bottega del Telaio tramite Piazzalunga');
    const heads = await page.locator('.thread .msg.company header strong').allTextContents();
    expect(heads).toEqual(['Risposta di Piazzalunga (marketplace)', 'Risposta di Bottega del Telaio (venditore)']);
    await shot(page, 'marketplace-story-390');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('is published from the form with the marketplace and who is responsible, and the form comes back filled when that is missing', async () => {
    const { jar } = await signIn(site, 'luca.t@example.org');
    const base = { companyName: 'Lampade di Via Roma', companyWebsite: 'lampadeviaroma.example', companySector: 'ecommerce', title: 'Lampada arrivata rotta, venduta su un marketplace', body: 'La lampada è arrivata con il vetro rotto; il negozio e il marketplace si rimandano la responsabilità da due settimane.', experienceDate: '2026-10-01', category: 'delivery', language: 'it', channels: 'email', wait_email: '3', unit_email: 'days', intent: 'publish' };
    const missing = await request(site, '/it/publish', { jar, form: { ...base, marketplaceName: 'Piazzalunga' } });
    expect(missing.status).toBe(422);
    const html = await missing.text();
    expect(html).toContain('Indica chi ritieni responsabile');
    expect(html).toContain('value="Piazzalunga"');
    const ok = await request(site, '/it/publish', { jar, form: { ...base, marketplaceName: 'Piazzalunga', marketplaceResponsible: 'marketplace' } });
    expect(ok.status).toBe(303);
    const id = Number(/\/stories\/(\d+)$/.exec(ok.headers.get('location') ?? '')?.[1]);
    const link = site.sql().prepare('select c.slug as responsible, mp.responsible as role from story_marketplaces mp join stories s on s.id = mp.story_id join companies c on c.id = s.company_id where mp.story_id = ?').get(id) as { responsible: string; role: string };
    expect(link).toEqual({ responsible: 'piazzalunga', role: 'marketplace' });
  });
});
