// Checks scripts/serve.mjs makes on every request BEFORE the page cache and Astro see it
// (decision 0017): the Host names our public site (DNS rebinding, forged links), forwarded
// headers only from a trusted proxy, and request bodies within small limits (checked from
// Content-Length, or counted while a chunked body is read) so that nobody makes us buffer
// megabytes. Imported as is by scripts/serve.mjs (Node strips the types): relative .ts imports only.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config.ts';
import { isLocale, localeFromAcceptLanguage, t, type Locale } from '../i18n/index.ts';
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_STORY } from '../content/photos.ts';

/** Any form post or JSON body without files. */
export const FORM_BODY_LIMIT = 64 * 1024;
/** The two forms that take photos: every photo at its largest plus 4 MiB of text and multipart overhead. */
export const UPLOAD_BODY_LIMIT = (MAX_PHOTOS_PER_STORY * MAX_PHOTO_BYTES) + 4 * 1024 * 1024;

const UPLOAD_ROUTES = [/^\/(?:it|en)\/publish\/?$/, /^\/(?:it|en)\/stories\/[1-9]\d*\/?$/];

/** The largest body a request to this path may carry. */
export function bodyLimit(pathname: string): number {
  return UPLOAD_ROUTES.some((re) => re.test(pathname)) ? UPLOAD_BODY_LIMIT : FORM_BODY_LIMIT;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether a Host (host[:port]) names us: the SITE_URL host (its default port written or not) or,
 * outside production, localhost / 127.0.0.1 / [::1] on the port we listen on.
 */
export function hostAllowed(host: string | undefined, cfg: Pick<Config, 'siteUrl' | 'production'>, listeningPort: number): boolean {
  if (!host || !HOST_SYNTAX.test(host)) return false;
  const wanted = new URL(cfg.siteUrl);
  // URL lower-cases the name and drops the protocol's default port: "Example.org:443" = "example.org".
  const given = new URL(`${wanted.protocol}//${host}`);
  if (given.host === wanted.host) return true;
  return !cfg.production && LOOPBACK.has(given.hostname) && Number(given.port || defaultPort(wanted)) === listeningPort;
}

const HOST_SYNTAX = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

function defaultPort(url: URL): string {
  return url.protocol === 'https:' ? '443' : '80';
}

function firstValue(header: string | string[] | undefined): string | undefined {
  const v = Array.isArray(header) ? header[0] : header;
  return v?.split(',')[0]?.trim() || undefined;
}

const FORWARDED = ['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'x-forwarded-for', 'forwarded'];

function requestLocale(req: IncomingMessage): Locale {
  const first = (req.url ?? '/').split('/')[1];
  return isLocale(first) ? first : localeFromAcceptLanguage(firstValue(req.headers['accept-language']) ?? null);
}

function refuse(req: IncomingMessage, res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Length': Buffer.byteLength(message),
  });
  res.end(message);
  // The client may still be sending: read and discard (nothing is kept) so that it can read our
  // answer — closing at once makes its write fail before it sees the 413 — but only up to
  // DRAIN_LIMIT bytes or DRAIN_MS, then the connection is cut.
  if (req.complete) return;
  let drained = 0;
  const cut = () => req.socket.destroy();
  const timer = setTimeout(cut, DRAIN_MS);
  timer.unref();
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_LIMIT) cut();
  });
  req.once('end', () => clearTimeout(timer));
  req.once('close', () => clearTimeout(timer));
  req.resume();
}

const DRAIN_LIMIT = 16 * 1024 * 1024;
const DRAIN_MS = 5_000;

/**
 * The host check: true when the request may go on (forwarded headers removed unless the proxy is
 * trusted), false when it was answered with 421. /healthz is exempt: load balancers probe it by
 * address, and it tells anonymous callers only "ok".
 */
export function checkHost(req: IncomingMessage, res: ServerResponse, cfg: Config, listeningPort: number): boolean {
  const forwardedHost = cfg.trustProxy ? firstValue(req.headers['x-forwarded-host']) : undefined;
  if (!cfg.trustProxy) for (const name of FORWARDED) delete req.headers[name];
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/healthz') return true;
  if (hostAllowed(forwardedHost ?? req.headers.host, cfg, listeningPort)) return true;
  refuse(req, res, 421, t(requestLocale(req), 'http.wrongHost'));
  return false;
}

function mebibytes(bytes: number, locale: Locale): string {
  return bytes >= 1024 * 1024 ? `${new Intl.NumberFormat(locale).format(Math.round(bytes / 1024 / 1024))} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

function tooLarge(req: IncomingMessage, res: ServerResponse, limit: number): void {
  const locale = requestLocale(req);
  refuse(req, res, 413, t(locale, 'http.tooLarge', { max: mebibytes(limit, locale) }));
}

/**
 * The body limit. Calls `next()` when the request may go on: at once when Content-Length is
 * within the limit (Node stops at Content-Length), or after a chunked body was read whole within
 * it (then handed to Astro as `req.body`). Otherwise answers 413 (and reads no more than a
 * bounded amount of what is still coming). `accepted` runs once the body may be sent: for a
 * client that asked `Expect: 100-continue`, the 100 is sent only then, so an oversized body
 * announced by its Content-Length is refused before it is sent at all.
 */
export function checkBodySize(req: IncomingMessage, res: ServerResponse, next: () => void, accepted: () => void = () => {}): void {
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return (accepted(), next());
  const limit = bodyLimit((req.url ?? '/').split('?')[0] ?? '/');
  const declared = req.headers['content-length'];
  if (declared !== undefined) {
    if (!/^\d+$/.test(declared) || Number(declared) > limit) return tooLarge(req, res, limit);
    return (accepted(), next());
  }
  accepted();
  if (req.headers['transfer-encoding'] === undefined) return next();
  const chunks: Buffer[] = [];
  let size = 0;
  let done = false;
  const onData = (chunk: Buffer) => {
    if (done) return;
    size += chunk.length;
    if (size > limit) {
      done = true;
      req.off('data', onData);
      chunks.length = 0;
      tooLarge(req, res, limit);
      return;
    }
    chunks.push(chunk);
  };
  req.on('data', onData);
  req.once('end', () => {
    if (done) return;
    done = true;
    (req as IncomingMessage & { body?: Buffer }).body = Buffer.concat(chunks, size);
    next();
  });
  req.once('error', () => {
    done = true;
  });
}
