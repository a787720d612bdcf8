// GET /drafts/{32 hex}-{1600|400}.webp — a photo of a publish draft (decision 0041), served only
// to the signed-in person who uploaded it, while the draft lives; everyone else gets the same 404
// as for a name that does not exist. Never cached by anyone but the owner's browser.
import type { APIRoute } from 'astro';
import { findOwnDraftPhoto } from '../../db/draft.repository.ts';
import { parsePhotoFileName, photoFileResponse, photoNotFound } from '../../content/photos.ts';
import { draftsDir } from '../../services/draft.service.ts';

export const prerender = false;

export const GET: APIRoute = async ({ params, locals }) => {
  const parsed = parsePhotoFileName(params.file ?? '');
  const user = locals.user;
  if (!parsed || !user) return photoNotFound();
  if (!(await findOwnDraftPhoto(locals.db, parsed.id, user.id, Date.now()))) return photoNotFound();
  return photoFileResponse(draftsDir(), parsed, { 'Cache-Control': 'private, no-store' });
};
