import { describe, expect, it } from 'vitest';
import { decideDomainClaim, fileProves, isDisposableEmail, ISP_MAIL_DOMAINS, publicMailKind, registrableDomain, txtProves } from './claim-domain.ts';

describe('registrable domains come from the public suffix list', () => {
  it('finds the registrable part of multi-label suffixes, not the last two labels', () => {
    expect(registrableDomain('mail.shop.co.uk')).toBe('shop.co.uk');
    expect(registrableDomain('www.fiori.it')).toBe('fiori.it');
    expect(registrableDomain('negozio.gov.it')).toBe('negozio.gov.it');
    expect(registrableDomain('alice.github.io')).toBe('alice.github.io');
  });
  it('accepts the reserved test names and refuses hosts without a registrable part', () => {
    expect(registrableDomain('support.megastore-assistenza.example')).toBe('megastore-assistenza.example');
    expect(registrableDomain('co.uk')).toBeNull();
    expect(registrableDomain('localhost')).toBeNull();
    expect(registrableDomain('127.0.0.1')).toBeNull();
    expect(registrableDomain('shop.invalid')).toBeNull();
  });
});

describe('public mail domains', () => {
  it('knows web-mail, ISP and disposable domains, and their subdomains', () => {
    expect(publicMailKind('gmail.com')).toBe('webmail');
    expect(publicMailKind('mailinator.com')).toBe('disposable');
    for (const d of ISP_MAIL_DOMAINS) expect(publicMailKind(d), d).not.toBeNull();
    expect(publicMailKind('libero.it')).toBe('isp');
    expect(publicMailKind('fioriveloci.example')).toBeNull();
    expect(publicMailKind('fioriveloci.it')).toBeNull();
  });
  it('spots disposable addresses (sign-up refuses them)', () => {
    expect(isDisposableEmail('x@mailinator.com')).toBe(true);
    expect(isDisposableEmail('x@MAILINATOR.COM')).toBe(true);
    expect(isDisposableEmail('giulia.r@example.org')).toBe(false);
    expect(isDisposableEmail('not-an-address')).toBe(false);
  });
});

describe('the decision on a claim by domain e-mail', () => {
  it('refuses a web-mail domain typed as a shop website, whatever the address', () => {
    expect(decideDomainClaim({ email: 'random.stranger@gmail.com', companyDomain: 'gmail.com', trust: null })).toEqual({ kind: 'public_mail_domain', domain: 'gmail.com', why: 'webmail' });
    expect(decideDomainClaim({ email: 'random.stranger@gmail.com', companyDomain: 'gmail.com', trust: 'moderator' }).kind).toBe('public_mail_domain');
  });
  it('compares registrable domains, not string suffixes', () => {
    expect(decideDomainClaim({ email: 'a@evilfiori.it', companyDomain: 'fiori.it', trust: 'dns' })).toEqual({ kind: 'wrong_domain', domain: 'fiori.it' });
    expect(decideDomainClaim({ email: 'a@fiori.it.evil.com', companyDomain: 'fiori.it', trust: 'dns' }).kind).toBe('wrong_domain');
    expect(decideDomainClaim({ email: 'a@support.fiori.it', companyDomain: 'www.fiori.it', trust: 'dns' })).toEqual({ kind: 'link_grants', domain: 'fiori.it' });
  });
  it('sends the link but leaves the claim to a moderator while the domain is only a consumer’s hint', () => {
    expect(decideDomainClaim({ email: 'tom@megastore-assistenza.example', companyDomain: 'megastore-assistenza.example', trust: null })).toEqual({ kind: 'link_then_review', domain: 'megastore-assistenza.example' });
    for (const trust of ['moderator', 'dns', 'file'] as const) expect(decideDomainClaim({ email: 'tom@megastore-assistenza.example', companyDomain: 'megastore-assistenza.example', trust }).kind).toBe('link_grants');
  });
  it('has nothing to compare with when the company has no domain', () => {
    expect(decideDomainClaim({ email: 'a@b.it', companyDomain: null, trust: null })).toEqual({ kind: 'no_domain' });
  });
});

describe('domain proofs', () => {
  it('accepts the TXT record, split in chunks or not, and nothing else', () => {
    expect(txtProves([['v=spf1 -all'], ['answerable-verification=abc123']], 'abc123')).toBe(true);
    expect(txtProves([['answerable-verification=', 'abc123']], 'abc123')).toBe(true);
    expect(txtProves([['answerable-verification=abc1234']], 'abc123')).toBe(false);
    expect(txtProves([], 'abc123')).toBe(false);
  });
  it('accepts the token on a line of the file', () => {
    expect(fileProves('abc123\n', 'abc123')).toBe(true);
    expect(fileProves('# answerable\r\nanswerable-verification=abc123\r\n', 'abc123')).toBe(true);
    expect(fileProves('xabc123', 'abc123')).toBe(false);
  });
});
