// The contact directory in a real browser (issue 17, decision 0042): the contacts page shows costs,
// official badges, the way to a person, withdrawn channels with their history and look-alike
// warnings; a consumer reports a vanished number and, once a moderator confirms, the company page
// lists it among the channels removed in the last 12 months; the publish form's picker attaches the
// contact used to the story. With SCREENSHOT_DIR set, each view is saved at 1280 and 390 px.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, startSite, type Site } from '../security/harness.ts';
import { launchBrowser, newPage, seriousAxeViolations } from './browser.ts';

let site: Site;
let browser: Browser;
const shots = process.env.SCREENSHOT_DIR;

beforeAll(async () => {
  site = await startSite();
  browser = await launchBrowser();
  if (shots) mkdirSync(shots, { recursive: true });
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

describe('the contacts page', () => {
  it('shows costs, the way to a person, the withdrawn toll-free number and its replacement, in both languages', async () => {
    for (const lang of ['en', 'it'] as const) {
      for (const width of [1280, 390]) {
        const { page, problems } = await newPage(browser, { width, locale: lang === 'en' ? 'en-GB' : 'it-IT' });
        await page.goto(`${site.baseUrl}/${lang}/companies/aurora-fibra/contacts`);
        const text = (await page.locator('main, body').first().textContent()) ?? '';
        if (lang === 'en') {
          expect(text).toContain('To reach a person: press 2, then 4, then 0');
          expect(text).toMatch(/Phone \(toll-free\) 800 123 456 withdrawn on .* \(now only a form\), replaced by: Web form https:\/\/www\.aurorafibra\.example\/assistenza\/modulo/);
          expect(text).toContain('Official');
        } else {
          expect(text).toContain('Per parlare con una persona: premi 2, poi 4, poi 0');
          expect(text).toMatch(/ritirato il .* \(ora c’è solo un modulo\), sostituito da: Modulo web/);
        }
        expect(await seriousAxeViolations(page, ['.contacts-page'])).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await shot(page, `contacts-aurora-${lang}-${width}`);
        await page.goto(`${site.baseUrl}/${lang}/companies/fioriveloci/contacts`);
        const florist = (await page.locator('body').textContent()) ?? '';
        expect(florist).toContain(lang === 'en' ? 'premium rate' : 'a pagamento, tariffa maggiorata');
        expect(florist).toContain(lang === 'en' ? 'Not FioriVeloci’s: reported 12 times' : 'Non è di FioriVeloci: segnalato 12 volte');
        await shot(page, `contacts-fioriveloci-${lang}-${width}`);
        expect(problems).toEqual([]);
        await page.context().close();
      }
    }
  });

  it('a consumer reports a vanished number; after a moderator confirms, the company page shows it removed', async () => {
    const { page, problems } = await newPage(browser, { width: 1280, locale: 'en-GB' });
    await browserSignIn(page, 'priya.n@example.com');
    await page.goto(`${site.baseUrl}/en/companies/kestrelbyte/contacts`);
    const option = page.locator('#c-contact option', { hasText: '0808 157 0192' });
    await page.selectOption('#c-contact', (await option.getAttribute('value'))!);
    await page.check('input[name="change"][value="gone"]');
    await Promise.all([page.waitForLoadState('load'), page.click('#change-form button[type="submit"]')]);
    expect(await page.locator('.notice.ok').textContent()).toContain('your report is counted (1 of 3 people)');
    // An official number waits for a moderator.
    expect(await page.locator('.contact', { hasText: '0808 157 0192' }).textContent()).toContain('Open reports: no longer works (1)');
    await page.context().close();

    const mod = await newPage(browser, { width: 1280, locale: 'en-GB' });
    await browserSignIn(mod.page, 'moderatore@example.org');
    await mod.page.goto(`${site.baseUrl}/en/moderation/contacts`);
    const row = mod.page.locator('tr', { hasText: '0808 157 0192' });
    await Promise.all([mod.page.waitForURL((u) => u.searchParams.get('done') === '1'), row.locator('button[value="withdraw"]').click()]);
    await mod.page.goto(`${site.baseUrl}/en/companies/kestrelbyte`);
    const removed = mod.page.locator('.removed-channels');
    expect(await removed.textContent()).toMatch(/Phone \(toll-free\) 0808 157 0192 withdrawn on .* \(no longer works\)/);
    await shot(mod.page, 'company-page-removed-channels-1280');
    expect([...problems, ...mod.problems]).toEqual([]);
    await mod.page.context().close();
  });
});

describe('the company’s team', () => {
  it('declares a contact, which shows as official', async () => {
    for (const [lang, width] of [['it', 1280], ['en', 390]] as const) {
      const { page, problems } = await newPage(browser, { width, locale: lang === 'en' ? 'en-GB' : 'it-IT' });
      await browserSignIn(page, 'assistenza@aurorafibra.example');
      await page.goto(`${site.baseUrl}/${lang}/companies/aurora-fibra/contacts`);
      await page.selectOption('#d-kind', 'chat');
      await page.fill('#d-value', `https://www.aurorafibra.example/chat-${lang}`);
      await page.fill('#d-hours', lang === 'it' ? 'tutti i giorni 9–21' : 'daily 9am–9pm');
      await Promise.all([page.waitForLoadState('load'), page.click('#declare-form button[type="submit"]')]);
      expect(await page.locator('.notice.ok').textContent()).toContain(lang === 'it' ? 'compare come ufficiale' : 'it shows as official');
      const card = page.locator('.contact', { hasText: `chat-${lang}` });
      expect(await card.textContent()).toContain(lang === 'it' ? 'Ufficiale' : 'Official');
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await shot(page, `contacts-team-${lang}-${width}`);
      expect(problems).toEqual([]);
      await page.context().close();
    }
  });
});

describe('the publish form’s contact picker', () => {
  it('lists the company’s contacts per channel and attaches the one used to the story', async () => {
    for (const [lang, width] of [['en', 1280], ['en', 390], ['it', 1280], ['it', 390]] as const) {
      const { page, problems } = await newPage(browser, { width, locale: lang === 'en' ? 'en-GB' : 'it-IT' });
      await browserSignIn(page, 'owen.m@example.org');
      await page.goto(`${site.baseUrl}/${lang}/publish?company=aurora-fibra`);
      const picker = page.locator('[data-contact-picker]');
      expect(await picker.getAttribute('open')).not.toBeNull();
      const paid = await page.locator('#contact-phone_paid option').allTextContents();
      expect(paid.some((o) => o.includes('02 1234 5678') && o.includes(lang === 'en' ? 'press 2, then 4, then 0' : 'premi 2'))).toBe(true);
      // The withdrawn toll-free number is not offered.
      expect(await page.locator('#contact-phone_tollfree').isVisible()).toBe(false);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      if (shots) await picker.screenshot({ path: join(shots, `publish-picker-${lang}-${width}.png`) });
      expect(problems).toEqual([]);
      await page.context().close();
    }

    const { page, problems } = await newPage(browser, { width: 1280, locale: 'en-GB' });
    await browserSignIn(page, 'owen.m@example.org');
    await page.goto(`${site.baseUrl}/en/publish?company=aurora-fibra`);
    await page.fill('#publish-title', 'Forty minutes on the phone menu for a router');
    await page.fill('#publish-date', '2026-11-20');
    await page.selectOption('#publish-category', { index: 1 });
    await page.fill('#publish-body', 'I called the technical line about a router that keeps dropping the connection every evening, and waited a long time.');
    await page.check('input[name="channels"][value="phone_paid"]');
    await page.fill('#wait-phone_paid', '40');
    const menuOption = page.locator('#contact-phone_paid option', { hasText: 'press 2' });
    await page.selectOption('#contact-phone_paid', (await menuOption.getAttribute('value'))!);
    await Promise.all([page.waitForURL(/\/en\/stories\/\d+$/), page.click('button[name="intent"][value="publish"]')]);
    const storyId = Number(new URL(page.url()).pathname.split('/').at(-1));
    const row = site.sql().prepare("select c.kind, c.value from story_channels s join company_contacts c on c.id = s.contact_id where s.story_id = ? and s.channel = 'phone_paid'").get(storyId);
    expect(row).toEqual({ kind: 'menu_path', value: '2 4 0' });
    // The story page says which contact was used: the number and the path through its menu.
    const used = await page.locator('.story-contact').first().textContent();
    expect(used).toContain('Contact used:');
    expect(used).toContain('02 1234 5678');
    expect(used).toContain('press 2, then 4, then 0');
    expect(problems).toEqual([]);
    await page.context().close();
    for (const [lang, width] of [['it', 390], ['en', 390]] as const) {
      const phone = await newPage(browser, { width, locale: lang === 'en' ? 'en-GB' : 'it-IT' });
      await phone.page.goto(`${site.baseUrl}/${lang}/stories/${storyId}`);
      expect(await phone.page.locator('.story-contact').first().textContent()).toContain(lang === 'en' ? 'press 2' : 'premi 2');
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      if (shots) await phone.page.locator('#channels-h').locator('..').screenshot({ path: join(shots, `story-contact-${lang}-${width}.png`) });
      expect(phone.problems).toEqual([]);
      await phone.page.context().close();
    }
  });
});

describe('the publish picker loads the company chosen, and the marketplace’s contacts (decision 0050)', () => {
  it('choosing the company from the suggestions lists its contacts; naming a marketplace adds its own, grouped; a new contact goes to the marketplace', async () => {
    for (const [lang, width] of [['en', 1280], ['it', 1280], ['en', 390], ['it', 390]] as const) {
      const { page, problems } = await newPage(browser, { width, locale: lang === 'en' ? 'en-GB' : 'it-IT' });
      await browserSignIn(page, 'tom.k@example.org');
      await page.goto(`${site.baseUrl}/${lang}/publish`);
      await page.fill('#publish-company', 'Swiftcr');
      await page.locator('[role="listbox"] li', { hasText: 'Swiftcrate' }).first().click();
      // No reload: the script fetched the company's listed contacts.
      await page.locator('#contact-phone_paid option', { hasText: '0330 088 1456' }).first().waitFor({ state: 'attached' });
      expect(await page.locator('#contact-phone_paid').isVisible()).toBe(true);
      expect(await page.locator('[data-picker-status]').textContent()).toContain('Swiftcrate');
      // The marketplace: its contacts join, grouped under labels, and a typed one can be its.
      await page.locator('[data-marketplace-fields] summary').click();
      await page.fill('#publish-marketplace', 'Piazzalunga');
      await page.locator('#publish-marketplace').blur();
      await page.locator('#contact-web_form optgroup').nth(1).waitFor({ state: 'attached' });
      const groups = await page.locator('#contact-web_form optgroup').evaluateAll((els) => els.map((e) => e.getAttribute('label')));
      expect(groups).toEqual(lang === 'en' ? ['Seller: Swiftcrate Parcels', 'Marketplace: Piazzalunga'] : ['Venditore: Swiftcrate Parcels', 'Marketplace: Piazzalunga']);
      expect(await page.locator('#contact-new-for-chat').isVisible()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(await seriousAxeViolations(page, ['[data-contact-picker]'])).toEqual([]);
      if (shots) await page.locator('[data-contact-picker]').screenshot({ path: join(shots, `publish-picker-marketplace-${lang}-${width}.png`) });
      if (lang === 'en' && width === 1280) {
        await page.fill('#publish-title', 'Parcel lost between the shop and the marketplace');
        await page.fill('#publish-date', '2026-11-20');
        await page.selectOption('#publish-category', { index: 1 });
        await page.fill('#publish-body', 'The parcel never arrived; the courier sent me to the marketplace, and the marketplace sent me back to the courier.');
        await page.check('input[name="marketplaceResponsible"][value="seller"]');
        await page.check('input[name="channels"][value="web_form"]');
        await page.check('input[name="channels"][value="chat"]');
        const mpForm = page.locator('#contact-web_form optgroup').nth(1).locator('option').first();
        await page.selectOption('#contact-web_form', (await mpForm.getAttribute('value'))!);
        await page.fill('#contact-new-chat', 'https://www.piazzalunga.example/venditori/chat');
        await page.selectOption('#contact-new-for-chat', 'marketplace');
        await Promise.all([page.waitForURL(/\/en\/stories\/\d+$/), page.click('button[name="intent"][value="publish"]')]);
        const storyId = Number(new URL(page.url()).pathname.split('/').at(-1));
        const used = site.sql().prepare('select s.channel, co.slug from story_channels s join company_contacts c on c.id = s.contact_id join companies co on co.id = c.company_id where s.story_id = ? order by s.channel').all(storyId);
        expect(used).toEqual([{ channel: 'chat', slug: 'piazzalunga' }, { channel: 'web_form', slug: 'piazzalunga' }]);
      }
      expect(problems).toEqual([]);
      await page.context().close();
    }
  });
});
