// Score rules v2, rule 8: fakes and bombs. A story counts in the score only from an author with a
// verified e-mail address; a burst of stories about one company from new accounts is held for a
// moderator (shown, marked "under review", not scored) until released; people at the company's
// own domain cannot write about it; a confirmed order reference marks a "verified customer".
// Pure decisions; the services count and write (decision 0031).
import { emailHost, publicMailKind, registrableDomain } from './claim-domain.ts';
import { normalizeWebsite } from './website.ts';

/** An account younger than this (from sign-up to publication) is new. */
export const NEW_ACCOUNT_DAYS = 7;
/** Stories about one company from new accounts within this many hours … */
export const BURST_WINDOW_HOURS = 24;
/** … that make a burst held for review (the new story included). */
export const BURST_MIN_STORIES = 3;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Why a story does not count yet: its author's address is unverified, or a moderator must review it. */
export type ScoreHold = 'unverified' | 'review';

export function isNewAccount(accountCreatedAt: number, at: number): boolean {
  return at - accountCreatedAt < NEW_ACCOUNT_DAYS * DAY_MS;
}

/** The start (exclusive) of the burst window ending at `now`. */
export function burstWindowStart(now: number): number {
  return now - BURST_WINDOW_HOURS * HOUR_MS;
}

/** Whether `newAccountStories` stories (this one included) within the window are a burst. */
export function isNewAccountBurst(newAccountStories: number): boolean {
  return newAccountStories >= BURST_MIN_STORIES;
}

/**
 * The hold of a member's story when it is published. Imported and demo data have no account to
 * verify (rule 10 labels imported data instead) and are never held.
 */
export function holdAtPublication(input: { source: 'member' | 'demo' | 'cfpb'; authorVerified: boolean; burst: boolean }): ScoreHold | null {
  if (input.source !== 'member') return null;
  if (input.burst) return 'review';
  return input.authorVerified ? null : 'unverified';
}

/** After a moderator's release the story counts, unless its author still has to verify the address. */
export function holdAfterRelease(authorVerified: boolean): ScoreHold | null {
  return authorVerified ? null : 'unverified';
}

/** After the author verifies the address: an 'unverified' hold ends, a review goes on. */
export function holdAfterVerification(hold: ScoreHold | null): ScoreHold | null {
  return hold === 'unverified' ? null : hold;
}

/** The registrable domains a company speaks from: its claim domain and its website's. */
export function companyDomains(company: { domain: string | null; website: string | null }): string[] {
  const out = new Set<string>();
  const claim = registrableDomain(company.domain);
  if (claim) out.add(claim);
  const site = normalizeWebsite(company.website);
  const siteDomain = site ? registrableDomain(site.host) : null;
  if (siteDomain) out.add(siteDomain);
  return [...out];
}

/**
 * Whether an author's address is at the company's own domain (public-suffix aware), so they may
 * not write about it. Web-mail, ISP and disposable domains never match: a company that runs one
 * (a mail provider) has customers with addresses there.
 */
export function authorAtCompanyDomain(authorEmail: string, company: { domain: string | null; website: string | null }): boolean {
  const domain = registrableDomain(emailHost(authorEmail));
  if (!domain || publicMailKind(domain) !== null) return false;
  return companyDomains(company).includes(domain);
}

/** The order reference as stored: trimmed, at most ORDER_REFERENCE_MAX characters, or null. */
export const ORDER_REFERENCE_MAX = 100;
export function cleanOrderReference(input: string | null | undefined): string | null {
  const s = input?.trim() ?? '';
  return s === '' ? null : s.slice(0, ORDER_REFERENCE_MAX);
}
