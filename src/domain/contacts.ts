// The contact directory's rules (issue 17, decision 0042), pure: what a contact's value is once
// normalised, what a phone number costs (its class, from libphonenumber-js's metadata plus our
// own table where the library says nothing useful), when reports change an entry, and the
// figures measured from stories (median wait, whether it ever reached a person).
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { Channel } from './vocabulary.ts';

export const CONTACT_KINDS = ['phone', 'menu_path', 'chat', 'email', 'pec', 'web_form', 'postal', 'social'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const COST_CLASSES = ['toll_free', 'premium_rate', 'shared_cost', 'fixed', 'mobile', 'unknown'] as const;
export type CostClass = (typeof COST_CLASSES)[number];
export type ContactStatus = 'pending' | 'active' | 'withdrawn' | 'fake';
export const CHANGE_KINDS = ['gone', 'now_paid', 'form_only'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export type ReportKind = 'exists' | ChangeKind | 'fake';
export type ReporterRole = 'company' | 'consumer' | 'moderator';

/** Different people whose reports confirm a contact or a change (a moderator or the company's team: one is enough). */
export const CONFIRM_REPORTS = 3;
/** "Support channels removed in the last 12 months" on the company page. */
export const REMOVED_WINDOW_MS = 365 * 86_400_000;
/** Limits on what people type: a number, an address, a URL, a postal address, a menu path. */
export const CONTACT_VALUE_MAX = 300;
export const CONTACT_LABEL_MAX = 80;
export const CONTACT_HOURS_MAX = 120;
/** A menu path longer than this is a typo, not a phone menu. */
export const MENU_STEPS_MAX = 8;

/**
 * Italian ranges the library files under a type that says nothing about the price (199 is a
 * "personal number") or does not know (short or odd lengths): 199, 89x and 16x cost more than a
 * call to a landline (premium), 84x shares the cost, 800/803 are free. Checked on the national number.
 */
const ITALIAN_RANGES: [RegExp, CostClass][] = [
  [/^80[03]/, 'toll_free'],
  [/^199/, 'premium_rate'],
  [/^89\d/, 'premium_rate'],
  [/^16\d/, 'premium_rate'],
  [/^84\d/, 'shared_cost'],
];

/**
 * UK ranges Ofcom keeps for drama (TV, books, examples: never assigned to a line), which the
 * library's metadata calls invalid: 07700 900xxx (mobile), 01632 960xxx and the London, Leeds, …
 * 01xx 496 0xxx blocks (geographic), 0808 157 0xxx (freephone), 0909 879 0xxx (premium). People
 * copy them from examples and our demo and tests use them, so they are read by their range.
 */
const UK_DRAMA_RANGES: [RegExp, CostClass][] = [
  [/^7700900\d{3}$/, 'mobile'],
  [/^1632960\d{3}$/, 'fixed'],
  [/^1\d{2}4960\d{3}$/, 'fixed'],
  [/^8081570\d{3}$/, 'toll_free'],
  [/^9098790\d{3}$/, 'premium_rate'],
];

export interface PhoneInfo {
  /** E.164, the value stored and compared. */
  e164: string;
  /** As people write it in its country ("800 123 456"). */
  national: string;
  international: string;
  country: string | null;
  costClass: CostClass;
}

/** The phone number in `raw` (national in `country`, or with +prefix), or null when it is not one. */
export function parsePhone(raw: string, country: string): PhoneInfo | null {
  const text = raw.trim();
  if (text.length === 0 || text.length > 40 || !/^[+()\d\s./-]+$/.test(text)) return null;
  const parsed = parsePhoneNumberFromString(text, (country.toUpperCase() || 'IT') as CountryCode);
  if (!parsed || !parsed.isPossible()) return null;
  const drama = parsed.countryCallingCode === '44' && !parsed.isValid() ? UK_DRAMA_RANGES.find(([re]) => re.test(parsed.nationalNumber))?.[1] : undefined;
  if (drama) return { e164: parsed.number, national: parsed.formatNational(), international: parsed.formatInternational(), country: 'GB', costClass: drama };
  const costClass = costClassOf(parsed.getType(), parsed.country ?? null, parsed.nationalNumber);
  // An invalid number of an unknown range is refused; a valid one always has a class.
  if (!parsed.isValid() && costClass === 'unknown') return null;
  return { e164: parsed.number, national: parsed.formatNational(), international: parsed.formatInternational(), country: parsed.country ?? null, costClass };
}

export function costClassOf(type: string | undefined, country: string | null, nationalNumber: string): CostClass {
  if (country === 'IT') {
    const own = ITALIAN_RANGES.find(([re]) => re.test(nationalNumber));
    if (own) return own[1];
  }
  switch (type) {
    case 'TOLL_FREE':
      return 'toll_free';
    case 'PREMIUM_RATE':
    case 'PERSONAL_NUMBER': // UK 070, Italian 199: charged above a landline call
      return 'premium_rate';
    case 'SHARED_COST':
      return 'shared_cost';
    case 'MOBILE':
      return 'mobile';
    case 'FIXED_LINE':
    case 'FIXED_LINE_OR_MOBILE': // US/CA: priced like a landline
    case 'UAN': // UK 03: priced like a landline
    case 'VOIP':
      return 'fixed';
    default:
      return 'unknown';
  }
}

/** Free to call, or at most the price of an ordinary call. */
export function isPaidLine(cost: CostClass): boolean {
  return cost === 'premium_rate' || cost === 'shared_cost';
}

/** "press 2, then 4, then 0" → ['2', '4', '0']; null when it is not a menu path. */
export function parseMenuPath(raw: string): string[] | null {
  const steps = raw.match(/[0-9*#]/g);
  if (!steps || steps.length === 0 || steps.length > MENU_STEPS_MAX) return null;
  // Only digits, separators and words ("press", "premi", "then", "poi") around them.
  if (raw.length > 120) return null;
  return steps;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

function normalizeUrl(raw: string): string | null {
  let text = raw.trim();
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) text = `https://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!url.hostname.includes('.') || url.username || url.password) return null;
  url.hash = '';
  return url.toString();
}

export type NormalizedContact =
  | { ok: true; value: string; key: string; costClass: CostClass | null }
  | { ok: false; error: 'contacts.error.phone' | 'contacts.error.email' | 'contacts.error.url' | 'contacts.error.postal' | 'contacts.error.menu' };

/** The stored form of what someone typed, and the key two reports of the same contact share. */
export function normalizeContact(kind: ContactKind, raw: string, country: string, parentId: number | null = null): NormalizedContact {
  const text = raw.normalize('NFKC').replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  switch (kind) {
    case 'phone': {
      const phone = parsePhone(text, country);
      return phone ? { ok: true, value: phone.e164, key: phone.e164, costClass: phone.costClass } : { ok: false, error: 'contacts.error.phone' };
    }
    case 'menu_path': {
      const steps = parseMenuPath(text);
      return steps && parentId !== null ? { ok: true, value: steps.join(' '), key: `${parentId}:${steps.join('')}`, costClass: null } : { ok: false, error: 'contacts.error.menu' };
    }
    case 'email':
    case 'pec': {
      const address = text.toLowerCase();
      return address.length <= 254 && EMAIL.test(address) ? { ok: true, value: address, key: address, costClass: null } : { ok: false, error: 'contacts.error.email' };
    }
    case 'postal': {
      const address = text.replace(/\s+/g, ' ');
      return address.length >= 10 && address.length <= CONTACT_VALUE_MAX ? { ok: true, value: address, key: address.toLowerCase(), costClass: null } : { ok: false, error: 'contacts.error.postal' };
    }
    default: {
      // chat, web form, social page: a web address.
      const url = text.length <= CONTACT_VALUE_MAX ? normalizeUrl(text) : null;
      return url ? { ok: true, value: url, key: url.toLowerCase().replace(/\/$/, ''), costClass: null } : { ok: false, error: 'contacts.error.url' };
    }
  }
}

/** Which directory kinds a story channel can have used (the publish form's picker). */
export const CHANNEL_CONTACT_KINDS: Partial<Record<Channel, ContactKind[]>> = {
  phone_tollfree: ['phone', 'menu_path'],
  phone_paid: ['phone', 'menu_path'],
  email: ['email', 'pec'],
  chat: ['chat'],
  web_form: ['web_form'],
  social: ['social'],
  letter: ['postal', 'pec'],
};

/** The kind of a contact a consumer adds while publishing, for a channel. */
export const CHANNEL_NEW_KIND: Partial<Record<Channel, ContactKind>> = {
  phone_tollfree: 'phone',
  phone_paid: 'phone',
  email: 'email',
  chat: 'chat',
  web_form: 'web_form',
  social: 'social',
  letter: 'postal',
};

/**
 * Reports that count together towards one change (decision 0050): "no longer works" and "now only
 * a form" both say the contact no longer reaches anyone, so different people saying either add up
 * towards its withdrawal; "now costs money" re-classes a number and counts on its own.
 */
export function reportGroup(kind: ReportKind): ReportKind[] {
  return kind === 'gone' || kind === 'form_only' ? ['gone', 'form_only'] : [kind];
}

/** The reason a withdrawal records: the one most people gave (ties go to the latest report). */
export function withdrawalReason(reports: readonly { kind: ReportKind }[]): 'gone' | 'form_only' {
  let gone = 0;
  let form = 0;
  let last: 'gone' | 'form_only' = 'gone';
  for (const r of reports) {
    if (r.kind === 'gone') (gone++, (last = 'gone'));
    if (r.kind === 'form_only') (form++, (last = 'form_only'));
  }
  return gone > form ? 'gone' : form > gone ? 'form_only' : last;
}

/** The class a number gets once "now costs money" is confirmed. */
export const REPRICED_CLASS: CostClass = 'premium_rate';

export interface ReportTally {
  kind: ReportKind;
  role: ReporterRole;
  /** Different consumers with an open report of this kind (or of its group, see reportGroup) on this contact, this one included. */
  distinctReporters: number;
  official: boolean;
  status: ContactStatus;
  /** Added by a "not this company's" report. */
  lookalike?: boolean;
  /** Open "not this company's" reports on it. */
  openFake?: number;
}

/**
 * Whether a report changes the entry now. The company's team and moderators confirm at once
 * (the team cannot call its own official contact a fake: that is for a moderator). Consumers need
 * CONFIRM_REPORTS different people, and never change an official contact on their own: a report
 * against what the company declared waits for a moderator or the company. Consumers saying a
 * contact exists never list one that someone reported as not the company's (a look-alike, or a
 * contact with open look-alike reports): that waits for a moderator or the company's team.
 */
export function reportApplies(t: ReportTally): boolean {
  if (t.status === 'withdrawn' && t.kind !== 'exists') return false;
  if (t.status === 'fake' && t.kind === 'fake') return false;
  if (t.status === 'fake' && t.kind === 'now_paid') return false;
  if (t.role === 'moderator') return true;
  if (t.role === 'company') return !(t.kind === 'fake' && t.official);
  if (t.official && t.kind !== 'exists') return false;
  // A look-alike is never brought back by consumers: several accounts could list a fake page again.
  if (t.status === 'fake') return false;
  if (t.kind === 'exists' && (t.lookalike || (t.openFake ?? 0) > 0)) return false;
  return t.distinctReporters >= CONFIRM_REPORTS;
}

/**
 * Whether a contact is shown as the company's (directory, company page, publish picker, API,
 * story pages): confirmed, or awaiting confirmation when nobody said it is not the company's.
 * A look-alike report's contact is seen only by moderators until it becomes a warning.
 */
export function isListed(c: { status: ContactStatus; lookalike: boolean; openFake: number }): boolean {
  if (c.status === 'active') return true;
  return c.status === 'pending' && !c.lookalike && c.openFake === 0;
}

export interface ContactPatch {
  status: ContactStatus;
  withdrawnReason: ChangeKind | null;
  official: boolean;
  /** The new cost class ("now costs money"); undefined: unchanged. */
  costClass?: CostClass;
  /** Whether the contact is still a look-alike report's. */
  lookalike: boolean;
  event: 'confirmed' | 'official' | 'withdrawn' | 'fake' | 'restored' | 'repriced';
}

/** What an applied report does to the entry. `reason`: the withdrawal's reason (see withdrawalReason). */
export function applyReport(kind: ReportKind, role: ReporterRole, current: { status: ContactStatus; official: boolean; lookalike?: boolean }, reason?: 'gone' | 'form_only'): ContactPatch {
  const lookalike = current.lookalike ?? false;
  if (kind === 'fake') return { status: 'fake', withdrawnReason: null, official: false, lookalike, event: 'fake' };
  if (kind === 'exists') {
    const official = current.official || role === 'company';
    const event = current.status === 'withdrawn' || current.status === 'fake' ? 'restored' : role === 'company' && !current.official ? 'official' : 'confirmed';
    return { status: 'active', withdrawnReason: null, official, lookalike: false, event };
  }
  if (kind === 'now_paid') return { status: current.status, withdrawnReason: null, official: current.official, costClass: REPRICED_CLASS, lookalike, event: 'repriced' };
  return { status: 'withdrawn', withdrawnReason: reason ?? kind, official: current.official, lookalike, event: 'withdrawn' };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface StoryUse {
  waitMinutes: number | null;
  answered: boolean;
}

export interface ContactFigures {
  stories: number;
  /** Median wait until someone answered, over the stories where someone did. */
  medianWaitMinutes: number | null;
  reachedPerson: number;
}

/** Waiting times measured from stories that used the contact. */
export function contactFigures(uses: readonly StoryUse[]): ContactFigures {
  const answered = uses.filter((u) => u.answered);
  return {
    stories: uses.length,
    medianWaitMinutes: median(answered.map((u) => u.waitMinutes).filter((w): w is number => w !== null)),
    reachedPerson: answered.length,
  };
}

/** Channels withdrawn within the window before `now` (the company page's list). */
export function removedWithin<T extends { status: ContactStatus; withdrawnAt: number | null }>(contacts: readonly T[], now: number, windowMs = REMOVED_WINDOW_MS): T[] {
  return contacts.filter((c) => c.status === 'withdrawn' && c.withdrawnAt !== null && c.withdrawnAt > now - windowMs && c.withdrawnAt <= now);
}
