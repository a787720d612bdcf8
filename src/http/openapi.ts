// The OpenAPI 3.1 document of the open-data API, served at /api/v1/openapi.json and explained on
// the open-data page (/{lang}/open-data). Built from this one module: the schemas below are the
// contract of the bodies built in src/http/api-v1.ts, and tests/security/openapi-contract.test.ts
// checks every endpoint's real answers against them (objects are closed with
// additionalProperties: false, so a property added to an answer must be added here too: add it
// to the schema's `properties`, and to `required` when it is always present).
import { CONTACT_KINDS, COST_CLASSES } from '../domain/contacts.ts';
import { CHANNELS, LOCALES, PUBLIC_STORY_STATES, STORY_CATEGORIES } from '../domain/vocabulary.ts';
import { BAND_THRESHOLDS } from '../domain/scoring.ts';
import { API_CACHE_CONTROL, API_PAGING } from './api-v1.ts';

type Schema = Record<string, unknown>;

/** The names of the schemas below (a reference to a name not in this list fails the type check). */
type SchemaName =
  | 'Band'
  | 'StoryState'
  | 'Category'
  | 'Language'
  | 'ApiIndex'
  | 'CompanySummary'
  | 'CompanyList'
  | 'StatsWindow'
  | 'Company'
  | 'StorySummary'
  | 'StoryList'
  | 'ChannelAttempt'
  | 'Contact'
  | 'Message'
  | 'Verdict'
  | 'Story'
  | 'Suggestions'
  | 'ApiError'
  | 'RateLimited'
  | 'Unavailable';
const ref = (name: SchemaName): Schema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: string, extra: Schema = {}): Schema => ({ type: [type, 'null'], ...extra });
const dateTime = { type: 'string', format: 'date-time' } as const;
const rate = (what: string): Schema => nullable('number', { minimum: 0, maximum: 1, description: `${what}, 0–1; null when there are no data.` });
const closed = (properties: Record<string, Schema>, required: string[] = Object.keys(properties), description?: string): Schema => ({
  type: 'object',
  ...(description ? { description } : {}),
  properties,
  required,
  additionalProperties: false,
});

export const BANDS = [...BAND_THRESHOLDS.map((b) => b.band), 'not_enough_data'] as const;

