import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isValidIban, isValidTaxCode, luhnValid, maskPii, maskPiiFields, piiNotice } from './pii.ts';

const kinds = (text: string) => maskPii(text).found.map((f) => f.kind);

describe('maskPii: phone numbers', () => {
  it('masks Italian mobile numbers written in the usual ways, keeping the last two digits', () => {
    for (const phone of ['347 123 4567', '3471234567', '347-1234567', '347.123.4567', '+39 347 1234567', '+393471234567', '0039 347 123 4567']) {
      const r = maskPii(`Chiamatemi al ${phone}, grazie`);
      expect(r.found, phone).toHaveLength(1);
      expect(r.found[0]!.kind).toBe('phone');
      expect(r.text).not.toContain(phone);
      expect(r.text).toMatch(/67, grazie$/);
    }
  });

  it('masks Italian landlines with area codes', () => {
    for (const phone of ['02 1234567', '06-12345678', '0541/123456', '(06) 1234 5678', '+39 06 1234 5678']) {
      expect(kinds(`il mio fisso è ${phone}`), phone).toEqual(['phone']);
    }
  });

  it('masks international numbers written with a country prefix', () => {
    expect(kinds('call me on +44 20 7946 0958 or +1 415-555-2671')).toEqual(['phone', 'phone']);
    expect(kinds('mein Handy: 0049 151 23456789')).toEqual(['phone']);
  });

  it('masks North American numbers written with separators, and leaves toll-free lines alone', () => {
    expect(kinds('call me at (415) 555-0134 or 212-555-0187, fax 312.555.0110')).toEqual(['phone', 'phone', 'phone']);
    expect(maskPii('my cell is 415-555-0134.').text).toBe('my cell is •••-•••-••34.');
    const text = 'I called 1-800-555-0199 and (888) 555-0123 for weeks; account 4155550134 was charged $415.55.';
    expect(maskPii(text)).toEqual({ text, found: [] });
  });

  it("leaves companies' toll-free and premium service numbers alone", () => {
    const text = 'Il numero verde 800 123 456 non risponde più, resta il 199 123 456 a pagamento e l’892 424';
    expect(maskPii(text)).toEqual({ text, found: [] });
  });
});

describe('maskPii: e-mail addresses', () => {
  it('masks the mailbox and keeps the domain', () => {
    const r = maskPii('Scrivete a mario.rossi+ordini@gmail.com oppure a assistenza@fiori-veloci.it.');
    expect(r.text).toBe('Scrivete a •••@gmail.com oppure a •••@fiori-veloci.it.');
    expect(r.found.map((f) => f.original)).toEqual(['mario.rossi+ordini@gmail.com', 'assistenza@fiori-veloci.it']);
  });

  it('does not also treat digits inside an address as a phone number', () => {
    expect(kinds('write to 3471234567@sms.example.com')).toEqual(['email']);
  });
});

describe('maskPii: IBANs', () => {
  it('masks a valid Italian IBAN, grouped or not, keeping the country and the last four characters', () => {
    const r = maskPii('Rimborso sull’IBAN IT60 X054 2811 1010 0000 0123 456 grazie, oppure IT60X0542811101000000123456.');
    expect(r.found.map((f) => f.kind)).toEqual(['iban', 'iban']);
    expect(r.text).toContain('IT•• •••• •••• •••• •••• •••3 456 grazie');
    expect(r.text).toContain('IT•••••••••••••••••••••3456.');
  });

  it('masks IBANs of other countries', () => {
    expect(kinds('DE89 3704 0044 0532 0130 00 and GB82 WEST 1234 5698 7654 32')).toEqual(['iban', 'iban']);
  });

  it('ignores IBAN-shaped text whose check digits are wrong', () => {
    expect(kinds('codice IT60X0542811101000000123457')).toEqual([]);
    expect(isValidIban('IT60X0542811101000000123456')).toBe(true);
    expect(isValidIban('IT61X0542811101000000123456')).toBe(false);
  });
});

