// Notification preferences, the once-only ledger of notifications, and the site's secrets
// (the key that signs unsubscribe links). One home for these three tables.
import { randomBytes } from 'node:crypto';
import type { DB } from './client.ts';
import { isNotificationKind, type NotificationKind, type NotificationPreferences } from '../domain/notifications.ts';

export async function findNotificationPreferences(db: DB, userId: number): Promise<NotificationPreferences> {
  const rows = await db.selectFrom('notification_preferences').select(['kind', 'enabled']).where('user_id', '=', userId).execute();
  const prefs: NotificationPreferences = {};
  for (const r of rows) if (isNotificationKind(r.kind)) prefs[r.kind] = r.enabled === 1;
  return prefs;
}

/** Stores the person's choice for each kind given (others keep theirs). */
export async function upsertNotificationPreferences(db: DB, userId: number, prefs: Partial<Record<NotificationKind, boolean>>, now: number): Promise<void> {
  for (const [kind, enabled] of Object.entries(prefs)) {
    if (enabled === undefined) continue;
    await db
      .insertInto('notification_preferences')
      .values({ user_id: userId, kind, enabled: enabled ? 1 : 0, updated_at: now })
      .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ enabled: enabled ? 1 : 0, updated_at: now }))
      .execute();
  }
}

/** Records that `key` happened for the person; false when it already had (nothing is written then). */
export async function claimNotificationOnce(db: DB, userId: number, key: string, now: number): Promise<boolean> {
  const r = await db.insertInto('notification_sends').values({ user_id: userId, key, sent_at: now }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function hasNotificationKey(db: DB, userId: number, key: string): Promise<boolean> {
  return (await db.selectFrom('notification_sends').select('user_id').where('user_id', '=', userId).where('key', '=', key).executeTakeFirst()) !== undefined;
}

/**
 * A named random secret of this site, made on first use and kept in the database, so every
 * process and every restart signs with the same key. 32 random bytes, base64url.
 */
export async function siteSecret(db: DB, name: string, now: number): Promise<string> {
  const found = await db.selectFrom('site_secrets').select('value').where('name', '=', name).executeTakeFirst();
  if (found) return found.value;
  await db
    .insertInto('site_secrets')
    .values({ name, value: randomBytes(32).toString('base64url'), created_at: now })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const row = await db.selectFrom('site_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return row.value;
}
