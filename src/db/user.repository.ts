// The home of the users table: accounts (address, display name, password hash, role, ban).
// Addresses are stored normalised (lower case, trimmed: normalizeEmail in account.service.ts);
// callers pass them normalised.
import type { DB } from './client.ts';
import type { NewUser, Role, UserRow } from './schema.ts';
import type { Updateable } from 'kysely';
import type { UserTable } from './schema.ts';

export async function findUserById(db: DB, id: number): Promise<UserRow | null> {
  return (await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function findUserByEmail(db: DB, email: string): Promise<UserRow | null> {
  return (await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst()) ?? null;
}

export async function insertUser(db: DB, user: NewUser): Promise<number> {
  return (await db.insertInto('users').values(user).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateUser(db: DB, id: number, patch: Updateable<UserTable>): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

/** Changes the role only from `from` (a moderator's or admin's role is never lowered by a claim). */
export async function changeRoleIf(db: DB, id: number, from: Role, to: Role): Promise<void> {
  await db.updateTable('users').set({ role: to }).where('id', '=', id).where('role', '=', from).execute();
}

export async function deleteUser(db: DB, id: number): Promise<void> {
  await db.deleteFrom('users').where('id', '=', id).execute();
}

/** Where to write to an account that is not banned (notifications), or null. */
/** Who a notification would go to, with what decides whether it may (verified, banned). */
export interface NotificationRecipient {
  userId: number;
  email: string;
  locale: UserRow['locale'];
  displayName: string;
  verified: boolean;
  banned: boolean;
}

export async function findNotificationRecipient(db: DB, id: number): Promise<NotificationRecipient | null> {
  const r = await db.selectFrom('users').select(['id', 'email', 'locale', 'display_name', 'email_verified_at', 'banned_at']).where('id', '=', id).executeTakeFirst();
  return r ? { userId: r.id, email: r.email, locale: r.locale, displayName: r.display_name, verified: r.email_verified_at !== null, banned: r.banned_at !== null } : null;
}

export async function findActiveUserContact(db: DB, id: number): Promise<{ userId: number; email: string; locale: UserRow['locale'] } | null> {
  const r = await db.selectFrom('users').select(['id', 'email', 'locale']).where('id', '=', id).where('banned_at', 'is', null).executeTakeFirst();
  return r ? { userId: r.id, email: r.email, locale: r.locale } : null;
}

/** Address and hash of the accounts on the documentation domains the demo data uses (example.org, …). */
export async function listExampleDomainAccounts(db: DB): Promise<Pick<UserRow, 'email' | 'password_hash'>[]> {
  return db
    .selectFrom('users')
    .select(['email', 'password_hash'])
    .where((eb) =>
      eb.or([
        eb('email', 'like', '%@example.org'),
        eb('email', 'like', '%@example.com'),
        eb('email', 'like', '%@example.net'),
        eb('email', 'like', '%.example'),
      ]),
    )
    .execute();
}
