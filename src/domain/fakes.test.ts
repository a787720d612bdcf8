import { describe, expect, it } from 'vitest';
import {
  BURST_MIN_STORIES,
  BURST_WINDOW_HOURS,
  NEW_ACCOUNT_DAYS,
  authorAtCompanyDomain,
  burstWindowStart,
  cleanOrderReference,
  companyDomains,
  holdAfterRelease,
  holdAfterVerification,
  holdAtPublication,
  isNewAccount,
  isNewAccountBurst,
} from './fakes.ts';

const DAY = 86_400_000;
const T = Date.UTC(2026, 5, 1);

describe('rule 8: new accounts and bursts', () => {
  it('calls an account new until it is NEW_ACCOUNT_DAYS old', () => {
    expect(NEW_ACCOUNT_DAYS).toBe(7);
    expect(isNewAccount(T, T)).toBe(true);
    expect(isNewAccount(T, T + 7 * DAY - 1)).toBe(true);
    expect(isNewAccount(T, T + 7 * DAY)).toBe(false);
  });

  it('makes a burst from BURST_MIN_STORIES stories within BURST_WINDOW_HOURS', () => {
    expect([BURST_MIN_STORIES, BURST_WINDOW_HOURS]).toEqual([3, 24]);
    expect(isNewAccountBurst(2)).toBe(false);
    expect(isNewAccountBurst(3)).toBe(true);
    expect(burstWindowStart(T)).toBe(T - DAY);
  });

  it('holds a member story of a burst for review, an unverified author’s until verification, and never imported or demo data', () => {
    expect(holdAtPublication({ source: 'member', authorVerified: true, burst: false })).toBeNull();
    expect(holdAtPublication({ source: 'member', authorVerified: false, burst: false })).toBe('unverified');
    expect(holdAtPublication({ source: 'member', authorVerified: true, burst: true })).toBe('review');
    expect(holdAtPublication({ source: 'member', authorVerified: false, burst: true })).toBe('review');
    expect(holdAtPublication({ source: 'demo', authorVerified: false, burst: true })).toBeNull();
    expect(holdAtPublication({ source: 'cfpb', authorVerified: false, burst: false })).toBeNull();
  });

  it('counts a released story unless its author still has to verify, and ends only the "unverified" hold on verification', () => {
    expect(holdAfterRelease(true)).toBeNull();
    expect(holdAfterRelease(false)).toBe('unverified');
    expect(holdAfterVerification('unverified')).toBeNull();
    expect(holdAfterVerification('review')).toBe('review');
    expect(holdAfterVerification(null)).toBeNull();
  });
});

describe('rule 8: authors at the company’s own domain', () => {
  const company = { domain: 'fioriveloci.it', website: 'https://www.fiori-veloci.com/shop' };

  it('takes the claim domain and the website’s registrable domain', () => {
    expect(companyDomains(company).sort()).toEqual(['fiori-veloci.com', 'fioriveloci.it']);
    expect(companyDomains({ domain: 'shop.example.co.uk', website: null })).toEqual(['example.co.uk']);
    expect(companyDomains({ domain: null, website: 'javascript:alert(1)' })).toEqual([]);
  });

  it('matches an address at either domain or a subdomain of it, public-suffix aware', () => {
    expect(authorAtCompanyDomain('mario@fioriveloci.it', company)).toBe(true);
    expect(authorAtCompanyDomain('Mario@Mail.Fiori-Veloci.com', company)).toBe(true);
    expect(authorAtCompanyDomain('mario@fioriveloci.com', company)).toBe(false);
    expect(authorAtCompanyDomain('a@other.co.uk', { domain: 'example.co.uk', website: null })).toBe(false);
    expect(authorAtCompanyDomain('not-an-address', company)).toBe(false);
  });

  it('never refuses customers of a mail provider writing from its own web-mail', () => {
    expect(authorAtCompanyDomain('cliente@libero.it', { domain: 'libero.it', website: 'https://www.libero.it' })).toBe(false);
    expect(authorAtCompanyDomain('someone@gmail.com', { domain: null, website: 'https://gmail.com' })).toBe(false);
  });
});

describe('rule 8: the order reference', () => {
  it('is trimmed, bounded, and empty means none', () => {
    expect(cleanOrderReference('  ORD-1 ')).toBe('ORD-1');
    expect(cleanOrderReference('   ')).toBeNull();
    expect(cleanOrderReference(null)).toBeNull();
    expect(cleanOrderReference('x'.repeat(150))).toHaveLength(100);
  });
});
