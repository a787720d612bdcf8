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
