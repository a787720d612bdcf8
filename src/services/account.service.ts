// Account use cases: sign-up, e-mail verification, sign-in, sign-out, password change and reset,
// bans and roles (account deletion: eraseAccount in erasure.service.ts). Each use case is one
// transaction with its audit row and outbox mail; the mail relay is woken right after commit.
//
// No user enumeration: sign-up, sign-in and reset answer the same way, in about the same time,
// whether or not the address has an account (the difference goes by mail to the owner).
import { maskPii } from '../content/pii.ts';
import { isDisposableEmail } from '../domain/claim-domain.ts';
import { z } from 'astro/zod';
import type { DB } from '../db/client.ts';
import type { Locale, Role, UserRow } from '../db/schema.ts';
import { startCountingVerifiedAuthor } from './story.service.ts';
import { appendAudit } from '../db/audit.repository.ts';
import { findUserByEmail, findUserById, insertUser, updateUser } from '../db/user.repository.ts';
import { isReservedDisplayName } from '../domain/display-names.ts';
import { enqueueMail } from '../db/outbox.repository.ts';
import { t } from '../i18n/index.ts';
import { notifyMailEnqueued } from '../mail/outbox.ts';
import { composeMail } from '../mail/compose.ts';
import {
  hashPassword,
  HashingBusy,
  hashingQueueFull,
  needsRehash,
  passwordProblem,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  verifyAgainstDummy,
  verifyPassword,
} from '../auth/password.ts';
import { AUTH_LIMITS, rateLimit, rateLimitAll, rateLimitPeek, releaseRateLimit, resetRateLimit } from '../auth/rate-limit.ts';
import { createSession, invalidateSession, invalidateUserSessions, type CreatedSession } from '../auth/session.ts';
import { digestKey, generateToken, splitToken } from '../auth/token.ts';
import { inTransaction } from '../db/transaction.ts';
import { consumeUserToken, createUserToken, revokeUserTokens } from '../auth/user-tokens.ts';

/** Who is asking and from where: injected so tests control the clock and the client address. */
export interface RequestInfo {
  now: number;
  /** Public origin for links in mail, e.g. https://answerable.example */
  origin: string;
  locale: Locale;
  ip: string;
  userAgent?: string | null;
}

export type RateLimited = { kind: 'rate_limited'; retryAfterSeconds: number };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// ---- Schemas (field messages are i18n keys, see src/http/forms.ts) ----

/** Why 254: the longest address SMTP can carry (RFC 5321 path limit). */
const EmailField = z.preprocess(
  (v) => (typeof v === 'string' ? normalizeEmail(v) : v),
  z.string().min(1).max(254).pipe(z.email({ error: 'form.invalidEmail' })),
);
/** The password as typed: never trimmed (spaces are allowed and count). */
const PasswordField = z.string().min(1).max(PASSWORD_MAX_LENGTH, { error: 'auth.password.tooLong' });
/** A new password: length here (so the message can say how long), the rest of the policy below. */
const NewPasswordField = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { error: 'auth.password.tooShort' })
  .max(PASSWORD_MAX_LENGTH, { error: 'auth.password.tooLong' });
