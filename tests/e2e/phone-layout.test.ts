// Every page fits a 390 px phone without scrolling sideways, tables turn into readable stacks,
// and tap targets are at least 24 px.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSession } from '../../src/auth/session.ts';
import { openDatabase, type OpenedDatabase } from '../../src/db/client.ts';
import { launchBrowser, newPage } from './browser.ts';

const baseUrl = inject('baseUrl');
const PHONE = 390;
let browser: Browser;
let opened: OpenedDatabase;
let companySlug: string;
let storyId: number;
const tokens: Record<'consumer' | 'rep' | 'moderator', string> = { consumer: '', rep: '', moderator: '' };
const stamp = Date.now().toString(36);

beforeAll(async () => {
  browser = await launchBrowser();
  opened = openDatabase(join(inject('dataDir'), 'e2e.sqlite'));
  const { db } = opened;
  // The company with the most stories: the longest company page of the demo data.
  const company = await db
    .selectFrom('stories as s')
    .innerJoin('companies as c', 'c.id', 's.company_id')
    .select(['c.id', 'c.slug', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('c.id')
    .orderBy('n', 'desc')
    .executeTakeFirstOrThrow();
  companySlug = company.slug;
  // A story with a reply, channels and a thread.
  storyId = (
    await db.selectFrom('stories').select('id').where('company_id', '=', company.id).where('state', 'in', ['answered', 'resolved', 'unresolved']).orderBy('id').executeTakeFirstOrThrow()
  ).id;
  const now = Date.now();
  const user = async (role: 'consumer' | 'company_rep' | 'moderator') =>
    (
      await db
        .insertInto('users')
        .values({ email: `phone-${role}-${stamp}@example.org`, display_name: `Phone ${role}`, password_hash: 'not-a-password-hash', role, locale: 'it', created_at: now, email_verified_at: now, password_changed_at: null, banned_at: null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const consumerId = await user('consumer');
  const repId = await user('company_rep');
  await db
    .insertInto('company_claims')
    .values({ company_id: company.id, user_id: repId, method: 'moderator', email: null, status: 'approved', created_at: now, decided_at: now, decided_by: null })
    .execute();
  const moderatorId = await user('moderator');
  tokens.consumer = (await createSession(db, consumerId, { now })).token;
  tokens.rep = (await createSession(db, repId, { now })).token;
  tokens.moderator = (await createSession(db, moderatorId, { now })).token;
});
afterAll(async () => {
  await browser?.close();
  await opened?.db.destroy();
});

async function phonePage(width: number, token?: string): Promise<{ page: Page; problems: string[] }> {
  const opened = await newPage(browser, { width, height: 844 });
  if (token) await opened.page.context().addCookies([{ name: 'answerable_session', value: token, url: baseUrl, httpOnly: true, secure: true, sameSite: 'Lax' }]);
  return opened;
}

/** Page width, and the elements that stick out past the viewport (to say which one overflows). */
async function measure(page: Page): Promise<{ scrollWidth: number; offenders: string[] }> {
  return page.evaluate((limit) => {
    const offenders: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > limit + 0.5) {
        const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.split(' ').join('.')}` : ''}`;
        offenders.push(`${name} (right ${Math.round(r.right)})`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, offenders: offenders.slice(0, 5) };
  }, PHONE);
}

const publicPages = (lang: 'it' | 'en') => [
  `/${lang}`,
  `/${lang}/companies`,
  () => `/${lang}/companies/${companySlug}`,
  () => `/${lang}/stories/${storyId}`,
  `/${lang}/search?q=rimborso`,
  `/${lang}/rankings`,
  `/${lang}/how-scores-work`,
  `/${lang}/transparency`,
  `/${lang}/open-data`,
  `/${lang}/account/sign-in`,
  `/${lang}/account/sign-up`,
];

describe('pages on a 390 px phone', () => {
  for (const lang of ['it', 'en'] as const) {
    it(`never scroll sideways, public pages in ${lang}`, async () => {
      const { page, problems } = await phonePage(PHONE);
      for (const entry of publicPages(lang)) {
        const path = typeof entry === 'function' ? entry() : entry;
        const res = await page.goto(`${baseUrl}${path}`);
        expect(res?.status(), path).toBe(200);
        const { scrollWidth, offenders } = await measure(page);
        expect({ path, scrollWidth, offenders }).toEqual({ path, scrollWidth: PHONE, offenders: [] });
      }
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }

  const signedIn: [string, keyof typeof tokens, string][] = [
    ['publish', 'consumer', '/it/publish'],
    ['publish', 'consumer', '/en/publish'],
    ['account', 'consumer', '/it/account'],
    ['account', 'consumer', '/en/account'],
    ['dashboard', 'rep', '/it/dashboard'],
    ['dashboard', 'rep', '/en/dashboard'],
    ['moderation', 'moderator', '/it/moderation'],
    ['moderation', 'moderator', '/en/moderation'],
  ];
  it('never scroll sideways, signed-in pages (publish, account, company area, moderation)', async () => {
    for (const [, who, path] of signedIn) {
      const { page, problems } = await phonePage(PHONE, tokens[who]);
      const res = await page.goto(`${baseUrl}${path}`);
      expect(res?.status(), path).toBe(200);
      expect(page.url(), path).toBe(`${baseUrl}${path}`);
      const { scrollWidth, offenders } = await measure(page);
      expect({ path, scrollWidth, offenders }).toEqual({ path, scrollWidth: PHONE, offenders: [] });
      expect(problems).toEqual([]);
      await page.context().close();
    }
  });

  it('shows each table row as a stack of labelled values on a phone', async () => {
    const { page } = await phonePage(PHONE);
    for (const path of [`/en/rankings`, `/en/how-scores-work`, `/en/companies/${companySlug}`]) {
      await page.goto(`${baseUrl}${path}`);
      const cells = page.locator('table.stack-table td[data-label]');
      expect(await cells.count(), path).toBeGreaterThan(0);
      // Each cell shows its column's name before the value, and the header row is hidden.
      const before = await cells.first().evaluate((td) => getComputedStyle(td, '::before').content);
      expect(before, path).toBe(`"${await cells.first().getAttribute('data-label')}"`);
      expect(await page.locator('table.stack-table thead').first().isVisible(), path).toBe(false);
    }
    // On a desktop the same tables are ordinary tables.
    const desk = await phonePage(1280);
    await desk.page.goto(`${baseUrl}/en/rankings`);
    expect(await desk.page.locator('table.stack-table thead').first().isVisible()).toBe(true);
    await page.context().close();
    await desk.page.context().close();
  });

  it('gives checkboxes, radio buttons and facet links tap targets of at least 24 px', async () => {
    const { page } = await phonePage(PHONE, tokens.consumer);
    for (const path of ['/it/search?q=rimborso', '/it/publish']) {
      await page.goto(`${baseUrl}${path}`);
      const small = await page.evaluate(() =>
        Array.from(document.querySelectorAll('input[type=checkbox], input[type=radio]'))
          // A control not rendered (a channel's details before it is ticked) is no tap target.
          .filter((el) => el.checkVisibility())
          .map((el) => {
            const r = el.getBoundingClientRect();
            return { name: (el as HTMLInputElement).name, w: r.width, h: r.height };
          })
          .filter((b) => b.w < 24 || b.h < 24),
      );
      expect(small, path).toEqual([]);
    }
    await page.context().close();
  });
});
