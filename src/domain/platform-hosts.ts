// Hosts that many unrelated companies share (issue 14, decision 0049). A shop's "website" may be
// its Facebook page, its Etsy shop or a Linktree: such a website is kept (it helps a reader find
// the shop) but its domain says nothing about which company it is. So a platform host is never
// used to match a duplicate company when publishing, never groups companies in the moderators'
// duplicates queue, and is never a claim domain (an address @facebook.com does not speak for a
// florist whose page is on Facebook). Public-mail domains (gmail.com…) are refused as a website
// outright: see companyWebsiteProblem and publicMailKind in claim-domain.ts.
//
// A small maintained list: add a platform here when shops are found sharing it.
import { parse } from 'tldts';

/** Registrable domains of social networks, marketplaces and link pages, exactly. */
export const PLATFORM_DOMAINS: readonly string[] = [
  'facebook.com', 'fb.com', 'fb.me', 'instagram.com', 'tiktok.com', 'x.com', 'twitter.com', 'linkedin.com',
  'youtube.com', 'youtu.be', 'pinterest.com', 'threads.net', 'whatsapp.com', 'wa.me', 't.me', 'telegram.me',
  'linktr.ee', 'etsy.com', 'subito.it', 'vinted.it', 'vinted.com', 'google.com', 'business.site', 'g.page',
];

/**
 * Marketplaces present under many country suffixes: amazon.it, amazon.co.uk, ebay.de… (the
 * registrable domain's label before the public suffix).
 */
export const PLATFORM_LABELS: readonly string[] = ['amazon', 'ebay', 'aliexpress', 'etsy', 'facebook', 'instagram', 'zalando'];

const domains = new Set(PLATFORM_DOMAINS);
const labels = new Set(PLATFORM_LABELS);

/** Whether a host (or a website's domain) belongs to a platform that many companies share. */
export function isPlatformHost(host: string | null | undefined): boolean {
  const h = host?.trim().toLowerCase().replace(/\.$/, '') ?? '';
  if (h === '') return false;
  const p = parse(h, { allowPrivateDomains: false });
  if (p.domain === null) return false;
  return domains.has(p.domain) || (p.domainWithoutSuffix !== null && labels.has(p.domainWithoutSuffix) && p.isIcann === true);
}

