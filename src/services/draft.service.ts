// The publish form's server-side draft (decision 0041): the text typed and the photos chosen
// survive a preview, a form with errors and a language switch. Photos go through the same
// pipeline as story photos (src/content/photos.ts: size first, magic bytes, pixel cap,
// re-encoded to WebP without metadata, random names) into PHOTOS_DIR/drafts, outside public/;
// only their owner can fetch them (src/pages/drafts/[file].ts). Drafts expire, are swept by the
// scheduler and go with the account (erasure.service.ts). On publish the photos are added to the
// story through addPhotosToStory (same checks, audit and outbox as any photo) and the draft goes.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DB } from '../db/client.ts';
import { deleteDraftPhotoRows, deleteDrafts, findDraft, insertDraftPhoto, listDraftPhotos, setDraftPhotoAlt, upsertDraft, type DraftPhotoRow } from '../db/draft.repository.ts';
import { inTransaction } from '../db/transaction.ts';
import { deletePhotoFiles, MAX_PHOTOS_PER_STORY, PhotoRejectedError, photoFileName, photosDir, processPhoto, type StoredPhoto } from '../content/photos.ts';
import type { FormValues } from '../http/forms.ts';
import { addPhotosToStory, PHOTO_ALT_MAX, type PhotoActor, type PhotoUpload } from './photo.service.ts';

/** A draft lives two days after its last save: long enough to come back to, short for personal data. */
export const DRAFT_TTL_MS = 2 * 24 * 60 * 60_000;
const DRAFT_ID = /^[0-9a-f]{32}$/;
/** Fields never kept in a draft (the form's own controls). */
const NOT_KEPT = new Set(['intent', 'draftId', 'removePhoto']);

/**
 * Beside PHOTOS_DIR, not inside it ("…/photos-drafts"): scans of the photos directory (orphan
 * sweep, backups, consistency checks) see story photos only, and /photos/ can never serve a draft.
 */
export function draftsDir(base = photosDir()): string {
  return `${base.replace(/\/+$/, '')}-drafts`;
}

export function isDraftId(id: unknown): id is string {
  return typeof id === 'string' && DRAFT_ID.test(id);
}

export interface DraftPhoto {
  id: string;
  width: number;
  height: number;
  alt: string | null;
}

export interface SavedDraft {
  id: string;
  photos: DraftPhoto[];
  /** A new upload that was refused (the rest of the draft is saved). */
  rejected: PhotoRejectedError | null;
}

export interface SaveDraftInput {
  userId: number;
  /** The draft to update; a missing, foreign or expired id starts a new draft. */
  draftId: string | null;
  values: FormValues;
  uploads: PhotoUpload[];
  /** New alt texts of photos already in the draft, by photo id. */
  alts: Map<string, string>;
  /** Photos the author removed. */
  remove: readonly string[];
  now: number;
  dir?: string;
}

const toPhoto = (r: DraftPhotoRow): DraftPhoto => ({ id: r.id, width: r.width, height: r.height, alt: r.alt });
const cleanAlt = (alt: string | null | undefined) => alt?.trim().slice(0, PHOTO_ALT_MAX) || null;

