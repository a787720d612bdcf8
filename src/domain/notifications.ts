// Which mail a person gets, and when (issue 15, "notifications people expect"). Pure: the
// services read preferences and stories, this module decides.
//
// Every mail belongs to a kind a person can turn off (settings page, one-click unsubscribe), or
// is a service notice no one can turn off: security mail (sign-up, verification, password, claims
// and invitations) and moderation decisions (the statement of reasons the law requires us to
// give the person affected). See docs/decisions/0034-notify-kinds-and-unsubscribe.md.
import { DAY_MS, HOUR_MS } from './clocks.ts';

export const NOTIFICATION_KINDS = ['story_overdue', 'company_replied', 'verdict_reminders', 'company_stories', 'company_digest'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Who a kind is for: authors of stories, or people who answer for a company. */
export const KIND_AUDIENCE: Record<NotificationKind, 'author' | 'company'> = {
  story_overdue: 'author',
  company_replied: 'author',
  verdict_reminders: 'author',
  company_stories: 'company',
  company_digest: 'company',
};

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/**
 * The kind of a mail by its template name, or null for a service notice (never unsubscribable).
 * Templates not listed here are service notices: a new template is never unsubscribable by
 * accident, and never sent past an opt-out by accident either, because the story templates are
 * all listed.
 */
export function kindOfTemplate(template: string): NotificationKind | null {
  switch (template) {
    case 'story.story_overdue_author':
      return 'story_overdue';
    case 'story.company_replied':
      return 'company_replied';
    case 'story.verdict_reminder':
    case 'story.late_verdict_reminder':
    case 'story.still_resolved':
      return 'verdict_reminders';
    case 'story.story_published':
    case 'story.story_overdue':
    case 'story.consumer_replied':
    case 'story.verdict_given':
    case 'story.story_reopened':
      return 'company_stories';
    case 'company_digest':
      return 'company_digest';
    default:
      return null;
  }
}

/** Stored choices of one person: absent kinds are on. */
export type NotificationPreferences = Partial<Record<NotificationKind, boolean>>;

export function isKindEnabled(prefs: NotificationPreferences, kind: NotificationKind): boolean {
  return prefs[kind] ?? true;
}

/** What a recipient must be for any notification: an account that exists, is not banned and has proved its address. */
export interface RecipientFacts {
  verified: boolean;
  banned: boolean;
}

/**
 * Whether `template` may be mailed to this person now. Service notices go to any active account;
 * notifications only to verified addresses (an unproved address may be someone else's inbox) and
 * only while the person has not turned their kind off.
 */
export function mayMail(template: string, recipient: RecipientFacts, prefs: NotificationPreferences): boolean {
  if (recipient.banned) return false;
  const kind = kindOfTemplate(template);
  if (kind === null) return true;
  return recipient.verified && isKindEnabled(prefs, kind);
}

/**
 * The settings form: one checkbox per kind shown; a checked box sends its kind. Unknown names are
 * an error (a forged form), so is a kind the person may not see (a consumer has no company kinds).
 */
export function preferencesFromForm(
  checked: readonly string[],
  shown: readonly NotificationKind[],
): { ok: true; prefs: Record<NotificationKind, boolean> } | { ok: false } {
  const on = new Set<string>();
  for (const name of checked) {
    if (!isNotificationKind(name) || !shown.includes(name)) return { ok: false };
    on.add(name);
  }
  const prefs = {} as Record<NotificationKind, boolean>;
  for (const kind of shown) prefs[kind] = on.has(kind);
  return { ok: true, prefs };
}

/** The kinds a person sees on the settings page: company kinds only for those who answer for one. */
export function kindsFor(person: { representsCompany: boolean }): NotificationKind[] {
  return NOTIFICATION_KINDS.filter((k) => KIND_AUDIENCE[k] === 'author' || person.representsCompany);
}

// ---- The daily digest for companies ----

/** The digest goes out from 07:00 UTC (08:00 or 09:00 in Italy): one a day, covering the 24 hours before. */
export const DIGEST_HOUR_UTC = 7;

export interface DigestSlot {
  /** The day of the digest, 'YYYY-MM-DD' (UTC): one digest per person and day. */
  day: string;
  /** The stories it covers: published (or gone overdue) in [from, to). */
  from: number;
  to: number;
}

/** The digest that is due at `now`: the latest 07:00 UTC at or before now, covering the day before it. */
export function digestSlot(now: number, hourUtc: number = DIGEST_HOUR_UTC): DigestSlot {
  const offset = hourUtc * HOUR_MS;
  const to = Math.floor((now - offset) / DAY_MS) * DAY_MS + offset;
  return { day: new Date(to).toISOString().slice(0, 10), from: to - DAY_MS, to };
}

export interface DigestStory {
  id: number;
  companyId: number;
  title: string;
  state: string;
  publishedAt: number;
  replyDueAt: number;
  firstReplyAt: number | null;
}

export interface DigestContent {
  /** Published in the window. */
  fresh: DigestStory[];
  /** Reply deadline passed in the window, still without a reply. */
  overdue: DigestStory[];
}

/**
 * What a digest says, or null when there is nothing new (no mail then). Only visible stories
 * count; a story published and gone overdue in the same window shows once, as overdue.
 */
export function digestContent(stories: readonly DigestStory[], slot: DigestSlot): DigestContent | null {
  const inWindow = (t: number) => t >= slot.from && t < slot.to;
  const visible = stories.filter((s) => s.state !== 'hidden' && s.state !== 'withdrawn');
  const overdue = visible.filter((s) => s.firstReplyAt === null && (s.state === 'overdue' || s.state === 'awaiting_reply') && inWindow(s.replyDueAt));
  const overdueIds = new Set(overdue.map((s) => s.id));
  const fresh = visible.filter((s) => inWindow(s.publishedAt) && !overdueIds.has(s.id));
  if (fresh.length === 0 && overdue.length === 0) return null;
  const byTime = (a: DigestStory, b: DigestStory) => a.publishedAt - b.publishedAt || a.id - b.id;
  return { fresh: [...fresh].sort(byTime), overdue: [...overdue].sort(byTime) };
}

/** The once-only keys of the notification ledger. */
export const onceKey = {
  overdue: (storyId: number) => `overdue:${storyId}`,
  digest: (day: string) => `digest:${day}`,
};
