// Facts about the current request that services need, gathered in one place.
import type { APIContext } from 'astro';
import { isLocale, localeFromAcceptLanguage, type Locale } from '../i18n/index.ts';
import type { RequestInfo } from '../services/account.service.ts';

/** The client address from the adapter (the socket); 'unknown' when there is none (tests). */
export function clientIp(ctx: Pick<APIContext, 'clientAddress'>): string {
  try {
    return ctx.clientAddress || 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * The origin used in links sent by mail. Never taken from the Host header in production (a forged
 * Host would otherwise put an attacker's site in a reset link): SITE_URL, else the configured site.
 */
export function publicOrigin(url: URL, site?: URL): string {
  if (process.env.SITE_URL) return new URL(process.env.SITE_URL).origin;
  if (process.env.NODE_ENV === 'production' && site) return site.origin;
  return url.origin;
}

/** The language of the page (/it/…, /en/…), else the browser's preference. */
export function requestLocale(url: URL, headers: Headers, param?: string): Locale {
  if (isLocale(param)) return param;
  const first = url.pathname.split('/')[1];
  if (isLocale(first)) return first;
  return localeFromAcceptLanguage(headers.get('accept-language'));
}

export function requestInfo(ctx: Pick<APIContext, 'url' | 'request' | 'clientAddress' | 'site' | 'params'>, now = Date.now()): RequestInfo {
  return {
    now,
    origin: publicOrigin(ctx.url, ctx.site),
    locale: requestLocale(ctx.url, ctx.request.headers, ctx.params.lang),
    ip: clientIp(ctx),
    userAgent: ctx.request.headers.get('user-agent'),
  };
}
