// Every page fits a 390 px phone without scrolling sideways, tables turn into readable stacks,
// and tap targets are at least 24 px.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createSession } from '../../src/auth/session.ts';
import { openDatabase, type OpenedDatabase } from '../../src/db/client.ts';
import { statsStates } from '../../src/db/stats-source.ts';
import { formatPercent, runtimeKey, t } from '../../src/i18n/index.ts';
import { launchBrowser, newPage } from './browser.ts';

const baseUrl = inject('baseUrl');
const PHONE = 390;
let browser: Browser;
let opened: OpenedDatabase;
let companySlug: string;
/** A company with a pending claim (the moderators' table on its claim page). */
let claimSlug: string;
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
  // A pending claim with a long note, on another company: a row in the moderators' tables.
  const other = await db.selectFrom('companies').select(['id', 'slug']).where('id', '!=', company.id).where('merged_into_id', 'is', null).orderBy('id').executeTakeFirstOrThrow();
  claimSlug = other.slug;
  await db
    .insertInto('company_claims')
    .values({ company_id: other.id, user_id: consumerId, method: 'moderator', email: null, status: 'pending', created_at: now, decided_at: null, decided_by: null, note: `I run the customer service of this company; write to customer-service-desk-${stamp}@example.org to check.` } as never)
    .execute();
  // A reported contact and a company waiting for review, with a long name and address: rows in the
  // moderators' contacts and companies lists.
  const contact = await db.selectFrom('company_contacts').select('id').orderBy('id').executeTakeFirstOrThrow();
  await db.insertInto('contact_reports').values({ contact_id: contact.id, user_id: consumerId, kind: 'gone', note: 'The number has not answered for weeks', created_at: now } as never).execute();
  await db
    .insertInto('companies')
    .values({
      slug: `negozio-lunghissimo-${stamp}`,
      name: 'Negozio Online Dal Nome Particolarmente Lungo Srl',
      name_key: `negozio online dal nome particolarmente lungo srl ${stamp}`,
      website: 'https://www.negozio-online-dal-nome-particolarmente-lungo.example/assistenza-clienti',
      created_at: now,
      updated_at: now,
      created_by_user_id: consumerId,
      reviewed_at: null,
      listed_at: null,
    } as never)
    .execute();
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

type Who = keyof typeof tokens | 'anonymous';
/** Every page type, in one language: who looks at it, its path and the status it answers with. */
const everyPage = (lang: 'it' | 'en'): [Who, string, number][] => [
  ['anonymous', `/${lang}`, 200],
  ['anonymous', `/${lang}/companies`, 200],
  ['anonymous', `/${lang}/companies/${companySlug}`, 200],
  ['anonymous', `/${lang}/companies/${companySlug}/contacts`, 200],
  ['anonymous', `/${lang}/stories/${storyId}`, 200],
  ['anonymous', `/${lang}/stories/${storyId}/letter`, 200],
  ['anonymous', `/${lang}/search?q=rimborso`, 200],
  ['anonymous', `/${lang}/rankings`, 200],
  ['anonymous', `/${lang}/how-scores-work`, 200],
  ['anonymous', `/${lang}/transparency`, 200],
  ['anonymous', `/${lang}/open-data`, 200],
  ['anonymous', `/${lang}/account/sign-in`, 200],
  ['anonymous', `/${lang}/account/sign-up`, 200],
  ['anonymous', `/${lang}/account/forgot-password`, 200],
  // A reset or confirmation link that is not valid (any more): the page that says so.
  ['anonymous', `/${lang}/account/reset-password?token=${'0'.repeat(43)}`, 400],
  ['anonymous', `/${lang}/account/verify-email?token=${'0'.repeat(43)}`, 400],
  ['anonymous', `/${lang}/unsubscribe?token=x`, 400],
  ['anonymous', `/${lang}/no-such-page-${stamp}`, 404],
  // The error page (its language from Accept-Language, set by the browser's locale).
  ['anonymous', `/500`, 500],
  ['consumer', `/${lang}/publish`, 200],
  ['consumer', `/${lang}/report?target=story:${storyId}`, 200],
  ['consumer', `/${lang}/account`, 200],
  ['consumer', `/${lang}/account/password`, 200],
  ['consumer', `/${lang}/account/sessions`, 200],
  ['consumer', `/${lang}/account/notifications`, 200],
  ['consumer', `/${lang}/account/delete`, 200],
  ['consumer', `/${lang}/companies/${companySlug}/claim`, 200],
  ['rep', `/${lang}/dashboard`, 200],
  // The story page as the company sees it: the reply form.
  ['rep', `/${lang}/stories/${storyId}`, 200],
  ['rep', `/${lang}/companies/${companySlug}/claim`, 200],
  ['rep', `/${lang}/companies/${companySlug}/contacts`, 200],
  ['moderator', `/${lang}/moderation`, 200],
  ['moderator', `/${lang}/moderation/claims`, 200],
  ['moderator', `/${lang}/moderation/contacts`, 200],
  ['moderator', `/${lang}/moderation/held`, 200],
  ['moderator', `/${lang}/moderation/companies`, 200],
  ['moderator', `/${lang}/moderation/story/${storyId}`, 200],
  // The claim page with the moderators' table of pending requests.
  ['moderator', `/${lang}/companies/${claimSlug}/claim`, 200],
];

