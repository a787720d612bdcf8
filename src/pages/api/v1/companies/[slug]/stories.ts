// GET /api/v1/companies/{slug}/stories — a company's public stories, newest first.
import type { APIRoute } from 'astro';
import { findCompanyStories, listedStates } from '../../../../../db/browse.repository.ts';
import { findCompanyBySlug } from '../../../../../db/company.repository.ts';
import type { StoryState } from '../../../../../db/schema.ts';
import { intParam, json, jsonError } from '../../../../../http/endpoint.ts';

export const GET: APIRoute = async ({ params, url, locals }) => {
  const db = locals.db;
  const company = await findCompanyBySlug(db, params.slug ?? '');
  if (!company) return jsonError(404, 'not_found', 'No company with this slug.');
  const stateParam = url.searchParams.get('state');
  if (stateParam && !(listedStates as string[]).includes(stateParam)) {
    return jsonError(400, 'bad_state', `state must be one of: ${listedStates.join(', ')}.`);
  }
  const page = intParam(url, 'page', 1, 100_000);
  const perPage = intParam(url, 'per_page', 20, 100);
  const { items, total } = await findCompanyStories(db, company.id, {
    state: (stateParam as StoryState | null) ?? undefined,
    limit: perPage,
    offset: (page - 1) * perPage,
  });
  return json(
    {
      company: company.slug,
      page,
      perPage,
      total,
      stories: items.map((s) => ({
        id: s.id,
        title: s.title,
        state: s.state,
        category: s.category,
        language: s.language,
        publishedAt: new Date(s.publishedAt).toISOString(),
        replyDueAt: new Date(s.replyDueAt).toISOString(),
        firstReplyAt: s.firstReplyAt === null ? null : new Date(s.firstReplyAt).toISOString(),
        url: `/api/v1/stories/${s.id}`,
      })),
    },
    { headers: { 'cache-control': 'public, max-age=60' } },
  );
};
