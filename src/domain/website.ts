// A company's website, as typed on the publish form and as shown as a link (decision 0021).
// The rule, for storing and for rendering alike: an http(s) URL without credentials whose host
// is a registrable domain under a known public suffix (tldts: ICANN or private section), or under one of the
// reserved test names `example` and `test` (RFC 2606 / 6761; the demo data and the tests use
// them). Never an IP literal, `localhost`, `.invalid`, a single label, or a made-up suffix.
// Normalised: lower-case host without a trailing dot, no fragment, no default port.
import { parse } from 'tldts';

/** RFC 2606 / 6761 names reserved for documentation and tests that we accept as websites. */
export const RESERVED_TEST_TLDS: readonly string[] = ['example', 'test'];

/** Longest website kept (the form field's limit). */
export const WEBSITE_MAX = 200;

export interface Website {
  /** The normalised URL to store and link to. */
  url: string;
  /** Its host name (lower case). */
  host: string;
}

/**
 * The normalised website, or null when the input is not one. A bare host name ("fiori.it",
 * "www.fiori.it/contatti") is taken as https.
 */
export function normalizeWebsite(input: string | null | undefined): Website | null {
  const raw = input?.trim() ?? '';
  if (raw === '' || raw.length > WEBSITE_MAX) return null;
  // Anything with a scheme must be http(s); "host:port" without one is not a scheme.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw)?.[1]?.toLowerCase();
  const hasScheme = scheme !== undefined && !/^[a-z0-9.-]+:\d+(?:[/?#]|$)/i.test(raw);
  if (hasScheme && scheme !== 'http' && scheme !== 'https') return null;
  if (hasScheme && !/^https?:\/\//i.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(hasScheme ? raw : `https://${raw}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (!isRegistrableHost(host)) return null;
  url.hostname = host;
  url.hash = '';
  return { url: url.toString(), host };
}

/** Whether a host name is a registrable domain (or under one) that a website may have. */
export function isRegistrableHost(host: string): boolean {
  if (host === '' || host.length > 253 || !/^[a-z0-9.-]+$/.test(host) || host.includes('..')) return false;
  const p = parse(host, { allowPrivateDomains: true });
  if (p.isIp || p.domain === null || p.hostname !== host) return false;
  if (p.domainWithoutSuffix === null || p.domainWithoutSuffix === '') return false;
  // A known public suffix: ICANN's, or a private one such as github.io (its users' sites).
  if (p.isIcann || p.isPrivate) return true;
  // Not a known suffix: only the reserved test names, as the last label.
  const tld = host.slice(host.lastIndexOf('.') + 1);
  return RESERVED_TEST_TLDS.includes(tld) && p.publicSuffix === tld;
}

/**
 * The href to render for a stored website, or null when it must be shown as text (or not at
 * all): old rows and imports may hold anything.
 */
export function websiteHref(stored: string | null | undefined): string | null {
  return normalizeWebsite(stored)?.url ?? null;
}
