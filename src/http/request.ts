// Facts about the current request that services need, gathered in one place.
import type { APIContext } from 'astro';
import { config } from '../config.ts';
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
 * The origin of every URL we build (mails, canonical links, sitemap, feeds, API links): SITE_URL
 * read at run time (default http://localhost:PORT). Never the Host header — a forged Host would
 * otherwise put an attacker's site in a reset link (the server refuses such requests anyway,
 * scripts/serve.mjs).
 */
export function publicOrigin(): string {
  return config().siteUrl;
}

/** An absolute URL on our public origin for a path. */
export function publicUrl(path: string): string {
  return new URL(path, config().siteUrl).href;
}

/** The language of the page (/it/…, /en/…), else the browser's preference. */
export function requestLocale(url: URL, headers: Headers, param?: string): Locale {
  if (isLocale(param)) return param;
  const first = url.pathname.split('/')[1];
  if (isLocale(first)) return first;
  return localeFromAcceptLanguage(headers.get('accept-language'));
}

export function requestInfo(ctx: Pick<APIContext, 'url' | 'request' | 'clientAddress' | 'params'>, now = Date.now()): RequestInfo {
  return {
    now,
    origin: publicOrigin(),
    locale: requestLocale(ctx.url, ctx.request.headers, ctx.params.lang),
    ip: clientIp(ctx),
    userAgent: ctx.request.headers.get('user-agent'),
  };
}
