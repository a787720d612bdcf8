import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStandardReply, normalizeReply, standardReplyShare } from './standard-replies.ts';

describe('normalizeReply', () => {
  it('ignores case, whitespace, punctuation and formatting', () => {
    const a = 'Gentile cliente, ci scusiamo per il disagio!  Il nostro team la contatterà a breve.';
    const b = '**gentile   CLIENTE** ci scusiamo per il disagio\n\nil nostro team la contattera a breve';
    expect(normalizeReply(a)).toBe(normalizeReply(b));
    expect(normalizeReply(a)).toBe('gentile cliente ci scusiamo per il disagio il nostro team la contattera a breve');
  });

  it('ignores order numbers, dates, amounts and ticket ids', () => {
    expect(normalizeReply('Ordine ORD-12345: rimborso di 19,90 € il 03/12.')).toBe(normalizeReply('Ordine #A99: rimborso di 5 € il 1.1.'));
    expect(normalizeReply('Ticket 4711 aperto')).toBe('ticket aperto');
  });

  it('keeps different replies different', () => {
    expect(normalizeReply('Le abbiamo rimborsato l’ordine.')).not.toBe(normalizeReply('Le spediremo un nuovo ordine.'));
  });

  it('leaves nothing comparable in a reply of numbers and punctuation', () => {
    expect(normalizeReply(' 12345 — !!! 3.50 ')).toBe('');
  });

  it('is idempotent and never leaves digits, capitals or doubled spaces', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const n = normalizeReply(s);
        expect(normalizeReply(n)).toBe(n);
        expect(n).not.toMatch(/\d|\s\s|^\s|\s$/u);
        expect(n).toBe(n.toLowerCase());
      }),
    );
  });
});

describe('standard replies', () => {
  it('needs the same reply on 5 or more other stories', () => {
    expect(isStandardReply(4)).toBe(false);
    expect(isStandardReply(5)).toBe(true);
  });

  it('gives the share of standard replies, or nothing without replies', () => {
    expect(standardReplyShare(0, 0)).toBeNull();
    expect(standardReplyShare(8, 6)).toBe(0.75);
  });
});
