// One-time notices after a redirect (post/redirect/get), kept on the server (decision 0022).
// Before, the notice travelled in the redirect's query (`?done=published&photoName=…`), so anyone
// could send a signed-in member a link that printed text of their choosing on our page. Now the
// browser holds only a random id in an HttpOnly cookie; the row behind it holds a message key and
// its parameters (a Flash below, validated again when shown), is bound to the session that
// caused it (or to "signed out"), lives a few minutes and is deleted when shown.
//
// Page cache (decisions 0009, 0012): flashes are shown only on pages that are never cached (the
// story page of a signed-in visitor, the account pages, sign-in); a response that consumes one
// sets a cookie, and a response that sets a cookie is never stored.
import { createHash, randomBytes } from 'node:crypto';
import type { AstroCookies } from 'astro';
import { isHttps } from '../auth/cookies.ts';
import type { PiiKind } from '../content/pii.ts';
import type { PhotoErrorCode } from '../content/photos.ts';
import type { DB } from '../db/client.ts';
import { deleteExpiredFlashes, deleteFlash, findFlash, insertFlash } from '../db/flash.repository.ts';

/** Notices of the account pages (keys of src/pages/[lang]/account/_notices.ts). */
export type AccountNotice = 'verified' | 'resent' | 'password_changed' | 'password_updated' | 'signed_out' | 'signed_out_everywhere' | 'session_revoked' | 'deleted' | 'notifications_saved';

/** What was done to a story (workflow.done.<done>). */
export type StoryDone = 'reply' | 'verdict' | 'still_resolved' | 'edit' | 'withdraw' | 'add_photos' | 'order_reference' | 'confirm_customer' | 'published' | 'duplicate';

export interface PhotoRejection {
  code: PhotoErrorCode;
  /** 0-based position of the refused file, when the refusal is about one. */
  index: number | null;
  /** The uploader's own file name (shown back to that uploader only). */
  name: string | null;
}

export type Flash =
  | { kind: 'account'; notice: AccountNotice }
  | { kind: 'story'; storyId: number; done: StoryDone; masked: PiiKind[]; photo: PhotoRejection | null };

export type StoryFlash = Extract<Flash, { kind: 'story' }>;
export type AccountFlash = Extract<Flash, { kind: 'account' }>;

/** Where a handler that does not hold the page's cookies hands its notice (the page stores it). */
export type FlashSink = (flash: Flash) => Promise<void>;

/** How long a notice waits to be shown: the redirect follows at once; a few minutes is plenty. */
export const FLASH_TTL_MS = 5 * 60_000;

const COOKIE_BASE = 'answerable_flash';

export function flashCookieName(url: URL): string {
  return isHttps(url) ? `__Host-${COOKIE_BASE}` : COOKIE_BASE;
}

type Cookies = Pick<AstroCookies, 'get' | 'set' | 'delete'>;

export interface FlashContext {
  cookies: Cookies;
  url: URL;
}

const hashId = (token: string) => createHash('sha256').update(token).digest('hex');
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Stores a notice for the next page this visitor sees. `sessionId` is the session that page will
 * see (the new one after a sign-in or password change, null after a sign-out).
 */
export async function setFlash(db: DB, ctx: FlashContext, flash: Flash, sessionId: string | null, now: number = Date.now()): Promise<void> {
  const previous = ctx.cookies.get(flashCookieName(ctx.url))?.value;
  await deleteExpiredFlashes(db, now);
  if (previous && TOKEN_SHAPE.test(previous)) await deleteFlash(db, hashId(previous));
  const token = randomBytes(32).toString('base64url');
  await insertFlash(db, { id: hashId(token), session_id: sessionId, payload: JSON.stringify(flash), expires_at: now + FLASH_TTL_MS });
  ctx.cookies.set(flashCookieName(ctx.url), token, { httpOnly: true, secure: true, sameSite: 'lax', path: '/', maxAge: FLASH_TTL_MS / 1000 });
}

/**
 * The visitor's pending notice if `accept` wants it, deleted as it is read (shown once). A notice
 * for another session, or one this page does not show, is left alone (it expires).
 */
export async function takeFlash<F extends Flash>(
  db: DB,
  ctx: FlashContext,
  sessionId: string | null,
  accept: (flash: Flash) => flash is F,
  now: number = Date.now(),
): Promise<F | null> {
  const token = ctx.cookies.get(flashCookieName(ctx.url))?.value;
  if (!token) return null;
  if (!TOKEN_SHAPE.test(token)) {
    ctx.cookies.delete(flashCookieName(ctx.url), { path: '/' });
    return null;
  }
  const id = hashId(token);
  const row = await findFlash(db, id);
  if (!row || row.expires_at <= now) {
    ctx.cookies.delete(flashCookieName(ctx.url), { path: '/' });
    return null;
  }
  if (row.session_id !== sessionId) return null;
  let flash: unknown;
  try {
    flash = JSON.parse(row.payload);
  } catch {
    flash = null;
  }
  if (!isFlash(flash) || !accept(flash)) return null;
  const deleted = await deleteFlash(db, id);
  ctx.cookies.delete(flashCookieName(ctx.url), { path: '/' });
  // Two tabs at once: only the one that deleted the row shows it.
  return deleted ? flash : null;
}

function isFlash(value: unknown): value is Flash {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.kind === 'account') return typeof v.notice === 'string';
  return v.kind === 'story' && typeof v.storyId === 'number' && typeof v.done === 'string' && Array.isArray(v.masked);
}

export const isAccountFlash = (f: Flash): f is AccountFlash => f.kind === 'account';

export function isStoryFlash(storyId: number): (f: Flash) => f is StoryFlash {
  return (f): f is StoryFlash => f.kind === 'story' && f.storyId === storyId;
}
