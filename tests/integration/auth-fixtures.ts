// Shared set-up for the auth-*.test.ts files: users with a known password (hashed once, scrypt is
// deliberately slow), request info with an injected clock, companies.
import { createContext } from 'astro/middleware';
import type { DB } from '../../src/db/client.ts';
import type { Role } from '../../src/db/schema.ts';
import { hashPassword } from '../../src/auth/password.ts';
import type { RequestInfo } from '../../src/services/account.service.ts';

export const PASSWORD = 'tre gatti sul tetto di Lucca';
let hashed: Promise<string> | undefined;

export function passwordHash(): Promise<string> {
  hashed ??= hashPassword(PASSWORD);
  return hashed;
}

export const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);

export function info(now = T0, over: Partial<RequestInfo> = {}): RequestInfo {
  return { now, origin: 'http://localhost:4321', locale: 'en', ip: '203.0.113.7', userAgent: 'vitest', ...over };
}

let seq = 0;

export async function makeUser(
  db: DB,
  opts: { email?: string; name?: string; role?: Role; verified?: boolean } = {},
): Promise<{ id: number; email: string }> {
  seq++;
  const email = opts.email ?? `user${seq}-${Math.random().toString(36).slice(2, 8)}@example.org`;
  const row = await db
    .insertInto('users')
    .values({
      email,
      display_name: opts.name ?? `User ${seq}`,
      password_hash: await passwordHash(),
      role: opts.role ?? 'consumer',
      locale: 'en',
      created_at: T0,
      email_verified_at: opts.verified === false ? null : T0,
      password_changed_at: null,
      banned_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, email };
}

export async function makeCompany(db: DB, slug: string, domain: string | null): Promise<number> {
  const row = await db
    .insertInto('companies')
    // A company with a domain has it trusted (as if a moderator set it): claims by its address are verified by the link.
    .values({ slug, name: slug.replace(/-/g, ' '), name_key: slug, domain, website: domain ? `https://${domain}` : null, description: null, claimed_by_user_id: null, claimed_at: null, merged_into_id: null, created_at: T0, updated_at: T0, domain_trust: domain ? 'moderator' : null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An Astro API context for a request, as the middleware and pages see it. */
export function contextFor(url: string, init: RequestInit = {}) {
  return createContext({
    request: new Request(url, init),
    defaultLocale: 'it',
    locals: { user: null, session: null } as App.Locals,
    clientAddress: '203.0.113.7',
  });
}

/** The link in a mail body (first http URL). */
export function firstLink(text: string): string {
  const m = /https?:\/\/\S+/.exec(text);
  if (!m) throw new Error(`no link in mail: ${text}`);
  return m[0];
}

export function tokenFromLink(link: string): string {
  return new URL(link).searchParams.get('token') ?? '';
}
