// Real answers of the open-data API, trimmed to be shown as examples on the open-data page
// (/{lang}/open-data): the bodies come from the same builders as the endpoints (api-v1.ts).
import type { DB } from '../db/client.ts';
import { listCompanies } from '../db/browse.repository.ts';
import { findCompanyBySlug } from '../db/company.repository.ts';
import { t, type Locale } from '../i18n/index.ts';
import { companyJsonLd } from './json-ld.ts';
import { API_PAGING, apiIndexBody, companiesBody, companyBody, companyStoriesBody, storyBody } from './api-v1.ts';

export interface TrimOptions {
  /** Items kept of every array. */
  items: number;
  /** Characters kept of every string (the cut ends with "…"). */
  chars: number;
  /** Keys kept of objects nested at least `deepFrom` levels down. */
  keys: number;
  deepFrom: number;
}

const DEFAULT_TRIM: TrimOptions = { items: 2, chars: 160, keys: 6, deepFrom: 3 };

/** A JSON value made short enough to read: arrays, long strings and deep objects cut. */
export function trimExample(value: unknown, opts: TrimOptions = DEFAULT_TRIM, depth = 0): unknown {
  if (typeof value === 'string') return value.length > opts.chars ? `${value.slice(0, opts.chars).trimEnd()}…` : value;
  if (Array.isArray(value)) return value.slice(0, opts.items).map((v) => trimExample(v, opts, depth + 1));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    const kept = depth >= opts.deepFrom ? entries.slice(0, opts.keys) : entries;
    return Object.fromEntries(kept.map(([k, v]) => [k, trimExample(v, opts, depth + 1)]));
  }
  return value;
}

const pretty = (value: unknown) => JSON.stringify(trimExample(value), null, 2);

export interface OpenDataExamples {
  company: { slug: string; name: string } | null;
  /** The JSON-LD of the example company's page. */
  jsonLd: string | null;
  storyId: number | null;
  index: string;
  companies: string;
  companyDetail: string | null;
  stories: string | null;
  story: string | null;
  notFound: string;
  rateLimited: string;
}

/**
 * The examples of the page: the listed company with the most stories, its newest story, and the
 * error bodies in the page's language (the very bodies the API answers).
 */
export async function openDataExamples(db: DB, lang: Locale, rateLimitPerMinute: number): Promise<OpenDataExamples> {
  const list = await companiesBody(db, { page: 1, perPage: 2, sector: undefined });
  const { items } = await listCompanies(db, { limit: 50, offset: 0 });
  const busiest = [...items].sort((a, b) => b.storyCount - a.storyCount)[0];
  const row = busiest ? await findCompanyBySlug(db, busiest.slug) : null;
  const storyList = row ? await companyStoriesBody(db, row, { state: undefined, page: 1, perPage: API_PAGING.companyStories.perPage }) : null;
  // A story with a thread when there is one: the example shows messages.
  let story: Awaited<ReturnType<typeof storyBody>> | null = null;
  for (const s of storyList?.stories ?? []) {
    const found = await storyBody(db, s.id);
    if (found.kind !== 'ok') continue;
    if (!story || (found.body.messages.length > 0 && story.kind === 'ok' && story.body.messages.length === 0)) story = found;
    if (found.body.messages.length > 0) break;
  }
  const storyOk = story?.kind === 'ok' ? story.body : null;
  return {
    company: row ? { slug: row.slug, name: row.name } : null,
    jsonLd: row ? JSON.stringify(companyJsonLd(row), null, 2) : null,
    storyId: storyOk?.id ?? null,
    index: pretty(apiIndexBody(rateLimitPerMinute)),
    companies: pretty(list),
    companyDetail: row ? pretty(await companyBody(db, row)) : null,
    stories: storyList ? pretty(storyList) : null,
    story: storyOk ? pretty(storyOk) : null,
    notFound: pretty({ error: { code: 'not_found', message: t(lang, 'api.error.companyNotFound') } }),
    rateLimited: pretty({ error: 'rate_limited', message: t(lang, 'http.rateLimited', { seconds: 42 }), retryAfterSeconds: 42 }),
  };
}
