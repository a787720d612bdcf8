// Signed-in visitors on the public pages (decision 0012), in a real browser against the built
// server: the company page comes from the page cache with each visitor's own header, and an
// anonymous visitor never sees anyone's name or links.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSession, invalidateSession } from '../../src/auth/session.ts';
import { openDatabase, type OpenedDatabase } from '../../src/db/client.ts';
import { launchBrowser, newPage } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let opened: OpenedDatabase;
let slug: string;
let storyId: number;
const stamp = Date.now().toString(36);
const rita = { name: `Rita Rappresentante ${stamp}`, token: '', sessionId: '' };
const mario = { name: `Mario <Moderatore> ${stamp}`, token: '', sessionId: '' };

beforeAll(async () => {
  browser = await launchBrowser();
  opened = openDatabase(join(inject('dataDir'), 'e2e.sqlite'));
  const { db } = opened;
  const story = await db
    .selectFrom('stories as s')
    .innerJoin('companies as c', 'c.id', 's.company_id')
    .select(['s.id', 's.company_id', 'c.slug'])
    .where('s.state', '=', 'answered')
    .orderBy('s.id')
    .executeTakeFirstOrThrow();
  slug = story.slug;
  storyId = story.id;
  const now = Date.now();
  const user = async (name: string, role: 'company_rep' | 'moderator') =>
    (
      await db
        .insertInto('users')
        .values({ email: `${role}-${stamp}@example.org`, display_name: name, password_hash: 'not-a-password-hash', role, locale: 'it', created_at: now, email_verified_at: now, password_changed_at: null, banned_at: null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const ritaId = await user(rita.name, 'company_rep');
  await db
    .insertInto('company_claims')
    .values({ company_id: story.company_id, user_id: ritaId, method: 'moderator', email: null, status: 'approved', created_at: now, decided_at: now, decided_by: null })
    .execute();
  const marioId = await user(mario.name, 'moderator');
  for (const [person, id] of [[rita, ritaId], [mario, marioId]] as const) {
    const created = await createSession(db, id, { now });
    person.token = created.token;
    person.sessionId = created.session.id;
  }
});
afterAll(async () => {
  await browser?.close();
  await opened?.db.destroy();
});

async function signedInPage(token: string | null): Promise<{ page: Page; problems: string[] }> {
  const opened = await newPage(browser);
  if (token) {
    await opened.page.context().addCookies([{ name: 'answerable_session', value: token, url: baseUrl, httpOnly: true, secure: true, sameSite: 'Lax' }]);
  }
  return opened;
}

/**
 * Opens `url` until the page cache answers it as `state` (the scheduler may invalidate a page at
 * any time; a signed-in miss asks the server to render the anonymous page for the next visit).
 */
async function openServedAs(page: Page, url: string, state: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const response = await page.goto(url);
    if (response?.headers()['x-page-cache'] === state) return;
    await page.waitForTimeout(200);
  }
  throw new Error(`${url} was never served as "${state}"`);
}

const headerHtml = (html: string) => /<header class="site-header">[\s\S]*?<\/header>/.exec(html)?.[0] ?? '';

describe('signed-in visitors on cached public pages', () => {
  it('shows each signed-in visitor their own name and links on a company page from the cache, and an anonymous visitor neither', async () => {
    const url = `${baseUrl}/it/companies/${slug}`;

    const asRita = await signedInPage(rita.token);
    await openServedAs(asRita.page, url, 'personalised');
    const ritaHeader = asRita.page.locator('header.site-header');
    await expect(ritaHeader.locator('a[href="/it/account"]').textContent()).resolves.toBe(rita.name);
    expect(await ritaHeader.locator('a[href="/it/dashboard"]').count()).toBe(1);
    expect(await ritaHeader.locator('a[href="/it/moderation"]').count()).toBe(0);
    expect(await ritaHeader.locator('a[href="/it/account/sign-in"]').count()).toBe(0);
    expect(await ritaHeader.textContent()).not.toContain(mario.name);
    // The language switch still points to the same page in English, and the header's inline
    // script (company suggestions) ran under the cached page's CSP.
    expect(await ritaHeader.locator('a.lang-switch').getAttribute('href')).toBe(`/en/companies/${slug}`);
    expect(await asRita.page.locator('#header-q').getAttribute('list')).toBe('header-q-options');
    expect(await asRita.page.locator('h1').count()).toBe(1);
    expect(asRita.problems).toEqual([]);

    const asMario = await signedInPage(mario.token);
    await openServedAs(asMario.page, url, 'personalised');
    const marioHeader = asMario.page.locator('header.site-header');
    await expect(marioHeader.locator('a[href="/it/account"]').textContent()).resolves.toBe(mario.name);
    expect(await marioHeader.locator('a[href="/it/moderation"]').count()).toBe(1);
    expect(await marioHeader.locator('a[href="/it/dashboard"]').count()).toBe(0);
    expect(await asMario.page.content()).not.toContain(rita.name);
    expect(asMario.problems).toEqual([]);

    const anonymous = await signedInPage(null);
    await openServedAs(anonymous.page, url, 'hit');
    const html = await anonymous.page.content();
    expect(html).not.toContain(rita.name);
    expect(html).not.toContain('Mario &lt;Moderatore&gt;');
    expect(await anonymous.page.locator('header a[href="/it/account/sign-in"]').count()).toBe(1);
    expect(await anonymous.page.locator('header a[href="/it/dashboard"], header a[href="/it/moderation"]').count()).toBe(0);
    expect(anonymous.problems).toEqual([]);

    for (const opened of [asRita, asMario, anonymous]) await opened.page.context().close();
  });

  it('writes exactly the header Astro renders for the same visitor, and keeps it private', async () => {
    const url = `${baseUrl}/en/companies/${slug}?page=1`;
    const headers = { cookie: `answerable_session=${rita.token}` };
    let rendered: Response | null = null;
    let personalised: Response | null = null;
    for (let attempt = 0; attempt < 50 && !personalised; attempt++) {
      const res = await fetch(url, { headers });
      if (res.headers.get('x-page-cache') === 'personalised') personalised = res;
      else if (!rendered) rendered = res;
      else await res.arrayBuffer();
      if (!personalised) await new Promise((r) => setTimeout(r, 200));
    }
    expect(rendered?.headers.get('x-page-cache')).toBeNull();
    expect(personalised).not.toBeNull();
    for (const res of [rendered!, personalised!]) {
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(res.headers.get('etag')).toBeNull();
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self';");
    }
    const fromAstro = headerHtml(await rendered!.text());
    const fromCache = headerHtml(await personalised!.text());
    expect(fromAstro).toContain(`<a href="/en/account">${rita.name}</a>`);
    expect(fromAstro).toContain('<a href="/en/dashboard">');
    expect(fromCache).toBe(fromAstro);
  });

  it('never personalises the story page, and leaves a signed-out session to Astro, which clears the cookie', async () => {
    const storyUrl = `${baseUrl}/it/stories/${storyId}`;
    for (let attempt = 0; attempt < 50; attempt++) {
      if ((await fetch(storyUrl)).headers.get('x-page-cache') === 'hit') break;
    }
    const signedIn = await fetch(storyUrl, { headers: { cookie: `answerable_session=${rita.token}` } });
    expect(signedIn.headers.get('x-page-cache')).toBeNull();
    expect(signedIn.headers.get('cache-control')).toMatch(/no-store/);
    expect(await signedIn.text()).toContain(rita.name);

    const asMario = await signedInPage(mario.token);
    const companyUrl = `${baseUrl}/it/companies/${slug}`;
    await openServedAs(asMario.page, companyUrl, 'personalised');
    await invalidateSession(opened.db, mario.sessionId);
    const response = await asMario.page.goto(companyUrl);
    expect(response?.headers()['x-page-cache']).not.toBe('personalised');
    expect(await asMario.page.locator('header').textContent()).not.toContain('Mario');
    expect(await asMario.page.locator('header a[href="/it/account/sign-in"]').count()).toBe(1);
    expect((await asMario.page.context().cookies()).some((c) => c.name === 'answerable_session')).toBe(false);
    expect(asMario.problems).toEqual([]);
    await asMario.page.context().close();
  });
});
