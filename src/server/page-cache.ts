// The rendered-page cache for anonymous visitors (see docs/decisions/0009-page-cache.md).
//
// A reputation site is read-mostly: the same company and story pages are rendered again and
// again for people who are not signed in. We keep the final responses (body + headers, the CSP
// included) in memory, bounded by entries and bytes, and drop them the moment the data behind
// them changes. "The moment" is exact, not a TTL: every change a service commits writes, in the
// same transaction, an audit row and a search-outbox row naming the story/company it touched.
// Before answering from the cache we read the rows added since the last look (two indexed range
// reads that usually return nothing) and invalidate what they name. So a reply committed by one
// request is visible to the very next anonymous request, even from another process.
// A TTL remains as a safety net for writers that bypass both tables (bulk imports).
//
// Signed-in visitors (decision 0012): on the pages whose body does not depend on the visitor
// (home, company list, company page, rankings, how-scores-work, transparency, open data) only the header
// does, in two "holes" marked by Base.astro (src/layouts/visitor-header.ts). The fast path
// validates the session synchronously and read-only, takes the cached anonymous page and writes
// that visitor's holes into it, answering `private, no-store`. Nothing personal is ever stored.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type BetterSqlite3 from 'better-sqlite3';
import { isHttps, sessionCookieName } from '../auth/cookies.ts';
import { validateSessionTokenWithoutWrites } from '../auth/session.ts';
import { isLocale } from '../i18n/index.ts';
import { VISITOR_HOLE_MARKERS, visitorHoles } from '../layouts/visitor-header.ts';

export interface CachedPage {
  status: number;
  headers: [string, string][];
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  /** 'story:12', 'company:3' or 'global' (pages that show many companies/stories). */
  deps: string[];
  storedAt: number;
  /**
   * Byte ranges of the visitor holes (markers included), in VISITOR_HOLE_MARKERS order; null
   * when the body does not carry each marker exactly once (such a page is never personalised).
   */
  holes: { start: number; end: number }[] | null;
  /** The body gzipped, made on the first hit that accepts it (undefined: not yet). */
  gzip?: Buffer;
}

export interface PageCacheOptions {
  maxEntries?: number;
  maxBytes?: number;
  ttlMs?: number;
  now?: () => number;
}

/** The parts of node:http's request and response the fast path uses. */
interface NodeRequest {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined> & { cookie?: string };
  socket?: { encrypted?: boolean } | null;
}
interface NodeResponse {
  statusCode: number;
  setHeader(name: string, value: string | number): unknown;
  end(body?: Uint8Array): unknown;
}

type ChangeRow = { id: number; key: string | null; company_id: number | null };

