// The security suite (quality.md "Security"): every finding of a black-box test is replayed as
// HTTP requests against the BUILT server, started the way `npm start` serves it (scripts/serve.mjs
// in front of dist/server/entry.mjs), on a free 127.0.0.1 port, with its own temporary database
// seeded with the demo data. Each test file starts its own server, so one file's attacks (rate
// limits, locked accounts, hidden stories) never leak into another's.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { exited, freePort, killGroup, makeDataDir, root, sleep, spawnTracked, type DataDir } from '../reliability/harness.ts';

export { sleep };

/** The password of every demo account (scripts/demo/data.ts). */
export const DEMO_PASSWORD = 'answerable-demo-2026';

export interface Site {
  baseUrl: string;
  port: number;
  data: DataDir;
  /** What the server wrote to stderr so far (shown when a check fails). */
  stderr(): string;
  /** A read/write handle on the server's database (WAL: safe beside the server). */
  sql(): Database.Database;
  stop(): Promise<void>;
}

export interface SiteOptions {
  /** Extra environment for the server (e.g. { NODE_ENV: 'production' }). */
  env?: Record<string, string>;
  /** Seed the demo data first (default true). */
  seed?: boolean;
  /** Host name in SITE_URL (default 'localhost'); the server listens on 127.0.0.1. */
  siteHost?: string;
}