/** 2–40: long enough for a real name, short enough for story cards; no control characters or markup. */
const DisplayNameField = z
  .string()
  .trim()
  .min(2, { error: 'auth.displayName.invalid' })
  .max(40, { error: 'auth.displayName.invalid' })
  .regex(/^[\p{L}\p{M}\p{N} .,'’_-]+$/u, { error: 'auth.displayName.invalid' })
  // Names that pass for staff or the site, disguises included (src/domain/display-names.ts).
  .refine((name) => !isReservedDisplayName(name), { error: 'auth.displayName.reserved' });

function policyIssue(ctx: z.RefinementCtx, path: string, password: string, context: { email?: string; displayName?: string }) {
  const problem = passwordProblem(password, context);
  if (problem === 'common' || problem === 'containsEmail') ctx.addIssue({ code: 'custom', path: [path], message: `auth.password.${problem}` });
}

export const SignUpSchema = z
  .object({ displayName: DisplayNameField, email: EmailField, password: NewPasswordField, locale: z.enum(['it', 'en']).optional() })
  .superRefine((v, ctx) => {
    // A throw-away mailbox is gone tomorrow: no account (and no claim) rests on one.
    if (isDisposableEmail(v.email)) ctx.addIssue({ code: 'custom', path: ['email'], message: 'identity.signUp.disposable' });
    policyIssue(ctx, 'password', v.password, v);
  });

export const SignInSchema = z.object({ email: EmailField, password: PasswordField, next: z.string().max(500).optional() });

export const ForgotPasswordSchema = z.object({ email: EmailField });

export const ResetPasswordSchema = z
  .object({ token: z.string().min(1).max(200), password: NewPasswordField, confirm: z.string().max(PASSWORD_MAX_LENGTH) })
  .superRefine((v, ctx) => {
    policyIssue(ctx, 'password', v.password, {});
    if (v.password !== v.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'auth.password.mismatch' });
  });

export const ChangePasswordSchema = z
  .object({ current: PasswordField, password: NewPasswordField, confirm: z.string().max(PASSWORD_MAX_LENGTH) })
  .superRefine((v, ctx) => {
    if (v.password !== v.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'auth.password.mismatch' });
  });

export const DeleteAccountSchema = z.object({ stories: z.enum(['withdraw', 'anonymise']), password: PasswordField });

// ---- Mail ----

function link(info: Pick<RequestInfo, 'origin'>, locale: Locale, path: string, token?: string): string {
  return `${info.origin}/${locale}${path}${token ? `?token=${encodeURIComponent(token)}` : ''}`;
}

/** An account mail (a security notice: never unsubscribable), greeting the person when named. */
async function accountMail(
  db: DB,
  mail: { to: string; locale: Locale; template: string; subject: string; name?: string; lines: string[] },
  now: number,
): Promise<void> {
  await enqueueMail(db, composeMail({ ...mail, signature: true }), now);
}

// ---- Users ----

/** The account with this address (normalised first), or null. */
export async function findUserByAddress(db: DB, email: string): Promise<UserRow | null> {
  return findUserByEmail(db, normalizeEmail(email));
}

// ---- Sign up and verify ----

export type SignUpResult = { kind: 'check_inbox' } | RateLimited;

export async function signUp(
  db: DB,
  input: { displayName: string; email: string; password: string; locale?: Locale },
  info: RequestInfo,
): Promise<SignUpResult> {
  const email = normalizeEmail(input.email);
  // Per address too, whether or not it has an account (so the answer tells nothing): the owner of
  // an existing account gets at most a few "you already have an account" mails.
  const limited = await rateLimitAll(
    db,
    [
      { key: `signup:ip:${info.ip}`, ...AUTH_LIMITS.signUpPerIp },
      { key: `signup:email:${digestKey(email)}`, ...AUTH_LIMITS.signUpPerEmail },
    ],
    info.now,
  );
  if (!limited.ok) return { kind: 'rate_limited', retryAfterSeconds: limited.retryAfterSeconds };
  const locale = input.locale ?? info.locale;
  // Hash first, whatever happens next: an existing address must cost the same time as a new one.
  const passwordHash = await hashPassword(input.password);
  await inTransaction(db, async (tx) => {
    const existing = await findUserByEmail(tx, email);
    if (existing) {
      await accountMail(
        tx,
        {
          to: email,
          locale: existing.locale,
          template: 'account_exists',
          subject: t(existing.locale, 'auth.mail.exists.subject'),
          name: existing.display_name,
          lines: [
            t(existing.locale, 'auth.mail.exists.body'),
            link(info, existing.locale, '/account/sign-in'),
            '',
            t(existing.locale, 'auth.mail.exists.reset'),
            link(info, existing.locale, '/account/forgot-password'),
            '',
            t(existing.locale, 'auth.mail.ignore'),
          ],
        },
        info.now,
      );
      return;
    }
    // The display name is public (author of stories and replies): masked like all public text.
    const userId = await insertUser(tx, { email, display_name: maskPii(input.displayName.trim()).text, password_hash: passwordHash, locale, created_at: info.now, email_verified_at: null, password_changed_at: null, banned_at: null });
    await sendVerification(tx, { id: userId, email, display_name: maskPii(input.displayName.trim()).text, locale }, info);
    await appendAudit(tx, { at: info.now, actorId: userId, actorRole: 'consumer', action: 'user.sign_up', subjectKind: 'user', subjectId: userId });
  });
  notifyMailEnqueued();
  return { kind: 'check_inbox' };
}

