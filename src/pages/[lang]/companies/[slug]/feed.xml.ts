// GET /{lang}/companies/{slug}/feed.xml — Atom feed of a company's newest public stories.
import type { APIRoute } from 'astro';
import { config } from '../../../../config.ts';
import { findCompanyStories } from '../../../../db/browse.repository.ts';
import { findCompanyBySlug } from '../../../../db/company.repository.ts';
import { t } from '../../../../i18n/index.ts';
import { escapeXml } from '../../../../http/endpoint.ts';
import { pageLocale } from '../../../../http/page.ts';

export const GET: APIRoute = async ({ params, url, locals }) => {
  const lang = pageLocale(params);
  if (!lang) return new Response('Not found', { status: 404 });
  const db = locals.db;
  const company = await findCompanyBySlug(db, params.slug ?? '');
  if (!company) return new Response('Not found', { status: 404 });
  const { items } = await findCompanyStories(db, company.id, { limit: 30, offset: 0 });
  const base = config().siteUrl;
  const pageUrl = new URL(`/${lang}/companies/${company.slug}`, base).href;
  const updated = new Date(items[0]?.publishedAt ?? company.updated_at).toISOString();
  const entries = items
    .map((s) => {
      const href = new URL(`/${lang}/stories/${s.id}`, base).href;
      return `  <entry>
    <id>${escapeXml(href)}</id>
    <title>${escapeXml(s.title)}</title>
    <link href="${escapeXml(href)}"/>
    <published>${new Date(s.publishedAt).toISOString()}</published>
    <updated>${new Date(s.publishedAt).toISOString()}</updated>
    <author><name>${escapeXml(s.authorName ?? t(lang, 'story.anonymous'))}</name></author>
    <category term="${s.state}" label="${escapeXml(t(lang, `state.${s.state}`))}"/>
    <summary xml:lang="${s.language}">${escapeXml(s.excerpt)}</summary>
  </entry>`;
    })
    .join('\n');
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">
  <id>${escapeXml(pageUrl)}</id>
  <title>${escapeXml(`${company.name} · ${t(lang, 'site.name')}`)}</title>
  <link rel="alternate" href="${escapeXml(pageUrl)}"/>
  <link rel="self" href="${escapeXml(new URL(url.pathname, base).href)}"/>
  <updated>${updated}</updated>
${entries}
</feed>
`;
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=300' } });
};
