// GET /api/company-matches?q=fiori%20v — the publish form's company suggestions (issue 14):
// existing companies whose normalised name matches what is being typed (case, accents, spacing,
// punctuation, legal forms ignored), listed ones only plus the asker's own new company.
// Validated (a name, not a document) and rate-limited per address; answers are never cached by
// shared caches (they depend on who asks).
import type { APIRoute } from 'astro';
import { rateLimit } from '../../auth/rate-limit.ts';
import { findCompanyMatches } from '../../db/company.repository.ts';
import { COMPANY_NAME_MAX } from '../../domain/company-name.ts';
import { json, jsonError } from '../../http/endpoint.ts';
import { clientIp } from '../../http/request.ts';

/** Enough for fast typing (the form waits 150 ms between requests), far too few for a scrape. */
export const COMPANY_MATCHES_LIMIT = { limit: 60, windowMs: 60_000 };

export const GET: APIRoute = async (ctx) => {
  const { url, locals } = ctx;
  const raw = url.searchParams.get('q') ?? '';
  if (raw.length > COMPANY_NAME_MAX || /[\u0000-\u001f\u007f]/.test(raw)) return jsonError(400, 'invalid_query', `q: a company name of at most ${COMPANY_NAME_MAX} characters`);
  const q = raw.trim();
  const user = locals.user ?? null;
  const limited = await rateLimit(locals.db, `company-matches:${user ? `u${user.id}` : clientIp(ctx)}`, COMPANY_MATCHES_LIMIT.limit, COMPANY_MATCHES_LIMIT.windowMs, Date.now());
  if (!limited.ok) return jsonError(429, 'too_many_requests', 'Too many requests', { 'retry-after': String(limited.retryAfterSeconds) });
  const companies = q.length < 2 ? [] : await findCompanyMatches(locals.db, q, { userId: user?.id ?? null, limit: 8 });
  return json(
    { query: q, companies: companies.map((c) => ({ slug: c.slug, name: c.name, country: c.country, match: c.match, listed: c.listed })) },
    { headers: { 'cache-control': 'private, no-store', vary: 'cookie' } },
  );
};
