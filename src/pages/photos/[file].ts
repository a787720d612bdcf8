// GET /photos/{32 hex}-{1600|400}.webp — story photos, from PHOTOS_DIR (outside public/).
// Only names we generate are accepted (no path can be smuggled in), the Content-Type is fixed,
// nosniff stops any browser from guessing another type. The bytes never change under a name, but
// a photo can be hidden (or its story hidden or withdrawn) at any moment, and it must then
// disappear: public photos are cached for 5 minutes only, with an ETag (the name) so a browser
// revalidates cheaply; a hidden one answers 404 at once (moderators still see it, uncached).
import type { APIRoute } from 'astro';
import { findPhotoWithStoryState } from '../../db/photo.repository.ts';
import { parsePhotoFileName, photoFileResponse, photoNotFound, photosDir } from '../../content/photos.ts';

export const prerender = false;

/** How long browsers and shared caches may keep a public photo without asking again. */
export const PUBLIC_PHOTO_MAX_AGE_SECONDS = 300;

export const GET: APIRoute = async ({ params, locals, request }) => {
  const parsed = parsePhotoFileName(params.file ?? '');
  if (!parsed) return photoNotFound();
  const photo = await findPhotoWithStoryState(locals.db, parsed.id);
  if (!photo) return photoNotFound();
  const isPublic = photo.hidden_at === null && photo.story_state !== 'hidden' && photo.story_state !== 'withdrawn';
  const role = locals.user?.role;
  if (!isPublic && role !== 'moderator' && role !== 'admin') return photoNotFound();
  const etag = `"${parsed.id}-${parsed.size}"`;
  const cacheControl = isPublic ? `public, max-age=${PUBLIC_PHOTO_MAX_AGE_SECONDS}` : 'private, no-store';
  if (isPublic && (request.headers.get('if-none-match') ?? '').split(',').some((t) => t.trim() === etag)) {
    return new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': cacheControl } });
  }
  return photoFileResponse(photosDir(), parsed, { 'Cache-Control': cacheControl, ...(isPublic ? { ETag: etag } : {}) });
};