describe('maskPii: card numbers', () => {
  it('masks card numbers that pass the Luhn check, keeping the last four digits', () => {
    const r = maskPii('I paid with 4111 1111 1111 1111, then 5500-0000-0000-0004 and amex 378282246310005.');
    expect(r.found.map((f) => f.kind)).toEqual(['card', 'card', 'card']);
    expect(r.text).toBe('I paid with •••• •••• •••• 1111, then ••••-••••-••••-0004 and amex •••••••••••0005.');
  });

  it('leaves numbers that fail the Luhn check or fit no card scheme', () => {
    expect(kinds('4111111111111112')).toEqual([]);
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(kinds('serial 1234567812345670')).toEqual([]);
  });
});

describe('maskPii: no false positives', () => {
  const clean = [
    'Ordine n. 3401234567 del 12/03/2024 alle 14:30, pagato € 1.299,00 (49,90 €).',
    'Ticket #0212345678 aperto il 01/02/2024, chiuso il 1.2.2024 alle 10.30.',
    'Order 10023456789 placed on 2024-03-12 at 10:30, total $1,299.99, refund of £349.99.',
    'Prezzo 349.99, 3.499.000 lire nel 1998, codice fiscale 12345678901, P.IVA 01234567890.',
    'Tracking 0034567890123, spedizione 3312345678, fattura 0212345678.',
    'Ho aspettato 3 giorni, 2 ore e 45 minuti; 4 tecnici in 120 giorni.',
    'The TV cost 1 299 EUR; the parcel weighed 12.5 kg; call-back within 2 hours.',
    'Version 2.0.1 of the app, build 20240312, model TX-55-1234.',
  ];
  it.each(clean)('leaves "%s" untouched', (text) => {
    expect(maskPii(text)).toEqual({ text, found: [] });
  });
});

describe('maskPiiFields', () => {
  it('masks each field and lists everything found so the author can be told', () => {
    const r = maskPiiFields({ title: 'Chiamate il 347 123 4567', body: 'mail: anna@example.it' });
    expect(r.fields).toEqual({ title: 'Chiamate il ••• ••• ••67', body: 'mail: •••@example.it' });
    expect(r.found.map((f) => f.kind)).toEqual(['phone', 'email']);
  });
});

describe('piiNotice', () => {
  it('tells the author, in their language, what was masked', () => {
    const { found } = maskPii('Chiamate il 347 123 4567 o scrivete a anna@example.it');
    expect(piiNotice('it', found)).toEqual({
      heading: 'Per proteggerti abbiamo nascosto alcuni dati personali nel testo pubblico:',
      items: ['numero di telefono: «347 123 4567» → «••• ••• ••67»', 'indirizzo e-mail: «anna@example.it» → «•••@example.it»'],
    });
    expect(piiNotice('en', found)?.items[0]).toBe('phone number: “347 123 4567” → “••• ••• ••67”');
    expect(piiNotice('en', [])).toBeNull();
  });
});

