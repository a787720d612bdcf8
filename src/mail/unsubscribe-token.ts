// One-click unsubscribe links (RFC 8058): a token that names a person and a kind of mail, signed
// with the site's secret (HMAC-SHA256), so following it needs no sign-in and cannot be forged or
// pointed at someone else. The signature also covers the address the mail went to: a token stops
// working when the account changes address or is deleted (and its id reused).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isNotificationKind, type NotificationKind } from '../domain/notifications.ts';

/** The name of the secret in site_secrets (src/db/notification.repository.ts). */
export const UNSUBSCRIBE_SECRET = 'unsubscribe-v1';

export interface UnsubscribeClaim {
  userId: number;
  kind: NotificationKind;
}

function signature(secret: string, claim: UnsubscribeClaim, email: string): Buffer {
  return createHmac('sha256', secret).update(`unsubscribe-v1\n${claim.userId}\n${claim.kind}\n${email}`).digest();
}

/** `<user id>.<kind>.<signature>` — URL-safe as it is. */
export function signUnsubscribeToken(secret: string, claim: UnsubscribeClaim, email: string): string {
  return `${claim.userId}.${claim.kind}.${signature(secret, claim, email).toString('base64url')}`;
}

/** What a token claims, before its signature is checked; null when it is not even shaped like one. */
export function parseUnsubscribeToken(token: unknown): (UnsubscribeClaim & { sig: string }) | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  const m = /^([1-9][0-9]{0,15})\.([a-z_]{1,40})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m || !isNotificationKind(m[2])) return null;
  const userId = Number(m[1]);
  if (!Number.isSafeInteger(userId)) return null;
  return { userId, kind: m[2], sig: m[3]! };
}

/** Whether the token's signature is right for this person's current address. */
export function verifyUnsubscribeToken(secret: string, parsed: UnsubscribeClaim & { sig: string }, email: string): boolean {
  const given = Buffer.from(parsed.sig, 'base64url');
  const expected = signature(secret, parsed, email);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
