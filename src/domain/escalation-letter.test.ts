import { describe, expect, it } from 'vitest';
import { composeComplaintLetter, letterText, plainText, type LetterInput } from './escalation-letter.ts';
import { DAY_MS } from './clocks.ts';

const published = Date.UTC(2026, 9, 12, 9);
const input: LetterInput = {
  company: { name: 'Aurora Fibra', address: null },
  story: {
    id: 42,
    title: 'Fibra mai installata ma fatturata',
    body: 'Ho chiesto **il rimborso** di tre bollette.\n\nNessuno mi ha [risposto](https://example.org).',
    experienceDate: '2026-09-30',
    publishedAt: published,
    replyDueAt: published + 7 * DAY_MS,
    firstReplyAt: null,
    channels: [
      { channel: 'phone_tollfree', waitMinutes: 45, answered: true },
      { channel: 'chat', waitMinutes: null, answered: false },
    ],
  },
  sender: null,
  storyUrl: 'https://answerable.example/it/stories/42',
  now: Date.UTC(2026, 11, 4, 12),
};

describe('the complaint letter', () => {
  it('is written in Italian with the story’s facts, dates and channels, and placeholders for the sender', () => {
    const l = composeComplaintLetter(input, 'it');
    const text = letterText(l);
    expect(l.subject).toBe('Reclamo formale – Fibra mai installata ma fatturata');
    expect(text).toContain('30 settembre 2026');
    expect(text).toContain('12 ottobre 2026');
    expect(text).toContain('19 ottobre 2026');
    expect(text).toContain('numero verde (risposta dopo 45 min); chat (nessuna risposta)');
    expect(text).toContain('Ho chiesto il rimborso di tre bollette.');
    expect(text).toContain('Nessuno mi ha risposto.');
    expect(text).toContain('[Nome e cognome]');
    expect(text).toContain('[numero d’ordine o di contratto]');
    expect(text).toContain('[Indirizzo della sede o PEC dell’azienda]');
    expect(text).toMatch(/PEC/);
    expect(text).toMatch(/raccomandata/);
    expect(text).toContain('https://answerable.example/it/stories/42');
    expect(l.date).toBe('4 dicembre 2026');
  });

  it('is written in English from the same story, whatever the story’s language', () => {
    const l = composeComplaintLetter(input, 'en');
    const text = letterText(l);
    expect(l.subject).toBe('Formal complaint – Fibra mai installata ma fatturata');
    expect(text).toContain('30 September 2026');
    expect(text).toContain('the deadline for your reply passed on 19 October 2026');
    expect(text).toContain('free phone line (answered after 45 min); chat (no answer)');
    expect(text).toContain('[Full name]');
    expect(text).toContain('registered mail');
    expect(text).not.toContain('Reclamo formale');
  });

  it('fills the sender’s name, order reference and the company’s address when they are given', () => {
    const l = composeComplaintLetter({ ...input, sender: { name: 'Giulia Rossi', orderReference: 'AF-2026-0042' }, company: { name: 'Aurora Fibra', address: 'aurorafibra@pec.example' } }, 'it');
    const text = letterText(l);
    expect(text).toContain('Giulia Rossi');
    expect(text).toContain('AF-2026-0042');
    expect(text).toContain('aurorafibra@pec.example');
    expect(text).not.toContain('[Nome e cognome]');
  });

  it('says when the company replied but did not solve the problem', () => {
    const l = composeComplaintLetter({ ...input, story: { ...input.story, firstReplyAt: published + 2 * DAY_MS } }, 'en');
    expect(letterText(l)).toContain('your first reply came on 14 October 2026, but the problem is not solved');
  });

  it('says so when no channel was tried', () => {
    expect(letterText(composeComplaintLetter({ ...input, story: { ...input.story, channels: [] } }, 'it'))).toContain('Non ho trovato un canale');
  });
});

describe('markdown to letter prose', () => {
  it('drops markup and keeps link and image text', () => {
    expect(plainText('# Title\n\n- **bold** item\n- [link](https://x.example) ![alt](y.png)')).toBe('Title\n\nbold item\nlink alt');
  });
});
