// The bodies of the open-data API (/api/v1, described by src/http/openapi.ts), built in one place:
// the endpoints under src/pages/api/v1 answer them, and the open-data page shows real, trimmed
// examples of the very same bodies, so the documentation cannot drift from the answers.
// Errors are localized by Accept-Language (Italian when nothing matches), with a stable code.
import type { DB } from '../db/client.ts';
import { findCompanyStories, findStoryPage, listCompanies, listedStates } from '../db/browse.repository.ts';
import type { CompanyRow, StoryState } from '../db/schema.ts';
import { listCompanyStatsRows } from '../db/stats.repository.ts';
import { websiteHref } from '../domain/website.ts';
import { companyDirectory } from '../services/contact.service.ts';
import { localeFromAcceptLanguage, t, type MessageKey, type Params } from '../i18n/index.ts';
import { intParam, json } from './endpoint.ts';

/** Cache-Control of each successful answer (errors are `no-store`). */
export const API_CACHE_CONTROL = {
  index: 'public, max-age=3600',
  openapi: 'public, max-age=3600',
  companies: 'public, max-age=300',
  company: 'public, max-age=60',
  companyStories: 'public, max-age=60',
  story: 'public, max-age=60',
  suggest: 'public, max-age=60',
} as const;

/** Page sizes: default and largest accepted (a larger value is lowered to the largest). */
export const API_PAGING = {
  companies: { perPage: 50, maxPerPage: 200 },
  companyStories: { perPage: 20, maxPerPage: 100 },
  maxPage: 100_000,
  suggest: { limit: 8, maxLimit: 20, maxQueryChars: 100 },
} as const;

/**
 * A JSON error in the caller's language (Accept-Language): `{ error: { code, message } }`,
 * never cached, with Content-Language saying which language the message is in.
 */
