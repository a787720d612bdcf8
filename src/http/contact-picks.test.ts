import { describe, expect, it } from 'vitest';
import { countryFromWebsite, parseContactPicks } from './contact-picks.ts';

describe('the publish form’s contact picks', () => {
  it('keeps a listed contact or a typed one, only for the channels ticked', () => {
    const { picks, errors } = parseContactPicks('en', { contact_phone_paid: '12', contactNew_email: 'help@shop.example', contact_chat: '7', contactNew_store: 'x' }, ['phone_paid', 'email']);
    expect(errors).toEqual({});
    expect(picks).toEqual([{ channel: 'phone_paid', contactId: 12 }, { channel: 'email', newValue: 'help@shop.example' }]);
  });

  it('a typed contact wins over a listed one; a number is passed on in its international form', () => {
    expect(parseContactPicks('en', { contact_phone_paid: '12', contactNew_phone_paid: '199 123 456' }, ['phone_paid']).picks).toEqual([{ channel: 'phone_paid', newValue: '+39199123456' }]);
  });

  it('reads a typed number in the country of the company it belongs to (decision 0050)', () => {
    const uk = { contactNew_phone_paid: '07700 900123' };
    expect(parseContactPicks('en', uk, ['phone_paid']).errors.contactNew_phone_paid).toBe('This is not a valid phone number.');
    expect(parseContactPicks('en', uk, ['phone_paid'], { seller: 'GB', marketplace: null }).picks).toEqual([{ channel: 'phone_paid', newValue: '+447700900123' }]);
    // The marketplace's own country for a contact written as the marketplace's.
    const both = { seller: 'IT', marketplace: 'GB' };
    expect(parseContactPicks('en', { ...uk, contactNewFor_phone_paid: 'marketplace' }, ['phone_paid'], both).picks).toEqual([{ channel: 'phone_paid', newValue: '+447700900123', newFor: 'marketplace' }]);
    expect(parseContactPicks('en', { ...uk, contactNewFor_phone_paid: 'marketplace' }, ['phone_paid']).errors.contactNew_phone_paid).toBeDefined();
  });

  it('a new company’s country comes from its website', () => {
    expect(countryFromWebsite('https://www.shop.co.uk/contact')).toBe('GB');
    expect(countryFromWebsite('negozio.ie')).toBe('IE');
    expect(countryFromWebsite('shop.example')).toBe('IT');
    expect(countryFromWebsite('shop.io')).toBe('IT');
    expect(countryFromWebsite('')).toBe('IT');
  });

  it('says what is wrong beside the field, in the user’s language', () => {
    const it_ = parseContactPicks('it', { contactNew_phone_tollfree: 'chiamami', contact_email: 'abc' }, ['phone_tollfree', 'email']);
    expect(it_.errors).toEqual({ contactNew_phone_tollfree: 'Non è un numero di telefono valido.', contact_email: 'Scegli una delle opzioni proposte.' });
    expect(parseContactPicks('en', { contactNew_social: 'javascript:alert(1)' }, ['social']).errors.contactNew_social).toBe('Write the page’s address (https://…).');
  });
});
