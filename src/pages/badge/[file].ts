// GET /badge/{slug}.svg — an embeddable badge with the company's 12-month score and band.
// Text only, escaped, fixed Content-Type, no script: safe to embed with <img>.
import type { APIRoute } from 'astro';
import { findCompanyBySlug } from '../../db/company.repository.ts';
import { listCompanyStatsRows } from '../../db/stats.repository.ts';
import { isLocale, runtimeKey, t } from '../../i18n/index.ts';
import { escapeXml } from '../../http/endpoint.ts';

const bandColor: Record<string, string> = {
  exemplary: '#146c2e',
  good: '#2f7d5b',
  fair: '#8a6100',
  poor: '#b04a0c',
  unresponsive: '#b3261e',
  not_enough_data: '#5b6270',
};

export const GET: APIRoute = async ({ params, url, locals }) => {
  const m = /^([a-z0-9-]{1,80})\.svg$/.exec(params.file ?? '');
  if (!m) return new Response('Not found', { status: 404 });
  const db = locals.db;
  const company = await findCompanyBySlug(db, m[1]!);
  if (!company) return new Response('Not found', { status: 404 });
  const langParam = url.searchParams.get('lang');
  const lang = isLocale(langParam) ? langParam : 'en';
  const stats = (await listCompanyStatsRows(db, company.id)).find((s) => s.period === '12m');
  const band = stats?.band ?? 'not_enough_data';
  const value = stats?.score != null && band !== 'not_enough_data' ? `${Math.round(stats.score)} · ${t(lang, runtimeKey(`band.${band}`))}` : t(lang, 'band.not_enough_data');
  const label = t(lang, 'site.name');
  const w1 = 12 + label.length * 7;
  const w2 = 12 + value.length * 7;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w1 + w2}" height="22" role="img" aria-label="${escapeXml(`${label}: ${value}`)}">
<title>${escapeXml(`${company.name} — ${label}: ${value}`)}</title>
<rect width="${w1}" height="22" rx="4" fill="#172033"/><rect x="${w1}" width="${w2}" height="22" rx="4" fill="${bandColor[band] ?? '#5b6270'}"/><rect x="${w1 - 4}" width="8" height="22" fill="${bandColor[band] ?? '#5b6270'}"/>
<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="12"><text x="6" y="15">${escapeXml(label)}</text><text x="${w1 + 6}" y="15">${escapeXml(value)}</text></g>
</svg>`;
  return new Response(svg, {
    headers: {
      'content-type': 'image/svg+xml; charset=utf-8',
      'cache-control': 'public, max-age=3600',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      'access-control-allow-origin': '*',
    },
  });
};
