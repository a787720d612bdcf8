// Turns the workflow's "notify" effects into mails in the outbox, in each recipient's language,
// and sends the companies' daily digest. Always called inside the transaction of the change it
// announces (never blocks on delivery). Who may get what is decided by src/domain/notifications.ts:
// notifications go only to verified, active accounts that have not turned their kind off, and
// each carries a one-click unsubscribe for its kind (src/mail/compose.ts).
import type { DB } from '../db/client.ts';
import { findCompanyRepresentatives, listCompaniesByIds, listRepresentativesWithCompanies } from '../db/company.repository.ts';
import { findNotificationRecipient, type NotificationRecipient } from '../db/user.repository.ts';
import { claimNotificationOnce, findNotificationPreferences, hasNotificationKey, siteSecret } from '../db/notification.repository.ts';
import { listDigestCandidates, type Story } from '../db/story.repository.ts';
import { config } from '../config.ts';
import { enqueueMail } from '../db/outbox.repository.ts';
import { inTransaction } from '../db/transaction.ts';
import type { NotifyTemplate } from '../domain/story-workflow.ts';
import type { Locale } from '../domain/vocabulary.ts';
import { digestContent, digestSlot, kindOfTemplate, mayMail, onceKey, type DigestStory } from '../domain/notifications.ts';
import { composeMail } from '../mail/compose.ts';
import { signUnsubscribeToken, UNSUBSCRIBE_SECRET } from '../mail/unsubscribe-token.ts';
import { formatDate, runtimeKey, t } from '../i18n/index.ts';

export function siteUrl(): string {
  return config().siteUrl;
}

export function storyUrl(storyId: number, locale: Locale, hash = ''): string {
  return `${siteUrl()}/${locale}/stories/${storyId}${hash}`;
}

/** The one-click link of a kind for a person (RFC 8058: POST to it unsubscribes; GET asks first). */
export async function unsubscribeUrl(db: DB, r: Pick<NotificationRecipient, 'userId' | 'email' | 'locale'>, template: string, now: number): Promise<{ url: string; settingsUrl: string; kindLabel: string } | undefined> {
  const kind = kindOfTemplate(template);
  if (kind === null) return undefined;
  const token = signUnsubscribeToken(await siteSecret(db, UNSUBSCRIBE_SECRET, now), { userId: r.userId, kind }, r.email);
  return {
    url: `${siteUrl()}/${r.locale}/unsubscribe?token=${token}`,
    settingsUrl: `${siteUrl()}/${r.locale}/account/notifications`,
    kindLabel: t(r.locale, runtimeKey(`notify.kind.${kind}.label`)),
  };
}

/**
 * Queues one notification mail to a person, unless they may not get it (unverified, banned,
 * deleted, or the kind turned off). Returns whether it was queued.
 */
async function deliver(
  db: DB,
  r: NotificationRecipient,
  template: string,
  build: (locale: Locale) => { subject: string; lines: string[]; footer: string },
  now: number,
): Promise<boolean> {
  if (!mayMail(template, r, await findNotificationPreferences(db, r.userId))) return false;
  const { subject, lines, footer } = build(r.locale);
  const unsubscribe = await unsubscribeUrl(db, r, template, now);
  await enqueueMail(db, composeMail({ to: r.email, locale: r.locale, template, subject, lines, footer, unsubscribe }), now);
  return true;
}

async function findRecipient(db: DB, userId: number | null): Promise<NotificationRecipient | null> {
  if (userId === null) return null;
  return findNotificationRecipient(db, userId);
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
  const recipients: NotificationRecipient[] = [];
  if (to === 'author') {
    const r = await findRecipient(db, ctx.story.authorId);
    if (r) recipients.push(r);
  } else {
    for (const rep of await findCompanyRepresentatives(db, ctx.story.companyId)) {
      const r = await findNotificationRecipient(db, rep.userId);
      if (r) recipients.push(r);
    }
  }
  let queued = 0;
  for (const r of recipients) {
    if (r.userId === ctx.actorUserId) continue;
    // The overdue notice reaches the author once per story, whatever happens to it afterwards.
    if (template === 'story_overdue_author' && (await hasNotificationKey(db, r.userId, onceKey.overdue(ctx.story.id)))) continue;
    const sent = await deliver(
      db,
      r,
      `story.${template}`,
      (locale) => {
        const params = {
          title: ctx.story.title,
          company: ctx.companyName,
          url: storyUrl(ctx.story.id, locale),
          days: ctx.replyDeadlineDays ?? 7,
          due: formatDate(locale, ctx.story.replyDueAt),
          reason: ctx.reason ?? '',
          until: ctx.until === undefined ? '' : formatDate(locale, ctx.until),
          outcome: t(locale, ctx.resolved ? 'workflow.outcome.resolved' : 'workflow.outcome.unresolved'),
          verdictUrl: storyUrl(ctx.story.id, locale, '#verdict-form'),
          nextUrl: storyUrl(ctx.story.id, locale, '#next-steps'),
        };
        return {
          subject: t(locale, runtimeKey(`workflow.mail.${template}.subject`), params),
          lines: [t(locale, runtimeKey(`workflow.mail.${template}.text`), params)],
          footer: t(locale, 'workflow.mail.footer'),
        };
      },
      ctx.now,
    );
    if (sent && template === 'story_overdue_author') await claimNotificationOnce(db, r.userId, onceKey.overdue(ctx.story.id), ctx.now);
    if (sent) queued++;
  }
  return queued;
}

