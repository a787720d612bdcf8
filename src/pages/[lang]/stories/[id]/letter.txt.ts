// GET /{lang}/stories/{id}/letter.txt?letter=it|en — the complaint letter as a plain-text download.
// Same rules as the letter page: the author's private details for the author only.
import type { APIRoute } from 'astro';
import { parseId } from '../../../../http/endpoint.ts';
import { pageLocale } from '../../../../http/page.ts';
import { t } from '../../../../i18n/index.ts';
import { isLocale, type Locale } from '../../../../domain/vocabulary.ts';
import { letterText } from '../../../../domain/escalation-letter.ts';
import { complaintLetterFor } from '../../../../services/letter.service.ts';

const plain = (status: number, body: string, extra: Record<string, string> = {}) =>
  new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store', ...extra } });

export const GET: APIRoute = async ({ params, url, locals }) => {
  const lang = pageLocale(params);
  if (!lang) return new Response('Not found', { status: 404 });
  const id = parseId(params.id);
  if (id === null) return plain(404, 'Not found');
  const asked = url.searchParams.get('letter');
  if (asked !== null && !isLocale(asked)) return plain(400, t(lang, 'escalation.letter.badLanguage'));
  const letterLang: Locale = asked ?? lang;
  const found = await complaintLetterFor(locals.db, id, locals.user ?? null, letterLang, lang);
  if (!found) return plain(404, 'Not found');
  const filename = `${letterLang === 'it' ? 'reclamo' : 'complaint'}-${id}.txt`;
  return plain(200, letterText(found.letter), { 'Content-Disposition': `attachment; filename="${filename}"` });
};
