// Counts of one read in the singular in both languages ("1 day late", "Basato su 1 storia",
// "1 messaggio"), Italian dates take the elided article, and a score tile from one verdict shows
// the Bayesian estimate with its interval and its count instead of "100%".
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../src/db/client.ts';
import type { Actor } from '../../src/domain/story-workflow.ts';
import { giveVerdict, markStoryOverdue, publishStory, replyToStory } from '../../src/services/story.service.ts';
import { launchBrowser, newPage } from './browser.ts';

const baseUrl = inject('baseUrl');
const DAY = 86_400_000;
let browser: Browser;
let opened: OpenedDatabase;
const stamp = Date.now().toString(36);
let late: { storyId: number; slug: string };
let verdict: { slug: string };

beforeAll(async () => {
  browser = await launchBrowser();
  opened = openDatabase(join(inject('dataDir'), 'e2e.sqlite'));
  const { db } = opened;
  const now = Date.now();
  const user = async (role: 'consumer' | 'company_rep', key: string) =>
    (
      await db
        .insertInto('users')
        .values({ email: `plural-${key}-${stamp}@example.org`, display_name: `Plural ${key}`, password_hash: 'not-a-password-hash', role, locale: 'it', created_at: now, email_verified_at: now, password_changed_at: null, banned_at: null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const consumer: Actor = { kind: 'consumer', userId: await user('consumer', 'author'), companyIds: [] };
  const story = (company: string, title: string) => ({
    company: { name: company, sector: 'electronics' },
    title,
    body: 'Ho ordinato un televisore e non è mai arrivato. Ho scritto e chiamato più volte senza ottenere una risposta utile.',
    experienceDate: new Date(now - 10 * DAY).toISOString().slice(0, 10),
    category: 'delivery' as const,
    language: 'it' as const,
    channels: [{ channel: 'email' as const, waitMinutes: 60, answered: true }],
  });

  // One story, one and a half days past its seven-day deadline, with one message in its thread.
  const published = await publishStory(db, consumer, story(`Singolare Elettronica ${stamp}`, 'Televisore mai arrivato dopo il pagamento'), { now: now - 8.5 * DAY });
  await markStoryOverdue(db, published.storyId, { now: now - 1.2 * DAY });
  await replyToStory(db, consumer, { storyId: published.storyId, body: 'Sto ancora aspettando una risposta, per favore.' }, { now: now - DAY });
  late = { storyId: published.storyId, slug: published.companySlug };

  // Another company with one story, one reply and one "resolved" verdict.
  const other = await publishStory(db, consumer, story(`Verdetto Unico ${stamp}`, 'Rimborso arrivato dopo una settimana'), { now: now - 5 * DAY });
  const repId = await user('company_rep', 'rep');
  await db
    .insertInto('company_claims')
    .values({ company_id: other.companyId, user_id: repId, method: 'moderator', email: null, status: 'approved', created_at: now, decided_at: now, decided_by: null })
    .execute();
  const rep: Actor = { kind: 'company', userId: repId, companyIds: [other.companyId] };
  await replyToStory(db, rep, { storyId: other.storyId, body: 'Ci scusiamo: il rimborso è stato disposto oggi.' }, { now: now - 4 * DAY });
  await giveVerdict(db, consumer, { storyId: other.storyId, resolved: true, wouldBuyAgain: true, rating: 5 }, { now: now - 3 * DAY });
  verdict = { slug: other.companySlug };
});
afterAll(async () => {
  await browser?.close();
  await opened?.db.destroy();
});

const text = (s: string) => s.replace(/\s+/g, ' ');

describe('counts of one', () => {
  const expected = {
    it: { late: '1 giorno di ritardo', sample: 'Basato su 1 storia.', message: '1 messaggio' },
    en: { late: '1 day late', sample: 'Based on 1 story.', message: '1 message' },
  } as const;

  for (const lang of ['it', 'en'] as const) {
    it(`read in the singular on the company page and the story page in ${lang}`, async () => {
      const { page, problems } = await newPage(browser);
      await page.goto(`${baseUrl}/${lang}/companies/${late.slug}`);
      const body = text(await page.locator('main').innerText());
      expect(body).toContain(expected[lang].sample);
      const card = text(await page.locator('.story-list .story-item').first().innerText());
      expect(card).toContain(expected[lang].late);
      expect(card).toContain(expected[lang].message);
      expect(body).not.toMatch(/\b1 (giorni|days|storie|stories|messaggi|messages)\b/);

      await page.goto(`${baseUrl}/${lang}/stories/${late.storyId}`);
      const story = text(await page.locator('main').innerText());
      expect(story).toContain(expected[lang].late);
      expect(story).not.toMatch(/\b1 (giorni|days|ore|hours)\b|\b1[.,]0 (ore|hours)\b/);
      // Italian dates take the article as spoken: "il 3", "l’8", "l’11", never "il 11".
      if (lang === 'it') expect(story).not.toMatch(/\b(il|al|dal|del) (1|8|11|8\d)\b/);
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }
});

describe('score tiles from few stories', () => {
  for (const lang of ['it', 'en'] as const) {
    it(`show the Bayesian estimate with its interval and the count, not "100%" from one verdict, in ${lang}`, async () => {
      const { page, problems } = await newPage(browser);
      await page.goto(`${baseUrl}/${lang}/companies/${verdict.slug}`);
      const tiles = page.locator('.scorecard .figures > div');
      expect(await tiles.count()).toBe(6);
      // Every tile says how many stories (or ratings) it comes from.
      for (const tile of await tiles.all()) expect(await tile.locator('dd.tile-n').count()).toBe(1);
      const solved = text(await tiles.nth(3).innerText());
      expect(solved).toContain(lang === 'it' ? 'Problemi risolti' : 'Problems solved');
      expect(solved).not.toMatch(/(^|\s)100\s?%/);
      expect(solved).toMatch(/≈ \d+\s?%/);
      expect(solved).toContain(lang === 'it' ? 'stima su una sola storia' : 'estimate from a single story');
      expect(solved).toMatch(/\d+\s?% (e|to|–) ?\d+\s?%|tra \d+\s?% e \d+\s?%/);
      expect(text(await tiles.nth(5).innerText())).toContain(lang === 'it' ? 'su 1 voto' : 'from 1 rating');
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }
});
