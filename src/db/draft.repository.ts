// Publish drafts and their photos (migration 2026-12-05T0300). Every read is by owner: a draft
// id alone never finds anything.
import type { DB } from './client.ts';

export interface DraftRow {
  id: string;
  userId: number;
  payload: string;
  expiresAt: number;
}

export interface DraftPhotoRow {
  id: string;
  draftId: string;
  position: number;
  width: number;
  height: number;
  alt: string | null;
}

export async function findDraft(db: DB, id: string, userId: number, now: number): Promise<DraftRow | null> {
  const r = await db
    .selectFrom('publish_drafts')
    .select(['id', 'user_id', 'payload', 'expires_at'])
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return r ? { id: r.id, userId: r.user_id, payload: r.payload, expiresAt: r.expires_at } : null;
}

export async function upsertDraft(db: DB, d: { id: string; userId: number; payload: string; now: number; expiresAt: number }): Promise<void> {
  await db
    .insertInto('publish_drafts')
    .values({ id: d.id, user_id: d.userId, payload: d.payload, created_at: d.now, updated_at: d.now, expires_at: d.expiresAt })
    .onConflict((oc) => oc.column('id').doUpdateSet({ payload: d.payload, updated_at: d.now, expires_at: d.expiresAt }))
    .execute();
}

export async function listDraftPhotos(db: DB, draftId: string): Promise<DraftPhotoRow[]> {
  const rows = await db.selectFrom('draft_photos').select(['id', 'draft_id', 'position', 'width', 'height', 'alt']).where('draft_id', '=', draftId).orderBy('position').execute();
  return rows.map((r) => ({ id: r.id, draftId: r.draft_id, position: r.position, width: r.width, height: r.height, alt: r.alt }));
}

export async function insertDraftPhoto(db: DB, p: { id: string; draftId: string; userId: number; position: number; width: number; height: number; bytes: number; alt: string | null; now: number }): Promise<void> {
  await db
    .insertInto('draft_photos')
    .values({ id: p.id, draft_id: p.draftId, user_id: p.userId, position: p.position, width: p.width, height: p.height, bytes: p.bytes, alt: p.alt, created_at: p.now })
    .execute();
}

export async function setDraftPhotoAlt(db: DB, draftId: string, photoId: string, alt: string | null): Promise<void> {
  await db.updateTable('draft_photos').set({ alt }).where('draft_id', '=', draftId).where('id', '=', photoId).execute();
}

export async function deleteDraftPhotoRows(db: DB, draftId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('draft_photos').where('draft_id', '=', draftId).where('id', 'in', ids).execute();
}

/** A photo of a live draft of this user (what /drafts/[file] may serve), or null. */
export async function findOwnDraftPhoto(db: DB, photoId: string, userId: number, now: number): Promise<{ id: string } | null> {
  const r = await db
    .selectFrom('draft_photos as p')
    .innerJoin('publish_drafts as d', 'd.id', 'p.draft_id')
    .select('p.id')
    .where('p.id', '=', photoId)
    .where('p.user_id', '=', userId)
    .where('d.user_id', '=', userId)
    .where('d.expires_at', '>', now)
    .executeTakeFirst();
  return r ?? null;
}

/** Deletes drafts (rows of their photos go by cascade); gives the photo ids whose files must go. */
export async function deleteDrafts(db: DB, where: { userId?: number; ids?: readonly string[]; expiredBefore?: number }): Promise<string[]> {
  let q = db.selectFrom('publish_drafts').select('id');
  if (where.userId !== undefined) q = q.where('user_id', '=', where.userId);
  if (where.ids !== undefined) q = q.where('id', 'in', where.ids.length > 0 ? where.ids : ['']);
  if (where.expiredBefore !== undefined) q = q.where('expires_at', '<=', where.expiredBefore);
  const ids = (await q.execute()).map((r) => r.id);
  if (ids.length === 0) return [];
  const photos = (await db.selectFrom('draft_photos').select('id').where('draft_id', 'in', ids).execute()).map((r) => r.id);
  await db.deleteFrom('draft_photos').where('draft_id', 'in', ids).execute();
  await db.deleteFrom('publish_drafts').where('id', 'in', ids).execute();
  return photos;
}
