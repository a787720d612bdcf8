// The publish form that remembers (issue 15, decision 0041), in a real browser: every error at
// once with focus on a summary linking to the fields; few Tab stops; distinct names for the
// "never answered" boxes; photos and their descriptions kept across the preview; the language
// switch keeping the draft; a wait kept with "never answered", shown on the story and in the
// company's channel table. Screenshots go to /tmp/shots-forms/.
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage, seriousAxeViolations } from './browser.ts';

const baseUrl = inject('baseUrl');
const DEMO_PASSWORD = 'answerable-demo-2026';
const SHOTS = '/tmp/shots-forms';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

async function signedIn(opts: { width?: number; locale?: string } = {}, email = 'giulia.r@example.org'): Promise<{ page: Page; problems: string[] }> {
  const made = await newPage(browser, { locale: 'en-GB', ...opts });
  await made.page.goto(`${baseUrl}/en/account/sign-in`);
  await made.page.fill('#f-email', email);
  await made.page.fill('#f-password', DEMO_PASSWORD);
  await Promise.all([made.page.waitForURL((url) => !url.pathname.endsWith('/sign-in')), made.page.click('main form button[type="submit"]')]);
  return made;
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

async function fillStory(page: Page, title: string, company = 'Fiori Veloci'): Promise<void> {
  await page.fill('#publish-company', company);
  await page.fill('#publish-title', title);
  await page.fill('#publish-date', '2026-11-02');
  await page.selectOption('#publish-category', 'delivery');
  await page.fill('#publish-body', 'The parcel arrived two weeks late. I waited in the chat for half an hour and nobody ever answered, then I wrote an e-mail.');
}

describe('the publish form', () => {
  it('shows every error at once, with focus on a summary that links to each field', async () => {
    const { page, problems } = await signedIn();
    await page.goto(`${baseUrl}/en/publish`);
    await page.click('button[name="intent"][value="publish"]');
    const summary = page.locator('#error-summary');
    await summary.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
    const links = summary.locator('a');
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    // The missing company is there on the FIRST submit, with the other required fields.
    expect(hrefs).toEqual(expect.arrayContaining(['#publish-company', '#publish-title', '#publish-date', '#publish-category', '#publish-body', '#channel-phone_tollfree']));
    expect(await page.locator('.field .error, fieldset > .error, #publish-channels .error').count()).toBeGreaterThanOrEqual(5);
    // Each link leads to its field.
    await summary.locator('a[href="#publish-title"]').click();
    expect(await page.evaluate(() => location.hash)).toBe('#publish-title');
    await shot(page, 'error-summary-en-1280');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems.filter((p) => !p.includes('status of 422'))).toEqual([]);
    await page.context().close();
  });

  // Measured on the English form (issue 15 counted 56 over the page): header 10 stops, form 21
  // (23 presses: the date takes three; 24 from the skip link to "Publish"), footer 3. Eight channel boxes stay eight stops (each is a
  // checkbox of its own); their details are hidden until ticked, the company's extras and the
  // order details wait behind a <summary>.
  const PAGE_TAB_PRESSES = 37;
  const FORM_TAB_PRESSES = 24;
  it(`needs ${PAGE_TAB_PRESSES} Tab presses over the whole page (issue: 56), ${FORM_TAB_PRESSES} from the skip link to "Publish", distinct names for "never answered" and tap targets of 24 px`, async () => {
    const { page, problems } = await signedIn();
    await page.goto(`${baseUrl}/en/publish`);
    // Count the Tab presses that cross the whole page, from the top until focus leaves it (a date
    // input takes one press per part: day, month, year).
    const stops: string[] = [];
    let presses = 0;
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < 150; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const w = window as unknown as { tabSeen?: number };
        if (!el.hasAttribute('data-tab-seen')) el.setAttribute('data-tab-seen', `${(w.tabSeen = (w.tabSeen ?? 0) + 1)}:${el.tagName.toLowerCase()}#${el.id || el.textContent?.trim().slice(0, 16)}`);
        return el.getAttribute('data-tab-seen');
      });
      if (id === null || (stops.length > 0 && id === stops[0])) break;
      presses++;
      if (!stops.includes(id)) stops.push(id);
    }
    console.info(`publish form: ${presses} Tab presses over ${stops.length} stops: ${stops.join(' ')}`);
    expect(stops.length).toBeGreaterThan(20);
    expect(presses).toBeLessThanOrEqual(PAGE_TAB_PRESSES);

    // A keyboard user skips the header: the skip link, then Tab presses until "Publish".
    await page.goto(`${baseUrl}/en/publish`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toMatch(/^#/);
    await page.keyboard.press('Enter');
    let formPresses = 0;
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      formPresses++;
      if (await page.evaluate(() => (document.activeElement as HTMLButtonElement | null)?.value === 'publish')) break;
    }
    console.info(`publish form: ${formPresses} Tab presses from the skip link to "Publish"`);
    expect(formPresses).toBeLessThanOrEqual(FORM_TAB_PRESSES);

    // Ticking a channel opens its details (and adds its stops); the eight boxes have distinct names.
    await page.check('#channel-chat');
    await expect.poll(() => page.locator('#wait-chat').isVisible()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Chat: never answered' }).count()).toBe(1);
    const names = await page.locator('input[name^="unanswered_"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(new Set(names).size).toBe(8);
    // Tap targets: every checkbox and button of the form is at least 24 × 24 px.
    const small = await page.locator('#publish-form input[type="checkbox"]:visible, #publish-form button:visible, header button:visible').evaluateAll((els) =>
      els.map((e) => e.getBoundingClientRect()).filter((r) => r.width < 24 || r.height < 24).length,
    );
    expect(small).toBe(0);
    expect(problems.filter((p) => !p.includes('status of 422'))).toEqual([]);
    await page.context().close();
  });

  it('keeps chosen photos and their descriptions across the preview, then publishes them', async () => {
    const { page, problems } = await signedIn();
    await page.goto(`${baseUrl}/en/publish`);
    const title = `Late parcel with photos ${Date.now()}`;
    await fillStory(page, title);
    await page.check('#channel-email');
    const red = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#b35' } }).png().toBuffer();
    const blue = await sharp({ create: { width: 480, height: 640, channels: 3, background: '#35b' } }).jpeg().toBuffer();
    await page.setInputFiles('#publish-photos', [
      { name: 'box.png', mimeType: 'image/png', buffer: red },
      { name: 'label.jpg', mimeType: 'image/jpeg', buffer: blue },
    ]);
    // One description per chosen photo.
    await page.fill('#publish-photo-alt-0', 'A crushed red box');
    await page.fill('#publish-photo-alt-1', 'The blue shipping label');
    await page.click('button[name="intent"][value="preview"]');
    await page.locator('#preview-h').waitFor();
    const previewImgs = page.locator('section[aria-labelledby="preview-h"] .draft-photos img');
    expect(await previewImgs.count()).toBe(2);
    expect(await previewImgs.evaluateAll((imgs) => imgs.map((i) => i.getAttribute('alt')))).toEqual(['A crushed red box', 'The blue shipping label']);
    await expect.poll(() => previewImgs.first().evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
    // The form keeps them, each with its own description field, editable.
    const altFields = page.locator('#publish-form input[name^="alt_"]');
    expect(await altFields.count()).toBe(2);
    expect(await altFields.nth(1).inputValue()).toBe('The blue shipping label');
    expect(await page.inputValue('#publish-title')).toBe(title);
    await shot(page, 'preview-photos-en-1280');
    await altFields.nth(1).fill('The shipping label, two weeks late');
    await Promise.all([page.waitForURL(/\/en\/stories\/\d+$/), page.click('button[name="intent"][value="publish"]')]);
    const imgs = page.locator('.photos img');
    expect(await imgs.count()).toBe(2);
    expect(await imgs.evaluateAll((els) => els.map((i) => i.getAttribute('alt')))).toEqual(['A crushed red box', 'The shipping label, two weeks late']);
    expect(problems.filter((p) => !p.includes('status of 422'))).toEqual([]);
    await page.context().close();
  });

  it('keeps everything typed when the language is switched', async () => {
    const { page, problems } = await signedIn();
    await page.goto(`${baseUrl}/en/publish`);
    const title = `Switching language keeps this ${Date.now()}`;
    await fillStory(page, title);
    await page.check('#channel-chat');
    await page.fill('#wait-chat', '30');
    await page.check('#unanswered-chat');
    const photo = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#3a5' } }).png().toBuffer();
    await page.setInputFiles('#publish-photos', { name: 'green.png', mimeType: 'image/png', buffer: photo });
    await page.fill('#publish-photo-alt-0', 'A green box');
    await Promise.all([page.waitForURL(/\/it\/publish\?draft=[0-9a-f]{32}$/), page.click('header .lang-switch')]);
    expect(await page.locator('html').getAttribute('lang')).toBe('it');
    expect(await page.inputValue('#publish-title')).toBe(title);
    expect(await page.inputValue('#publish-company')).toBe('Fiori Veloci');
    expect(await page.inputValue('#publish-body')).toContain('two weeks late');
    expect(await page.isChecked('#channel-chat')).toBe(true);
    expect(await page.inputValue('#wait-chat')).toBe('30');
    expect(await page.isChecked('#unanswered-chat')).toBe(true);
    expect(await page.locator('#publish-form input[name^="alt_"]').first().inputValue()).toBe('A green box');
    await shot(page, 'publish-draft-it-1280');
    // And back again.
    await Promise.all([page.waitForURL(/\/en\/publish\?draft=/), page.click('header .lang-switch')]);
    expect(await page.inputValue('#publish-title')).toBe(title);
    expect(problems.filter((p) => !p.includes('status of 422'))).toEqual([]);
    await page.context().close();
  });

  it('keeps the wait of a channel that never answered, on the story and in the company table', async () => {
    const { page, problems } = await signedIn();
    await page.goto(`${baseUrl}/en/publish`);
    const company = `Chat Silenziosa ${Date.now()}`;
    await fillStory(page, 'Nobody in the chat for thirty minutes', company);
    await page.click('details.company-more summary');
    await page.selectOption('#publish-sector', 'ecommerce');
    // A wait typed for a channel that is not ticked gets a message, and the form keeps it.
    await page.check('#channel-email');
    await page.check('#channel-chat');
    await page.fill('#wait-chat', '30');
    await page.check('#unanswered-chat');
    await page.uncheck('#channel-chat');
    await page.click('button[name="intent"][value="publish"]');
    await page.locator('#error-summary').waitFor();
    expect(await page.locator('#error-summary').innerText()).toContain('did not tick Chat');
    expect(await page.inputValue('#wait-chat')).toBe('30');
    expect(await page.isChecked('#unanswered-chat')).toBe(true);
    await page.check('#channel-chat');
    await Promise.all([page.waitForURL(/\/en\/stories\/\d+$/), page.click('button[name="intent"][value="publish"]')]);
    const row = page.locator('tr', { hasText: 'Chat' }).first();
    expect(await row.innerText()).toMatch(/never answered.*30 min/i);
    // The company page: shares, answered, the wait of unanswered attempts, resolution.
    await page.locator('a[href*="/en/companies/"]').first().click();
    const table = page.locator('table.channel-table');
    await table.waitFor();
    const chat = table.locator('tr', { hasText: 'Chat' });
    expect(await chat.locator('td[data-label="Wait when never answered (median)"]').innerText()).toContain('30 min');
    expect(await chat.locator('td[data-label="Share of stories"]').innerText()).toContain('100%');
    await shot(page, 'company-channels-en-1280');
    expect(problems.filter((p) => !p.includes('status of 422'))).toEqual([]);
    await page.context().close();
  });

  it('screenshots at 390 px and 1280 px in both languages fit without sideways scroll', async () => {
    for (const width of [390, 1280]) {
      for (const lang of ['it', 'en'] as const) {
        const { page } = await signedIn({ width, locale: lang === 'it' ? 'it-IT' : 'en-GB' });
        await page.goto(`${baseUrl}/${lang}/publish`);
        await page.check('#channel-chat');
        await shot(page, `publish-${lang}-${width}`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.click('button[name="intent"][value="publish"]');
        await page.locator('#error-summary').waitFor();
        await shot(page, `error-summary-${lang}-${width}`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.goto(`${baseUrl}/${lang}/companies/fioriveloci`);
        const table = page.locator('table.channel-table');
        if ((await table.count()) > 0) await table.screenshot({ path: `${SHOTS}/company-channels-${lang}-${width}.png` });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.context().close();
      }
    }
  });
});
