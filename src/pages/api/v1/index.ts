// GET /api/v1 — the open-data API's table of contents (read-only, versioned).
import type { APIRoute } from 'astro';
import { config } from '../../../config.ts';
import { API_CACHE_CONTROL, apiIndexBody } from '../../../http/api-v1.ts';
import { json } from '../../../http/endpoint.ts';

export const GET: APIRoute = () => json(apiIndexBody(config().apiRateLimitPerMinute), { headers: { 'cache-control': API_CACHE_CONTROL.index } });
