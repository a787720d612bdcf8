// A person signs up, confirms the address from the mail, signs out, forgets the password, resets
// it from the mail and signs in again — in a real browser, mail read from the dev mailbox.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage } from './browser.ts';

const baseUrl = inject('baseUrl');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The text of the first element matching `selector`, once it is there. */
async function textOf(page: Page, selector: string): Promise<string> {
  await page.waitForSelector(selector);
  return (await page.locator(selector).first().textContent()) ?? '';
}

/** The first link of the newest mail of a kind to an address, waiting for the relay to deliver it. */
async function linkFromMailbox(page: Page, to: string, template: string): Promise<string> {
  for (let attempt = 0; attempt < 40; attempt++) {
    await page.goto(`${baseUrl}/dev/mail?to=${encodeURIComponent(to)}`);
    const link = page.locator(`article[data-template="${template}"] a`).first();
    if ((await link.count()) > 0) return (await link.getAttribute('href')) ?? '';
    await page.waitForTimeout(250);
  }
  throw new Error(`no ${template} mail for ${to} in the dev mailbox`);
}

describe('account life cycle in the browser', () => {
  it('signs up, verifies from the mailbox, signs out, resets the password from the mailbox and signs in', async () => {
    const { page, problems } = await newPage(browser, { locale: 'en-GB' });
    const email = `e2e-${Date.now()}@example.org`;

    // Sign up; a weak password first: the form comes back filled with a clear message.
    await page.goto(`${baseUrl}/en/account/sign-up`);
    await page.fill('#f-displayName', 'Marta E2E');
    await page.fill('#f-email', email);
    await page.fill('#f-password', 'password123');
    await page.click('button:has-text("Create the account")');
    expect(await textOf(page, '#f-password-error')).toContain('one of the most used');
    expect(await page.inputValue('#f-displayName')).toBe('Marta E2E');
    expect(await page.inputValue('#f-email')).toBe(email);
    await page.fill('#f-password', 'tre gatti sul tetto di Lucca');
    await page.click('button:has-text("Create the account")');
    expect(await textOf(page, '.notice.ok')).toContain(email);

    // Verify from the dev mailbox: the link shows a button; pressing it confirms the address but
    // signs nobody in (a link must never switch who is signed in): the password comes next.
    await page.goto(await linkFromMailbox(page, email, 'verify_email'));
    await page.click('button:has-text("Confirm the address")');
    await page.waitForURL(/\/en\/account\/sign-in$/);
    expect(await textOf(page, '.notice.ok')).toContain('confirmed');
    await page.fill('#f-email', email);
    await page.fill('#f-password', 'tre gatti sul tetto di Lucca');
    await page.click('main button:has-text("Sign in")');
    await page.waitForURL(/\/en\/account$/);
    expect(await textOf(page, 'main')).toContain('Marta E2E');
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name.endsWith('answerable_session'));
    expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });

    // Sign out: the account page then asks to sign in.
    await page.click('main form[action$="/sign-out"] button');
    await page.waitForURL(/\/en\/account\/sign-in$/);
    expect(await textOf(page, '.notice.ok')).toContain('signed out');
    await page.goto(`${baseUrl}/en/account`);
    await page.waitForURL(/\/en\/account\/sign-in\?next=/);

    // Forgot the password: the reset mail is in the mailbox within seconds.
    await page.goto(`${baseUrl}/en/account/forgot-password`);
    await page.fill('#f-email', email);
    await page.click('button:has-text("Send me the link")');
    expect(await textOf(page, '.notice.ok')).toContain('If an account exists');
    await page.goto(await linkFromMailbox(page, email, 'reset_password'));
    await page.fill('#f-password', 'quattro gatti blu a Pisa');
    await page.fill('#f-confirm', 'quattro gatti blu a Pisa');
    await page.click('button:has-text("Save the new password")');
    await page.waitForURL(/\/en\/account\/sign-in$/);
    expect(await textOf(page, '.notice.ok')).toContain('password');

    // The old password no longer works; the new one does.
    await page.fill('#f-email', email);
    await page.fill('#f-password', 'tre gatti sul tetto di Lucca');
    await page.click('main form button[type=submit]');
    expect(await textOf(page, '.notice.err')).toContain('Wrong e-mail or password');
    expect(await page.inputValue('#f-email')).toBe(email);
    await page.fill('#f-password', 'quattro gatti blu a Pisa');
    await page.click('main form button[type=submit]');
    await page.waitForURL(/\/en\/account$/);
    expect(await textOf(page, 'main')).toContain('Marta E2E');

    // Chromium logs the deliberate 422 (weak password) and 401 (wrong password) answers; nothing else.
    expect(problems.filter((p) => !/status of (401|422)\b/.test(p))).toEqual([]);
    await page.context().close();
  });

  it('has account forms without serious accessibility problems, errors shown included', async () => {
    const { page } = await newPage(browser);
    const found: string[] = [];
    const check = async () => {
      // evaluate, not addScriptTag: the CSP rightly blocks injected inline scripts.
      await page.evaluate(axeSource);
      const v = (await page.evaluate(async () => {
        // @ts-expect-error axe was evaluated above
        const r = await window.axe.run({ include: [['main']] }, { resultTypes: ['violations'] }); // our forms; the shell is tested with the read pages
        return r.violations
          .filter((x: { impact: string }) => x.impact === 'serious' || x.impact === 'critical')
          .map((x: { id: string }) => `${location.pathname}: ${x.id}`);
      })) as string[];
      found.push(...v);
    };
    for (const path of ['/it/account/sign-up', '/en/account/sign-in', '/it/account/forgot-password']) {
      await page.goto(`${baseUrl}${path}`);
      await check();
    }
    await page.goto(`${baseUrl}/it/account/sign-up`);
    await page.click('button:has-text("Crea l’account")');
    await page.waitForSelector('.field .error');
    await check();
    expect(found).toEqual([]);
    await page.context().close();
  });

  it('refuses a cross-site JSON post with 403 and a message', async () => {
    const res = await fetch(`${baseUrl}/en/account/sign-in`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@b.c', password: 'x' }),
    });
    expect(res.status).toBe(403);
    expect((await res.json()).message).toBe('Request refused: it came from another site.');
  });

  it('refuses a cross-site form post with 403 and a message in the page’s language', async () => {
    for (const [path, message] of [
      ['/it/account/sign-in', 'Richiesta rifiutata: proviene da un altro sito.'],
      ['/en/account/sign-in', 'Request refused: it came from another site.'],
    ]) {
      const res = await fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
        body: 'email=a%40b.c&password=x',
      });
      expect(res.status).toBe(403);
      expect(await res.text()).toBe(message);
    }
  });

  it('sends the security headers with every page', async () => {
    const res = await fetch(`${baseUrl}/it/account/sign-in`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBeTruthy();
  });
});
