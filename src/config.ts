// The server's configuration: every environment variable the app and its scripts read, in one
// zod schema (decision 0017). Read at RUN time from process.env (never baked in by the build),
// validated at start-up — the server (scripts/serve.mjs) and every script call
// checkConfigOrExit() first — so an invalid value stops the process with a message naming the
// variable instead of falling back silently. An empty value counts as unset.
//
// config() returns a frozen, typed object, parsed on the first call. Under vitest it also
// re-reads process.env whenever one of the schema's variables changed since the last call, so
// tests may set process.env and call it again (elsewhere the environment of a running process
// does not change, and reading process.env costs ~0.3 µs a variable: ~9 µs a call, too much for
// a function called several times per request); overrideConfig() / resetConfig() exist for tests.
//
// This file is also imported as is by scripts/serve.mjs (Node strips the types): keep it free of
// TypeScript-only syntax that needs a transform (enums, namespaces, parameter properties) and
// of imports other than zod.
import { z } from 'zod';

const onOff = (name: string) =>
  z.enum(['on', 'off'], { error: `${name} must be "on" or "off"` });

const positiveInt = (name: string, max: number) =>
  z
    .string()
    .regex(/^[1-9]\d*$/, { error: `${name} must be a whole number from 1 to ${max}` })
    .transform(Number)
    .refine((n) => n <= max, { error: `${name} must be a whole number from 1 to ${max}` });

const httpUrl = (name: string) =>
  z.string().refine(
    (v) => {
      try {
        const u = new URL(v);
        return (u.protocol === 'http:' || u.protocol === 'https:') && u.username === '' && u.password === '' && u.search === '' && u.hash === '' && u.pathname === '/';
      } catch {
        return false;
      }
    },
    { error: `${name} must be an absolute http(s) URL without credentials, path, query or fragment (e.g. https://answerable.example)` },
  );

/** Every variable, with its rule. The README's configuration table lists exactly these names. */
export const configSchema = z.object({
  NODE_ENV: z.string().optional(),
  HOST: z.string().regex(/^[A-Za-z0-9.:[\]-]+$/, { error: 'HOST must be a host name or an IP address' }).optional(),
  PORT: positiveInt('PORT', 65535).optional(),
  SITE_URL: httpUrl('SITE_URL').optional(),
  TRUST_PROXY: onOff('TRUST_PROXY').optional(),
  DATABASE_PATH: z.string().optional(),
  PHOTOS_DIR: z.string().optional(),
  BACKUP_DIR: z.string().optional(),
  SEED_DEMO: onOff('SEED_DEMO').optional(),
  ALLOW_DEMO_ACCOUNTS: onOff('ALLOW_DEMO_ACCOUNTS').optional(),
  SCRYPT_LOG_N: positiveInt('SCRYPT_LOG_N', 20).refine((n) => n >= 10, { error: 'SCRYPT_LOG_N must be between 10 and 20' }).optional(),
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\/[^\s]+$/.test(v), { error: 'SMTP_URL must look like smtp://user:pass@host:587 or smtps://…' })
    .optional(),
  MAIL_FROM: z.string().optional(),
  MAIL_RELAY: onOff('MAIL_RELAY').optional(),
  MEILISEARCH_URL: httpUrl('MEILISEARCH_URL').optional(),
  MEILISEARCH_API_KEY: z.string().optional(),
  MEILISEARCH_INDEX_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/, { error: 'MEILISEARCH_INDEX_PREFIX may hold letters, digits, _ and - only' }).optional(),
  REPLY_DEADLINE_DAYS: positiveInt('REPLY_DEADLINE_DAYS', 365).optional(),
  PAGE_CACHE: onOff('PAGE_CACHE').optional(),
  PAGE_CACHE_MAX_MB: z
    .string()
    .regex(/^\d+(\.\d+)?$/, { error: 'PAGE_CACHE_MAX_MB must be a positive number of MiB' })
    .transform(Number)
    .refine((n) => n > 0 && n <= 65536, { error: 'PAGE_CACHE_MAX_MB must be a positive number of MiB' })
    .optional(),
  SQLITE_CACHE_MB: positiveInt('SQLITE_CACHE_MB', 99999).optional(),
  SEARCH_CACHE: onOff('SEARCH_CACHE').optional(),
  ANSWERABLE_WORKERS: z
    .string()
    .regex(/^(off|on|(search|mail|scheduler)(,(search|mail|scheduler))*)$/, { error: 'ANSWERABLE_WORKERS must be "on", "off" or a comma list of search, mail, scheduler' })
    .optional(),
  ANSWERABLE_MAX_PAGE_COUNT: positiveInt('ANSWERABLE_MAX_PAGE_COUNT', 2 ** 31 - 1).optional(),
  SEARCH_RATE_LIMIT_PER_MINUTE: positiveInt('SEARCH_RATE_LIMIT_PER_MINUTE', 1_000_000).optional(),
  API_RATE_LIMIT_PER_MINUTE: positiveInt('API_RATE_LIMIT_PER_MINUTE', 1_000_000).optional(),
  DOMAIN_PROOF_DNS_SERVER: z.string().regex(/^(\d{1,3}\.){3}\d{1,3}:\d{1,5}$/, { error: 'DOMAIN_PROOF_DNS_SERVER must be IPv4:port, e.g. 127.0.0.1:5353' }).optional(),
  DOMAIN_PROOF_HTTP_BASE: httpUrl('DOMAIN_PROOF_HTTP_BASE').optional(),
});

