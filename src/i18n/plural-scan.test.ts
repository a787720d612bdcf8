// Every message that puts a count before a plural noun ("{n} storie", "{m} stories") must be a
// plural message ({ one, other }), or "1 storie" / "1 stories" reaches the page. This scans every
// message of both languages (the main tables and every area file).
import { describe, expect, it } from 'vitest';
import { CONFIRM_REPORTS } from '../domain/contacts.ts';
import { MAX_PHOTO_PIXELS } from '../content/photos.ts';
import { SPEED_FULL_HOURS, SPEED_ZERO_HOURS, WINDOW_DAYS } from '../domain/scoring.ts';
import { LATE_VERDICT_DAYS, VERDICT_REMINDER_DAYS } from '../domain/clocks.ts';
import { STANDARD_REPLY_MIN_OTHER_STORIES, STANDARD_REPLY_WINDOW_DAYS } from '../domain/standard-replies.ts';
import { WITHDRAWAL_BURST_COUNT, WITHDRAWAL_BURST_DAYS } from '../domain/withdrawals.ts';
import { dictionaries, t } from './index.ts';

/** Placeholders that carry text, not a count (a name, a date, a formatted duration…). */
const TEXT_PLACEHOLDERS = new Set([
  'company', 'name', 'title', 'email', 'domain', 'url', 'date', 'when', 'due', 'd', 'duration', 'via', 'note', 'label', 'channel',
  'sector', 'state', 'band', 'reason', 'kind', 'value', 'contact', 'path', 'file', 'site', 'user', 'author', 'query', 'q', 'lang',
  'share', 'percent', 'pct', 'rate', 'score', 'from', 'to', 'dns', 'v', 'who', 'what', 'link', 'code', 'version', 'list',
]);

/** Plural nouns (and a few plural verb forms) that a count may precede, Italian and English. */
const IT_PLURALS = /^(storie|giorni|ore|minuti|secondi|messaggi|segnalazioni|contatti|persone|volte|risposte|aziende|verdetti|anni|mesi|settimane|utenti|voti|canali|sessioni|risultati|recensioni|rappresentanti|richieste|elementi|voci|righe|indirizzi|numeri|pagine|notifiche|lettere|domande|tentativi|caratteri|prove|casi|nuove|nuovi|scadute|scaduti|in|su)$/;
const EN_PLURALS = /^(stories|days|hours|minutes|seconds|messages|reports|contacts|people|times|replies|companies|verdicts|years|months|weeks|users|votes|channels|sessions|photos|results|reviews|representatives|requests|items|entries|rows|addresses|numbers|pages|notifications|emails|e-mails|letters|questions|attempts|characters|files|cases|megapixels|new|overdue)$/;

/**
 * Messages whose counts are fixed in the code (thresholds, limits, the worked example), never 1:
 * a plain plural reads right there. Each says which constant it shows.
 */
const FIXED_COUNTS: Record<string, string> = {
  'contacts.done.counted': '{need}: CONFIRM_REPORTS (the noun agrees with it: "1 of 3 people")',
  'contacts.form.report.hint': '{n}: CONFIRM_REPORTS',
  'fakes.held.intro': '{n}, {hours}, {days}: the burst thresholds',
  'how.change.fakes': '{n}, {hours}, {days}: the burst thresholds',
  'how.speed': '{full}, {zero}: SPEED_FULL_HOURS, SPEED_ZERO_HOURS',
  'how.windows': '{six}, {twelve}: WINDOW_DAYS',
  'how.examplePlain': '{median}, {p90}: formatted decimals of the fixed worked example',
  'opendata.api.suggest.q': '{max}: the suggest prefix limit',
  'content.photo.error.too_many_pixels': '{maxMp}: MAX_PHOTO_PIXELS in millions',
  'search.resultsCapped': '{n}: the search result cap',
  'how.change.reminders': '{late}, {days}: LATE_VERDICT_DAYS, VERDICT_REMINDER_DAYS',
  'how.change.withdrawalBurst': '{n}, {days}: WITHDRAWAL_BURST_COUNT, WITHDRAWAL_BURST_DAYS',
  'how.change.standardReply': '{n}, {days}: STANDARD_REPLY_MIN_OTHER_STORIES, STANDARD_REPLY_WINDOW_DAYS',
};

