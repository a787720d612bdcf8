// Publishing with a photo in a real browser: the multipart publish form carries a PNG made in the
// test, the story page shows the photo (served from PHOTOS_DIR), and the author is told which
// personal data was hidden in the public text, on the preview and after publishing.
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage, seriousAxeViolations } from './browser.ts';

const baseUrl = inject('baseUrl');
const DEMO_PASSWORD = 'answerable-demo-2026';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('publishing with photos in the browser', () => {
  it('publishes a story with a photo, shows it on the story page and tells the author what was masked', async () => {
    const { page, problems } = await newPage(browser, { locale: 'en-GB' });
    await page.goto(`${baseUrl}/en/account/sign-in`);
    await page.fill('#f-email', 'giulia.r@example.org');
    await page.fill('#f-password', DEMO_PASSWORD);
    await Promise.all([page.waitForURL((url) => !url.pathname.endsWith('/sign-in')), page.click('main form button[type="submit"]')]);

    await page.goto(`${baseUrl}/en/publish?company=fioriveloci`);
    const title = `Crushed box, photo attached ${Date.now()}`;
    await page.fill('#publish-title', title);
    await page.fill('#publish-date', '2026-11-02');
    await page.selectOption('#publish-category', 'delivery');
    await page.fill('#publish-body', 'The bouquet arrived in a crushed box. I left my mobile 347 123 4567 with the courier and nobody called back.');
    await page.check('input[name="channels"][value="phone_paid"]');
    await page.fill('#wait-phone_paid', '20');
    // The preview shows the text as it will be public and what was hidden; files are chosen after it.
    await page.click('button[name="intent"][value="preview"]');
    await page.locator('#preview-h').waitFor();
    const preview = page.locator('section[aria-labelledby="preview-h"]');
    expect(await preview.locator('.story-body').innerText()).toContain('••• ••• ••67');
    expect(await preview.locator('.notice').innerText()).toContain('phone number: “347 123 4567” → “••• ••• ••67”');
    expect(await page.inputValue('#publish-title')).toBe(title);
    const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#b35' } }).png().toBuffer();
    await page.setInputFiles('#publish-photos', { name: 'crushed-box.png', mimeType: 'image/png', buffer: photo });
    await page.fill('#publish-photo-alt-0', 'A crushed cardboard box with flowers inside');
    await Promise.all([page.waitForURL(/\/en\/stories\/\d+$/), page.click('button[name="intent"][value="publish"]')]);

    expect(await page.locator('h1').first().innerText()).toBe(title);
    expect(await page.locator('.story-body').innerText()).toContain('••• ••• ••67');
    expect(await page.locator('.story-body').innerText()).not.toContain('347 123 4567');
    expect(await page.locator('#workflow-actions .notice[role="status"]', { hasText: 'personal data' }).innerText()).toContain('phone number');

    const img = page.locator('.photos img');
    expect(await img.count()).toBe(1);
    expect(await img.getAttribute('alt')).toBe('A crushed cardboard box with flowers inside');
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(400);
    // The author can still add five more.
    expect(await page.locator('#add-photos summary').innerText()).toBe('Add photos');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
