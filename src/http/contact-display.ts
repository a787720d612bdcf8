// How the contact directory reads on pages (decision 0042): numbers as written in their country,
// menu paths as "press 2, then 4", waits in minutes/hours/days, history lines.
import { parsePhone } from '../domain/contacts.ts';
import { formatDate, t, type Locale, type MessageKey } from '../i18n/index.ts';
import type { DirectoryContact } from '../services/contact.service.ts';
import type { ContactEventRow } from '../db/contact.repository.ts';
import type { StoryContact } from '../db/browse.repository.ts';

export function contactValueText(kind: string, value: string): string {
  if (kind === 'phone') return parsePhone(value, 'IT')?.national ?? value;
  return value;
}

export function menuPathText(lang: Locale, value: string): string {
  const [first, ...rest] = value.split(' ');
  return [t(lang, 'contacts.menu.press', { key: first ?? '' }), ...rest].join(t(lang, 'contacts.menu.then'));
}

export function waitText(lang: Locale, minutes: number): string {
  if (minutes < 120) return t(lang, 'contacts.minutes', { n: Math.round(minutes) });
  if (minutes < 2 * 1440) return t(lang, 'contacts.hoursWait', { n: Math.round(minutes / 60) });
  return t(lang, 'contacts.days', { n: Math.round(minutes / 1440) });
}

/** "Toll-free 800 123 456" / "Web form https://…" */
export function contactName(lang: Locale, c: { kind: string; value: string; costClass?: string | null }): string {
  const kind = t(lang, `contacts.kind.${c.kind}` as MessageKey);
  const cost = c.kind === 'phone' && c.costClass ? ` (${t(lang, `contacts.cost.${c.costClass}` as MessageKey)})` : '';
  return `${kind}${cost} ${contactValueText(c.kind, c.value)}`;
}

/** "Phone (toll-free) 800 123 456 withdrawn on 12 May 2026 (now only a form), replaced by: Web form https://…" */
export function withdrawnLine(lang: Locale, c: DirectoryContact): string {
  const base = t(lang, 'contacts.history.withdrawn', {
    what: contactName(lang, c),
    date: c.withdrawnAt === null ? '' : formatDate(lang, c.withdrawnAt),
    reason: t(lang, `contacts.reason.${c.withdrawnReason ?? 'gone'}` as MessageKey),
  });
  return c.replacedBy ? base + t(lang, 'contacts.history.replaced', { what: contactName(lang, c.replacedBy) }) : base;
}

export function eventLine(lang: Locale, e: ContactEventRow): string {
  const by = e.by_role === 'consumer' && e.reports ? t(lang, 'contacts.by.consumerN', { n: e.reports }) : t(lang, `contacts.by.${e.by_role}` as MessageKey);
  if (e.event === 'repriced') return t(lang, 'contacts.event.repriced', { date: formatDate(lang, e.at), by, cost: t(lang, `contacts.cost.${e.reason ?? 'premium_rate'}` as MessageKey) });
  return t(lang, `contacts.event.${e.event}` as MessageKey, { date: formatDate(lang, e.at), by, reason: e.reason ? t(lang, `contacts.reason.${e.reason}` as MessageKey) : '' });
}

/** The contact a story's author used on a channel: "Contact used: Phone (premium rate) 02 1234 5678, in its menu: press 2, then 4". */
export function storyContactLine(lang: Locale, c: StoryContact): string {
  const what =
    c.kind === 'menu_path' && c.phone
      ? t(lang, 'contacts.story.menu', { phone: contactName(lang, { kind: 'phone', value: c.phone.value, costClass: c.phone.costClass }), steps: menuPathText(lang, c.value) })
      : contactName(lang, c);
  const line = t(lang, 'contacts.story.used', { what });
  return c.withdrawn ? `${line} ${t(lang, 'contacts.story.withdrawn')}` : line;
}