/** Messages with a count-like placeholder followed by a plural word, written as a plain string. */
export function pluralOffenders(lang: 'it' | 'en'): string[] {
  const nouns = lang === 'it' ? IT_PLURALS : EN_PLURALS;
  const out: string[] = [];
  for (const [key, message] of Object.entries(dictionaries[lang])) {
    if (typeof message !== 'string' || key in FIXED_COUNTS) continue;
    for (const m of message.matchAll(/\{(\w+)\}\s+([\p{L}-]+)/gu)) {
      const [, name, word] = m as unknown as [string, string, string];
      if (TEXT_PLACEHOLDERS.has(name)) continue;
      // "in"/"su" only mean a plural after a count when a noun follows ("{n} su {m} storie" is caught at {m}).
      if (word === 'in' || word === 'su') continue;
      if (nouns.test(word.toLowerCase())) out.push(`${lang} ${key}: ${message}`);
    }
  }
  return out;
}

describe('plural messages', () => {
  for (const lang of ['it', 'en'] as const) {
    it(`uses the plural form wherever a count precedes a plural noun (${lang})`, () => {
      expect(pluralOffenders(lang)).toEqual([]);
    });
  }

  it('keeps the fixed counts shown in plain plurals above one', () => {
    for (const v of [Math.floor(MAX_PHOTO_PIXELS / 1e6), CONFIRM_REPORTS, SPEED_FULL_HOURS, SPEED_ZERO_HOURS / 24, WINDOW_DAYS['6m']!, WINDOW_DAYS['12m']!, LATE_VERDICT_DAYS, VERDICT_REMINDER_DAYS, WITHDRAWAL_BURST_COUNT, WITHDRAWAL_BURST_DAYS, STANDARD_REPLY_MIN_OTHER_STORIES, STANDARD_REPLY_WINDOW_DAYS]) expect(v).toBeGreaterThan(1);
  });

  it('writes the former offenders in the singular for one', () => {
    expect(t('it', 'contacts.link', { n: 1 })).toBe('Come contattarli (1 contatto)');
    expect(t('en', 'contacts.link', { n: 1 })).toBe('How to reach them (1 contact)');
    expect(t('it', 'contacts.reached', { n: 1, m: 1 })).toBe('Ha raggiunto una persona in 1 storia su 1');
    expect(t('en', 'contacts.reached', { n: 1, m: 1 })).toBe('Reached a person in 1 of 1 story');
    expect(t('en', 'contacts.reached', { n: 1, m: 3 })).toBe('Reached a person in 1 of 3 stories');
    expect(t('it', 'contacts.neverReached', { m: 1 })).toBe('Non ha mai raggiunto una persona (1 storia)');
    expect(t('it', 'contacts.pending', { n: 1, need: 3 })).toBe('Segnalato da 1 persona: in attesa di conferma (3 servono)');
    expect(t('en', 'contacts.pending', { n: 1, need: 3 })).toBe('Reported by 1 person: awaiting confirmation (3 needed)');
    expect(t('it', 'contacts.warning', { n: 1, company: 'X' })).toBe('Non è di X: segnalato 1 volta');
    expect(t('en', 'contacts.warning', { n: 1, company: 'X' })).toBe('Not X’s: reported 1 time');
    expect(t('it', 'identity.duplicates.facts', { stories: 1, date: '3 maggio' })).toBe('1 storia · creata il 3 maggio');
    expect(t('it', 'workflow.traces.standardShare', { share: '100%', standard: 1, n: 1 })).toBe('risposte standard: 100% (1 su 1 risposta, 12 mesi)');
    expect(t('en', 'identity.duplicates.done', { companies: t('en', 'identity.duplicates.doneCompanies', { n: '1' }), stories: t('en', 'identity.duplicates.doneStories', { n: '1' }) })).toBe('Merged: 1 company merged, 1 story moved.');
  });

  it('catches the shapes it is meant to catch', () => {
    dictionaries.en['test.plural'] = 'Reported by {n} people';
    dictionaries.it['test.plural'] = 'Ha raggiunto una persona in {n} storie su {m}';
    try {
      expect(pluralOffenders('en')).toContain('en test.plural: Reported by {n} people');
      expect(pluralOffenders('it')).toContain('it test.plural: Ha raggiunto una persona in {n} storie su {m}');
    } finally {
      delete dictionaries.en['test.plural'];
      delete dictionaries.it['test.plural'];
    }
  });
});
