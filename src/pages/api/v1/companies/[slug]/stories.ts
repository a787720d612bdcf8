// GET /api/v1/companies/{slug}/stories — a company's public stories, newest first.
import type { APIRoute } from 'astro';
import { findCompanyBySlug } from '../../../../../db/company.repository.ts';
import { API_CACHE_CONTROL, apiError, companyStoriesBody, companyStoriesQuery } from '../../../../../http/api-v1.ts';
import { json } from '../../../../../http/endpoint.ts';

export const GET: APIRoute = async ({ params, url, locals, request }) => {
  const company = await findCompanyBySlug(locals.db, params.slug ?? '');
  if (!company) return apiError(request, 404, 'not_found', 'api.error.companyNotFound');
  const query = companyStoriesQuery(url);
  if (!query.ok) return apiError(request, 400, 'bad_state', 'api.error.badState', { states: query.states });
  return json(await companyStoriesBody(locals.db, company, query), { headers: { 'cache-control': API_CACHE_CONTROL.companyStories } });
};
