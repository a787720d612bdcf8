// The notification settings page and the one-click unsubscribe landing page in a real browser,
// in Italian and English, at desktop (1280 px) and phone (390 px) width. Screenshots go to
// $SCREENSHOT_DIR when it is set (the note of issue 15 lists the ones looked at).
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../src/db/client.ts';
import { siteSecret } from '../../src/db/notification.repository.ts';
import type { NotificationKind } from '../../src/domain/notifications.ts';
import { signUnsubscribeToken, UNSUBSCRIBE_SECRET } from '../../src/mail/unsubscribe-token.ts';
import { launchBrowser, newPage, seriousAxeViolations } from './browser.ts';

const baseUrl = inject('baseUrl');
const shots = process.env.SCREENSHOT_DIR;
const PASSWORD = 'answerable-demo-2026';
let browser: Browser;
let opened: OpenedDatabase;

beforeAll(async () => {
  browser = await launchBrowser();
  opened = openDatabase(join(inject('dataDir'), 'e2e.sqlite'));
});
afterAll(async () => {
  await browser?.close();
  await opened?.db.destroy();
});

async function userId(email: string): Promise<number> {
  return (await opened.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
}

async function prefs(email: string): Promise<Record<string, number>> {
  const rows = await opened.db.selectFrom('notification_preferences').select(['kind', 'enabled']).where('user_id', '=', await userId(email)).execute();
  return Object.fromEntries(rows.map((r) => [r.kind, r.enabled]));
}

/** The link a notification mail of this kind to this person carries (signed with the server's key). */
async function oneClickUrl(email: string, kind: NotificationKind, lang: string): Promise<string> {
  const secret = await siteSecret(opened.db, UNSUBSCRIBE_SECRET, Date.now());
  return `${baseUrl}/${lang}/unsubscribe?token=${signUnsubscribeToken(secret, { userId: await userId(email), kind }, email)}`;
}

async function signIn(page: Page, lang: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/${lang}/account/sign-in`);
  await page.fill('#f-email', email);
  await page.fill('#f-password', PASSWORD);
  await Promise.all([page.waitForURL((u) => !u.pathname.endsWith('/sign-in')), page.click('main form button[type="submit"]')]);
}

async function noSidewaysScroll(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
}

const cases = [
  { lang: 'en', locale: 'en-GB', email: 'niamh.o@example.org', title: 'E-mail notifications', replied: 'The company replied', saved: 'Preferences saved.' },
  { lang: 'it', locale: 'it-IT', email: 'ilaria.b@example.org', title: 'Avvisi via e-mail', replied: 'L’azienda ha risposto', saved: 'Preferenze salvate.' },
] as const;

describe('the notification settings page', () => {
  for (const c of cases) {
    it(`lists each kind with a switch and saves the choice (${c.lang})`, async () => {
      const { page, problems } = await newPage(browser, { width: 1280, locale: c.locale });
      await signIn(page, c.lang, c.email);
      await page.goto(`${baseUrl}/${c.lang}/account`);
      await Promise.all([page.waitForURL(/\/account\/notifications$/), page.click(`a[href="/${c.lang}/account/notifications"]`)]);
      expect(await page.locator('h1').textContent()).toBe(c.title);
      const boxes = page.locator('input[type="checkbox"][name="kinds"]');
      expect(await boxes.count()).toBe(3);
      for (let i = 0; i < 3; i++) expect(await boxes.nth(i).isChecked()).toBe(true);
      // Each switch is named by its label (a screen reader says what it turns off).
      const replied = page.getByLabel(c.replied);
      expect(await replied.isChecked()).toBe(true);
      if (shots) await page.screenshot({ path: join(shots, `settings-${c.lang}-1280.png`), fullPage: true });
      expect(await seriousAxeViolations(page, ['main'])).toEqual([]);

      await replied.uncheck();
      await Promise.all([page.waitForURL(/\/account\/notifications$/), page.click('form.notification-settings button[type="submit"]')]);
      expect(await page.locator('.notice.ok').textContent()).toBe(c.saved);
      expect(await page.getByLabel(c.replied).isChecked()).toBe(false);
      expect(await prefs(c.email)).toEqual({ story_overdue: 1, company_replied: 0, verdict_reminders: 1 });

      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await noSidewaysScroll(page);
      if (shots) await page.screenshot({ path: join(shots, `settings-${c.lang}-390.png`), fullPage: true });
      // Turn it back on: the page works both ways.
      await page.getByLabel(c.replied).check();
      await Promise.all([page.waitForURL(/\/account\/notifications$/), page.click('form.notification-settings button[type="submit"]')]);
      expect(await prefs(c.email)).toEqual({ story_overdue: 1, company_replied: 1, verdict_reminders: 1 });
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }

  it('shows the company kinds to a company representative', async () => {
    const { page, problems } = await newPage(browser, { width: 1280, locale: 'en-GB' });
    await signIn(page, 'en', 'assistenza@fioriveloci.example');
    await page.goto(`${baseUrl}/en/account/notifications`);
    expect(await page.locator('input[type="checkbox"][name="kinds"]').count()).toBe(5);
    expect(await page.getByLabel('Daily digest for my company').isChecked()).toBe(true);
    if (shots) await page.screenshot({ path: join(shots, 'settings-en-rep-1280.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe('the one-click unsubscribe landing page', () => {
  const landing = [
    { lang: 'en', locale: 'en-GB', email: 'tom.k@example.org', confirm: 'Stop sending “My story is overdue”', button: 'Yes, unsubscribe me', done: 'Done: you will no longer get “My story is overdue”', invalid: 'This unsubscribe link is not valid' },
    { lang: 'it', locale: 'it-IT', email: 'anna.p@example.org', confirm: 'Vuoi smettere di ricevere «La mia storia è in ritardo»', button: 'Sì, disiscrivimi', done: 'Fatto: non riceverai più «La mia storia è in ritardo»', invalid: 'Questo link di disiscrizione non è valido' },
  ] as const;

  for (const c of landing) {
    it(`asks first, without sign-in, and unsubscribes on the button (${c.lang})`, async () => {
      for (const width of [390, 1280]) {
        const { page, problems } = await newPage(browser, { width, locale: c.locale });
        await page.goto(await oneClickUrl(c.email, 'story_overdue', c.lang));
        expect(await page.locator('.unsubscribe').textContent()).toContain(c.confirm);
        // Opening the link changed nothing.
        expect(await prefs(c.email)).toEqual({});
        await noSidewaysScroll(page);
        if (shots) await page.screenshot({ path: join(shots, `unsubscribe-${c.lang}-${width}.png`), fullPage: true });
        expect(problems).toEqual([]);
        await page.context().close();
      }
      const { page, problems } = await newPage(browser, { width: 390, locale: c.locale });
      await page.goto(await oneClickUrl(c.email, 'story_overdue', c.lang));
      await page.click(`button:has-text("${c.button}")`);
      await page.waitForSelector('.unsubscribe[data-state="done"]');
      expect(await page.locator('.notice.ok').textContent()).toContain(c.done);
      expect(await prefs(c.email)).toEqual({ story_overdue: 0 });
      if (shots) await page.screenshot({ path: join(shots, `unsubscribe-${c.lang}-done-390.png`), fullPage: true });

      // A link with a broken signature says so, in the same language.
      const url = new URL(await oneClickUrl(c.email, 'company_replied', c.lang));
      url.searchParams.set('token', url.searchParams.get('token')!.slice(0, -2) + 'xx');
      const res = await page.goto(url.href);
      expect(res?.status()).toBe(400);
      expect(await page.locator('.notice.err').textContent()).toContain(c.invalid);
      expect(await prefs(c.email)).toEqual({ story_overdue: 0 });
      expect(problems.filter((p) => !p.includes('400'))).toEqual([]);
      await page.context().close();
    });
  }
});

describe('the next steps of an overdue story', () => {
  it('shows its author what they can do now, where the overdue mail links to', async () => {
    const row = await opened.db
      .selectFrom('stories as s')
      .innerJoin('users as u', 'u.id', 's.author_id')
      .select(['s.id', 'u.email', 'u.locale'])
      .where('s.state', '=', 'overdue')
      .where('s.first_reply_at', 'is', null)
      .where('u.email', 'like', '%@example.%')
      // The newest: its verdict window is open (an old one's may have closed).
      .orderBy('s.published_at', 'desc')
      .executeTakeFirstOrThrow();
    const { page, problems } = await newPage(browser, { width: 390, locale: row.locale === 'it' ? 'it-IT' : 'en-GB' });
    await signIn(page, 'en', row.email);
    await page.goto(`${baseUrl}/en/stories/${row.id}#next-steps`);
    const steps = page.locator('#next-steps');
    expect(await steps.locator('h2').textContent()).toBe('What you can do now');
    expect(await steps.locator('a[href="#verdict-form"]').count()).toBe(1);
    expect(await page.locator('#verdict-form').count()).toBe(1);
    expect(await page.getByLabel('Share the story’s link:').inputValue()).toBe(`${baseUrl}/en/stories/${row.id}`);
    await noSidewaysScroll(page);
    if (shots) await page.screenshot({ path: join(shots, 'next-steps-en-390.png') });
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
