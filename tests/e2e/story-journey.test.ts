// The story journey in a real browser: a consumer publishes a story about a florist, it becomes
// overdue when the clock is moved, the florist's representative replies from the dashboard, the
// consumer answers and gives a "resolved" verdict — and the company page's reply rate, time to
// first reply and score change as they should.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../src/db/client.ts';
import { runTick } from '../../src/services/scheduler.ts';
import { publishStory } from '../../src/services/story.service.ts';
import { formatDate } from '../../src/i18n/index.ts';
import { storyInput } from '../helpers/workflow.ts';
import { launchBrowser, newPage, seriousAxeViolations } from './browser.ts';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const DEMO_PASSWORD = 'answerable-demo-2026';
const DAY = 86_400_000;
let browser: Browser;
let database: OpenedDatabase;

beforeAll(async () => {
  browser = await launchBrowser();
  // The test moves the clock by moving the story back in time, as the scheduler would see it.
  database = openDatabase(join(dataDir, 'e2e.sqlite'));
});
afterAll(async () => {
  await browser?.close();
  await database?.db.destroy();
});

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${baseUrl}/it/account/sign-in`);
  await page.fill('#f-email', email);
  await page.fill('#f-password', DEMO_PASSWORD);
  await Promise.all([page.waitForURL((url) => !url.pathname.endsWith('/sign-in')), page.click('main form button[type="submit"]')]);
}

interface Figures {
  replyRate: string;
  median: string;
  p90: string;
  score: string;
  /** How many first replies with a real time the reply-time figures are based on. */
  timedReplies: number;
}

/** The score card figures of the florist's page (read signed in: never a cached copy). */
async function figures(page: Page): Promise<Figures> {
  await page.goto(`${baseUrl}/en/companies/fioriveloci`);
  const dd = async (label: string) => (await page.locator('section.scorecard dl.figures div', { hasText: label }).locator('dd').first().innerText()).trim();
  const twelve = page.locator('section[aria-labelledby="evidence-h"] tr', { hasText: 'Last 12 months' }).locator('td').first();
  const speedRow = page.locator('section[aria-labelledby="evidence-h"] tr', { hasText: 'Reply speed' }).locator('td').last();
  return {
    timedReplies: Number(await speedRow.innerText()),
    replyRate: await dd('Reply rate'),
    median: await dd('First reply (median)'),
    p90: await dd('First reply (90th percentile)'),
    score: (await twelve.innerText()).trim(),
  };
}

const percent = (text: string) => Number(text.replace(/[^\d]/g, ''));

describe('the story journey in the browser', () => {
  it('publishes, goes overdue, gets a reply and a verdict, and moves the company figures', async () => {
    const consumer = await newPage(browser, { locale: 'it-IT' });
    const page = consumer.page;
    await signIn(page, 'giulia.r@example.org');
    const before = await figures(page);

    // Publish a story about the florist from its company page.
    await page.goto(`${baseUrl}/it/companies/fioriveloci`);
    await Promise.all([page.waitForURL(/\/it\/publish/), page.click(`a[href*="/it/publish?company=fioriveloci"]`)]);
    expect(await page.inputValue('#publish-company')).toBe('FioriVeloci');
    const title = `Bouquet mai consegnato ${Date.now()}`;
    await page.fill('#publish-title', title);
    await page.fill('#publish-date', '2026-11-01');
    await page.selectOption('#publish-category', 'delivery');
    await page.fill('#publish-body', 'Ho ordinato un bouquet per un compleanno: mai consegnato, la chat non risponde e le e-mail restano senza risposta da giorni.');
    await page.check('input[name="channels"][value="chat"]');
    await page.check('input[name="unanswered_chat"]');
    await page.check('input[name="channels"][value="email"]');
    await page.fill('#wait-email', '2');
    await page.selectOption('#unit-email', 'days');
    await Promise.all([page.waitForURL(/\/it\/stories\/\d+$/), page.click('button[name="intent"][value="publish"]')]);
    const storyUrl = page.url().split('?')[0]!;
    const storyId = Number(storyUrl.split('/').at(-1));
    expect(await page.locator('h1').first().innerText()).toBe(title);
    expect(await page.locator('.notice.ok').first().innerText()).toContain('pubblicata');

    // Inside its deadline the story counts against nobody: the reply rate does not move.
    expect((await figures(page)).replyRate).toBe(before.replyRate);

    // Eight days later: the scheduler marks it overdue and the reply rate drops.
    const db = database.db;
    await db
      .updateTable('stories')
      .set((eb) => ({ published_at: eb('published_at', '-', 8 * DAY), reply_due_at: eb('reply_due_at', '-', 8 * DAY) }))
      .where('id', '=', storyId)
      .execute();
    await runTick(db, Date.now());
    await page.goto(storyUrl);
    expect(await page.locator('.badge.state-overdue').first().innerText()).toContain('Risposta in ritardo');
    const overdue = await figures(page);
    expect(percent(overdue.replyRate)).toBeLessThan(percent(before.replyRate));
    await page.goto(storyUrl);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The florist's representative finds it first in the dashboard inbox and replies.
    const company = await newPage(browser, { locale: 'it-IT' });
    await signIn(company.page, 'assistenza@fioriveloci.example');
    await company.page.goto(`${baseUrl}/it/dashboard`);
    const inboxRow = company.page.locator('section[aria-labelledby="inbox-h"] tr', { hasText: title });
    expect(await inboxRow.count()).toBe(1);
    expect(await seriousAxeViolations(company.page)).toEqual([]);
    await Promise.all([company.page.waitForURL(new RegExp(`/it/stories/${storyId}`)), inboxRow.locator('a').click()]);
    await company.page.fill('#reply-company-body', 'Ci scusiamo: il bouquet partirà oggi stesso e le rimborsiamo la consegna.');
    await Promise.all([company.page.waitForURL(/\/stories\/\d+#thread-h$/), company.page.click('button[name="intent"][value="send"]')]);
    expect(await company.page.locator('.thread .msg.company').last().innerText()).toContain('partirà oggi stesso');

    // The consumer answers in the thread and gives the verdict.
    await page.goto(storyUrl);
    await page.fill('#reply-consumer-body', 'Grazie, il bouquet è arrivato.');
    await Promise.all([page.waitForURL(/\/stories\/\d+#thread-h$/), page.click('button[name="intent"][value="send"]')]);
    await page.check('input[name="resolved"][value="yes"]');
    await page.check('input[name="wouldBuyAgain"][value="yes"]');
    await page.selectOption('#verdict-rating', '4');
    await Promise.all([page.waitForURL(/\/stories\/\d+#workflow-actions$/), page.click('button:has-text("Dai il tuo esito")')]);
    expect(await page.locator('.badge.state-resolved').first().innerText()).toContain('Risolto');

    // The company page: the late reply counts as a reply, adds to the reply times, moves the score.
    const after = await figures(page);
    expect(percent(after.replyRate)).toBeGreaterThan(percent(overdue.replyRate));
    // Rules v2: the overdue story already counted in reply speed with its age; its real reply time replaces that.
    expect(after.timedReplies).toBe(overdue.timedReplies);
    expect(after.median).not.toBe('n/a');
    expect(after.score).not.toBe(overdue.score);

    expect(consumer.problems).toEqual([]);
    expect(company.problems).toEqual([]);
    await page.context().close();
    await company.page.context().close();
  });

  it('lets the author judge an overdue unanswered story, says until when, and marks a late verdict late', async () => {
    const db = database.db;
    const giulia = await db.selectFrom('users').select('id').where('email', '=', 'giulia.r@example.org').executeTakeFirstOrThrow();
    const florist = await db.selectFrom('companies').select('id').where('slug', '=', 'fioriveloci').executeTakeFirstOrThrow();
    const publishedAt = Date.now() - 10 * DAY;
    const { storyId } = await publishStory(
      db,
      { kind: 'consumer', userId: giulia.id, companyIds: [] },
      storyInput({ company: { id: florist.id }, title: `Rimborso mai arrivato ${Date.now()}`, body: 'Ho chiesto il rimborso di un ordine annullato: nessuna risposta dopo dieci giorni.' }),
      { now: publishedAt },
    );
    await runTick(db, Date.now());
    const { page, problems } = await newPage(browser, { locale: 'it-IT' });
    await signIn(page, 'giulia.r@example.org');
    const storyUrl = `${baseUrl}/it/stories/${storyId}`;
    await page.goto(storyUrl);
    expect(await page.locator('.badge.state-overdue').first().innerText()).toContain('Risposta in ritardo');
    // Rule 2: no reply, deadline passed — the verdict form is there, with the date it is open until.
    const until = formatDate('it', publishedAt + 7 * DAY + 60 * DAY);
    expect(await page.locator('[data-verdict-until]').innerText()).toContain(`fino al ${until}`);
    await page.check('input[name="resolved"][value="no"]');
    await page.check('input[name="wouldBuyAgain"][value="no"]');
    await page.selectOption('#verdict-rating', '1');
    await Promise.all([page.waitForURL(/\/stories\/\d+#workflow-actions$/), page.click('button:has-text("Dai il tuo esito")')]);
    expect(await page.locator('.badge.state-unresolved').first().innerText()).toContain('Non risolto');
    expect(await page.locator('[data-verdict-late]').count()).toBe(0);

    // A hundred days later the window has closed: the author can still change the verdict, marked late.
    await db
      .updateTable('stories')
      .set((eb) => ({ published_at: eb('published_at', '-', 100 * DAY), reply_due_at: eb('reply_due_at', '-', 100 * DAY), verdict_at: eb('verdict_at', '-', 100 * DAY) }))
      .where('id', '=', storyId)
      .execute();
    await page.goto(storyUrl);
    expect(await page.locator('[data-verdict-until]').innerText()).toContain('sarà segnato come tardivo');
    await page.check('input[name="resolved"][value="yes"]');
    await page.check('input[name="wouldBuyAgain"][value="yes"]');
    await page.selectOption('#verdict-rating', '4');
    await Promise.all([page.waitForURL(/\/stories\/\d+#workflow-actions$/), page.click('button:has-text("Dai il tuo esito")')]);
    expect(await page.locator('.badge.state-resolved').first().innerText()).toContain('Risolto');
    expect(await page.locator('[data-verdict-late]').innerText()).toBe('esito tardivo');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The company page keeps the traces a company cannot erase: withdrawals and standard replies.
    await page.goto(`${baseUrl}/it/companies/fioriveloci`);
    expect(await page.locator('[data-withdrawn]').innerText()).toMatch(/^Storie ritirate dagli autori negli ultimi 12 mesi: \d+$/);
    expect(await page.locator('[data-standard-share]').innerText()).toMatch(/^risposte standard: /);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  for (const lang of ['it', 'en'] as const) {
    it(`shows the how-scores-work page with its worked example, and the rankings, in ${lang}`, async () => {
      const { page, problems } = await newPage(browser);
      await page.goto(`${baseUrl}/${lang}/how-scores-work`);
      expect(await page.locator('section[aria-labelledby="how-example"]').innerText()).toContain('59');
      expect(await page.locator('section[aria-labelledby="how-rules"]').innerText()).toContain(lang === 'it' ? 'versione 2' : 'version 2');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.goto(`${baseUrl}/${lang}/rankings`);
      expect(await page.locator('h1').innerText()).toBe(lang === 'it' ? 'Classifiche' : 'Rankings');
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }
});