/** Every schema of the document, by name. Keep them here, in one place. */
export const apiSchemas: Record<SchemaName, Schema> = {
  Band: { type: 'string', enum: BANDS, description: 'The score band (see /en/how-scores-work).' },
  StoryState: { type: 'string', enum: PUBLIC_STORY_STATES, description: 'States a visitor can see; hidden and withdrawn stories are never listed.' },
  Category: { type: 'string', enum: STORY_CATEGORIES },
  Language: { type: 'string', enum: LOCALES },
  ApiIndex: {
    type: 'object',
    description: 'The table of contents of the API.',
    properties: {
      name: { type: 'string' },
      version: { type: 'integer', const: 1 },
      license: { type: 'string' },
      licenseUrl: { type: 'string', format: 'uri' },
      documentation: closed({ it: { type: 'string' }, en: { type: 'string' } }),
      openapi: { type: 'string' },
      endpoints: { type: 'object', additionalProperties: { type: 'string' } },
      scoring: { type: 'string' },
      rateLimit: closed({ requestsPerMinutePerAddress: { type: 'integer', minimum: 1 }, overLimit: { type: 'string' } }),
    },
    required: ['name', 'version', 'license', 'licenseUrl', 'documentation', 'openapi', 'endpoints', 'scoring', 'rateLimit'],
    additionalProperties: false,
  },
  CompanySummary: closed(
    {
      slug: { type: 'string', pattern: '^[a-z0-9-]+$' },
      name: { type: 'string' },
      sector: { type: 'string' },
      country: { type: 'string', description: 'ISO 3166-1 alpha-2 code.' },
      claimed: { type: 'boolean', description: 'A representative of the company has verified it.' },
      window: { type: 'string', const: '12m', description: 'The window of the figures: the last 12 months.' },
      stories: { type: 'integer', minimum: 0 },
      score: nullable('number', { minimum: 0, maximum: 100 }),
      band: ref('Band'),
      replyRate: rate('Share of stories answered'),
      url: { type: 'string', description: 'The company in this API.' },
    },
    undefined,
    'A company with its 12-month summary.',
  ),
  CompanyList: closed({
    page: { type: 'integer', minimum: 1 },
    perPage: { type: 'integer', minimum: 1 },
    total: { type: 'integer', minimum: 0 },
    companies: { type: 'array', items: ref('CompanySummary') },
  }),
  StatsWindow: closed(
    {
      computedAt: dateTime,
      stories: { type: 'integer', minimum: 0 },
      score: nullable('number', { minimum: 0, maximum: 100 }),
      interval80: nullable('array', { items: { type: 'number' }, minItems: 2, maxItems: 2, description: '80% interval of the score [low, high].' }),
      band: ref('Band'),
      replyRate: rate('Share of stories answered'),
      medianFirstReplyHours: nullable('number', { minimum: 0 }),
      p90FirstReplyHours: nullable('number', { minimum: 0 }),
      resolutionRate: rate('Share of outcomes that solved the problem'),
      wouldBuyAgainRate: rate('Share of verdicts that would buy again'),
      meanRating: nullable('number', { minimum: 1, maximum: 5 }),
      details: {
        type: 'object',
        description: 'The components of the score, counts, channels and history as computed by the scoring rules (format version in `version`, rules in `rulesVersion`).',
        properties: { version: { type: 'integer' }, rulesVersion: { type: 'integer' } },
        required: ['version', 'rulesVersion'],
      },
    },
    undefined,
    'The figures of one window.',
  ),
  Company: closed(
    {
      slug: { type: 'string', pattern: '^[a-z0-9-]+$' },
      name: { type: 'string' },
      website: nullable('string', { format: 'uri', description: 'Only an http(s) website that passes the site’s rules.' }),
      domain: nullable('string'),
      country: { type: 'string' },
      sector: { type: 'string' },
      claimed: { type: 'boolean' },
      mergedInto: nullable('integer', { description: 'Set when this company was merged into another one.' }),
      stats: {
        type: 'object',
        description: 'Figures by window: the last 6 months, the last 12 months, all time. A window without figures is absent.',
        properties: { '6m': ref('StatsWindow'), '12m': ref('StatsWindow'), all: ref('StatsWindow') },
        additionalProperties: false,
      },
      stories: { type: 'string', description: 'The company’s stories in this API.' },
      contacts: { type: 'array', items: ref('Contact'), description: 'The contact directory: listed, withdrawn (with when and why) and look-alikes that are not the company’s (status "fake").' },
    },
    undefined,
    'A company and its figures.',
  ),
  Contact: closed(
    {
      id: { type: 'integer', minimum: 1 },
      kind: { type: 'string', enum: [...CONTACT_KINDS] },
      value: { type: 'string', description: 'Phones in E.164; a menu path as its keys separated by spaces.' },
      label: nullable('string'),
      costClass: nullable('string', { enum: [...COST_CLASSES, null], description: 'Phones only: derived from the number.' }),
      parentId: nullable('integer', { description: 'A menu path: the phone contact it belongs to.' }),
      hours: nullable('string'),
      source: { type: 'string', enum: ['company', 'consumer', 'moderator'] },
      official: { type: 'boolean', description: 'Confirmed by the company’s team.' },
      status: { type: 'string', enum: ['pending', 'active', 'withdrawn', 'fake'] },
      withdrawnReason: nullable('string', { enum: ['gone', 'now_paid', 'form_only', null] }),
      withdrawnAt: nullable('string', { format: 'date-time' }),
      replacedBy: nullable('integer'),
      confirmedAt: nullable('string', { format: 'date-time' }),
      reports: {
        type: 'object',
        description: 'Consumers’ reports by kind (dismissed ones excluded).',
        properties: Object.fromEntries(['exists', 'gone', 'now_paid', 'form_only', 'fake'].map((k) => [k, { type: 'integer', minimum: 0 }])),
        additionalProperties: false,
      },
      stories: { type: 'integer', minimum: 0, description: 'Stories that name this contact.' },
      medianWaitMinutes: nullable('number', { minimum: 0 }),
      reachedPerson: { type: 'integer', minimum: 0, description: 'Stories where someone answered on it.' },
    },
    undefined,
    'One way to reach the company (decision 0042).',
  ),
  StorySummary: closed({
    id: { type: 'integer', minimum: 1 },
    title: { type: 'string' },
    state: ref('StoryState'),
    category: ref('Category'),
    language: ref('Language'),
    publishedAt: dateTime,
    replyDueAt: dateTime,
    firstReplyAt: nullable('string', { format: 'date-time' }),
    url: { type: 'string' },
  }),
  StoryList: closed({
    company: { type: 'string', description: 'The company’s slug.' },
    page: { type: 'integer', minimum: 1 },
    perPage: { type: 'integer', minimum: 1 },
    total: { type: 'integer', minimum: 0 },
    stories: { type: 'array', items: ref('StorySummary') },
  }),
  ChannelAttempt: closed(
    {
      channel: { type: 'string', enum: CHANNELS },
      waitMinutes: nullable('integer', { minimum: 0, description: 'Minutes the consumer reports waiting: for an answer, or before giving up when answered is false; null when not reported.' }),
      answered: { type: 'boolean', description: 'Whether a person answered on this channel.' },
    },
    undefined,
    'How the consumer tried to reach the company.',
  ),
  Message: closed({
    role: { type: 'string', enum: ['consumer', 'company'] },
    body: { type: 'string', description: 'Markdown, as written (personal data masked).' },
    createdAt: dateTime,
    editedAt: nullable('string', { format: 'date-time' }),
  }),
  Verdict: closed(
    {
      at: nullable('string', { format: 'date-time' }),
      resolved: nullable('boolean'),
      wouldBuyAgain: nullable('boolean'),
      rating: nullable('integer', { minimum: 1, maximum: 5 }),
      comment: nullable('string'),
    },
    undefined,
    'The consumer’s verdict (for imported complaints: the outcome the company reported).',
  ),
  Story: closed(
    {
      id: { type: 'integer', minimum: 1 },
      company: closed({ slug: { type: 'string' }, name: { type: 'string' }, url: { type: 'string' } }),
      title: { type: 'string' },
      body: { type: 'string', description: 'Markdown, as written by the author (personal data masked).' },
      language: ref('Language'),
      category: ref('Category'),
      source: { type: 'string', enum: ['member', 'cfpb', 'demo'], description: 'Written by a member, imported from the CFPB complaint database, or demo data.' },
      state: ref('StoryState'),
      author: nullable('string', { description: 'The public name the author chose; null when anonymous.' }),
      experienceDate: { type: 'string', format: 'date' },
      publishedAt: dateTime,
      replyDueAt: dateTime,
      firstReplyAt: nullable('string', { format: 'date-time' }),
      editedAt: nullable('string', { format: 'date-time' }),
      verdict: { oneOf: [ref('Verdict'), { type: 'null' }] },
      channels: { type: 'array', items: ref('ChannelAttempt') },
      messages: { type: 'array', items: ref('Message') },
      evidenceVerified: { type: 'boolean', description: 'A moderator checked the private evidence (never published).' },
      scored: { type: 'boolean', description: 'Whether the story counts in the company score (score rule 8).' },
      scoreHold: { type: ['string', 'null'], enum: ['unverified', 'review', null], description: 'Why the story is not counted yet: an author without a verified e-mail, or under review after a burst from new accounts.' },
      verifiedCustomer: { type: 'boolean', description: 'The company confirmed the private order reference (the reference itself is never published).' },
    },
    undefined,
    'A public story with its thread.',
  ),
  Suggestions: closed({
    query: { type: 'string' },
    companies: {
      type: 'array',
      items: closed({ slug: { type: 'string' }, name: { type: 'string' }, country: { type: 'string' }, url: { type: 'string' } }),
    },
  }),
  ApiError: closed(
    {
      error: closed({
        code: { type: 'string', enum: ['not_found', 'bad_state', 'hidden', 'withdrawn', 'query_too_long', 'search_unavailable'], description: 'Stable, for programs.' },
        message: { type: 'string', description: 'For people, in the language of Accept-Language (Italian or English; Italian when neither is asked for). Content-Language says which.' },
      }),
    },
    undefined,
    'An error of an endpoint.',
  ),
  RateLimited: closed(
    {
      error: { type: 'string', const: 'rate_limited' },
      message: { type: 'string', description: 'For people, in the language of Accept-Language.' },
      retryAfterSeconds: { type: 'integer', minimum: 1 },
    },
    undefined,
    'Too many requests from one address in this minute.',
  ),
  Unavailable: closed(
    { error: { type: 'string', const: 'unavailable' }, message: { type: 'string', description: 'For people, in the language of Accept-Language.' } },
    undefined,
    'The database cannot answer right now (nothing was changed); try again after Retry-After.',
  ),
};

