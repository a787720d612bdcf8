// Story photos. Files live on disk under PHOTOS_DIR (src/content/photos.ts); rows here.
import type { DB } from './client.ts';
import type { PhotoRow, StoryState } from './schema.ts';

export interface NewPhotoRow {
  id: string;
  storyId: number;
  uploaderId: number | null;
  position: number;
  width: number;
  height: number;
  bytes: number;
  alt: string | null;
  createdAt: number;
}

export async function insertPhoto(db: DB, p: NewPhotoRow): Promise<void> {
  await db
    .insertInto('photos')
    .values({
      id: p.id,
      story_id: p.storyId,
      uploader_id: p.uploaderId,
      position: p.position,
      width: p.width,
      height: p.height,
      bytes: p.bytes,
      alt: p.alt,
      created_at: p.createdAt,
    })
    .execute();
}

export async function countStoryPhotos(db: DB, storyId: number): Promise<number> {
  const row = await db.selectFrom('photos').select((eb) => eb.fn.countAll<number>().as('n')).where('story_id', '=', storyId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Photos a visitor sees on a story page, in order. */
export async function listVisibleStoryPhotos(db: DB, storyId: number): Promise<PhotoRow[]> {
  return db.selectFrom('photos').selectAll().where('story_id', '=', storyId).where('hidden_at', 'is', null).orderBy('position').execute();
}

export async function listStoryPhotos(db: DB, storyId: number): Promise<PhotoRow[]> {
  return db.selectFrom('photos').selectAll().where('story_id', '=', storyId).orderBy('position').execute();
}

export async function findPhoto(db: DB, id: string): Promise<PhotoRow | null> {
  return (await db.selectFrom('photos').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

/** A photo with the state of its story: what the file route needs to decide whether to serve it. */
export async function findPhotoWithStoryState(db: DB, id: string): Promise<(PhotoRow & { story_state: StoryState }) | null> {
  return (
    (await db
      .selectFrom('photos')
      .innerJoin('stories', 'stories.id', 'photos.story_id')
      .selectAll('photos')
      .select('stories.state as story_state')
      .where('photos.id', '=', id)
      .executeTakeFirst()) ?? null
  );
}

export async function setPhotoHidden(db: DB, id: string, hiddenAt: number | null): Promise<void> {
  await db.updateTable('photos').set({ hidden_at: hiddenAt }).where('id', '=', id).execute();
}

/** Whether a row exists for the photo (file clean-up removes files without one). */
export async function photoExists(db: DB, id: string): Promise<boolean> {
  return (await db.selectFrom('photos').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** Ids of the photos a person uploaded, and of every photo of the given stories. */
export async function listPhotoIdsOf(db: DB, uploaderId: number, storyIds: readonly number[] = []): Promise<string[]> {
  const rows =
    storyIds.length > 0
      ? await db.selectFrom('photos').select('id').where((eb) => eb.or([eb('uploader_id', '=', uploaderId), eb('story_id', 'in', storyIds)])).execute()
      : await db.selectFrom('photos').select('id').where('uploader_id', '=', uploaderId).execute();
  return rows.map((p) => p.id);
}

export async function deletePhotos(db: DB, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await db.deleteFrom('photos').where('id', 'in', ids).execute();
}

/** A photo with the story it belongs to (company and state), for reports. */
export async function findPhotoWithStory(db: DB, id: string) {
  return (
    (await db
      .selectFrom('photos')
      .innerJoin('stories', 'stories.id', 'photos.story_id')
      .select(['photos.id', 'photos.story_id', 'photos.uploader_id', 'photos.hidden_at', 'stories.company_id', 'stories.state'])
      .where('photos.id', '=', id)
      .executeTakeFirst()) ?? null
  );
}
