// Where mail goes: nodemailer over SMTP when SMTP_URL is set (e.g. smtp://user:pass@host:587,
// smtps://… for implicit TLS), otherwise the development mailbox. MAIL_FROM sets the sender.
import { config } from '../config.ts';
import nodemailer from 'nodemailer';
import type { DB } from '../db/client.ts';
import type { MailMessage } from '../db/outbox.repository.ts';
import { storeDevMail } from './dev-mailbox.ts';

export interface MailTransport {
  readonly kind: 'smtp' | 'dev';
  send(mail: MailMessage, outboxId: number | null, now: number): Promise<void>;
  close(): void;
}

export function mailFrom(): string {
  return config().mailFrom;
}

export function createSmtpTransport(smtpUrl: string, from = mailFrom()): MailTransport {
  // A pooled connection: the first mail pays the handshake, later ones go out at once.
  const url = new URL(smtpUrl);
  const transporter = nodemailer.createTransport({
    pool: true,
    maxConnections: 2,
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    kind: 'smtp',
    async send(mail) {
      await transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, headers: mail.headers });
    },
    close() {
      transporter.close();
    },
  };
}

export function createDevTransport(db: DB): MailTransport {
  return {
    kind: 'dev',
    async send(mail, outboxId, now) {
      await storeDevMail(db, mail, outboxId, now);
    },
    close() {},
  };
}

export function createTransportFromEnv(db: DB): MailTransport {
  const smtpUrl = config().smtpUrl;
  return smtpUrl ? createSmtpTransport(smtpUrl) : createDevTransport(db);
}
