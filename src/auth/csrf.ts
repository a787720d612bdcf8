// Cross-site request check for every state-changing request (POST, PUT, PATCH, DELETE), forms
// and JSON alike. It is the only such check (Astro's checkOrigin is off, see astro.config.mjs).
// A browser always sends Origin on such requests, and modern ones also Sec-Fetch-Site, so:
// - Sec-Fetch-Site present and not same-origin → refused;
// - Origin present and not ours → refused;
// - neither header → refused too (not a browser we can vouch for; there is no cookie-less
//   write API that would need it).
import { config } from '../config.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface OriginCheckOptions {
  /** Extra origins treated as ours (e.g. SITE_URL behind a proxy). */
  allowedOrigins?: readonly string[];
}

export function publicOrigins(url: URL): string[] {
  return [url.origin, config().siteUrl];
}

/** True when the request changes state and does not come from our own pages. */
export function isCrossSiteRequest(request: Request, url: URL, options: OriginCheckOptions = {}): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  const allowed = new Set([url.origin, ...(options.allowedOrigins ?? [])]);
  const fetchSite = request.headers.get('sec-fetch-site');
  const origin = request.headers.get('origin');
  if (fetchSite !== null && fetchSite !== 'same-origin') return true;
  if (origin !== null) return !allowed.has(origin);
  return fetchSite === null;
}
