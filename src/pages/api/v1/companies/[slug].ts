// GET /api/v1/companies/{slug} — a company and its figures for every window.
import type { APIRoute } from 'astro';
import { findCompanyBySlug } from '../../../../db/company.repository.ts';
import { listCompanyStatsRows } from '../../../../db/stats.repository.ts';
import { json, jsonError } from '../../../../http/endpoint.ts';
import { websiteHref } from '../../../../domain/website.ts';

export const GET: APIRoute = async ({ params, locals }) => {
  const db = locals.db;
  const company = await findCompanyBySlug(db, params.slug ?? '');
  if (!company) return jsonError(404, 'not_found', 'No company with this slug.');
  const stats = await listCompanyStatsRows(db, company.id);
  return json(
    {
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
            details: JSON.parse(s.details) as unknown,
          },
        ]),
      ),
      stories: `/api/v1/companies/${company.slug}/stories`,
    },
    { headers: { 'cache-control': 'public, max-age=60' } },
  );
};