const header = (description: string, schema: Schema = { type: 'string' }) => ({ description, schema });
const corsHeader = header('Always `*`: any site may read the API from a browser.');

function ok(description: string, schema: Schema, cacheControl: string) {
  return {
    description,
    headers: { 'Cache-Control': header(`\`${cacheControl}\``), 'Access-Control-Allow-Origin': corsHeader },
    content: { 'application/json': { schema } },
  };
}

const errorResponse = (description: string, extraHeaders: Record<string, unknown> = {}) => ({
  description,
  headers: {
    'Cache-Control': header('`no-store`'),
    'Content-Language': header('`it` or `en`: the language of `error.message`.'),
    'Access-Control-Allow-Origin': corsHeader,
    ...extraHeaders,
  },
  content: { 'application/json': { schema: ref('ApiError') } },
});

/** Answers every operation may give, before the endpoint runs. */
const commonResponses = {
  '429': { $ref: '#/components/responses/RateLimited' },
  '503': { $ref: '#/components/responses/Unavailable' },
};

const acceptLanguage = { $ref: '#/components/parameters/AcceptLanguage' };
const slugParam = { name: 'slug', in: 'path', required: true, description: 'The company’s slug, as in its page address /{lang}/companies/{slug}.', schema: { type: 'string' }, example: 'fiori-veloci' };
const pageParam = {
  name: 'page',
  in: 'query',
  required: false,
  description: `Page number from 1. A value that is not a positive integer counts as 1; above ${API_PAGING.maxPage} it is lowered to ${API_PAGING.maxPage}.`,
  schema: { type: 'integer', minimum: 1, maximum: API_PAGING.maxPage, default: 1 },
};
const perPageParam = (p: { perPage: number; maxPerPage: number }) => ({
  name: 'per_page',
  in: 'query',
  required: false,
  description: `Items per page. A value that is not a positive integer counts as ${p.perPage}; above ${p.maxPerPage} it is lowered to ${p.maxPerPage}.`,
  schema: { type: 'integer', minimum: 1, maximum: p.maxPerPage, default: p.perPage },
});

