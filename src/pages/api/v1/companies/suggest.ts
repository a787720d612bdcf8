// GET /api/v1/companies/suggest?q=ama&limit=8 — company autocomplete (publish form, search).
// Answers from the search index, never from a scan of the companies table.
import type { APIRoute } from 'astro';
import { localeFromAcceptLanguage, t } from '../../../../i18n/index.ts';
import { intParam, json, jsonError } from '../../../../http/endpoint.ts';
import { getSearchIndex } from '../../../../search/select.ts';

/** A name prefix, not a document: longer input is refused rather than searched. */
const MAX_QUERY_CHARS = 100;

export const GET: APIRoute = async ({ url, request }) => {
  const lang = localeFromAcceptLanguage(request.headers.get('accept-language'));
  const q = (url.searchParams.get('q') ?? '').trim();
  if (q.length > MAX_QUERY_CHARS) {
    return jsonError(400, 'query_too_long', t(lang, 'search.suggest.tooLong', { max: MAX_QUERY_CHARS }));
  }
  const limit = intParam(url, 'limit', 8, 20);
  if (q === '') return json({ query: q, companies: [] }, { headers: { 'cache-control': 'public, max-age=300' } });
  try {
    const companies = await getSearchIndex().suggestCompanies(q, limit);
    return json(
      {
        query: q,
        companies: companies.map((c) => ({ slug: c.slug, name: c.name, country: c.country, url: `/api/v1/companies/${c.slug}` })),
      },
      { headers: { 'cache-control': 'public, max-age=60' } },
    );
  } catch (error) {
    console.warn(`company suggest: ${(error as Error).message}`);
    return jsonError(503, 'search_unavailable', t(lang, 'search.suggest.unavailable'), { 'retry-after': '30' });
  }
};