export type ConfigVariable = keyof z.input<typeof configSchema>;
export const CONFIG_VARIABLES = Object.keys(configSchema.shape) as ConfigVariable[];

export type Worker = 'search' | 'mail' | 'scheduler';

export interface Config {
  nodeEnv: string;
  production: boolean;
  host: string;
  port: number;
  /** The public origin, e.g. https://answerable.example (no trailing slash). */
  siteUrl: string;
  /** host[:port] of siteUrl, as a Host header names it. */
  siteHost: string;
  /** False when SITE_URL is unset and siteUrl is the http://localhost:PORT default. */
  siteUrlConfigured: boolean;
  /** Trust X-Forwarded-Host / X-Forwarded-Proto / X-Forwarded-For from a reverse proxy. */
  trustProxy: boolean;
  databasePath: string;
  photosDir: string;
  backupDir: string;
  /** Load the demo data into an empty database: SEED_DEMO, by default on outside production only. */
  seedDemo: boolean;
  /** A production server refuses to start while demo accounts exist, unless this is on. */
  allowDemoAccounts: boolean;
  /** The scrypt cost of new hashes when NODE_ENV is 'test' (null: the production cost). */
  testScryptLogN: number | null;
  smtpUrl: string | null;
  mailFrom: string;
  mailRelay: boolean;
  meilisearch: { url: string; apiKey: string | undefined; indexPrefix: string } | null;
  replyDeadlineDays: number;
  pageCache: boolean;
  pageCacheMaxMb: number;
  sqliteCacheMb: number;
  searchCache: boolean;
  workers: readonly Worker[];
  maxPageCount: number | null;
  searchRateLimitPerMinute: number;
  apiRateLimitPerMinute: number;
  /**
   * Where company-domain proofs are checked (development and tests only: a production server
   * refuses to start with either set): a DNS server for the TXT record instead of the system's,
   * and an http base URL that stands in for https://<domain> (the file is then fetched from
   * <base>/<domain>/.well-known/answerable.txt).
   */
  domainProof: { dnsServer: string | null; httpBase: string | null };
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee the configuration table in README.md.`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Parses an environment (process.env by default) into a Config; throws ConfigError. */
export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  const raw: Record<string, string> = {};
  for (const name of CONFIG_VARIABLES) {
    const value = env[name]?.trim();
    if (value) raw[name] = value;
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => {
      const name = String(i.path[0] ?? '');
      return i.message.startsWith(name) ? `${i.message} (got ${JSON.stringify(raw[name] ?? '')})` : `${name}: ${i.message}`;
    }));
  }
  const e = parsed.data;
  const port = e.PORT ?? 4321;
  const site = new URL(e.SITE_URL ?? `http://localhost:${port}`);
  const workers: Worker[] =
    e.ANSWERABLE_WORKERS === 'off' ? [] : !e.ANSWERABLE_WORKERS || e.ANSWERABLE_WORKERS === 'on' ? ['search', 'mail', 'scheduler'] : (e.ANSWERABLE_WORKERS.split(',') as Worker[]);
  const nodeEnv = e.NODE_ENV ?? 'development';
  if (nodeEnv === 'production' && (e.DOMAIN_PROOF_DNS_SERVER || e.DOMAIN_PROOF_HTTP_BASE)) {
    throw new ConfigError(['DOMAIN_PROOF_DNS_SERVER and DOMAIN_PROOF_HTTP_BASE are for development and tests only: unset them when NODE_ENV is production']);
  }
  return Object.freeze({
    nodeEnv,
    production: nodeEnv === 'production',
    host: e.HOST ?? '127.0.0.1',
    port,
    siteUrl: site.origin,
    siteHost: site.host,
    siteUrlConfigured: e.SITE_URL !== undefined,
    trustProxy: e.TRUST_PROXY === 'on',
    databasePath: e.DATABASE_PATH ?? 'data/answerable.sqlite',
    photosDir: e.PHOTOS_DIR ?? 'data/photos',
    backupDir: e.BACKUP_DIR ?? 'data/backups',
    seedDemo: e.SEED_DEMO === 'on' || (e.SEED_DEMO !== 'off' && nodeEnv !== 'production'),
    allowDemoAccounts: e.ALLOW_DEMO_ACCOUNTS === 'on',
    testScryptLogN: nodeEnv === 'test' ? (e.SCRYPT_LOG_N ?? null) : null,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM ?? 'Answerable <no-reply@answerable.localhost>',
    mailRelay: e.MAIL_RELAY !== 'off',
    meilisearch: e.MEILISEARCH_URL ? Object.freeze({ url: e.MEILISEARCH_URL, apiKey: e.MEILISEARCH_API_KEY, indexPrefix: e.MEILISEARCH_INDEX_PREFIX ?? 'answerable' }) : null,
    replyDeadlineDays: e.REPLY_DEADLINE_DAYS ?? 7,
    pageCache: e.PAGE_CACHE !== 'off',
    pageCacheMaxMb: e.PAGE_CACHE_MAX_MB ?? 32,
    sqliteCacheMb: e.SQLITE_CACHE_MB ?? 32,
    searchCache: e.SEARCH_CACHE !== 'off',
    workers: Object.freeze(workers),
    maxPageCount: e.ANSWERABLE_MAX_PAGE_COUNT ?? null,
    searchRateLimitPerMinute: e.SEARCH_RATE_LIMIT_PER_MINUTE ?? 120,
    apiRateLimitPerMinute: e.API_RATE_LIMIT_PER_MINUTE ?? 300,
    domainProof: Object.freeze({ dnsServer: e.DOMAIN_PROOF_DNS_SERVER ?? null, httpBase: e.DOMAIN_PROOF_HTTP_BASE?.replace(/\/$/, '') ?? null }),
  });
}

let cached: { key: string; config: Config } | null = null;
let override: Partial<Config> | null = null;

function envKey(): string {
  const env = process.env;
  let key = '';
  for (const name of CONFIG_VARIABLES) key += `${env[name] ?? ''}\u0000`;
  return key;
}

/**
 * Inside vitest or a server a test started (VITEST is inherited): tests change process.env
 * between calls, and missing translations throw (src/i18n). Set by vitest, not a setting.
 */
export const UNDER_TEST = Boolean(process.env.VITEST);

/** The current configuration (throws ConfigError when the environment is invalid). */
export function config(): Config {
  if (!cached || UNDER_TEST) {
    const key = envKey();
    if (!cached || cached.key !== key) cached = { key, config: parseConfig(process.env) };
  }
  return override ? Object.freeze({ ...cached.config, ...override }) : cached.config;
}

/** Tests: replace some values until resetConfig(). */
export function overrideConfig(values: Partial<Config>): void {
  override = { ...override, ...values };
}

/** Tests: forget overrides and the cached parse. */
export function resetConfig(): void {
  override = null;
  cached = null;
}

/** Start-up of the server and of every script: an invalid configuration stops the process. */
export function checkConfigOrExit(): Config {
  try {
    return config();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