async function sendVerification(
  db: DB,
  user: { id: number; email: string; display_name: string; locale: Locale },
  info: RequestInfo,
): Promise<void> {
  const token = await createUserToken(db, user.id, 'verify_email', info.now, { email: user.email });
  await accountMail(
    db,
    {
      to: user.email,
      locale: user.locale,
      template: 'verify_email',
      subject: t(user.locale, 'auth.mail.verify.subject'),
      name: user.display_name,
      lines: [t(user.locale, 'auth.mail.verify.body'), link(info, user.locale, '/account/verify-email', token), '', t(user.locale, 'auth.mail.ignore')],
    },
    info.now,
  );
}

export async function resendVerification(db: DB, userId: number, info: RequestInfo): Promise<{ kind: 'sent' | 'already_verified' } | RateLimited> {
  const user = await findUserById(db, userId);
  if (!user) return { kind: 'already_verified' };
  if (user.email_verified_at !== null) return { kind: 'already_verified' };
  const limited = await rateLimitAll(db, [{ key: `verify:user:${userId}`, ...AUTH_LIMITS.verifyResendPerUser }], info.now);
  if (!limited.ok) return { kind: 'rate_limited', retryAfterSeconds: limited.retryAfterSeconds };
  await inTransaction(db, (tx) => sendVerification(tx, user, info));
  notifyMailEnqueued();
  return { kind: 'sent' };
}

/**
 * Uses a verification link: marks the address verified, and nothing else. It never opens or
 * switches a session: whoever clicks a link (perhaps one an attacker sent them for the attacker's
 * own account) stays who they were, and the account's owner signs in with the password.
 * Null when the link is invalid or used.
 */
export async function verifyEmail(db: DB, token: string, info: RequestInfo): Promise<{ userId: number } | null> {
  return inTransaction(db, async (tx) => {
    const used = await consumeUserToken(tx, token, 'verify_email', info.now);
    if (!used) return null;
    const user = await findUserById(tx, used.userId);
    const data = used.data as { email?: string } | null;
    if (!user || user.banned_at !== null || (data?.email && data.email !== user.email)) return null;
    if (user.email_verified_at === null) {
      await updateUser(tx, user.id, { email_verified_at: info.now });
      await appendAudit(tx, { at: info.now, actorId: user.id, actorRole: 'consumer', action: 'user.verify_email', subjectKind: 'user', subjectId: user.id });
      // Score rules v2, rule 8: the author's stories start counting.
      await startCountingVerifiedAuthor(tx, user.id, info.now);
    }
    return { userId: user.id };
  });
}

// ---- Sign in / out ----

export type SignInResult =
  | ({ kind: 'ok'; userId: number } & CreatedSession)
  | { kind: 'invalid' }
  | { kind: 'banned' }
  | RateLimited
  | Busy;

/** The password hashing queue is full (see src/auth/password.ts): nothing was checked. */
export type Busy = { kind: 'busy'; retryAfterSeconds: number };

function signInKeys(email: string, ip: string) {
  const account = digestKey(normalizeEmail(email));
  return { ip: `signin:ip:${ip}`, place: `signin:account-ip:${account}:${ip}`, account: `signin:account:${account}` };
}

/**
 * Whether the client address is already over its sign-in limit, without counting: lets the page
 * refuse before it reads the form.
 */
export async function signInAddressLimited(db: DB, info: Pick<RequestInfo, 'ip' | 'now'>): Promise<RateLimited | null> {
  const { limit, windowMs } = AUTH_LIMITS.signInPerIp;
  const peek = await rateLimitPeek(db, `signin:ip:${info.ip}`, limit, windowMs, info.now);
  return peek.ok ? null : { kind: 'rate_limited', retryAfterSeconds: peek.retryAfterSeconds };
}