/** The "still resolved?" question, 7 or 30 days after a resolved verdict. */
export async function notifyStillResolved(db: DB, story: Pick<Story, 'id' | 'title' | 'authorId'>, kind: '7d' | '30d', now: number): Promise<boolean> {
  const r = await findRecipient(db, story.authorId);
  if (!r) return false;
  return deliver(
    db,
    r,
    'story.still_resolved',
    (locale) => {
      const params = { title: story.title, url: storyUrl(story.id, locale, `?followup=${kind}#still-resolved`) };
      return {
        subject: t(locale, 'workflow.mail.still_resolved.subject', params),
        lines: [t(locale, 'workflow.mail.still_resolved.text', params)],
        footer: t(locale, 'workflow.mail.footer'),
      };
    },
    now,
  );
}

// ---- The daily digest for companies ----

function digestLines(locale: Locale, stories: readonly DigestStory[], companyNames: Map<number, string>, multi: boolean, now: number): string[] {
  return stories.map((s) => {
    const where = multi ? ` (${companyNames.get(s.companyId) ?? ''})` : '';
    const late = s.firstReplyAt === null && s.replyDueAt <= now ? t(locale, 'notify.digest.due', { due: formatDate(locale, s.replyDueAt) }) : t(locale, 'notify.digest.dueBy', { due: formatDate(locale, s.replyDueAt) });
    return `- ${s.title}${where} — ${late}\n  ${storyUrl(s.id, locale)}`;
  });
}

/**
 * Sends each company representative the digest due at `now` (scheduler): one per person and day
 * (the ledger row is written in the same transaction as the mail), none when nothing is new, none
 * to a person who turned the digest off. Returns how many were queued.
 */
export async function sendDailyDigests(db: DB, now: number): Promise<number> {
  const slot = digestSlot(now);
  const key = onceKey.digest(slot.day);
  let sent = 0;
  for (const rep of await listRepresentativesWithCompanies(db)) {
    if (await hasNotificationKey(db, rep.userId, key)) continue;
    // A read first: most minutes of the day there is nothing to send, and no transaction is opened.
    if (!digestContent(await listDigestCandidates(db, rep.companyIds, slot.from, slot.to), slot)) continue;
    await new Promise<void>((resolve) => setImmediate(resolve));
    const ok = await inTransaction(db, async (tx) => {
      const r = await findNotificationRecipient(tx, rep.userId);
      if (!r) return false;
      const content = digestContent(await listDigestCandidates(tx, rep.companyIds, slot.from, slot.to), slot);
      if (!content) return false;
      // Claimed first: a concurrent tick in another process gets false here and sends nothing.
      if (!(await claimNotificationOnce(tx, r.userId, key, now))) return false;
      const companies = await listCompaniesByIds(tx, rep.companyIds);
      const names = new Map(companies.map((c) => [c.id, c.name]));
      const multi = rep.companyIds.length > 1;
      return deliver(
        tx,
        r,
        'company_digest',
        (locale) => {
          const lines: string[] = [t(locale, 'notify.digest.intro', { date: formatDate(locale, slot.from) })];
          if (content.fresh.length > 0) lines.push('', t(locale, 'notify.digest.fresh', { n: content.fresh.length }), ...digestLines(locale, content.fresh, names, multi, now));
          if (content.overdue.length > 0) lines.push('', t(locale, 'notify.digest.overdue', { n: content.overdue.length }), ...digestLines(locale, content.overdue, names, multi, now));
          lines.push('', t(locale, 'notify.digest.dashboard'), `${siteUrl()}/${locale}/dashboard`);
          const company = multi ? t(locale, 'notify.digest.yourCompanies') : (names.get(rep.companyIds[0]!) ?? '');
          return { subject: t(locale, 'notify.digest.subject', { n: content.fresh.length + content.overdue.length, company }), lines, footer: t(locale, 'notify.digest.footer') };
        },
        now,
      );
    });
    if (ok) sent++;
  }
  return sent;
}
