import { describe, expect, it } from 'vitest';
import { isPlatformHost } from './platform-hosts.ts';
import { companyWebsiteProblem, decideDomainClaim } from './claim-domain.ts';

describe('isPlatformHost', () => {
  it.each(['facebook.com', 'www.facebook.com', 'm.facebook.com', 'instagram.com', 'tiktok.com', 'x.com', 'twitter.com', 'linkedin.com', 'youtube.com', 'etsy.com', 'amazon.it', 'amazon.co.uk', 'www.amazon.de', 'ebay.it', 'ebay.com', 'linktr.ee', 'wa.me', 't.me'])(
    'is true for %s',
    (host) => expect(isPlatformHost(host)).toBe(true),
  );

  it.each(['fioriveloci.it', 'shop.fioriveloci.it', 'amazonia-fiori.it', 'myamazon.it', 'facebook-fiori.example', 'ebayer.com', 'fiori.github.io', '', null])('is false for %s', (host) => {
    expect(isPlatformHost(host)).toBe(false);
  });
});

describe('companyWebsiteProblem', () => {
  it('refuses a public-mail domain as a company’s website', () => {
    for (const w of ['gmail.com', 'https://www.gmail.com/', 'libero.it', 'https://mail.yahoo.com', 'mailinator.com']) expect(companyWebsiteProblem(w), w).toBe('public_mail');
  });

  it('accepts a shop’s own site and its page on a platform', () => {
    for (const w of ['https://www.fioriveloci.it', 'https://www.facebook.com/fioriveloci', 'etsy.com/shop/fiori', 'https://linktr.ee/fiori']) expect(companyWebsiteProblem(w), w).toBeNull();
  });

  it('says invalid for what is not a website', () => {
    expect(companyWebsiteProblem('https://javascript:alert(1)')).toBe('invalid');
    expect(companyWebsiteProblem('')).toBe('invalid');
  });
});

describe('a platform host is no claim domain', () => {
  it('refuses a claim by an address at facebook.com / amazon.it for a shop whose site is there', () => {
    expect(decideDomainClaim({ email: 'someone@facebook.com', companyDomain: 'facebook.com', trust: null })).toEqual({ kind: 'no_domain' });
    expect(decideDomainClaim({ email: 'seller@amazon.it', companyDomain: 'www.amazon.it', trust: 'dns' })).toEqual({ kind: 'no_domain' });
  });
});