/**
 * Checks the password and opens a NEW session (never reuses one presented by the browser: that
 * would allow session fixation); the previous session of this browser, if any, is deleted.
 *
 * Limits (decision 0019): the attempt is counted before the password is checked (each count is
 * one atomic upsert), so concurrent guesses cannot slip past the limit; a success gives its hits
 * back. Per address, per account and address, and per account — the last only for addresses that
 * already failed here, plus a high ceiling for all — so failing on purpose from one place never
 * locks the owner out elsewhere.
 */
export async function signIn(
  db: DB,
  input: { email: string; password: string },
  info: RequestInfo,
  previousToken?: string | null,
): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const L = AUTH_LIMITS;
  const keys = signInKeys(email, info.ip);
  // A full hashing queue refuses at once, before anything is counted.
  const busy = hashingQueueFull();
  if (busy !== null) return { kind: 'busy', retryAfterSeconds: busy };
  const limited = (r: { retryAfterSeconds: number }): RateLimited => ({ kind: 'rate_limited', retryAfterSeconds: r.retryAfterSeconds });
  const ip = await rateLimit(db, keys.ip, L.signInPerIp.limit, L.signInPerIp.windowMs, info.now);
  if (!ip.ok) return limited(ip);
  const place = await rateLimit(db, keys.place, L.signInPerAccountAndIp.limit, L.signInPerAccountAndIp.windowMs, info.now);
  if (!place.ok) return limited(place);
  const account = await rateLimit(db, keys.account, L.signInAccountCeiling.limit, L.signInAccountCeiling.windowMs, info.now);
  if (!account.ok) return limited(account);
  const triesHere = L.signInPerAccountAndIp.limit - place.remaining;
  if (triesHere > L.signInFreshTries) {
    // This address already failed here: the account's own (lower) limit applies to it.
    const hot = await rateLimitPeek(db, keys.account, L.signInPerAccount.limit + 1, L.signInPerAccount.windowMs, info.now);
    if (!hot.ok) {
      await releaseRateLimit(db, keys.account, L.signInAccountCeiling.windowMs, info.now);
      return limited(hot);
    }
  }
  const giveBack = async () => {
    await releaseRateLimit(db, keys.ip, L.signInPerIp.windowMs, info.now);
    await releaseRateLimit(db, keys.account, L.signInAccountCeiling.windowMs, info.now);
  };

  let user: UserRow | null;
  let ok: boolean;
  try {
    user = await findUserByAddress(db, email);
    // Unknown address: spend the same scrypt time on a dummy hash, then answer like a wrong password.
    ok = user ? await verifyPassword(user.password_hash, input.password) : await verifyAgainstDummy(input.password);
  } catch (error) {
    if (!(error instanceof HashingBusy)) throw error;
    // Nothing was checked: the attempt does not count.
    await giveBack();
    await releaseRateLimit(db, keys.place, L.signInPerAccountAndIp.windowMs, info.now);
    return { kind: 'busy', retryAfterSeconds: error.retryAfterSeconds };
  }
  if (!user || !ok) return { kind: 'invalid' };
  if (user.banned_at !== null) return { kind: 'banned' };
  await giveBack();
  await resetRateLimit(db, keys.place);
  if (needsRehash(user.password_hash)) {
    try {
      await updateUser(db, user.id, { password_hash: await hashPassword(input.password) });
    } catch (error) {
      if (!(error instanceof HashingBusy)) throw error; // upgraded at a later sign-in
    }
  }
  const previous = splitToken(previousToken);
  if (previous) await invalidateSession(db, previous.id);
  const created = await createSession(db, user.id, { now: info.now, userAgent: info.userAgent });
  return { kind: 'ok', userId: user.id, ...created };
}

export async function signOut(db: DB, sessionId: string): Promise<void> {
  await invalidateSession(db, sessionId);
}

export async function signOutEverywhere(db: DB, userId: number, now: number): Promise<number> {
  return inTransaction(db, async (tx) => {
    const n = await invalidateUserSessions(tx, userId);
    await appendAudit(tx, { at: now, actorId: userId, actorRole: 'consumer', action: 'user.sign_out_everywhere', subjectKind: 'user', subjectId: userId, data: { sessions: n } });
    return n;
  });
}

// ---- Passwords ----

