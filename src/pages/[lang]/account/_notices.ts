// Notices an account page may show after a redirect (?notice=…): only these keys, never free text.
export const NOTICES: Record<string, string> = {
  verified: 'auth.verify.done',
  resent: 'auth.verify.resent',
  password_changed: 'auth.signIn.passwordChanged',
  password_updated: 'auth.password.changed',
  signed_out: 'auth.signIn.signedOut',
  signed_out_everywhere: 'auth.signOut.everywhereDone',
  session_revoked: 'auth.sessions.revoked',
  deleted: 'auth.delete.done',
};

export function noticeKey(url: URL): string | null {
  const n = url.searchParams.get('notice');
  return n && Object.hasOwn(NOTICES, n) ? NOTICES[n]! : null;
}
