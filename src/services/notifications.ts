// Turns the workflow's "notify" effects into mails in the outbox, in each recipient's language.
// Always called inside the transaction of the change it announces (never blocks on delivery).
import type { DB } from '../db/client.ts';
import { findCompanyRepresentatives, type Recipient } from '../db/company.repository.ts';
import { findActiveUserContact } from '../db/user.repository.ts';
import { config } from '../config.ts';
import { enqueueMail } from '../db/outbox.repository.ts';
import type { Story } from '../db/story.repository.ts';
import type { NotifyTemplate } from '../domain/story-workflow.ts';
import type { Locale } from '../domain/vocabulary.ts';
import { formatDate, t } from '../i18n/index.ts';

export function siteUrl(): string {
  return config().siteUrl;
}

export function storyUrl(storyId: number, locale: Locale, hash = ''): string {
  return `${siteUrl()}/${locale}/stories/${storyId}${hash}`;
}

async function findUserRecipient(db: DB, userId: number | null): Promise<Recipient | null> {
  if (userId === null) return null;
  return findActiveUserContact(db, userId);
}

export interface NotifyContext {
  story: Pick<Story, 'id' | 'title' | 'authorId' | 'companyId' | 'replyDueAt'>;
  companyName: string;
  /** The person who caused the event is never mailed about it. */
  actorUserId: number | null;
  now: number;
  reason?: string;
  resolved?: boolean;
  replyDeadlineDays?: number;
  /** End of the verdict window the mail speaks of (company replied, reminders). */
  until?: number;
}

/** Queues one mail per recipient; returns how many were queued. */
export async function notify(db: DB, to: 'author' | 'company', template: NotifyTemplate, ctx: NotifyContext): Promise<number> {
  const recipients =
    to === 'author'
      ? [await findUserRecipient(db, ctx.story.authorId)].filter((r): r is Recipient => r !== null)
      : await findCompanyRepresentatives(db, ctx.story.companyId);
  let queued = 0;
  for (const r of recipients) {
    if (r.userId === ctx.actorUserId) continue;
    const params = {
      title: ctx.story.title,
      company: ctx.companyName,
      url: storyUrl(ctx.story.id, r.locale),
      days: ctx.replyDeadlineDays ?? 7,
      due: formatDate(r.locale, ctx.story.replyDueAt),
      reason: ctx.reason ?? '',
      until: ctx.until === undefined ? '' : formatDate(r.locale, ctx.until),
      outcome: t(r.locale, ctx.resolved ? 'workflow.outcome.resolved' : 'workflow.outcome.unresolved'),
    };
    const footer = t(r.locale, 'workflow.mail.footer');
    await enqueueMail(
      db,
      {
        to: r.email,
        subject: t(r.locale, `workflow.mail.${template}.subject`, params),
        text: `${t(r.locale, `workflow.mail.${template}.text`, params)}\n\n--\n${footer}`,
        template: `story.${template}`,
      },
      ctx.now,
    );
    queued++;
  }
  return queued;
}

/** The "still resolved?" question, 7 or 30 days after a resolved verdict. */
export async function notifyStillResolved(db: DB, story: Pick<Story, 'id' | 'title' | 'authorId'>, kind: '7d' | '30d', now: number): Promise<boolean> {
  const r = await findUserRecipient(db, story.authorId);
  if (!r) return false;
  const params = { title: story.title, url: storyUrl(story.id, r.locale, `?followup=${kind}#still-resolved`) };
  await enqueueMail(
    db,
    {
      to: r.email,
      subject: t(r.locale, 'workflow.mail.still_resolved.subject', params),
      text: `${t(r.locale, 'workflow.mail.still_resolved.text', params)}\n\n--\n${t(r.locale, 'workflow.mail.footer')}`,
      template: 'story.still_resolved',
    },
    now,
  );
  return true;
}
