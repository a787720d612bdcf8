// GET /photos/{32 hex}-{1600|400}.webp — story photos, from PHOTOS_DIR (outside public/).
// Only names we generate are accepted (no path can be smuggled in), the Content-Type is fixed,
// nosniff stops any browser from guessing another type, and the bytes never change under a
// name, so they are cached for a year. Photos of hidden/withdrawn stories, or hidden photos,
// are served to moderators only (uncached).
import type { APIRoute } from 'astro';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getDb } from '../../db/client.ts';
import { findPhotoWithStoryState } from '../../db/photo.repository.ts';
import { parsePhotoFileName, photoFileName, photosDir } from '../../content/photos.ts';

export const prerender = false;

const notFound = () =>
  new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' } });

export const GET: APIRoute = async ({ params, locals }) => {
  const parsed = parsePhotoFileName(params.file ?? '');
  if (!parsed) return notFound();
  const photo = await findPhotoWithStoryState(getDb(), parsed.id);
  if (!photo) return notFound();
  const isPublic = photo.hidden_at === null && photo.story_state !== 'hidden' && photo.story_state !== 'withdrawn';
  const role = locals.user?.role;
  if (!isPublic && role !== 'moderator' && role !== 'admin') return notFound();
  let data: Buffer;
  try {
    // The name is rebuilt from the parsed parts, never taken from the request as is.
    data = await readFile(join(photosDir(), photoFileName(parsed.id, parsed.size)));
  } catch {
    return notFound();
  }
  return new Response(new Uint8Array(data), {
    headers: {
      'Content-Type': 'image/webp',
      'Content-Length': String(data.length),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': isPublic ? 'public, max-age=31536000, immutable' : 'private, no-store',
      'Cross-Origin-Resource-Policy': 'same-origin',
    },
  });
};
