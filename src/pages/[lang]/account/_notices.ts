// Notices an account page shows after a redirect: a one-time flash of the visitor's session kept
// on the server (src/http/flash.ts, decision 0022), never a URL parameter. Only these keys.
import type { AstroGlobal } from 'astro';
import type { DB } from '../../../db/client.ts';
import { isAccountFlash, setFlash, takeFlash, type AccountNotice } from '../../../http/flash.ts';

export const NOTICES: Record<AccountNotice, string> = {
  verified: 'auth.verify.done',
  resent: 'auth.verify.resent',
  password_changed: 'auth.signIn.passwordChanged',
  password_updated: 'auth.password.changed',
  signed_out: 'auth.signIn.signedOut',
  signed_out_everywhere: 'auth.signOut.everywhereDone',
  session_revoked: 'auth.sessions.revoked',
  deleted: 'auth.delete.done',
  notifications_saved: 'notify.settings.saved',
};

type PageContext = Pick<AstroGlobal, 'cookies' | 'url' | 'request' | 'locals' | 'redirect'>;

/**
 * A 303 to `location` with a notice for the next page. `sessionId` is the session that page
 * will see: the new one after a sign-in or password change, null after a sign-out.
 */
export async function redirectWithNotice(db: DB, ctx: PageContext, location: string, notice: AccountNotice, sessionId: string | null): Promise<Response> {
  await setFlash(db, ctx, { kind: 'account', notice }, sessionId);
  return ctx.redirect(location, 303);
}

/** The i18n key of this visitor's pending account notice (shown once), or null. */
export async function takeNotice(db: DB, ctx: PageContext): Promise<string | null> {
  if (ctx.request.method !== 'GET') return null;
  const flash = await takeFlash(db, ctx, ctx.locals.session?.id ?? null, isAccountFlash);
  return flash && Object.hasOwn(NOTICES, flash.notice) ? NOTICES[flash.notice] : null;
}
