// Score rules v2 on the lists and the chart: every list that shows a score shows the resolution
// rate beside the reply rate, each with the number it is over; a company known only from imported
// public data is marked so in every list; the company page's history chart marks the month the
// rules changed. Read from the built server with the demo data.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../src/db/client.ts';
import { recomputeCompanyStats } from '../../src/db/stats.repository.ts';
import { launchBrowser, newPage } from './browser.ts';

const baseUrl = inject('baseUrl');
const DAY = 86_400_000;
let browser: Browser;
let opened: OpenedDatabase;
const stamp = Date.now().toString(36);
const importedName = `Aaa Dati Importati ${stamp}`;
let importedSlug = '';

const figures = {
  en: { reply: /^answers \d+% of \d+ stor(y|ies)$/, resolution: /^(solves \d+% of \d+ outcomes?|no outcome yet)$/, imported: 'public data only' },
  it: { reply: /^risponde (al |all’)\d+% su \d+ stori[ae]$/, resolution: /^(risolve (il |l’)\d+% su \d+ esit[oi]|nessun esito ancora)$/, imported: 'solo dati pubblici' },
} as const;

beforeAll(async () => {
  browser = await launchBrowser();
  opened = openDatabase(join(inject('dataDir'), 'e2e.sqlite'));
  const { db } = opened;
  const now = Date.now();
  // A company known only from imported public complaint data: six CFPB stories, four answered,
  // three of them resolved.
  importedSlug = `aaa-dati-importati-${stamp}`;
  const company = await db
    .insertInto('companies')
    .values({ slug: importedSlug, name: importedName, name_key: importedName.toLowerCase(), sector: 'other', created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let i = 0; i < 6; i++) {
    const at = now - (40 + i * 10) * DAY;
    const answered = i < 4;
    await db
      .insertInto('stories')
      .values({
        company_id: company.id,
        author_id: null,
        source: 'cfpb',
        title: `Reclamo importato numero ${i + 1}`,
        body: 'Addebito non riconosciuto sul conto, segnalato più volte alla banca senza una soluzione.',
        experience_date: new Date(at).toISOString().slice(0, 10),
        category: 'billing',
        language: 'en',
        state: answered ? (i < 3 ? 'resolved' : 'unresolved') : 'overdue',
        state_before_hidden: null,
        published_at: at,
        reply_due_at: at + 7 * DAY,
        last_activity_at: at,
        resolved: answered ? (i < 3 ? 1 : 0) : null,
        order_reference: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
  await recomputeCompanyStats(db, company.id, now);
});
afterAll(async () => {
  await browser?.close();
  await opened?.db.destroy();
});

/** The reply and resolution figures of the list rows under `rows`, as text. */
async function rowFigures(page: Page, rows: string): Promise<{ reply: string; resolution: string }[]> {
  return page.locator(rows).evaluateAll((els) =>
    els.map((el) => ({
      reply: el.querySelector('[data-figure="reply"]')?.textContent?.trim() ?? '',
      resolution: el.querySelector('[data-figure="resolution"]')?.textContent?.trim() ?? '',
    })),
  );
}

describe('the lists show the resolution rate beside the reply rate, each with its count', () => {
  for (const lang of ['en', 'it'] as const) {
    it(`on the home page's least responsive list (${lang})`, async () => {
      const { page, problems } = await newPage(browser);
      expect((await page.goto(`${baseUrl}/${lang}`))?.status()).toBe(200);
      const rows = await rowFigures(page, 'section[aria-labelledby="worst-h"] .company-row');
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.reply).toMatch(figures[lang].reply);
        expect(row.resolution).toMatch(figures[lang].resolution);
      }
      // The demo's least responsive company, with both counts.
      const aurora = page.locator('section[aria-labelledby="worst-h"] .company-row', { hasText: 'Aurora Fibra' });
      expect(await aurora.count()).toBe(1);
      expect(await aurora.locator('[data-figure="resolution"]').innerText()).toMatch(lang === 'it' ? /^risolve (il |l’)\d+% su \d+ esit[oi]$/ : /^solves \d+% of \d+ outcomes?$/);
      expect(problems).toEqual([]);
      await page.context().close();
    });

    it(`on the rankings, with the imported-only company marked (${lang})`, async () => {
      const { page, problems } = await newPage(browser);
      expect((await page.goto(`${baseUrl}/${lang}/rankings?order=worst`))?.status()).toBe(200);
      const header = await page.locator('table.stack-table thead th').allInnerTexts();
      expect(header).toContain(lang === 'it' ? 'Problemi risolti' : 'Problems solved');
      const aurora = page.locator('table.stack-table tbody tr', { hasText: 'Aurora Fibra' });
      expect(await aurora.locator('[data-figure="reply"]').innerText()).toMatch(lang === 'it' ? /^\d+% su \d+ stori[ae]$/ : /^\d+% of \d+ stor(y|ies)$/);
      expect(await aurora.locator('[data-figure="resolution"]').innerText()).toMatch(lang === 'it' ? /^\d+% su \d+ esit[oi]$/ : /^\d+% of \d+ outcomes?$/);

      expect((await page.goto(`${baseUrl}/${lang}/rankings?sector=other`))?.status()).toBe(200);
      const imported = page.locator('table.stack-table tbody tr', { hasText: importedName });
      expect(await imported.count()).toBe(1);
      expect(await imported.locator('[data-imported-only]').innerText()).toBe(figures[lang].imported);
      expect(await imported.locator('[data-figure="reply"]').innerText()).toMatch(lang === 'it' ? /^67% su 6 storie$/ : /^67% of 6 stories$/);
      expect(await imported.locator('[data-figure="resolution"]').innerText()).toMatch(lang === 'it' ? /^75% su 4 esiti$/ : /^75% of 4 outcomes$/);
      const demoRow = page.locator('table.stack-table tbody tr', { hasNotText: importedName }).first();
      if ((await demoRow.count()) > 0) expect(await demoRow.locator('[data-imported-only]').count()).toBe(0);
      expect(problems).toEqual([]);
      await page.context().close();
    });

    it(`on the company directory (${lang})`, async () => {
      const { page, problems } = await newPage(browser);
      // One sector at a time: the other browser tests add companies of their own to the directory.
      expect((await page.goto(`${baseUrl}/${lang}/companies?sector=other`))?.status()).toBe(200);
      const imported = page.locator('.company-row', { hasText: importedName });
      expect(await imported.locator('[data-imported-only]').innerText()).toBe(figures[lang].imported);
      expect(await imported.locator('[data-figure="resolution"]').innerText()).toMatch(figures[lang].resolution);
      expect((await page.goto(`${baseUrl}/${lang}/companies?sector=telco`))?.status()).toBe(200);
      const aurora = page.locator('.company-row', { hasText: 'Aurora Fibra' });
      expect(await aurora.locator('[data-figure="reply"]').innerText()).toMatch(figures[lang].reply);
      expect(await aurora.locator('[data-imported-only]').count()).toBe(0);
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }
});

describe('the score history chart', () => {
  for (const lang of ['en', 'it'] as const) {
    it(`marks the month score rules v2 took effect, with a caption (${lang})`, async () => {
      const { page, problems } = await newPage(browser);
      expect((await page.goto(`${baseUrl}/${lang}/companies/fioriveloci`))?.status()).toBe(200);
      const marker = page.locator('.history-chart svg [data-rules-change="2026-12"]');
      expect(await marker.count()).toBe(1);
      expect(await marker.locator('line').count()).toBe(1);
      expect(await marker.locator('text').textContent()).toBe(lang === 'it' ? 'Regole v2' : 'Rules v2');
      expect(await page.locator('.history-chart figcaption [data-rules-change-caption]').innerText()).toContain(lang === 'it' ? '4 dicembre 2026' : '4 December 2026');
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }
});