export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private readonly byDep = new Map<string, Set<string>>();
  private bytes = 0;
  private lastAuditId = -1;
  private lastOutboxId = -1;
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly auditSince: BetterSqlite3.Statement<[number], ChangeRow>;
  private readonly outboxSince: BetterSqlite3.Statement<[number], ChangeRow>;
  private readonly storyCompany: BetterSqlite3.Statement<[number], { company_id: number }>;
  private readonly companyBySlug: BetterSqlite3.Statement<[string], { id: number }>;
  /** The ends of both logs in one step: the usual answer of syncChanges is "nothing new". */
  private readonly logEnds: BetterSqlite3.Statement<[], [number, number]>;
  readonly stats = { hits: 0, misses: 0, stores: 0, invalidations: 0, personalised: 0 };
  /**
   * Called with a page's key when a signed-in visitor asked for a personalisable page that is
   * not cached: scripts/serve.mjs requests it anonymously so that the next visit is a hit.
   * At most once per key every WARM_INTERVAL_MS.
   */
  warmer: ((pathAndQuery: string) => void) | null = null;
  private readonly warmedAt = new Map<string, number>();

  private readonly sqlite: BetterSqlite3.Database;

  constructor(sqlite: BetterSqlite3.Database, options: PageCacheOptions = {}) {
    this.sqlite = sqlite;
    this.maxEntries = options.maxEntries ?? 5_000;
    this.maxBytes = options.maxBytes ?? DEFAULT_PAGE_CACHE_MAX_MB * 1024 * 1024;
    this.ttlMs = options.ttlMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
    this.auditSince = sqlite.prepare(
      `select id, subject_kind || ':' || subject_id as key, company_id from audit_log where id > ? order by id limit 5000`,
    );
    this.outboxSince = sqlite.prepare(`select id, key, null as company_id from outbox where id > ? and topic = 'search' order by id limit 5000`);
    this.storyCompany = sqlite.prepare(`select company_id from stories where id = ?`);
    this.companyBySlug = sqlite.prepare(`select id from companies where slug = ?`);
    this.logEnds = sqlite.prepare<[], [number, number]>(`select (select coalesce(max(id), 0) from audit_log), (select coalesce(max(id), 0) from outbox)`).raw(true);
  }

  /** Reads the changes committed since the last call and drops every page they touch. */
  syncChanges(): void {
    if (this.lastAuditId < 0) {
      // First use: nothing is cached yet, start from the current end of both logs.
      this.lastAuditId = (this.sqlite.prepare(`select coalesce(max(id), 0) as m from audit_log`).get() as { m: number }).m;
      this.lastOutboxId = (this.sqlite.prepare(`select coalesce(max(id), 0) as m from outbox`).get() as { m: number }).m;
      return;
    }
    // Every hit asks; almost always nothing was committed since. Two max(id) on integer primary
    // keys in one statement say so; only then are the rows read (outbox ids of other topics only
    // cost one empty read).
    const [auditEnd, outboxEnd] = this.logEnds.get()!;
    if (auditEnd <= this.lastAuditId && outboxEnd <= this.lastOutboxId) return;
    for (;;) {
      const audit = this.auditSince.all(this.lastAuditId);
      const outbox = this.outboxSince.all(this.lastOutboxId);
      if (audit.length === 0 && outbox.length === 0) return;
      for (const row of audit) this.invalidateChange(row.key, row.company_id);
      for (const row of outbox) this.invalidateChange(row.key, null);
      if (audit.length) this.lastAuditId = audit[audit.length - 1]!.id;
      if (outbox.length) this.lastOutboxId = outbox[outbox.length - 1]!.id;
      if (audit.length < 5000 && outbox.length < 5000) {
        // Rows of other outbox topics: remembered as seen, so the next look is the cheap one.
        this.lastAuditId = Math.max(this.lastAuditId, auditEnd);
        this.lastOutboxId = Math.max(this.lastOutboxId, outboxEnd);
        return;
      }
    }
  }

  private invalidateChange(key: string | null, companyId: number | null): void {
    this.invalidateDep('global');
    if (!key) return;
    this.invalidateDep(key);
    if (companyId !== null) this.invalidateDep(`company:${companyId}`);
    const m = /^story:(\d+)$/.exec(key);
    if (m) {
      const row = this.storyCompany.get(Number(m[1]));
      if (row) this.invalidateDep(`company:${row.company_id}`);
      return;
    }
    // A change to the company itself (name, claim, contacts, …) also reaches its story pages,
    // which show the company's name, badges and contacts; a change to one story does not reach
    // the company's other story pages (decision 0044).
    const c = /^company:(\d+)$/.exec(key);
    if (c) this.invalidateDep(`company-info:${c[1]}`);
    if (companyId !== null) this.invalidateDep(`company-info:${companyId}`);
  }

  invalidateDep(dep: string): void {
    const keys = this.byDep.get(dep);
    if (!keys) return;
    this.byDep.delete(dep);
    for (const key of keys) this.delete(key);
    this.stats.invalidations += keys.size;
  }

  clear(): void {
    this.entries.clear();
    this.byDep.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): CachedPage | null {
    const entry = this.entries.get(key);
    if (!entry) {
      this.stats.misses++;
      return null;
    }
    if (this.now() - entry.storedAt > this.ttlMs) {
      this.delete(key);
      this.stats.misses++;
      return null;
    }
    // Least recently used goes first: re-insert on every hit.
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.stats.hits++;
    return entry;
  }

  set(key: string, page: Omit<CachedPage, 'storedAt' | 'etag' | 'holes'>): CachedPage {
    this.delete(key);
    const entry: CachedPage = { ...page, storedAt: this.now(), etag: etagFor(page.body), holes: findVisitorHoles(page.body) };
    this.entries.set(key, entry);
    this.bytes += entry.body.byteLength;
    for (const dep of entry.deps) {
      let keys = this.byDep.get(dep);
      if (!keys) this.byDep.set(dep, (keys = new Set()));
      keys.add(key);
    }
    this.stats.stores++;
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
    return entry;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.body.byteLength;
    for (const dep of entry.deps) this.byDep.get(dep)?.delete(key);
  }

  /**
   * The fast path (scripts/serve.mjs): answers a cached page straight from node:http, before
   * Astro routes the request at all. Returns false when the request is not a cache hit, and the
   * caller hands it to Astro as usual (which renders and stores it).
   */
  serveNode(req: NodeRequest, res: NodeResponse): boolean {
    if (req.method !== 'GET' || !req.url) return false;
    // The common hit: a plain path that is a key as it stands (keys are normalised paths, which
    // the URL parser would return unchanged), no session cookie.
    const raw = req.url;
    if (raw.indexOf('?') < 0 && !hasSessionCookie(req.headers.cookie) && this.entries.has(raw)) {
      this.syncChanges();
      const entry = this.get(raw);
      if (!entry) return false;
      this.answer(req, res, entry);
      return true;
    }
    let url: URL;
    try {
      url = new URL(req.url, 'http://localhost');
    } catch {
      return false;
    }
    if (hasSessionCookie(req.headers.cookie)) return this.serveSignedIn(req, res, url);
    const key = cacheKeyForParts('GET', url, req.headers.cookie);
    if (!key) return false;
    this.syncChanges();
    const entry = this.get(key);
    if (!entry) return false;
    this.answer(req, res, entry);
    return true;
  }

  private answer(req: NodeRequest, res: NodeResponse, entry: CachedPage): void {
    const inm = req.headers['if-none-match'];
    const notModified = typeof inm === 'string' && inm.split(',').some((t) => t.trim() === entry.etag);
    for (const [name, value] of entry.headers) res.setHeader(name, value);
    res.setHeader('ETag', entry.etag);
    res.setHeader('Cache-Control', PUBLIC_PAGE_CACHE_CONTROL);
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('X-Page-Cache', 'hit');
    if (notModified) {
      res.statusCode = 304;
      res.end();
      return;
    }
    res.statusCode = entry.status;
    // Compressed once per stored page, on the first hit that accepts it (what every browser and
    // CDN sends): a 30 KB company page leaves as ~6 KB, and the socket write is most of a hit's cost.
    if (acceptsGzip(req.headers['accept-encoding']) && entry.body.byteLength >= GZIP_MIN_BYTES) {
      entry.gzip ??= gzipSync(entry.body, { level: 6 });
      res.setHeader('Content-Encoding', 'gzip');
      res.setHeader('Content-Length', entry.gzip.byteLength);
      res.end(entry.gzip);
      return;
    }
    res.setHeader('Content-Length', entry.body.byteLength);
    res.end(entry.body);
  }

  /**
   * A signed-in GET of a personalisable page: the cached anonymous page with this visitor's
   * header holes, when the session is plainly valid (nothing to write, no cookie to send). Every
   * other case — another page, a miss, a session that is unknown, expired or due for its sliding
   * refresh, a cookie we cannot read exactly as Astro would — returns false: Astro's full path.
   */
  private serveSignedIn(req: NodeRequest, res: NodeResponse, url: URL): boolean {
    if (!isPersonalisablePath(url.pathname)) return false;
    const key = cacheKeyForParts('GET', url, null);
    if (!key) return false;
    const cookieName = fastPathSessionCookieName(req);
    const token = cookieName ? singleCookieValue(req.headers.cookie, cookieName) : null;
    if (!token) return false;
    const lang = url.pathname.slice(1, 3);
    if (!isLocale(lang)) return false;
    this.syncChanges();
    const entry = this.get(key);
    if (!entry) {
      this.warm(key);
      return false;
    }
    if (!entry.holes || entry.status !== 200) return false;
    const found = validateSessionTokenWithoutWrites(this.sqlite, token, this.now());
    if (!found) return false;
    const body = fillHoles(entry.body, entry.holes, visitorHoles(lang, found.user));
    for (const [name, value] of entry.headers) res.setHeader(name, value);
    res.setHeader('Cache-Control', PERSONAL_PAGE_CACHE_CONTROL);
    res.setHeader('X-Page-Cache', 'personalised');
    res.statusCode = entry.status;
    res.setHeader('Content-Length', body.byteLength);
    res.end(body);
    this.stats.personalised++;
    return true;
  }

  private warm(key: string): void {
    if (!this.warmer) return;
    const now = this.now();
    const last = this.warmedAt.get(key);
    if (last !== undefined && now - last < WARM_INTERVAL_MS) return;
    if (this.warmedAt.size >= 1_000) this.warmedAt.clear();
    this.warmedAt.set(key, now);
    this.warmer(key);
  }

  /** What a cached page depends on, from its path. */
  depsFor(pathname: string): string[] {
    const story = /^\/(?:it|en)\/stories\/(\d+)$/.exec(pathname);
    if (story) {
      const row = this.storyCompany.get(Number(story[1]));
      return row ? [`story:${story[1]}`, `company-info:${row.company_id}`] : [`story:${story[1]}`];
    }
    const company = /^\/(?:it|en)\/companies\/([a-z0-9-]+)(?:\/feed\.xml)?$/.exec(pathname);
    if (company) {
      const row = this.companyBySlug.get(company[1]!);
      return row ? [`company:${row.id}`] : ['global'];
    }
    return ['global'];
  }
}