async function passwordChangedMail(db: DB, user: Pick<UserRow, 'email' | 'display_name' | 'locale'>, info: RequestInfo): Promise<void> {
  await accountMail(
    db,
    {
      to: user.email,
      locale: user.locale,
      template: 'password_changed',
      subject: t(user.locale, 'auth.mail.changed.subject'),
      name: user.display_name,
      lines: [t(user.locale, 'auth.mail.changed.body'), link(info, user.locale, '/account/forgot-password')],
    },
    info.now,
  );
}

export type ChangePasswordResult =
  | ({ kind: 'ok' } & CreatedSession)
  | { kind: 'wrong_current' }
  | { kind: 'weak'; problem: string }
  | RateLimited;

/**
 * Changes the password, revokes EVERY session of the user (a thief holding one loses it) and
 * opens a fresh one for the device that made the change.
 */
export async function changePassword(
  db: DB,
  userId: number,
  input: { current: string; password: string },
  info: RequestInfo,
): Promise<ChangePasswordResult> {
  const user = await findUserById(db, userId);
  if (!user) return { kind: 'wrong_current' };
  const limited = await rateLimitAll(db, [{ key: `password:user:${userId}`, ...AUTH_LIMITS.signInPerAccount }], info.now);
  if (!limited.ok) return { kind: 'rate_limited', retryAfterSeconds: limited.retryAfterSeconds };
  if (!(await verifyPassword(user.password_hash, input.current))) return { kind: 'wrong_current' };
  const problem = passwordProblem(input.password, { email: user.email, displayName: user.display_name });
  if (problem) return { kind: 'weak', problem };
  const hash = await hashPassword(input.password);
  const created = await inTransaction(db, async (tx) => {
    await updateUser(tx, userId, { password_hash: hash, password_changed_at: info.now });
    await invalidateUserSessions(tx, userId);
    await revokeUserTokens(tx, userId, 'reset_password', info.now);
    await appendAudit(tx, { at: info.now, actorId: userId, actorRole: user.role, action: 'user.change_password', subjectKind: 'user', subjectId: userId });
    await passwordChangedMail(tx, user, info);
    return createSession(tx, userId, { now: info.now, userAgent: info.userAgent });
  });
  notifyMailEnqueued();
  return { kind: 'ok', ...created };
}

export type ResetRequestResult = { kind: 'sent' } | RateLimited;

/**
 * Same answer, and the same work, whether or not the address has an account: one transaction that
 * looks the address up, revokes the older links, makes a new one and queues ONE mail to the
 * address — the reset link for an account, a "no account uses this address" note otherwise — and
 * an audit row. So neither the answer, nor the writes, nor their time tell who is registered.
 * Only the newest link works: asking again revokes the older ones (using one revokes all).
 */
export async function requestPasswordReset(db: DB, input: { email: string }, info: RequestInfo): Promise<ResetRequestResult> {
  const email = normalizeEmail(input.email);
  const limited = await rateLimitAll(
    db,
    [
      { key: `reset:ip:${info.ip}`, ...AUTH_LIMITS.resetPerIp },
      { key: `reset:email:${digestKey(email)}`, ...AUTH_LIMITS.resetPerEmail },
    ],
    info.now,
  );
  if (!limited.ok) return { kind: 'rate_limited', retryAfterSeconds: limited.retryAfterSeconds };
  await inTransaction(db, async (tx) => {
    const user = await findUserByEmail(tx, email);
    const account = user && user.banned_at === null ? user : null;
    // user id 0 never exists: an unknown address runs the same statement on no rows.
    await revokeUserTokens(tx, account?.id ?? 0, 'reset_password', info.now);
    const token = account ? await createUserToken(tx, account.id, 'reset_password', info.now) : generateToken().token;
    if (account) {
      await accountMail(
        tx,
        {
          to: account.email,
          locale: account.locale,
          template: 'reset_password',
          subject: t(account.locale, 'auth.mail.reset.subject'),
          name: account.display_name,
          lines: [t(account.locale, 'auth.mail.reset.body'), link(info, account.locale, '/account/reset-password', token), '', t(account.locale, 'auth.mail.ignore')],
        },
        info.now,
      );
    } else if (!user) {
      // A banned account gets nothing; anybody else learns that no account uses the address.
      await accountMail(
        tx,
        {
          to: email,
          locale: info.locale,
          template: 'reset_no_account',
          subject: t(info.locale, 'auth.mail.resetNoAccount.subject'),
          lines: [t(info.locale, 'auth.mail.resetNoAccount.body'), link(info, info.locale, '/account/sign-up'), '', t(info.locale, 'auth.mail.ignore')],
        },
        info.now,
      );
    }
    await appendAudit(tx, { at: info.now, actorId: user?.id ?? null, actorRole: user?.role ?? 'anonymous', action: 'user.request_reset', subjectKind: 'user', subjectId: user?.id ?? 'unknown' });
  });
  notifyMailEnqueued();
  return { kind: 'sent' };
}