describe('maskPii: evasions (issue 11)', () => {
  it('reads e-mail addresses written with [at], (at), {at} and [dot], and keeps the domain', () => {
    for (const [text, masked] of [
      ['scrivete a mario.rossi[at]gmail.com', 'scrivete a •••@gmail.com'],
      ['scrivete a mario.rossi (at) gmail.com', 'scrivete a •••@gmail.com'],
      ['write to mario {at} gmail [dot] com now', 'write to •••@gmail.com now'],
      ['mario[chiocciola]posta(punto)it', '•••@posta.it'],
    ] as const) {
      const r = maskPii(text);
      expect(r.text, text).toBe(masked);
      expect(r.found.map((f) => f.kind)).toEqual(['email']);
    }
  });

  it('sees through full-width characters (＠, digits)', () => {
    expect(maskPii('mario＠posta.example.it').text).toBe('•••@posta.example.it');
    expect(maskPii('mario﹫posta.example.it').text).toBe('•••@posta.example.it');
    expect(maskPii('chiamate il ３４７ １２３ ４５６７ grazie').text).toBe('chiamate il ••• ••• ••67 grazie');
  });

  it('sees through digits split by zero-width and other invisible characters', () => {
    for (const sep of ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad']) {
      const r = maskPii(`cell 347${sep}123${sep}4567 ok`);
      expect(r.found.map((f) => f.kind), JSON.stringify(sep)).toEqual(['phone']);
      expect(r.text).toBe('cell ••••••••67 ok');
    }
    expect(maskPii('ma\u200brio@gmail.com').text).toBe('•••@gmail.com');
  });

  it('masks national formats of other countries written without a prefix', () => {
    expect(kinds('Paris: 06 12 34 56 78')).toEqual(['phone']);
    expect(kinds('Handy 0151 23456789, Büro 030 12345678')).toEqual(['phone', 'phone']);
    expect(kinds('UK mobile 07911 123456')).toEqual(['phone']);
    expect(kinds('+33 6 12 34 56 78, +41 79 123 45 67, +34 612 345 678')).toEqual(['phone', 'phone', 'phone']);
  });

  it('leaves foreign toll-free lines alone', () => {
    const text = 'Refund desk: call +1-800-555-0199 or +44 800 123 4567';
    expect(maskPii(text)).toEqual({ text, found: [] });
  });

  it('masks a valid codice fiscale (also lower case, spaced, omocodia), keeping the last two characters', () => {
    expect(maskPii('CF RSSMRA85T10A562S.').text).toBe('CF ••••••••••••••2S.');
    expect(kinds('codice fiscale rssmra85t10a562s')).toEqual(['tax_code']);
    expect(kinds('codice fiscale RSS MRA 85T10 A562S')).toEqual(['tax_code']);
    expect(isValidTaxCode('RSSMRA85T10A562S')).toBe(true);
    // Omocodia: the last digit 2 of the town code replaced by N, new check character.
    expect(isValidTaxCode('RSSMRA85T10A56NH')).toBe(true);
    expect(isValidTaxCode('RSSMRA85T10A562T')).toBe(false);
    expect(kinds('codice RSSMRA85T10A562T')).toEqual([]);
  });

  it('masks in the original text: the rest of it is left exactly as typed', () => {
    const text = 'Ｃｉａｏ! Il mio cellulare: 347\u200b123\u200b4567 — grazie ＠ tutti';
    expect(maskPii(text).text).toBe('Ｃｉａｏ! Il mio cellulare: ••••••••67 — grazie ＠ tutti');
  });

  it('property: a mobile number split by any invisible characters and widths is always masked', () => {
    const invisible = fc.constantFrom('', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff');
    fc.assert(
      fc.property(fc.array(invisible, { minLength: 10, maxLength: 10 }), fc.boolean(), fc.integer({ min: 0, max: 9_999_999 }), (seps, wide, rest) => {
        const digits = `34${String(rest).padStart(8, '0')}`;
        const shown = wide ? [...digits].map((d) => String.fromCharCode(0xff10 + Number(d))) : [...digits];
        const text = `chiamami al ${shown.map((d, i) => d + seps[i]).join('')} stasera`;
        const r = maskPii(text);
        expect(r.found.map((f) => f.kind)).toEqual(['phone']);
        expect(r.text.replace(/\D/g, '')).toBe(digits.slice(-2));
      }),
      { numRuns: 200 },
    );
  });

  it('property: ordinary prose with dates, times and amounts is left untouched', () => {
    const word = fc.constantFrom('ordine', 'pagato', 'il', 'alle', 'euro', 'giorni', 'refund', 'waited', 'on', 'for');
    const numberish = fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2000, max: 2026 })).map(([d, m, y]) => `${d}/${m}/${y}`),
      fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${h}:${String(m).padStart(2, '0')}`),
      fc.integer({ min: 1, max: 99_999 }).map((n) => `€ ${n},00`),
      fc.integer({ min: 1, max: 999 }).map(String),
    );
    // Prose puts words between its numbers: three bare numbers in a row ("300 100 100") is how
    // people write a phone number, and masking it is right.
    fc.assert(
      fc.property(fc.array(fc.tuple(word, numberish, word), { minLength: 1, maxLength: 10 }), (parts) => {
        const text = parts.flat().join(' ');
        expect(maskPii(text)).toEqual({ text, found: [] });
      }),
      { numRuns: 200 },
    );
  });
});