/** Bodies smaller than this leave uncompressed (the headers would outweigh the saving). */
const GZIP_MIN_BYTES = 1024;

/** Whether an Accept-Encoding header accepts gzip (and does not refuse it with q=0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  if (typeof header !== 'string') return false;
  const lower = header.toLowerCase();
  if (lower.indexOf('gzip') < 0) return false;
  for (const part of lower.split(',')) {
    const [coding, ...params] = part.trim().split(';');
    if (coding!.trim() !== 'gzip') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  }
  return false;
}

/** A signed-in visitor's misses ask for an anonymous render of the page at most this often. */
export const WARM_INTERVAL_MS = 5_000;

/** The byte ranges of the visitor holes in a page, or null unless each marker occurs exactly once, in order. */
export function findVisitorHoles(body: Uint8Array): { start: number; end: number }[] | null {
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const holes: { start: number; end: number }[] = [];
  let from = 0;
  for (const { start, end } of VISITOR_HOLE_MARKERS) {
    const s = buffer.indexOf(start, from);
    if (s < 0 || buffer.indexOf(start, s + 1) >= 0) return null;
    const e = buffer.indexOf(end, s + start.length);
    if (e < 0 || buffer.indexOf(end, e + 1) >= 0) return null;
    from = e + end.length;
    holes.push({ start: s, end: from });
  }
  return holes;
}