describe('pages on a 390 px phone', () => {
  for (const lang of ['it', 'en'] as const) {
    it(`never scroll sideways, every page type in ${lang} (public, consumer, company, moderation, errors)`, async () => {
      const contexts = new Map<Who, Page>();
      const failures: unknown[] = [];
      let measured = 0;
      for (const [who, path, status] of everyPage(lang)) {
        let page = contexts.get(who);
        if (!page) {
          const opened = await newPage(browser, { width: PHONE, height: 844, locale: lang === 'it' ? 'it-IT' : 'en-GB' });
          page = opened.page;
          if (who !== 'anonymous') await page.context().addCookies([{ name: 'answerable_session', value: tokens[who], url: baseUrl, httpOnly: true, secure: true, sameSite: 'Lax' }]);
          contexts.set(who, page);
        }
        const res = await page.goto(`${baseUrl}${path}`);
        if (res?.status() !== status || new URL(page.url()).pathname !== path.split('?')[0]) {
          failures.push({ who, path, status: res?.status(), url: page.url() });
          continue;
        }
        const { scrollWidth, offenders } = await measure(page);
        if (scrollWidth !== PHONE || offenders.length > 0) failures.push({ who, path, scrollWidth, offenders });
        measured++;
      }
      console.info(`phone layout (${lang}): ${measured} pages measured at ${PHONE} px`);
      expect(failures).toEqual([]);
      for (const page of contexts.values()) await page.context().close();
    });
  }

  it('shows the reply form to the company on its story page, within the phone width', async () => {
    const { page } = await phonePage(PHONE, tokens.rep);
    await page.goto(`${baseUrl}/en/stories/${storyId}`);
    expect(await page.locator('main form textarea').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('shows each table row as a stack of labelled values on a phone', async () => {
    const tables: [Who, string][] = [
      ['anonymous', '/en/rankings'],
      ['anonymous', '/en/how-scores-work'],
      ['anonymous', `/en/companies/${companySlug}`],
      ['anonymous', `/en/stories/${storyId}`],
      ['consumer', '/en/account/sessions'],
      ['moderator', `/en/companies/${claimSlug}/claim`],
      ['moderator', '/en/moderation/claims'],
    ];
    for (const [who, path] of tables) {
      const { page } = await phonePage(PHONE, who === 'anonymous' ? undefined : tokens[who]);
      await page.goto(`${baseUrl}${path}`);
      const cells = page.locator('main table.stack-table td[data-label]');
      expect(await cells.count(), path).toBeGreaterThan(0);
      // Each cell shows its column's name before the value, and the header row is hidden.
      const before = await cells.first().evaluate((td) => getComputedStyle(td, '::before').content);
      expect(before, path).toBe(`"${await cells.first().getAttribute('data-label')}"`);
      const heads = page.locator('main table.stack-table thead');
      for (let i = 0; i < (await heads.count()); i++) expect(await heads.nth(i).isVisible(), path).toBe(false);
      // No table of the page scrolls inside itself: every one is a stack.
      expect(await page.locator('main table:not(.stack-table)').count(), path).toBe(0);
      await page.context().close();
    }
    // The moderators' lists of companies and contacts are stacks too (their rows have no column names).
    for (const path of ['/en/moderation/companies', '/en/moderation/contacts', '/en/moderation/held']) {
      const { page } = await phonePage(PHONE, tokens.moderator);
      await page.goto(`${baseUrl}${path}`);
      expect(await page.locator('main table:not(.stack-table)').count(), path).toBe(0);
      await page.context().close();
    }
    // On a desktop the same tables are ordinary tables.
    const desk = await phonePage(1280);
    await desk.page.goto(`${baseUrl}/en/rankings`);
    expect(await desk.page.locator('table.stack-table thead').first().isVisible()).toBe(true);
    await desk.page.context().close();
  });

  /**
   * Tap targets that fail WCAG 2.2 SC 2.5.8 (Target Size, Minimum): smaller than 24 × 24 CSS px
   * AND a 24 px circle centred on it overlaps another target or another small target's circle.
   * A link inside a sentence (its block holds words besides its links) is exempt.
   */
  async function smallTargets(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const all = Array.from(document.querySelectorAll<HTMLElement>('a[href], button, summary, select, input:not([type=hidden]), [role=button], [role=switch]'));
      const inSentence = (el: HTMLElement): boolean => {
        if (el.tagName !== 'A') return false;
        let block: HTMLElement | null = el.parentElement;
        while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
        if (!block) return false;
        const clone = block.cloneNode(true) as HTMLElement;
        for (const t of Array.from(clone.querySelectorAll('a, button'))) t.remove();
        return /\p{L}{2,}/u.test(clone.textContent ?? '');
      };
      const targets = all
        .filter((el) => el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions))
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        // A visually hidden control (a skip link before it is focused) is no tap target.
        .filter(({ r }) => r.width > 2 && r.height > 2);
      const name = (el: HTMLElement) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent || el.getAttribute('aria-label') || (el as HTMLInputElement).name || '').trim().slice(0, 24)}"`;
      const centre = (r: DOMRect) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
      const circleHitsRect = (c: { x: number; y: number }, r: DOMRect) => {
        const dx = Math.max(r.left - c.x, 0, c.x - r.right);
        const dy = Math.max(r.top - c.y, 0, c.y - r.bottom);
        return dx * dx + dy * dy < 12 * 12 - 0.5;
      };
      const small = targets.filter(({ r }) => r.width < 23.5 || r.height < 23.5);
      const out: string[] = [];
      // A field to type in is never too short to tap, whatever the room around it.
      for (const t of small) if (t.el.matches('input:not([type=checkbox]):not([type=radio]):not([type=file]), select, textarea')) out.push(`${name(t.el)} ${Math.round(t.r.width)}×${Math.round(t.r.height)} (a field)`);
      for (const t of small) {
        if (inSentence(t.el)) continue;
        const c = centre(t.r);
        const clash = targets.find((o) => {
          if (o === t || o.el.contains(t.el) || t.el.contains(o.el)) return false;
          // A label's control inside the same label, or the same link twice, is one target.
          if (o.el.closest('label') && o.el.closest('label') === t.el.closest('label')) return false;
          if (circleHitsRect(c, o.r)) return true;
          if (small.includes(o)) {
            const d = centre(o.r);
            return Math.hypot(c.x - d.x, c.y - d.y) < 24 - 0.5;
          }
          return false;
        });
        if (clash) out.push(`${name(t.el)} ${Math.round(t.r.width)}×${Math.round(t.r.height)} near ${name(clash.el)}`);
      }
      return out;
    });
  }

  it('gives every tap target (controls, facet links, pagination, nav, footer, switches, moderation buttons) 24 px or the spacing of WCAG 2.5.8', async () => {
    const pages: [Who, string][] = [
      ['anonymous', '/it'],
      ['anonymous', '/en/search?q=rimborso'],
      ['anonymous', '/it/search?q=rimborso&page=2'],
      ['anonymous', '/it/companies'],
      ['anonymous', `/en/companies/${companySlug}`],
      ['anonymous', `/it/stories/${storyId}`],
      ['anonymous', '/en/rankings'],
      ['consumer', '/it/publish'],
      ['consumer', '/en/account'],
      ['consumer', '/it/account/notifications'],
      ['consumer', '/en/account/sessions'],
      ['consumer', '/it/account/delete'],
      ['rep', '/en/dashboard'],
      ['moderator', '/it/moderation'],
      ['moderator', '/en/moderation/claims'],
      ['moderator', '/it/moderation/contacts'],
      ['moderator', '/en/moderation/companies'],
      ['moderator', `/it/moderation/story/${storyId}`],
      ['moderator', '/en/moderation/held'],
      ['moderator', `/it/companies/${claimSlug}/claim`],
      ['consumer', '/en/account/password'],
      ['consumer', `/en/companies/${companySlug}/claim`],
      ['rep', `/it/stories/${storyId}`],
      ['anonymous', `/it/companies/${companySlug}/contacts`],
      ['anonymous', '/en/account/sign-in'],
      ['anonymous', '/it/open-data'],
      ['anonymous', '/en/transparency'],
    ];
    const failures: Record<string, string[]> = {};
    let checked = 0;
    for (const [who, path] of pages) {
      const { page } = await phonePage(PHONE, who === 'anonymous' ? undefined : tokens[who]);
      const res = await page.goto(`${baseUrl}${path}`);
      expect(res?.status(), path).toBe(200);
      const small = await smallTargets(page);
      if (small.length > 0) failures[path] = small.slice(0, 8);
      checked++;
      await page.context().close();
    }
    console.info(`tap targets: ${checked} pages checked at ${PHONE} px`);
    expect(failures).toEqual({});
  });

  it('lists the resolution rate of each contact channel on the company page, on a phone and a desktop', async () => {
    const { db } = opened;
    const company = await db.selectFrom('companies').select(['id']).where('slug', '=', companySlug).executeTakeFirstOrThrow();
    const stats = await db.selectFrom('company_stats').select('details').where('company_id', '=', company.id).where('period', '=', '12m').executeTakeFirstOrThrow();
    const from = (JSON.parse(stats.details) as { windowStart: number | null }).windowStart ?? 0;
    // Worked out here from the stored stories: per channel, the stories with a verdict and the resolved ones.
    const rows = await db
      .selectFrom('stories as s')
      .innerJoin('story_channels as c', 'c.story_id', 's.id')
      .select(['c.channel', 's.id', 's.resolved'])
      .where('s.company_id', '=', company.id)
      .where('s.published_at', '>=', from)
      .where('s.state', 'in', [...statsStates] as never)
      .where('s.score_hold', 'is', null)
      .execute();
    const per = new Map<string, Map<number, number | null>>();
    for (const r of rows) {
      if (!per.has(r.channel)) per.set(r.channel, new Map());
      per.get(r.channel)!.set(r.id, r.resolved);
    }
    expect(per.size).toBeGreaterThan(0);
    let withVerdicts = 0;
    for (const [width, lang] of [[PHONE, 'en'], [1280, 'it']] as const) {
      const { page } = await phonePage(width);
      await page.goto(`${baseUrl}/${lang}/companies/${companySlug}`);
      const table = page.locator('table.channel-table');
      const label = t(lang, 'scores.channelResolution');
      expect(await table.locator('thead th', { hasText: label }).count()).toBe(1);
      for (const [channel, stories] of per) {
        const verdicts = [...stories.values()].filter((v) => v !== null);
        const resolved = verdicts.filter((v) => v === 1).length;
        const row = table.locator('tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${t(lang, runtimeKey(`channel.${channel}`))}$`) }) });
        const cell = await row.locator(`td[data-label="${label}"]`).innerText();
        if (verdicts.length === 0) expect(cell, channel).toBe('—');
        else {
          withVerdicts++;
          expect(cell.replace(/\s+/g, ' '), channel).toBe(`${formatPercent(lang, resolved / verdicts.length)} (n=${verdicts.length})`);
        }
        // On a phone the cell says what it is.
        if (width === PHONE) expect(await row.locator(`td[data-label="${label}"]`).evaluate((td) => getComputedStyle(td, '::before').content)).toBe(`"${label}"`);
      }
      await page.context().close();
    }
    expect(withVerdicts).toBeGreaterThan(0);
  });
});
