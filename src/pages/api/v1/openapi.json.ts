// GET /api/v1/openapi.json — the OpenAPI 3.1 document of this API (src/http/openapi.ts), with an
// ETag so that tools holding a copy get 304 while it is current.
import { createHash } from 'node:crypto';
import type { APIRoute } from 'astro';
import { config } from '../../../config.ts';
import { API_CACHE_CONTROL } from '../../../http/api-v1.ts';
import { openApiDocument } from '../../../http/openapi.ts';

let built: { key: string; text: string; etag: string } | null = null;

function documentText(): { text: string; etag: string } {
  const { siteUrl, apiRateLimitPerMinute } = config();
  const key = `${siteUrl} ${apiRateLimitPerMinute}`;
  if (built?.key !== key) {
    const text = JSON.stringify(openApiDocument({ siteUrl, rateLimitPerMinute: apiRateLimitPerMinute }), null, 2);
    built = { key, text, etag: `"${createHash('sha1').update(text).digest('base64url')}"` };
  }
  return built;
}

export const GET: APIRoute = ({ request }) => {
  const { text, etag } = documentText();
  const headers = { 'cache-control': API_CACHE_CONTROL.openapi, etag, 'access-control-allow-origin': '*' };
  const inm = request.headers.get('if-none-match');
  if (inm && inm.split(',').some((tag) => tag.trim() === etag || tag.trim() === `W/${etag}`)) return new Response(null, { status: 304, headers });
  return new Response(text, { headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });
};
