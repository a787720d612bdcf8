// GET /api/v1/companies/suggest?q=ama&limit=8 — company autocomplete (publish form, search).
// Answers from the search index, never from a scan of the companies table.
import type { APIRoute } from 'astro';
import { API_CACHE_CONTROL, API_PAGING, apiError } from '../../../../http/api-v1.ts';
import { intParam, json } from '../../../../http/endpoint.ts';
import { getSearchIndex } from '../../../../search/select.ts';

/** A name prefix, not a document: longer input is refused rather than searched. */
const MAX_QUERY_CHARS = API_PAGING.suggest.maxQueryChars;

export const GET: APIRoute = async ({ url, request }) => {
  const q = (url.searchParams.get('q') ?? '').trim();
  if (q.length > MAX_QUERY_CHARS) return apiError(request, 400, 'query_too_long', 'search.suggest.tooLong', { max: MAX_QUERY_CHARS });
  const limit = intParam(url, 'limit', API_PAGING.suggest.limit, API_PAGING.suggest.maxLimit);
  if (q === '') return json({ query: q, companies: [] }, { headers: { 'cache-control': API_CACHE_CONTROL.suggest } });
  try {
    const companies = await getSearchIndex().suggestCompanies(q, limit);
    return json(
      {
        query: q,
        companies: companies.map((c) => ({ slug: c.slug, name: c.name, country: c.country, url: `/api/v1/companies/${c.slug}` })),
      },
      { headers: { 'cache-control': API_CACHE_CONTROL.suggest } },
    );
  } catch (error) {
    console.warn(`company suggest: ${(error as Error).message}`);
    return apiError(request, 503, 'search_unavailable', 'search.suggest.unavailable', undefined, { 'retry-after': '30' });
  }
};