export function apiError(request: Request, status: number, code: string, key: MessageKey, params?: Params, headers: Record<string, string> = {}): Response {
  const lang = localeFromAcceptLanguage(request.headers.get('accept-language'));
  return json(
    { error: { code, message: t(lang, key, params) } },
    { status, headers: { 'cache-control': 'no-store', 'content-language': lang, vary: 'Accept-Language', ...headers } },
  );
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function apiIndexBody(apiRateLimitPerMinute: number) {
  return {
    name: 'Answerable open data API',
    version: 1,
    license: 'Figures and structured data: CC BY 4.0 (attribution "Answerable" with a link). Stories and replies are the words of their authors: quote them with the author name and a link to the story.',
    licenseUrl: 'https://creativecommons.org/licenses/by/4.0/',
    documentation: { it: '/it/open-data', en: '/en/open-data' },
    openapi: '/api/v1/openapi.json',
    endpoints: {
      companies: '/api/v1/companies?page=1&per_page=50&sector=florist',
      company: '/api/v1/companies/{slug}',
      companyStories: '/api/v1/companies/{slug}/stories?state=overdue&page=1',
      story: '/api/v1/stories/{id}',
      suggest: '/api/v1/companies/suggest?q=fio&limit=8',
      feed: '/{it|en}/companies/{slug}/feed.xml',
      badge: '/badge/{slug}.svg',
    },
    scoring: '/en/how-scores-work',
    rateLimit: {
      requestsPerMinutePerAddress: apiRateLimitPerMinute,
      overLimit: 'HTTP 429 with a Retry-After header (seconds) and {"error":"rate_limited","message":…,"retryAfterSeconds":…}',
    },
  };
}

export interface CompanyListQuery {
  page: number;
  perPage: number;
  sector: string | undefined;
}

export function companyListQuery(url: URL): CompanyListQuery {
  return {
    page: intParam(url, 'page', 1, API_PAGING.maxPage),
    perPage: intParam(url, 'per_page', API_PAGING.companies.perPage, API_PAGING.companies.maxPerPage),
    sector: url.searchParams.get('sector') ?? undefined,
  };
}

export async function companiesBody(db: DB, q: CompanyListQuery) {
  const { items, total } = await listCompanies(db, { sector: q.sector, limit: q.perPage, offset: (q.page - 1) * q.perPage });
  return {
    page: q.page,
    perPage: q.perPage,
    total,
    companies: items.map((c) => ({
      slug: c.slug,
      name: c.name,
      sector: c.sector,
      country: c.country,
      claimed: c.claimed,
      window: '12m',
      stories: c.storyCount,
      score: c.score,
      band: c.band,
      replyRate: c.replyRate,
      url: `/api/v1/companies/${c.slug}`,
    })),
  };
}

/** A company and its figures in every window (6m, 12m, all). */
export async function companyBody(db: DB, company: CompanyRow) {
  const stats = await listCompanyStatsRows(db, company.id);
  return {
    slug: company.slug,
    name: company.name,
    // Only a website that passes the rule (decision 0021); junk in old rows is left out.
    website: websiteHref(company.website),
    domain: company.domain,
    country: company.country,
    sector: company.sector,
    claimed: company.claimed_at !== null,
    mergedInto: company.merged_into_id,
    stats: Object.fromEntries(
      stats.map((s) => [
        s.period,
        {
          computedAt: new Date(s.computed_at).toISOString(),
          stories: s.story_count,
          score: s.score,
          interval80: s.score_low === null ? null : [s.score_low, s.score_high],
          band: s.band,
          replyRate: s.reply_rate,
          medianFirstReplyHours: s.median_first_reply_hours,
          p90FirstReplyHours: s.p90_first_reply_hours,
          resolutionRate: s.resolution_rate,
          wouldBuyAgainRate: s.would_buy_again_rate,
          meanRating: s.mean_rating,
          details: JSON.parse(s.details) as Record<string, unknown>,
        },
      ]),
    ),
    stories: `/api/v1/companies/${company.slug}/stories`,
    contacts: await companyContactsBody(db, company.id),
  };
}

/** The directory for the API: listed contacts and their menu paths, withdrawn ones, look-alikes. */
async function companyContactsBody(db: DB, companyId: number) {
  const dir = await companyDirectory(db, companyId, Date.now());
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return [...dir.contacts, ...dir.contacts.flatMap((c) => c.menuPaths), ...dir.withdrawn, ...dir.warnings].map((c) => ({
    id: c.id,
    kind: c.kind,
    value: c.value,
    label: c.label,
    costClass: c.costClass,
    parentId: c.parentId,
    hours: c.hours,
    source: c.source,
    official: c.official,
    status: c.status,
    withdrawnReason: c.withdrawnReason,
    withdrawnAt: iso(c.withdrawnAt),
    replacedBy: c.replacedBy?.id ?? null,
    confirmedAt: iso(c.confirmedAt),
    reports: c.reports,
    stories: c.figures.stories,
    medianWaitMinutes: c.figures.medianWaitMinutes,
    reachedPerson: c.figures.reachedPerson,
  }));
}

export type CompanyStoriesQuery = { ok: true; state: StoryState | undefined; page: number; perPage: number } | { ok: false; states: string };

export function companyStoriesQuery(url: URL): CompanyStoriesQuery {
  const stateParam = url.searchParams.get('state');
  if (stateParam && !(listedStates as string[]).includes(stateParam)) return { ok: false, states: listedStates.join(', ') };
  return {
    ok: true,
    state: (stateParam as StoryState | null) ?? undefined,
    page: intParam(url, 'page', 1, API_PAGING.maxPage),
    perPage: intParam(url, 'per_page', API_PAGING.companyStories.perPage, API_PAGING.companyStories.maxPerPage),
  };
}

export async function companyStoriesBody(db: DB, company: CompanyRow, q: { state: StoryState | undefined; page: number; perPage: number }) {
  const { items, total } = await findCompanyStories(db, company.id, { state: q.state, limit: q.perPage, offset: (q.page - 1) * q.perPage });
  return {
    company: company.slug,
    page: q.page,
    perPage: q.perPage,
    total,
    stories: items.map((s) => ({
      id: s.id,
      title: s.title,
      state: s.state,
      category: s.category,
      language: s.language,
      publishedAt: new Date(s.publishedAt).toISOString(),
      replyDueAt: new Date(s.replyDueAt).toISOString(),
      firstReplyAt: iso(s.firstReplyAt),
      url: `/api/v1/stories/${s.id}`,
    })),
  };
}

/** One public story with its thread, or why there is none. Private data never appears here. */
export async function storyBody(db: DB, id: number) {
  const s = await findStoryPage(db, id);
  if (!s) return { kind: 'not_found' as const };
  if (s.state === 'hidden') return { kind: 'hidden' as const };
  if (s.state === 'withdrawn') return { kind: 'withdrawn' as const };
  return {
    kind: 'ok' as const,
    body: {
      id: s.id,
      company: { slug: s.company.slug, name: s.company.name, url: `/api/v1/companies/${s.company.slug}` },
      title: s.title,
      body: s.body,
      language: s.language,
      category: s.category,
      source: s.source,
      state: s.state,
      author: s.authorName,
      experienceDate: s.experienceDate,
      publishedAt: iso(s.publishedAt),
      replyDueAt: iso(s.replyDueAt),
      firstReplyAt: iso(s.firstReplyAt),
      editedAt: iso(s.editedAt),
      verdict:
        s.verdictAt === null
          ? null
          : { at: iso(s.verdictAt), resolved: s.resolved, wouldBuyAgain: s.wouldBuyAgain, rating: s.rating, comment: s.verdictComment },
      channels: s.channels.map(({ channel, waitMinutes, answered }) => ({ channel, waitMinutes, answered })),
      messages: s.messages.map((m) => ({ role: m.authorRole, body: m.body, createdAt: iso(m.createdAt), editedAt: iso(m.editedAt) })),
      evidenceVerified: s.evidenceVerified,
      // Rule 8: whether the story counts in the company's score, and why not ('unverified'
      // author, or under 'review' after a burst from new accounts). The order reference is private.
      scored: s.scoreHold === null,
      scoreHold: s.scoreHold,
      verifiedCustomer: s.verifiedCustomer,
    },
  };
}
