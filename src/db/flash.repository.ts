// The home of the flash_messages table: one-time notices after a redirect (src/http/flash.ts,
// decision 0022). Ids are SHA-256 hashes of the cookie's token; the payload is JSON.
import type { DB } from './client.ts';
import type { FlashMessageTable } from './schema.ts';

type FlashMessageRow = FlashMessageTable;

export async function deleteExpiredFlashes(db: DB, now: number): Promise<void> {
  await db.deleteFrom('flash_messages').where('expires_at', '<=', now).execute();
}

export async function insertFlash(db: DB, row: FlashMessageRow): Promise<void> {
  await db.insertInto('flash_messages').values(row).execute();
}

export async function findFlash(db: DB, id: string): Promise<Pick<FlashMessageRow, 'session_id' | 'payload' | 'expires_at'> | null> {
  return (await db.selectFrom('flash_messages').select(['session_id', 'payload', 'expires_at']).where('id', '=', id).executeTakeFirst()) ?? null;
}

/** Deletes one notice; true when this call deleted it (of two tabs at once, only one gets true). */
export async function deleteFlash(db: DB, id: string): Promise<boolean> {
  const deleted = await db.deleteFrom('flash_messages').where('id', '=', id).executeTakeFirst();
  return Number(deleted.numDeletedRows) === 1;
}
