// GET /api/v1/companies — every company with its 12-month score summary.
import type { APIRoute } from 'astro';
import { API_CACHE_CONTROL, companiesBody, companyListQuery } from '../../../../http/api-v1.ts';
import { json } from '../../../../http/endpoint.ts';

export const GET: APIRoute = async ({ url, locals }) =>
  json(await companiesBody(locals.db, companyListQuery(url)), { headers: { 'cache-control': API_CACHE_CONTROL.companies } });