/** A copy of `body` with each hole replaced by the matching content. */
export function fillHoles(body: Uint8Array, holes: readonly { start: number; end: number }[], contents: readonly string[]): Buffer {
  const parts: Uint8Array[] = [];
  let at = 0;
  holes.forEach((hole, i) => {
    parts.push(body.subarray(at, hole.start), Buffer.from(contents[i] ?? ''));
    at = hole.end;
  });
  parts.push(body.subarray(at));
  return Buffer.concat(parts);
}

const SESSION_COOKIE = /(?:^|;)\s*(?:__Host-)?answerable_session\s*=/;

function hasSessionCookie(cookie: string | undefined): boolean {
  return cookie !== undefined && SESSION_COOKIE.test(cookie);
}

/**
 * The session cookie's name as the middleware will read it (sessionCookieName of Astro's URL), or
 * null when that is not certain from here: a TLS socket or an X-Forwarded-Proto header may make
 * Astro's URL https while SITE_URL is not.
 */
function fastPathSessionCookieName(req: NodeRequest): string | null {
  const encrypted = req.socket?.encrypted === true;
  const siteIsHttps = isHttps(new URL('http://localhost/'));
  if (!siteIsHttps && (encrypted || req.headers['x-forwarded-proto'] !== undefined)) return null;
  return sessionCookieName(new URL(encrypted ? 'https://localhost/' : 'http://localhost/'));
}

