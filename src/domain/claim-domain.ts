// Who may speak for a company (product.md "Company identity"): a claim by e-mail works only at
// the company's registrable domain (public-suffix aware, tldts), never at a web-mail, ISP or
// disposable domain, and grants the claim at once only where that domain is trusted — set by a
// moderator or proven by a DNS TXT record / a file on the domain's website. A domain that only a
// consumer typed is a hint: a claim on it waits for a moderator.
import { getDomain } from 'tldts';
import { DOMAINS as FREE_MAIL_DOMAINS } from 'free-email-domains-list';
import disposableDomains from 'disposable-email-domains/index.json' with { type: 'json' };
import disposableWildcards from 'disposable-email-domains/wildcard.json' with { type: 'json' };
import { isRegistrableHost, normalizeWebsite, RESERVED_TEST_TLDS } from './website.ts';
import { isPlatformHost } from './platform-hosts.ts';

/**
 * Mail domains of big Internet providers, kept here as well as in the maintained free web-mail
 * list (which has them today): an address there says nothing about who the person works for.
 */
export const ISP_MAIL_DOMAINS: readonly string[] = [
  'libero.it', 'tiscali.it', 'virgilio.it', 'alice.it', 'tim.it', 'tin.it', 'fastwebnet.it', 'fastweb.it',
  'iol.it', 'inwind.it', 'blu.it', 'vodafone.it', 'windtre.it', 'teletu.it', 'poste.it', 'postecert.it', 'pec.it', 'legalmail.it', 'arubapec.it',
  'comcast.net', 'verizon.net', 'att.net', 'sbcglobal.net', 'cox.net', 'charter.net', 'btinternet.com', 'sky.com',
  'virginmedia.com', 'talktalk.net', 'orange.fr', 'free.fr', 'sfr.fr', 't-online.de', 'telefonica.net', 'movistar.es',
];

const isp = new Set(ISP_MAIL_DOMAINS);
const disposable = new Set<string>(disposableDomains as string[]);
const disposableWild = new Set<string>(disposableWildcards as string[]);

/** The registrable domain of a host ("mail.shop.co.uk" → "shop.co.uk"), or null. */
export function registrableDomain(host: string | null | undefined): string | null {
  const h = host?.trim().toLowerCase().replace(/\.$/, '') ?? '';
  if (!isRegistrableHost(h)) return null;
  const tld = h.slice(h.lastIndexOf('.') + 1);
  if (RESERVED_TEST_TLDS.includes(tld)) {
    // Not in the public suffix list: the label before the reserved name is the registrable part.
    const labels = h.split('.');
    return labels.slice(-2).join('.');
  }
  return getDomain(h, { allowPrivateDomains: true });
}

/** The host after the @ of an address (lower case), or null when it is not an address. */
export function emailHost(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1) return null;
  return email.slice(at + 1).trim().toLowerCase().replace(/\.$/, '');
}

function hostAndParents(host: string): string[] {
  const labels = host.split('.');
  const out: string[] = [];
  for (let i = 0; i < labels.length - 1; i++) out.push(labels.slice(i).join('.'));
  return out;
}

/** Whether an address's domain is a throw-away mailbox provider. */
export function isDisposableEmail(email: string): boolean {
  const host = emailHost(email);
  if (!host) return false;
  return hostAndParents(host).some((d) => disposable.has(d) || disposableWild.has(d));
}

export type PublicMailKind = 'webmail' | 'isp' | 'disposable';

/** Why a mail domain cannot speak for one company (anyone may have an address there), or null. */
export function publicMailKind(domainOrHost: string): PublicMailKind | null {
  const host = domainOrHost.trim().toLowerCase().replace(/\.$/, '');
  const candidates = hostAndParents(host);
  if (candidates.some((d) => disposable.has(d) || disposableWild.has(d))) return 'disposable';
  if (candidates.some((d) => isp.has(d))) return 'isp';
  if (candidates.some((d) => FREE_MAIL_DOMAINS.has(d))) return 'webmail';
  return null;
}

/** How a company's claim domain came to be trusted (null: only typed by a consumer, not proven). */
export type DomainTrust = 'moderator' | 'dns' | 'file' | null;

export type DomainClaimDecision =
  | { kind: 'no_domain' }
  | { kind: 'public_mail_domain'; domain: string; why: PublicMailKind }
  | { kind: 'wrong_domain'; domain: string }
  /** Send the link; confirming it grants the claim (the domain is trusted). */
  | { kind: 'link_grants'; domain: string }
  /** Send the link; confirming it proves the mailbox, then the claim waits for a moderator or a domain proof. */
  | { kind: 'link_then_review'; domain: string };

/**
 * The decision on a claim "by an address at the company's domain": the address's registrable
 * domain must be the company's, which must not be a public mail domain.
 */
export function decideDomainClaim(input: { email: string; companyDomain: string | null; trust: DomainTrust }): DomainClaimDecision {
  const companyReg = registrableDomain(input.companyDomain);
  // A platform many shops share (facebook.com, etsy.com…) is no company's claim domain.
  if (!companyReg || isPlatformHost(companyReg)) return { kind: 'no_domain' };
  const why = publicMailKind(companyReg);
  if (why) return { kind: 'public_mail_domain', domain: companyReg, why };
  const host = emailHost(input.email);
  const addressWhy = host ? publicMailKind(host) : null;
  if (addressWhy) return { kind: 'public_mail_domain', domain: host!, why: addressWhy };
  if (!host || registrableDomain(host) !== companyReg) return { kind: 'wrong_domain', domain: companyReg };
  return input.trust === null ? { kind: 'link_then_review', domain: companyReg } : { kind: 'link_grants', domain: companyReg };
}

/** The TXT record value and file content that prove a domain for a company. */
export function verificationRecord(token: string): string {
  return `answerable-verification=${token}`;
}

/** Whether TXT records (as resolvers give them: each record a list of strings) prove the token. */
export function txtProves(records: readonly (readonly string[])[], token: string): boolean {
  const wanted = verificationRecord(token);
  return records.some((chunks) => chunks.join('').trim() === wanted);
}

/** Whether the text of /.well-known/answerable.txt proves the token (the token, or the TXT form, on a line). */
export function fileProves(text: string, token: string): boolean {
  return text.split(/\r?\n/).some((line) => {
    const l = line.trim();
    return l === token || l === verificationRecord(token);
  });
}

/** Why a typed website cannot be a company's website: not a website at all, or a public mail domain. */
export type CompanyWebsiteProblem = 'invalid' | 'public_mail';

/**
 * The rule for a company's website as typed (publish form, service): http(s) on a real
 * registrable domain (website.ts), and not a public-mail domain ("gmail.com" is nobody's shop:
 * a second shop typed with it would otherwise land on the first). Null when it may be stored.
 */
export function companyWebsiteProblem(input: string | null | undefined): CompanyWebsiteProblem | null {
  const site = normalizeWebsite(input);
  if (!site) return 'invalid';
  // A platform page (facebook.com/shop: some lists carry facebook.com as a mail domain) is kept.
  if (isPlatformHost(site.host)) return null;
  const reg = registrableDomain(site.host);
  return publicMailKind(reg ?? site.host) !== null ? 'public_mail' : null;
}
