// GET /sitemap.xml — the main pages and every company page in both languages, plus the newest
// stories (bounded: a sitemap file holds at most 50,000 URLs).
import type { APIRoute } from 'astro';
import { config } from '../config.ts';
import { listedStates } from '../db/browse.repository.ts';
import { listSitemapCompanies } from '../db/company.repository.ts';
import { listSitemapStories } from '../db/story.repository.ts';
import { LOCALES } from '../domain/vocabulary.ts';
import { escapeXml } from '../http/endpoint.ts';

export const GET: APIRoute = async ({ locals }) => {
  const base = config().siteUrl;
  const db = locals.db;
  const [companies, stories] = await Promise.all([
    listSitemapCompanies(db, 20_000),
    listSitemapStories(db, listedStates, 9_000),
  ]);
  const urls: string[] = [];
  const add = (path: string, lastmod?: number) =>
    urls.push(`<url><loc>${escapeXml(new URL(path, base).href)}</loc>${lastmod ? `<lastmod>${new Date(lastmod).toISOString().slice(0, 10)}</lastmod>` : ''}</url>`);
  for (const lang of LOCALES) {
    for (const p of ['', '/companies', '/rankings', '/how-scores-work', '/transparency', '/open-data']) add(`/${lang}${p}`);
    for (const c of companies) add(`/${lang}/companies/${c.slug}`, c.updated_at);
    for (const s of stories) add(`/${lang}/stories/${s.id}`, s.last_activity_at);
  }
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=3600' } });
};
