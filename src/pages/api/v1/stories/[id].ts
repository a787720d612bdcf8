// GET /api/v1/stories/{id} — one public story with its thread. Private data never appears here.
import type { APIRoute } from 'astro';
import { findStoryPage } from '../../../../db/browse.repository.ts';
import { json, jsonError, parseId } from '../../../../http/endpoint.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export const GET: APIRoute = async ({ params, locals }) => {
  const id = parseId(params.id);
  if (id === null) return jsonError(404, 'not_found', 'No story with this id (ids are written in plain decimal digits).');
  const s = await findStoryPage(locals.db, id);
  if (!s) return jsonError(404, 'not_found', 'No story with this id.');
  if (s.state === 'hidden') return jsonError(410, 'hidden', 'This story was hidden by moderation.');
  if (s.state === 'withdrawn') return jsonError(410, 'withdrawn', 'This story was withdrawn by its author.');
  return json(
    {
      id: s.id,
      company: { slug: s.company.slug, name: s.company.name, url: `/api/v1/companies/${s.company.slug}` },
      title: s.title,
      body: s.body,
      language: s.language,
      category: s.category,
      source: s.source,
      state: s.state,
      author: s.authorName,
      experienceDate: s.experienceDate,
      publishedAt: iso(s.publishedAt),
      replyDueAt: iso(s.replyDueAt),
      firstReplyAt: iso(s.firstReplyAt),
      editedAt: iso(s.editedAt),
      verdict:
        s.verdictAt === null
          ? null
          : { at: iso(s.verdictAt), resolved: s.resolved, wouldBuyAgain: s.wouldBuyAgain, rating: s.rating, comment: s.verdictComment },
      channels: s.channels,
      messages: s.messages.map((m) => ({ role: m.authorRole, body: m.body, createdAt: iso(m.createdAt), editedAt: iso(m.editedAt) })),
      evidenceVerified: s.evidenceVerified,
      // Rule 8: whether the story counts in the company's score, and why not ('unverified'
      // author, or under 'review' after a burst from new accounts). The order reference is private.
      scored: s.scoreHold === null,
      scoreHold: s.scoreHold,
      verifiedCustomer: s.verifiedCustomer,
    },
    { headers: { 'cache-control': 'public, max-age=60' } },
  );
};
