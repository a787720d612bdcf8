import { describe, expect, it } from 'vitest';
import { parseContactPicks } from './contact-picks.ts';

describe('the publish form’s contact picks', () => {
  it('keeps a listed contact or a typed one, only for the channels ticked', () => {
    const { picks, errors } = parseContactPicks('en', { contact_phone_paid: '12', contactNew_email: 'help@shop.example', contact_chat: '7', contactNew_store: 'x' }, ['phone_paid', 'email']);
    expect(errors).toEqual({});
    expect(picks).toEqual([{ channel: 'phone_paid', contactId: 12 }, { channel: 'email', newValue: 'help@shop.example' }]);
  });

  it('a typed contact wins over a listed one', () => {
    expect(parseContactPicks('en', { contact_phone_paid: '12', contactNew_phone_paid: '199 123 456' }, ['phone_paid']).picks).toEqual([{ channel: 'phone_paid', newValue: '199 123 456' }]);
  });

  it('says what is wrong beside the field, in the user’s language', () => {
    const it_ = parseContactPicks('it', { contactNew_phone_tollfree: 'chiamami', contact_email: 'abc' }, ['phone_tollfree', 'email']);
    expect(it_.errors).toEqual({ contactNew_phone_tollfree: 'Non è un numero di telefono valido.', contact_email: 'Scegli una delle opzioni proposte.' });
    expect(parseContactPicks('en', { contactNew_social: 'javascript:alert(1)' }, ['social']).errors.contactNew_social).toBe('Write the page’s address (https://…).');
  });
});
