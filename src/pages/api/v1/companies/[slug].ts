// GET /api/v1/companies/{slug} — a company and its figures for every window.
import type { APIRoute } from 'astro';
import { findCompanyBySlug } from '../../../../db/company.repository.ts';
import { API_CACHE_CONTROL, apiError, companyBody } from '../../../../http/api-v1.ts';
import { json } from '../../../../http/endpoint.ts';

export const GET: APIRoute = async ({ params, locals, request }) => {
  const company = await findCompanyBySlug(locals.db, params.slug ?? '');
  if (!company) return apiError(request, 404, 'not_found', 'api.error.companyNotFound');
  return json(await companyBody(locals.db, company), { headers: { 'cache-control': API_CACHE_CONTROL.company } });
};
