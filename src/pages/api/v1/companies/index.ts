// GET /api/v1/companies — every company with its 12-month score summary.
import type { APIRoute } from 'astro';
import { listCompanies } from '../../../../db/browse.repository.ts';
import { intParam, json } from '../../../../http/endpoint.ts';

export const GET: APIRoute = async ({ url, locals }) => {
  const page = intParam(url, 'page', 1, 100_000);
  const perPage = intParam(url, 'per_page', 50, 200);
  const sector = url.searchParams.get('sector') ?? undefined;
  const { items, total } = await listCompanies(locals.db, { sector, limit: perPage, offset: (page - 1) * perPage });
  return json(
    {
      page,
      perPage,
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
    },
    { headers: { 'cache-control': 'public, max-age=300' } },
  );
};
