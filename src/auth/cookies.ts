// The session cookie. HttpOnly (no script can read it), Secure (browsers accept Secure cookies
// on http://localhost, so this holds in development too), SameSite=Lax (not sent on cross-site
// POSTs), Path=/. Over HTTPS the name carries the __Host- prefix, which makes the browser refuse
// it unless it is Secure, host-only (no Domain) and Path=/ — a sibling sub-domain cannot plant it.
import type { AstroCookies, AstroCookieSetOptions } from 'astro';
import { config } from '../config.ts';

export const SESSION_COOKIE_BASE = 'answerable_session';

/** Whether the site is served over HTTPS: the request itself, or the configured public URL. */
export function isHttps(url: URL): boolean {
  return url.protocol === 'https:' || config().siteUrl.startsWith('https:');
}

export function sessionCookieName(url: URL): string {
  return isHttps(url) ? `__Host-${SESSION_COOKIE_BASE}` : SESSION_COOKIE_BASE;
}

export function sessionCookieOptions(expiresAt: number): AstroCookieSetOptions {
  return {
    httpOnly: true,
    secure: true,
    sameSite: 'lax',
    path: '/',
    expires: new Date(expiresAt),
  };
}

type CookieJar = Pick<AstroCookies, 'get' | 'set' | 'delete'>;

export function readSessionToken(cookies: CookieJar, url: URL): string | null {
  return cookies.get(sessionCookieName(url))?.value ?? null;
}

export function setSessionCookie(cookies: CookieJar, url: URL, token: string, expiresAt: number): void {
  cookies.set(sessionCookieName(url), token, sessionCookieOptions(expiresAt));
}

export function deleteSessionCookie(cookies: CookieJar, url: URL): void {
  cookies.delete(sessionCookieName(url), { httpOnly: true, secure: true, sameSite: 'lax', path: '/' });
}

/** Parsed attributes of one Set-Cookie header, for tests and diagnostics. */
export interface CookieFlags {
  name: string;
  value: string;
  httpOnly: boolean;
  secure: boolean;
  sameSite: string | null;
  path: string | null;
  domain: string | null;
  expires: Date | null;
  maxAge: number | null;
}

export function parseSetCookie(header: string): CookieFlags {
  const [pair = '', ...attrs] = header.split(';').map((s) => s.trim());
  const eq = pair.indexOf('=');
  const flags: CookieFlags = {
    name: pair.slice(0, eq),
    value: decodeURIComponent(pair.slice(eq + 1)),
    httpOnly: false,
    secure: false,
    sameSite: null,
    path: null,
    domain: null,
    expires: null,
    maxAge: null,
  };
  for (const attr of attrs) {
    const [k = '', ...rest] = attr.split('=');
    const v = rest.join('=');
    switch (k.toLowerCase()) {
      case 'httponly':
        flags.httpOnly = true;
        break;
      case 'secure':
        flags.secure = true;
        break;
      case 'samesite':
        flags.sameSite = v;
        break;
      case 'path':
        flags.path = v;
        break;
      case 'domain':
        flags.domain = v;
        break;
      case 'expires':
        flags.expires = new Date(v);
        break;
      case 'max-age':
        flags.maxAge = Number(v);
        break;
    }
  }
  return flags;
}
