// Adding photos to a story. Files are written first (outside any transaction: disk I/O must not
// hold the database's write lock), then all rows in one transaction; if that fails the files
// are removed again, so there is never a row without files nor files without a row.
import { appendAudit } from '../db/audit.repository.ts';
import { findStoryHeader } from '../db/story.repository.ts';
import type { DB } from '../db/client.ts';
import { enqueueSearchEvent } from '../db/outbox.repository.ts';
import { countStoryPhotos, insertPhoto } from '../db/photo.repository.ts';
import type { Role } from '../db/schema.ts';
import { DomainError } from '../domain/errors.ts';
import { deletePhotoFiles, MAX_PHOTO_BYTES, MAX_PHOTOS_PER_STORY, PhotoRejectedError, photosDir, processPhoto, type StoredPhoto } from '../content/photos.ts';
import { maskPii } from '../content/pii.ts';
import { inTransaction } from '../db/transaction.ts';

export interface PhotoActor {
  id: number;
  role: Role;
}

export interface PhotoUpload {
  bytes: Uint8Array;
  /** The uploader's description of the photo, for screen readers. */
  alt?: string | null;
}

/** Longest alt text kept: a sentence or two. */
export const PHOTO_ALT_MAX = 300;

export interface AddPhotosOptions {
  dir?: string;
}

/**
 * Adds up to MAX_PHOTOS_PER_STORY photos to a story of the actor's. All-or-nothing: one bad file
 * refuses the whole batch (PhotoRejectedError with the file's index in `params.index`).
 */
export async function addPhotosToStory(
  db: DB,
  storyId: number,
  files: PhotoUpload[],
  actor: PhotoActor,
  now: number,
  options: AddPhotosOptions = {},
): Promise<StoredPhoto[]> {
  const dir = options.dir ?? photosDir();
  const story = await findStoryHeader(db, storyId);
  if (!story) throw new DomainError('story_not_found');
  if (story.author_id === null || story.author_id !== actor.id) throw new DomainError('not_author');
  if (story.state === 'hidden' || story.state === 'withdrawn') throw new DomainError('invalid_state');
  if (files.length === 0) return [];
  if ((await countStoryPhotos(db, storyId)) + files.length > MAX_PHOTOS_PER_STORY) {
    throw new PhotoRejectedError('too_many_photos', { max: MAX_PHOTOS_PER_STORY });
  }

  const stored: StoredPhoto[] = [];
  const removeAll = () => Promise.all(stored.map((p) => deletePhotoFiles(p.id, dir)));
  try {
    for (const [index, file] of files.entries()) {
      try {
        stored.push(await processPhoto(file.bytes, { dir }));
      } catch (e) {
        if (e instanceof PhotoRejectedError) throw new PhotoRejectedError(e.code, { ...e.params, index });
        throw e;
      }
    }
    await inTransaction(db, async (trx) => {
      // Counted again inside the transaction: two uploads at once cannot pass 6 together.
      const existing = await countStoryPhotos(trx, storyId);
      if (existing + stored.length > MAX_PHOTOS_PER_STORY) throw new PhotoRejectedError('too_many_photos', { max: MAX_PHOTOS_PER_STORY });
      for (const [i, p] of stored.entries()) {
        // Alt text is public (read out by screen readers, in the page's HTML): masked like all public text.
        const alt = maskPii(files[i]!.alt?.trim().slice(0, PHOTO_ALT_MAX) ?? '').text || null;
        await insertPhoto(trx, { id: p.id, storyId, uploaderId: actor.id, position: existing + i, width: p.width, height: p.height, bytes: p.bytes, alt, createdAt: now });
      }
      await appendAudit(trx, {
        at: now,
        actorId: actor.id,
        actorRole: actor.role,
        action: 'story.photos_add',
        subjectKind: 'story',
        subjectId: storyId,
        companyId: story.company_id,
        data: { photoIds: stored.map((p) => p.id) },
      });
      // The story page (and its cached copy) shows photos: announce the change.
      await enqueueSearchEvent(trx, { kind: 'story.upsert', storyId }, now);
    });
  } catch (e) {
    await removeAll();
    throw e;
  }
  return stored;
}

export type PhotoUploadsResult = { ok: true; uploads: PhotoUpload[] } | { ok: false; error: PhotoRejectedError };

/**
 * The photos of a submitted form (`<input type="file" name="photos" multiple>` plus optional
 * `photoAlt` texts in the same order). Sizes and count are checked before any file is read
 * into memory; an empty file input (a nameless, zero-byte part) counts as no photo.
 */
export async function photoUploadsFromForm(form: FormData, field = 'photos', altField = 'photoAlt', maxBytes = MAX_PHOTO_BYTES): Promise<PhotoUploadsResult> {
  const files = form.getAll(field).filter((v): v is File => typeof v !== 'string' && v.size > 0);
  const alts = form.getAll(altField).map((v) => (typeof v === 'string' ? v : ''));
  if (files.length > MAX_PHOTOS_PER_STORY) return { ok: false, error: new PhotoRejectedError('too_many_photos', { max: MAX_PHOTOS_PER_STORY }) };
  const tooBig = files.findIndex((f) => f.size > maxBytes);
  if (tooBig >= 0) return { ok: false, error: new PhotoRejectedError('too_large', { maxMb: Math.floor(maxBytes / (1024 * 1024)), index: tooBig }) };
  const uploads: PhotoUpload[] = [];
  for (const [i, f] of files.entries()) uploads.push({ bytes: new Uint8Array(await f.arrayBuffer()), alt: alts[i] ?? null });
  return { ok: true, uploads };
}