export type ResetPasswordResult = { kind: 'ok'; userId: number } | { kind: 'invalid_token' } | { kind: 'weak'; problem: string };

/**
 * Sets a new password from a reset link. The link proves control of the mailbox, so the address
 * counts as verified; every session is revoked and every other reset link dies.
 */
export async function resetPassword(db: DB, input: { token: string; password: string }, info: RequestInfo): Promise<ResetPasswordResult> {
  const hash = await hashPassword(input.password);
  const result = await inTransaction(db, async (tx): Promise<ResetPasswordResult> => {
    const used = await consumeUserToken(tx, input.token, 'reset_password', info.now);
    if (!used) return { kind: 'invalid_token' };
    const user = await findUserById(tx, used.userId);
    if (!user || user.banned_at !== null) return { kind: 'invalid_token' };
    const problem = passwordProblem(input.password, { email: user.email, displayName: user.display_name });
    if (problem) {
      // Do not burn the link on a weak choice: undo the consumption by rolling back.
      throw new WeakPassword(problem);
    }
    await updateUser(tx, user.id, { password_hash: hash, password_changed_at: info.now, email_verified_at: user.email_verified_at ?? info.now });
    if (user.email_verified_at === null) await startCountingVerifiedAuthor(tx, user.id, info.now);
    await invalidateUserSessions(tx, user.id);
    await revokeUserTokens(tx, user.id, 'reset_password', info.now);
    await appendAudit(tx, { at: info.now, actorId: user.id, actorRole: user.role, action: 'user.reset_password', subjectKind: 'user', subjectId: user.id });
    await passwordChangedMail(tx, user, info);
    return { kind: 'ok', userId: user.id };
  }).catch((err: unknown) => {
    if (err instanceof WeakPassword) return { kind: 'weak' as const, problem: err.problem };
    throw err;
  });
  if (result.kind === 'ok') notifyMailEnqueued();
  return result;
}

class WeakPassword extends Error {
  readonly problem: string;
  constructor(problem: string) {
    super(problem);
    this.problem = problem;
  }
}

// ---- Staff actions ----

/** Bans a user: every session dies at once and sign-in is refused. */
export async function banUser(db: DB, actor: { id: number | null; role: string }, userId: number, now: number, reason: string): Promise<void> {
  await inTransaction(db, async (tx) => {
    await updateUser(tx, userId, { banned_at: now });
    await invalidateUserSessions(tx, userId);
    await appendAudit(tx, { at: now, actorId: actor.id, actorRole: actor.role, action: 'user.ban', subjectKind: 'user', subjectId: userId, data: { reason } });
  });
}

export async function unbanUser(db: DB, actor: { id: number | null; role: string }, userId: number, now: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    await updateUser(tx, userId, { banned_at: null });
    await appendAudit(tx, { at: now, actorId: actor.id, actorRole: actor.role, action: 'user.unban', subjectKind: 'user', subjectId: userId });
  });
}

export const ROLES: readonly Role[] = ['consumer', 'company_rep', 'moderator', 'admin'];

/** Sets a role by e-mail (npm run user:role). Returns false when no such user exists. */
export async function setUserRole(db: DB, email: string, role: Role, now: number, actor: { id: number | null; role: string } = { id: null, role: 'system' }): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const user = await findUserByEmail(tx, normalizeEmail(email));
    if (!user) return false;
    await updateUser(tx, user.id, { role });
    await appendAudit(tx, { at: now, actorId: actor.id, actorRole: actor.role, action: 'user.set_role', subjectKind: 'user', subjectId: user.id, fromState: user.role, toState: role });
    return true;
  });
}
