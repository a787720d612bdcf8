// GET /api/contact-picks?company=<slug>&name=<typed name>&marketplace=<name>&marketplaceWebsite=…&lang=it|en
// The publish form's contact picker reloads its options here when the company is chosen
// (decision 0050, progressive enhancement: without JavaScript the form re-renders them): the
// listed contacts of the seller and of the marketplace, grouped and labelled in the asker's
// language. Only listed companies and listed contacts (never a look-alike); validated and
// rate-limited per person or address like the company suggestions.
import type { APIRoute } from 'astro';
import { rateLimit } from '../../auth/rate-limit.ts';
import { COMPANY_NAME_MAX } from '../../domain/company-name.ts';
import { pickerCompanies, pickerModel } from '../../http/contact-picks.ts';
import { json, jsonError } from '../../http/endpoint.ts';
import { clientIp } from '../../http/request.ts';
import type { Locale } from '../../i18n/index.ts';

/** One request per company chosen: generous for a person, far too few for a scrape. */
export const CONTACT_PICKS_LIMIT = { limit: 60, windowMs: 60_000 };

const PARAMS = { company: 80, name: COMPANY_NAME_MAX, marketplace: COMPANY_NAME_MAX, marketplaceWebsite: 200, lang: 2 } as const;

export const GET: APIRoute = async (ctx) => {
  const { url, locals } = ctx;
  const got: Partial<Record<keyof typeof PARAMS, string>> = {};
  for (const [name, max] of Object.entries(PARAMS) as [keyof typeof PARAMS, number][]) {
    const raw = url.searchParams.get(name) ?? '';
    if (raw.length > max || /[\u0000-\u001f\u007f]/.test(raw)) return jsonError(400, 'invalid_query', `${name}: at most ${max} characters, no control characters`);
    if (raw.trim() !== '') got[name] = raw.trim();
  }
  const lang: Locale = got.lang === 'en' ? 'en' : 'it';
  const user = locals.user ?? null;
  const limited = await rateLimit(locals.db, `contact-picks:${user ? `u${user.id}` : clientIp(ctx)}`, CONTACT_PICKS_LIMIT.limit, CONTACT_PICKS_LIMIT.windowMs, Date.now());
  if (!limited.ok) return jsonError(429, 'too_many_requests', 'Too many requests', { 'retry-after': String(limited.retryAfterSeconds) });
  const companies = await pickerCompanies(locals.db, { slug: got.company, name: got.name, marketplaceName: got.marketplace, marketplaceWebsite: got.marketplaceWebsite });
  return json(await pickerModel(locals.db, lang, companies), { headers: { 'cache-control': 'private, no-store', vary: 'cookie' } });
};