export interface OpenApiOptions {
  /** The public address of the site (SITE_URL). */
  siteUrl: string;
  /** API_RATE_LIMIT_PER_MINUTE. */
  rateLimitPerMinute: number;
}

/** The OpenAPI 3.1 document of /api/v1. */
export function openApiDocument(opts: OpenApiOptions) {
  const docs = (lang: string) => new URL(`/${lang}/open-data`, opts.siteUrl).href;
  return {
    openapi: '3.1.0',
    info: {
      title: 'Answerable open data API',
      version: '1.0.0',
      summary: 'Companies, their answer figures and the public stories about them, read-only.',
      description: [
        'Read-only JSON about companies, how they answer their customers, and the public stories about them.',
        `Explained with examples at ${docs('en')} (Italian: ${docs('it')}).`,
        `Every answer may be cached as its Cache-Control says; any site may call the API from a browser (CORS \`*\`). At most ${opts.rateLimitPerMinute} requests a minute from one address: more get 429 with Retry-After.`,
        'Figures and structured data are licensed CC BY 4.0 (attribution: "Answerable" with a link to the company or story page). Stories and replies are the words of their authors: quote them with the author’s public name (or "anonymous") and a link to the story.',
      ].join('\n\n'),
      license: { name: 'CC BY 4.0 (figures and structured data)', identifier: 'CC-BY-4.0' },
    },
    externalDocs: { description: 'Open data: API, feeds, badges, licence', url: docs('en') },
    servers: [{ url: opts.siteUrl }],
    tags: [{ name: 'companies' }, { name: 'stories' }, { name: 'meta' }],
    paths: {
      '/api/v1': {
        get: {
          operationId: 'getIndex',
          tags: ['meta'],
          summary: 'The table of contents of the API',
          responses: { '200': ok('Where everything is.', ref('ApiIndex'), API_CACHE_CONTROL.index), ...commonResponses },
        },
      },
      '/api/v1/openapi.json': {
        get: {
          operationId: 'getOpenApi',
          tags: ['meta'],
          summary: 'This document',
          parameters: [{ name: 'If-None-Match', in: 'header', required: false, description: 'The ETag of a copy you hold: 304 when it is still current.', schema: { type: 'string' } }],
          responses: {
            '200': {
              ...ok('The OpenAPI 3.1 document.', { type: 'object', required: ['openapi', 'info', 'paths'] }, API_CACHE_CONTROL.openapi),
              headers: {
                'Cache-Control': header(`\`${API_CACHE_CONTROL.openapi}\``),
                ETag: header('Changes when the document changes.'),
                'Access-Control-Allow-Origin': corsHeader,
              },
            },
            '304': { description: 'Not modified: the copy you hold (If-None-Match) is current.' },
            ...commonResponses,
          },
        },
      },
      '/api/v1/companies': {
        get: {
          operationId: 'listCompanies',
          tags: ['companies'],
          summary: 'Every listed company with its 12-month summary',
          description: 'Ordered as on the companies page. Merged and unlisted companies are left out.',
          parameters: [
            pageParam,
            perPageParam(API_PAGING.companies),
            { name: 'sector', in: 'query', required: false, description: 'Only companies of this sector (e.g. `florist`); an unknown sector gives an empty list.', schema: { type: 'string' } },
          ],
          responses: { '200': ok('One page of companies.', ref('CompanyList'), API_CACHE_CONTROL.companies), ...commonResponses },
        },
      },
      '/api/v1/companies/suggest': {
        get: {
          operationId: 'suggestCompanies',
          tags: ['companies'],
          summary: 'Companies whose name starts with some letters (autocomplete)',
          parameters: [
            { name: 'q', in: 'query', required: false, description: `The first letters of a name (at most ${API_PAGING.suggest.maxQueryChars} characters). Empty: no companies.`, schema: { type: 'string', maxLength: API_PAGING.suggest.maxQueryChars } },
            {
              name: 'limit',
              in: 'query',
              required: false,
              description: `How many companies at most. A value that is not a positive integer counts as ${API_PAGING.suggest.limit}; above ${API_PAGING.suggest.maxLimit} it is lowered to ${API_PAGING.suggest.maxLimit}.`,
              schema: { type: 'integer', minimum: 1, maximum: API_PAGING.suggest.maxLimit, default: API_PAGING.suggest.limit },
            },
            acceptLanguage,
          ],
          responses: {
            '200': ok('The matching companies.', ref('Suggestions'), API_CACHE_CONTROL.suggest),
            '400': errorResponse('`query_too_long`: q is longer than allowed.'),
            '429': commonResponses['429'],
            '503': {
              description: '`search_unavailable` (the search index is not answering; JSON `ApiError`), or the database is unavailable (JSON `Unavailable`). Retry after Retry-After.',
              headers: { 'Retry-After': header('Seconds.', { type: 'integer' }), 'Cache-Control': header('`no-store`') },
              content: { 'application/json': { schema: { oneOf: [ref('ApiError'), ref('Unavailable')] } } },
            },
          },
        },
      },
      '/api/v1/companies/{slug}': {
        get: {
          operationId: 'getCompany',
          tags: ['companies'],
          summary: 'A company and its figures in every window',
          parameters: [slugParam, acceptLanguage],
          responses: {
            '200': ok('The company.', ref('Company'), API_CACHE_CONTROL.company),
            '404': errorResponse('`not_found`: no company has this slug.'),
            ...commonResponses,
          },
        },
      },
      '/api/v1/companies/{slug}/stories': {
        get: {
          operationId: 'listCompanyStories',
          tags: ['companies', 'stories'],
          summary: 'A company’s public stories, newest first',
          parameters: [
            slugParam,
            { name: 'state', in: 'query', required: false, description: 'Only stories in this state.', schema: ref('StoryState') },
            pageParam,
            perPageParam(API_PAGING.companyStories),
            acceptLanguage,
          ],
          responses: {
            '200': ok('One page of stories.', ref('StoryList'), API_CACHE_CONTROL.companyStories),
            '400': errorResponse('`bad_state`: state is not one of the public states.'),
            '404': errorResponse('`not_found`: no company has this slug.'),
            ...commonResponses,
          },
        },
      },
      '/api/v1/stories/{id}': {
        get: {
          operationId: 'getStory',
          tags: ['stories'],
          summary: 'One public story with its thread',
          parameters: [
            { name: 'id', in: 'path', required: true, description: 'Plain decimal digits, no sign or leading zero (`12`, not `012`).', schema: { type: 'string', pattern: '^[1-9][0-9]*$' }, example: '12' },
            acceptLanguage,
          ],
          responses: {
            '200': ok('The story.', ref('Story'), API_CACHE_CONTROL.story),
            '404': errorResponse('`not_found`: no story has this id, or the id is not written in plain digits.'),
            '410': errorResponse('`hidden` (hidden by moderation) or `withdrawn` (withdrawn by its author).'),
            ...commonResponses,
          },
        },
      },
    },
    components: {
      schemas: apiSchemas,
      parameters: {
        AcceptLanguage: {
          name: 'Accept-Language',
          in: 'header',
          required: false,
          description: 'The language of error messages: `it` or `en` (Italian when neither is asked for).',
          schema: { type: 'string' },
          example: 'en',
        },
      },
      responses: {
        RateLimited: {
          description: `More than ${opts.rateLimitPerMinute} requests in this minute from one address.`,
          headers: { 'Retry-After': header('Seconds until the next minute starts.', { type: 'integer' }), 'Cache-Control': header('`no-store`') },
          content: { 'application/json': { schema: ref('RateLimited') } },
        },
        Unavailable: {
          description: 'The database cannot answer right now; nothing was changed.',
          headers: { 'Retry-After': header('Seconds.', { type: 'integer' }), 'Cache-Control': header('`no-store`') },
          content: { 'application/json': { schema: ref('Unavailable') } },
        },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
