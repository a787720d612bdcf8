// The person's choices of mail: the settings page (signed in) and the one-click unsubscribe
// (a signed link, no sign-in). Each change is one transaction with its audit row.
import type { DB } from '../db/client.ts';
import { appendAudit } from '../db/audit.repository.ts';
import { findNotificationPreferences, siteSecret, upsertNotificationPreferences } from '../db/notification.repository.ts';
import { findNotificationRecipient } from '../db/user.repository.ts';
import { inTransaction } from '../db/transaction.ts';
import { isKindEnabled, kindsFor, preferencesFromForm, type NotificationKind } from '../domain/notifications.ts';
import { parseUnsubscribeToken, UNSUBSCRIBE_SECRET, verifyUnsubscribeToken } from '../mail/unsubscribe-token.ts';

export interface SettingsPerson {
  id: number;
  role: string;
  companyIds: readonly number[];
}

export interface NotificationSetting {
  kind: NotificationKind;
  enabled: boolean;
}

/** The kinds this person sees on the settings page, each with its current state. */
export async function notificationSettings(db: DB, person: SettingsPerson): Promise<NotificationSetting[]> {
  const prefs = await findNotificationPreferences(db, person.id);
  return kindsFor({ representsCompany: person.companyIds.length > 0 }).map((kind) => ({ kind, enabled: isKindEnabled(prefs, kind) }));
}

/**
 * Saves the settings form: `checked` are the kinds whose box was ticked (every kind shown and not
 * ticked is turned off). A name that is not a kind this person sees refuses the whole form.
 */
export async function saveNotificationSettings(db: DB, person: SettingsPerson, checked: readonly string[], now: number): Promise<{ kind: 'saved' } | { kind: 'invalid' }> {
  const shown = kindsFor({ representsCompany: person.companyIds.length > 0 });
  const parsed = preferencesFromForm(checked, shown);
  if (!parsed.ok) return { kind: 'invalid' };
  await inTransaction(db, async (tx) => {
    await upsertNotificationPreferences(tx, person.id, parsed.prefs, now);
    await appendAudit(tx, { at: now, actorId: person.id, actorRole: person.role, action: 'user.notification_settings', subjectKind: 'user', subjectId: person.id, data: parsed.prefs });
  });
  return { kind: 'saved' };
}

/** A token's person and kind, when its signature holds for the account as it is now. */
export type UnsubscribeTarget = { userId: number; kind: NotificationKind; email: string; enabled: boolean };

/** Checks a one-click unsubscribe token (for the confirm page); null when forged, tampered, or the account is gone. */
export async function inspectUnsubscribeToken(db: DB, token: unknown, now: number): Promise<UnsubscribeTarget | null> {
  const parsed = parseUnsubscribeToken(token);
  if (!parsed) return null;
  const user = await findNotificationRecipient(db, parsed.userId);
  if (!user) return null;
  if (!verifyUnsubscribeToken(await siteSecret(db, UNSUBSCRIBE_SECRET, now), parsed, user.email)) return null;
  const prefs = await findNotificationPreferences(db, user.userId);
  return { userId: user.userId, kind: parsed.kind, email: user.email, enabled: isKindEnabled(prefs, parsed.kind) };
}

/**
 * The one-click unsubscribe (RFC 8058 POST, or the confirm page's button): turns the token's kind
 * off for the token's person. Idempotent. Null when the token is not valid.
 */
export async function unsubscribeWithToken(db: DB, token: unknown, now: number): Promise<(UnsubscribeTarget & { changed: boolean }) | null> {
  return inTransaction(db, async (tx) => {
    const target = await inspectUnsubscribeToken(tx, token, now);
    if (!target) return null;
    if (!target.enabled) return { ...target, changed: false };
    await upsertNotificationPreferences(tx, target.userId, { [target.kind]: false }, now);
    await appendAudit(tx, { at: now, actorId: target.userId, actorRole: 'consumer', action: 'user.unsubscribe', subjectKind: 'user', subjectId: target.userId, data: { kind: target.kind } });
    return { ...target, enabled: false, changed: true };
  });
}

/** For the confirm page: the address with most of its local part hidden (g•••@example.org). */
export function maskAddress(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '•••';
  return `${email.slice(0, 1)}•••${email.slice(at)}`;
}
