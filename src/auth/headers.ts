// Security headers for every response. The CSP allows only our own scripts; inline scripts that
// Astro writes itself (island hydration) are allowed by their SHA-256 hash, computed from the
// page, so no 'unsafe-inline' for scripts is ever needed. Inline styles are allowed: Astro
// inlines small stylesheets, and CSS cannot run code.
import { createHash } from 'node:crypto';

export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), browsing-topics=()';

export function contentSecurityPolicy(scriptHashes: readonly string[], https: boolean): string {
  const scriptSrc = ["'self'", ...scriptHashes.map((h) => `'sha256-${h}'`)].join(' ');
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const DATA_BLOCK = /\btype\s*=\s*["']?(application\/(ld\+)?json|text\/template|importmap-ignored)/i;

/** SHA-256 (base64) of each executable inline script in a page. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const m of html.matchAll(INLINE_SCRIPT)) {
    const attrs = m[1] ?? '';
    if (/\bsrc\s*=/i.test(attrs) || DATA_BLOCK.test(attrs)) continue;
    hashes.add(createHash('sha256').update(m[2] ?? '').digest('base64'));
  }
  return [...hashes];
}

/** Headers that do not depend on the body. */
export function applyStaticSecurityHeaders(headers: Headers, https: boolean): void {
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  headers.set('Permissions-Policy', PERMISSIONS_POLICY);
  headers.set('X-Frame-Options', 'DENY');
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  if (https) headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
}

/**
 * Returns the response with every security header set. HTML bodies are read once to hash their
 * inline scripts into the CSP; other bodies pass through untouched (streams stay streams).
 * A response that already carries a Content-Security-Policy keeps it and is not read: a page
 * cache that stores the headers of the first render replays them at no cost.
 */
export async function withSecurityHeaders(response: Response, https: boolean): Promise<Response> {
  const type = response.headers.get('content-type') ?? '';
  const existing = response.headers.get('content-security-policy');
  let res = response;
  let hashes: string[] = [];
  if (!existing && type.includes('text/html') && response.body) {
    const html = await response.text();
    hashes = inlineScriptHashes(html);
    res = new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
  }
  const csp = existing ?? contentSecurityPolicy(hashes, https);
  try {
    applyStaticSecurityHeaders(res.headers, https);
    res.headers.set('Content-Security-Policy', csp);
    return res;
  } catch {
    // Immutable headers (a Response.redirect or fetch result): copy into a fresh response.
    const copy = new Response(res.body, { status: res.status, statusText: res.statusText, headers: new Headers(res.headers) });
    applyStaticSecurityHeaders(copy.headers, https);
    copy.headers.set('Content-Security-Policy', csp);
    return copy;
  }
}
