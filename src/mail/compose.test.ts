import { describe, expect, it } from 'vitest';
import { composeMail } from './compose.ts';

describe('composing a mail', () => {
  it('an account mail greets by name, ends with the signature and has no unsubscribe', () => {
    const mail = composeMail({ to: 'a@example.org', locale: 'en', template: 'reset_password', subject: 'S', name: 'Ada', lines: ['Line one', 'https://x.example/r'], signature: true });
    expect(mail.text.split('\n')[0]).toContain('Ada');
    expect(mail.text).toContain('Line one\nhttps://x.example/r\n');
    expect(mail.headers).toBeUndefined();
    expect(mail.text).not.toContain('unsubscribe');
  });

  it('a notification carries the RFC 8058 headers and the same link in its body, below its footer', () => {
    const url = 'https://site.example/it/unsubscribe?token=1.company_replied.x';
    const mail = composeMail({ to: 'a@example.org', locale: 'it', template: 'story.company_replied', subject: 'S', lines: ['Testo'], footer: 'Perché', unsubscribe: { url, settingsUrl: 'https://site.example/it/account/notifications', kindLabel: 'L’azienda ha risposto' } });
    expect(mail.headers).toEqual({ 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    expect(mail.text).toBe(`Testo\n\n--\nPerché\nNon vuoi più ricevere «L’azienda ha risposto»? Disiscriviti con un clic:\n${url}\nTutte le tue preferenze per le e-mail:\nhttps://site.example/it/account/notifications`);
  });
});