/**
 * The value of the one cookie called `name` in a Cookie header; null when it is missing, present
 * more than once, or not a plain token (quotes, %-escapes), so that it is exactly what Astro's
 * cookie parser would hand the middleware.
 */
export function singleCookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  let found: string | null = null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    if (found !== null) return null;
    found = part.slice(eq + 1).trim();
  }
  return found !== null && /^[A-Za-z0-9_.-]+$/.test(found) ? found : null;
}

export function etagFor(body: Uint8Array<ArrayBuffer>): string {
  return `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 27)}"`;
}

/** Query parameters a cacheable page may have; any other one bypasses the cache. */
const allowedParams = new Set(['page', 'state', 'sector', 'period', 'category']);

/**
 * The cache key of a request, or null when the request must not be served from the cache:
 * not a GET/HEAD, a signed-in visitor (any session cookie), an uncacheable path, or unknown
 * query parameters (so nobody can fill the cache with variants).
 */
export function cacheKeyFor(request: Request, url: URL): string | null {
  return cacheKeyForParts(request.method, url, request.headers.get('cookie'));
}

export function cacheKeyForParts(method: string, url: URL, cookie: string | null | undefined): string | null {
  if (method !== 'GET') return null;
  if (cookie && SESSION_COOKIE.test(cookie)) return null;
  if (!isCacheablePath(url.pathname)) return null;
  const params = [...url.searchParams.keys()];
  if (params.some((p) => !allowedParams.has(p))) return null;
  const sorted = [...url.searchParams.entries()].sort(([a], [b]) => a.localeCompare(b));
  const search = new URLSearchParams(sorted).toString();
  return search ? `${url.pathname}?${search}` : url.pathname;
}

const cacheablePaths = [
  /^\/(?:it|en)$/,
  /^\/(?:it|en)\/companies$/,
  /^\/(?:it|en)\/companies\/[a-z0-9-]+$/,
  /^\/(?:it|en)\/companies\/[a-z0-9-]+\/feed\.xml$/,
  /^\/(?:it|en)\/stories\/\d+$/,
  /^\/(?:it|en)\/rankings$/,
  /^\/(?:it|en)\/how-scores-work$/,
  /^\/(?:it|en)\/transparency$/,
  /^\/(?:it|en)\/open-data$/,
];

export function isCacheablePath(pathname: string): boolean {
  return cacheablePaths.some((re) => re.test(pathname));
}

/**
 * Pages a signed-in visitor may get from the cache with their own header: those whose body is
 * the same for everybody. Not the story page (its actions depend on the visitor), not the feed,
 * and nothing under account, dashboard, publish or moderation — an explicit list, not a rule.
 */