/** Saves what was typed and adds the new uploads (all or nothing: one bad file refuses the batch). */
export async function saveDraft(db: DB, input: SaveDraftInput): Promise<SavedDraft> {
  const dir = input.dir ?? draftsDir();
  const existing = input.draftId && isDraftId(input.draftId) ? await findDraft(db, input.draftId, input.userId, input.now) : null;
  const id = existing?.id ?? randomBytes(16).toString('hex');
  const before = existing ? await listDraftPhotos(db, id) : [];
  const removing = new Set(input.remove.filter((r) => before.some((p) => p.id === r)));
  const keptCount = before.length - removing.size;

  let rejected: PhotoRejectedError | null = null;
  const stored: StoredPhoto[] = [];
  if (input.uploads.length > 0) {
    if (keptCount + input.uploads.length > MAX_PHOTOS_PER_STORY) {
      rejected = new PhotoRejectedError('too_many_photos', { max: MAX_PHOTOS_PER_STORY });
    } else {
      try {
        for (const [index, u] of input.uploads.entries()) {
          try {
            stored.push(await processPhoto(u.bytes, { dir }));
          } catch (e) {
            if (e instanceof PhotoRejectedError) throw new PhotoRejectedError(e.code, { ...e.params, index });
            throw e;
          }
        }
      } catch (e) {
        await Promise.all(stored.map((p) => deletePhotoFiles(p.id, dir)));
        stored.length = 0;
        if (!(e instanceof PhotoRejectedError)) throw e;
        rejected = e;
      }
    }
  }

  const payload: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(input.values)) if (!NOT_KEPT.has(k) && !k.startsWith('alt_')) payload[k] = v;
  try {
    await inTransaction(db, async (trx) => {
      await upsertDraft(trx, { id, userId: input.userId, payload: JSON.stringify(payload), now: input.now, expiresAt: input.now + DRAFT_TTL_MS });
      await deleteDraftPhotoRows(trx, id, [...removing]);
      for (const p of before) if (!removing.has(p.id) && input.alts.has(p.id)) await setDraftPhotoAlt(trx, id, p.id, cleanAlt(input.alts.get(p.id)));
      let position = before.reduce((m, p) => Math.max(m, p.position + 1), 0);
      for (const [i, p] of stored.entries()) {
        await insertDraftPhoto(trx, { id: p.id, draftId: id, userId: input.userId, position: position++, width: p.width, height: p.height, bytes: p.bytes, alt: cleanAlt(input.uploads[i]!.alt), now: input.now });
      }
    });
  } catch (e) {
    await Promise.all(stored.map((p) => deletePhotoFiles(p.id, dir)));
    throw e;
  }
  for (const r of removing) await deletePhotoFiles(r, dir);
  return { id, photos: (await listDraftPhotos(db, id)).map(toPhoto), rejected };
}

/** The owner's live draft, or null (a foreign, unknown or expired id gives null alike). */
export async function loadDraft(db: DB, userId: number, draftId: string, now: number): Promise<{ id: string; values: FormValues; photos: DraftPhoto[] } | null> {
  if (!isDraftId(draftId)) return null;
  const d = await findDraft(db, draftId, userId, now);
  if (!d) return null;
  let values: FormValues = {};
  try {
    values = JSON.parse(d.payload) as FormValues;
  } catch {
    /* an unreadable payload restores nothing */
  }
  return { id: d.id, values, photos: (await listDraftPhotos(db, d.id)).map(toPhoto) };
}

/** Deletes drafts and their files; gives how many photo files sets went. */
async function dropDrafts(db: DB, where: Parameters<typeof deleteDrafts>[1], dir: string): Promise<number> {
  const photoIds = await inTransaction(db, (trx) => deleteDrafts(trx, where));
  for (const id of photoIds) await deletePhotoFiles(id, dir);
  return photoIds.length;
}

export function discardDraft(db: DB, userId: number, draftId: string, dir = draftsDir()): Promise<number> {
  return dropDrafts(db, { userId, ids: [draftId] }, dir);
}

/** The scheduler's sweep: expired drafts and their files. */
export function sweepExpiredDrafts(db: DB, now: number, dir = draftsDir()): Promise<number> {
  return dropDrafts(db, { expiredBefore: now }, dir);
}

/**
 * Publishing: the draft's photos become the story's photos. They are read back and handed to
 * addPhotosToStory, so the story gets them with the same checks, audit row and outbox event as
 * any other photo; then the draft is deleted.
 */
export async function attachDraftPhotos(db: DB, storyId: number, draftId: string, actor: PhotoActor, now: number, options: { dir?: string; photosDir?: string } = {}): Promise<number> {
  const dir = options.dir ?? draftsDir();
  const draft = isDraftId(draftId) ? await findDraft(db, draftId, actor.id, now) : null;
  if (!draft) return 0;
  const photos = await listDraftPhotos(db, draft.id);
  const uploads: PhotoUpload[] = [];
  for (const p of photos) {
    try {
      uploads.push({ bytes: new Uint8Array(await readFile(join(dir, photoFileName(p.id, 1600)))), alt: p.alt });
    } catch (e) {
      // A file gone (a restore from a backup, which does not carry drafts): that photo is skipped.
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  if (uploads.length > 0) await addPhotosToStory(db, storyId, uploads, actor, now, options.photosDir ? { dir: options.photosDir } : {});
  await dropDrafts(db, { userId: actor.id, ids: [draft.id] }, dir);
  return uploads.length;
}