/** Seeds a fresh database with the demo data and starts scripts/serve.mjs on it. */
export async function startSite(options: SiteOptions = {}): Promise<Site> {
  if (!existsSync(join(root, 'dist/server/entry.mjs'))) throw new Error('dist/server/entry.mjs is missing: run `node scripts/build-if-needed.mjs` (npm run test:security does)');
  const data = makeDataDir('security');
  const port = await freePort();
  const baseUrl = `http://${options.siteHost ?? 'localhost'}:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_PATH: data.dbPath,
    PHOTOS_DIR: data.photosDir,
    SMTP_URL: '',
    MEILISEARCH_URL: '',
    HOST: '127.0.0.1',
    PORT: String(port),
    SITE_URL: baseUrl,
    ...options.env,
  };
  if (options.seed !== false) {
    const seeded = spawnSync(process.execPath, [join(root, 'scripts/seed.ts')], { cwd: root, env: { ...env, NODE_ENV: 'development' }, encoding: 'utf8' });
    if (seeded.status !== 0) throw new Error(`seeding failed:\n${seeded.stdout}\n${seeded.stderr}`);
  }
  const child = spawnTracked(process.execPath, ['--max-semi-space-size=8', '--max-old-space-size=256', join(root, 'scripts/serve.mjs')], { env, stdio: 'ignore' });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-8000)));
  let handle: Database.Database | null = null;
  const site: Site = {
    baseUrl,
    port,
    data,
    stderr: () => err,
    sql() {
      handle ??= new Database(data.dbPath);
      handle.pragma('busy_timeout = 5000');
      return handle;
    },
    async stop() {
      handle?.close();
      handle = null;
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 3000);
      await exited(child);
      clearTimeout(timer);
      data.remove();
    },
  };
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await exited(child);
      data.remove();
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${err}`);
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`, { headers: { host: new URL(baseUrl).host } });
      if (res.ok) return site;
    } catch {
      /* not listening yet */
    }
    await sleep(100);
  }
  await site.stop();
  throw new Error(`the server at ${baseUrl} did not become healthy:\n${err}`);
}

/** Cookie jar of one simulated person: `name=value` pairs from Set-Cookie. */
export class Jar {
  private readonly cookies = new Map<string, string>();
  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  has(name: string): boolean {
    return this.cookies.has(name);
  }
}

export interface RequestOptions {
  jar?: Jar;
  headers?: Record<string, string>;
  /** Form fields (application/x-www-form-urlencoded) or a raw body. */
  form?: Record<string, string>;
  body?: BodyInit;
  method?: string;
  /**
   * Source address of the client socket, e.g. '127.0.0.2' (Linux routes all of 127.0.0.0/8 to the
   * loopback), so one test can play several clients: the server takes the socket's address.
   */
  localAddress?: string;
}

/**
 * One request as a browser on our own pages would send it: same-origin Origin and Sec-Fetch-Site
 * on writes (so the cross-site check passes), cookies from the jar, redirects NOT followed.
 */
export async function request(site: Site, path: string, options: RequestOptions = {}): Promise<Response> {
  const method = options.method ?? (options.form || options.body ? 'POST' : 'GET');
  const headers: Record<string, string> = { accept: 'text/html', ...options.headers };
  if (method !== 'GET' && method !== 'HEAD') {
    headers.origin ??= new URL(site.baseUrl).origin;
    headers['sec-fetch-site'] ??= 'same-origin';
  }
  if (options.jar) headers.cookie = options.jar.header();
  let body = options.body;
  if (options.form) {
    body = new URLSearchParams(options.form).toString();
    headers['content-type'] ??= 'application/x-www-form-urlencoded';
  }
  const url = new URL(path, site.baseUrl);
  // A SITE_URL host that does not resolve (siteHost option), or a chosen source address
  // (localAddress): connect to 127.0.0.1 and name the host in the Host header, as a browser would.
  const res = isLoopbackName(url.hostname) && !options.localAddress
    ? await fetch(url, { method, headers, body, redirect: 'manual' })
    : await rawRequest(site, `${url.pathname}${url.search}`, { method, localAddress: options.localAddress, headers: { ...headers, host: url.host }, body: body === undefined ? undefined : await new Response(body).arrayBuffer().then((b) => Buffer.from(b)) });
  options.jar?.store(res);
  return res;
}

function isLoopbackName(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

export interface RawRequestOptions {
  method?: string;
  /** Sent exactly as given, Host included (fetch would replace it). */
  headers?: Record<string, string>;
  /** A Buffer body, or an iterable of chunks sent with chunked transfer encoding (no Content-Length). */
  body?: Buffer | string | AsyncIterable<Buffer> | Iterable<Buffer>;
  /** Source address of the connection (any 127.0.0.x: Linux routes the whole range to lo). */
  localAddress?: string;
}

/**
 * One request through node:http to the server's 127.0.0.1 port, with headers fetch will not send
 * (a forged Host) or a streamed body. Gives a fetch Response (body fully read, redirects not followed).
 */
export function rawRequest(site: Site, path: string, options: RawRequestOptions = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host: new URL(site.baseUrl).host, ...options.headers };
    const body = options.body;
    const fixed = typeof body === 'string' || Buffer.isBuffer(body);
    if (fixed) headers['content-length'] ??= String(Buffer.byteLength(body));
    const req = httpRequest({ host: '127.0.0.1', port: site.port, path, method: options.method ?? (body === undefined ? 'GET' : 'POST'), headers, setHost: false, localAddress: options.localAddress, agent: options.localAddress ? false : undefined }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const h = new Headers();
        for (let i = 0; i < res.rawHeaders.length; i += 2) h.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
        const status = res.statusCode ?? 500;
        resolve(new Response(status === 204 || status === 304 ? null : Buffer.concat(chunks), { status, statusText: res.statusMessage, headers: h }));
      });
    });
    // The server may answer (413) and close before the whole body is sent.
    let responded = false;
    req.on('response', () => (responded = true));
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') return reject(error);
      setTimeout(() => responded || reject(error), 500);
    });
    if (body === undefined) req.end();
    else if (fixed) req.end(body);
    else
      void (async () => {
        try {
          for await (const chunk of body) {
            if (req.destroyed) return;
            if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
          }
          req.end();
        } catch {
          /* the server closed the connection */
        }
      })();
  });
}

/** Signs in through the real form; returns the response (303 on success) and fills the jar. */
export async function signIn(site: Site, email: string, password = DEMO_PASSWORD, jar = new Jar(), lang = 'en', localAddress?: string): Promise<{ res: Response; jar: Jar }> {
  const res = await request(site, `/${lang}/account/sign-in`, { jar, form: { email, password }, localAddress });
  return { res, jar };
}

/** The newest mail of a template to an address from the development mailbox table (with its extra headers), waiting for the relay. */
export async function newestMail(site: Site, to: string, template?: string, attempts = 80): Promise<{ subject: string; text: string; html: string | null; headers: Record<string, string> } | null> {
  for (let i = 0; i < attempts; i++) {
    const row = site
      .sql()
      .prepare(`select subject, text, html, headers from dev_mailbox where "to" = ? ${template ? 'and template = ?' : ''} order by id desc limit 1`)
      .get(...(template ? [to.toLowerCase(), template] : [to.toLowerCase()])) as { subject: string; text: string; html: string | null; headers: string | null } | undefined;
    if (row) return { ...row, headers: row.headers ? (JSON.parse(row.headers) as Record<string, string>) : {} };
    await sleep(100);
  }
  return null;
}

/** Latency percentile (0–100) of a list of milliseconds. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** The publish form's fields for a story about a company named (and created) by the author. */
export function publishForm(companyName: string, companyWebsite = '', title = 'Ordine pagato e mai spedito dal negozio'): Record<string, string> {
  return {
    companyName,
    companyWebsite,
    companySector: 'ecommerce',
    title,
    body: 'Ho pagato un ordine tre settimane fa e il negozio non lo ha mai spedito, nessuna risposta alle mail.',
    experienceDate: '2026-10-01',
    category: 'delivery',
    language: 'it',
    channels: 'email',
    wait_email: '3',
    unit_email: 'days',
    intent: 'publish',
  };
}
