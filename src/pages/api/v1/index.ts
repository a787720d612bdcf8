// GET /api/v1 — the open-data API's table of contents (read-only, versioned).
import type { APIRoute } from 'astro';
import { config } from '../../../config.ts';
import { json } from '../../../http/endpoint.ts';

export const GET: APIRoute = () =>
  json(
    {
      name: 'Answerable open data API',
      version: 1,
      license: 'Stories are published by their authors; figures are computed by Answerable. Reuse with attribution.',
      endpoints: {
        companies: '/api/v1/companies?page=1&per_page=50&sector=florist',
        company: '/api/v1/companies/{slug}',
        companyStories: '/api/v1/companies/{slug}/stories?state=overdue&page=1',
        story: '/api/v1/stories/{id}',
        feed: '/{it|en}/companies/{slug}/feed.xml',
        badge: '/badge/{slug}.svg',
      },
      scoring: '/en/how-scores-work',
      rateLimit: {
        requestsPerMinutePerAddress: config().apiRateLimitPerMinute,
        overLimit: 'HTTP 429 with a Retry-After header (seconds) and {"error":"rate_limited"}',
      },
    },
    { headers: { 'cache-control': 'public, max-age=3600' } },
  );
