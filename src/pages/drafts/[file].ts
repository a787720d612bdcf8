// GET /drafts/{32 hex}-{1600|400}.webp — a photo of a publish draft (decision 0041), served only
// to the signed-in person who uploaded it, while the draft lives; everyone else gets the same 404
// as for a name that does not exist. Never cached by anyone but the owner's browser.
import type { APIRoute } from 'astro';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findOwnDraftPhoto } from '../../db/draft.repository.ts';
import { parsePhotoFileName, photoFileName } from '../../content/photos.ts';
import { draftsDir } from '../../services/draft.service.ts';

export const prerender = false;

const notFound = () =>
  new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' } });

export const GET: APIRoute = async ({ params, locals }) => {
  const parsed = parsePhotoFileName(params.file ?? '');
  const user = locals.user;
  if (!parsed || !user) return notFound();
  if (!(await findOwnDraftPhoto(locals.db, parsed.id, user.id, Date.now()))) return notFound();
  let data: Buffer;
  try {
    data = await readFile(join(draftsDir(), photoFileName(parsed.id, parsed.size)));
  } catch {
    return notFound();
  }
  return new Response(new Uint8Array(data), {
    headers: {
      'Content-Type': 'image/webp',
      'Content-Length': String(data.length),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
      'Cross-Origin-Resource-Policy': 'same-origin',
    },
  });
};
