// Security headers for every response. The CSP allows only scripts served from our own origin:
// no page has an inline script (Astro emits every processed <script> as a file because
// vite.build.assetsInlineLimit is 0 in astro.config.mjs, and no page uses islands or is:inline;
// tests/e2e/pages.test.ts checks the rendered pages). So `script-src 'self'` needs no hashes, and
// the body is never read here. An inline script added by
// mistake is blocked by the browser, never allowed. Inline styles are allowed: CSS cannot run code.

export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), browsing-topics=()';

export function contentSecurityPolicy(https: boolean): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
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
 * Returns the response with every security header set, body untouched (streams stay streams).
 * A response that already carries a Content-Security-Policy keeps it.
 */
export async function withSecurityHeaders(response: Response, https: boolean): Promise<Response> {
  const csp = response.headers.get('content-security-policy') ?? contentSecurityPolicy(https);
  try {
    applyStaticSecurityHeaders(response.headers, https);
    response.headers.set('Content-Security-Policy', csp);
    return response;
  } catch {
    // Immutable headers (a Response.redirect or fetch result): copy into a fresh response.
    const copy = new Response(response.body, { status: response.status, statusText: response.statusText, headers: new Headers(response.headers) });
    applyStaticSecurityHeaders(copy.headers, https);
    copy.headers.set('Content-Security-Policy', csp);
    return copy;
  }
}
