// GET /api/v1/stories/{id} — one public story with its thread. Private data never appears here.
import type { APIRoute } from 'astro';
import { API_CACHE_CONTROL, apiError, storyBody } from '../../../../http/api-v1.ts';
import { json, parseId } from '../../../../http/endpoint.ts';

export const GET: APIRoute = async ({ params, locals, request }) => {
  const id = parseId(params.id);
  if (id === null) return apiError(request, 404, 'not_found', 'api.error.storyBadId');
  const found = await storyBody(locals.db, id);
  if (found.kind === 'not_found') return apiError(request, 404, 'not_found', 'api.error.storyNotFound');
  if (found.kind === 'hidden') return apiError(request, 410, 'hidden', 'api.error.storyHidden');
  if (found.kind === 'withdrawn') return apiError(request, 410, 'withdrawn', 'api.error.storyWithdrawn');
  return json(found.body, { headers: { 'cache-control': API_CACHE_CONTROL.story } });
};