const personalisablePaths = [
  /^\/(?:it|en)$/,
  /^\/(?:it|en)\/companies$/,
  /^\/(?:it|en)\/companies\/[a-z0-9-]+$/,
  /^\/(?:it|en)\/rankings$/,
  /^\/(?:it|en)\/how-scores-work$/,
  /^\/(?:it|en)\/transparency$/,
  /^\/(?:it|en)\/open-data$/,
];

export function isPersonalisablePath(pathname: string): boolean {
  return personalisablePaths.some((re) => re.test(pathname));
}

/** Whether a freshly rendered response may be stored. */
export function isStorable(response: Response): boolean {
  if (response.status !== 200) return false;
  if (response.headers.has('set-cookie')) return false;
  const cc = response.headers.get('cache-control') ?? '';
  if (/no-store|private/i.test(cc)) return false;
  const type = response.headers.get('content-type') ?? '';
  return type.startsWith('text/html') || type.startsWith('application/atom+xml');
}

/** Cache-Control for anonymous pages: any cache may keep them but must revalidate (ETag → 304). */
export const PUBLIC_PAGE_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

/** Cache-Control for a page with a signed-in visitor's header (as the middleware sets it). */
export const PERSONAL_PAGE_CACHE_CONTROL = 'private, no-store';

/** Default byte budget of the cached bodies (PAGE_CACHE_MAX_MB overrides it). */
export const DEFAULT_PAGE_CACHE_MAX_MB = 32;

/** The cache's bounds from the environment: PAGE_CACHE_MAX_MB (MiB of bodies, default 32). */
export function pageCacheOptionsFromEnv(env: Record<string, string | undefined>): PageCacheOptions {
  const raw = env.PAGE_CACHE_MAX_MB?.trim();
  const mb = raw && /^\d+(\.\d+)?$/.test(raw) && Number(raw) > 0 ? Number(raw) : DEFAULT_PAGE_CACHE_MAX_MB;
  return { maxBytes: Math.round(mb * 1024 * 1024) };
}

/** The response for a cached page, honouring If-None-Match. */
export function responseFromCache(entry: CachedPage, request: Request, state: 'hit' | 'miss' = 'hit'): Response {
  const headers = new Headers(entry.headers);
  headers.set('ETag', entry.etag);
  headers.set('Cache-Control', PUBLIC_PAGE_CACHE_CONTROL);
  headers.set('Vary', 'Accept-Encoding');
  headers.set('X-Page-Cache', state);
  const inm = request.headers.get('if-none-match');
  if (inm && inm.split(',').some((t) => t.trim() === entry.etag)) {
    headers.delete('content-length');
    return new Response(null, { status: 304, headers });
  }
  return new Response(entry.body, { status: entry.status, headers });
}

/**
 * The middleware: answer anonymous GETs of cacheable pages from the cache, store fresh renders.
 * It sits outermost, so stored headers already carry the security headers (CSP included).
 */
export function pageCacheHandler(getCache: () => PageCache | null) {
  return async (ctx: { request: Request; url: URL }, next: () => Promise<Response>): Promise<Response> => {
    const cache = getCache();
    const key = cache ? cacheKeyFor(ctx.request, ctx.url) : null;
    if (!cache || !key) return next();
    cache.syncChanges();
    const hit = cache.get(key);
    if (hit) return responseFromCache(hit, ctx.request);
    const response = await next();
    if (!isStorable(response)) return response;
    const body = new Uint8Array(await response.arrayBuffer());
    const headers = [...response.headers.entries()].filter(([k]) => k !== 'content-length' && k !== 'etag' && k !== 'cache-control');
    const entry = cache.set(key, { status: response.status, headers, body, deps: cache.depsFor(ctx.url.pathname) });
    return responseFromCache(entry, ctx.request, 'miss');
  };
}
