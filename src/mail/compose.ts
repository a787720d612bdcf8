// The one place a mail is put together: greeting, body lines, closing, and — for every mail a
// person can turn off — the one-click unsubscribe (RFC 8058 headers plus a link in the body).
// Account mail, claims and notifications all build their text here.
import type { MailMessage } from '../db/outbox.repository.ts';
import type { Locale } from '../domain/vocabulary.ts';
import { t } from '../i18n/index.ts';

export interface MailParts {
  to: string;
  locale: Locale;
  /** Why the mail exists ('reset_password', 'story.company_replied', …). */
  template: string;
  subject: string;
  /** Greets the person by name first, when given. */
  name?: string;
  lines: readonly string[];
  /** Closes with the site's signature (account and claim mail). */
  signature?: boolean;
  /** A line below "--" saying why the person gets this mail (notifications). */
  footer?: string;
  /** For a mail of a kind the person can turn off: the one-click link and the settings page. */
  unsubscribe?: { url: string; settingsUrl: string; kindLabel: string };
}

export function composeMail(p: MailParts): MailMessage {
  const text: string[] = [];
  if (p.name !== undefined) text.push(t(p.locale, 'auth.mail.greeting', { name: p.name }), '');
  text.push(...p.lines);
  if (p.signature) text.push('', t(p.locale, 'auth.mail.signature'));
  if (p.footer !== undefined || p.unsubscribe) {
    text.push('', '--');
    if (p.footer !== undefined) text.push(p.footer);
    if (p.unsubscribe) {
      text.push(t(p.locale, 'notify.mail.unsubscribe', { kind: p.unsubscribe.kindLabel }), p.unsubscribe.url, t(p.locale, 'notify.mail.settings'), p.unsubscribe.settingsUrl);
    }
  }
  const mail: MailMessage = { to: p.to, subject: p.subject, text: text.join('\n'), template: p.template };
  if (p.unsubscribe) {
    mail.headers = { 'List-Unsubscribe': `<${p.unsubscribe.url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
  }
  return mail;
}
