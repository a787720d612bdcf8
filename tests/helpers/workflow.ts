// Fixtures for workflow integration tests: people with roles and company claims, and a
// ready-made story input.
import type { SessionUser } from '../../src/auth/types.ts';
import type { DB } from '../../src/db/client.ts';
import type { Role } from '../../src/db/schema.ts';
import type { Actor } from '../../src/domain/story-workflow.ts';
import type { PublishStoryInput } from '../../src/services/story.service.ts';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** A fixed starting moment for journeys: 2 March 2026, 09:00 UTC. */
export const T0 = Date.UTC(2026, 2, 2, 9);

let counter = 0;

/** When fixture accounts were created: long enough before T0 not to be new accounts (score rule 8). */
export const ACCOUNTS_CREATED_AT = T0 - 365 * DAY;

export interface UserOptions {
  /** Default ACCOUNTS_CREATED_AT (an established account). */
  createdAt?: number;
  /** Default true (verified at ACCOUNTS_CREATED_AT). */
  verified?: boolean;
  email?: string;
}

export async function createUser(db: DB, role: Role = 'consumer', name = 'User', opts: UserOptions = {}): Promise<number> {
  counter++;
  const createdAt = opts.createdAt ?? ACCOUNTS_CREATED_AT;
  const row = await db
    .insertInto('users')
    .values({
      email: opts.email ?? `${role}-${counter}-${Math.random().toString(36).slice(2, 8)}@example.test`,
      email_verified_at: opts.verified === false ? null : createdAt,
      display_name: `${name} ${counter}`,
      password_hash: 'not-a-real-hash',
      role,
      locale: counter % 2 === 0 ? 'en' : 'it',
      created_at: createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function consumer(db: DB, name = 'Consumer', opts: UserOptions = {}): Promise<Actor> {
  return { kind: 'consumer', userId: await createUser(db, 'consumer', name, opts), companyIds: [] };
}

/** A company representative with a verified claim on `companyId`. */
export async function representative(db: DB, companyId: number): Promise<Actor> {
  const userId = await createUser(db, 'company_rep', 'Rep');
  await db
    .insertInto('company_claims')
    .values({ company_id: companyId, user_id: userId, method: 'domain_email', email: null, status: 'verified', created_at: T0 })
    .execute();
  return { kind: 'company', userId, companyIds: [companyId] };
}

export async function moderator(db: DB): Promise<Actor> {
  return { kind: 'moderator', userId: await createUser(db, 'moderator', 'Mod'), companyIds: [] };
}

export function storyInput(overrides: Partial<PublishStoryInput> = {}): PublishStoryInput {
  return {
    company: { name: 'Fiori Veloci S.r.l.', website: 'https://www.fioriveloci.it' },
    title: 'Reset password arrivato dopo 10 ore',
    body: 'La mail di reset è arrivata **10 ore** dopo; la chat non ha mai risposto.',
    experienceDate: '2026-02-14',
    category: 'account_access',
    language: 'it',
    channels: [
      { channel: 'chat', waitMinutes: null, answered: false },
      { channel: 'email', waitMinutes: 600, answered: true },
      { channel: 'phone_paid', waitMinutes: 12, answered: true },
    ],
    orderReference: 'ORD-12345',
    ...overrides,
  };
}

export async function auditActions(db: DB, storyId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['action'])
    .where('subject_kind', '=', 'story')
    .where('subject_id', '=', String(storyId))
    .orderBy('id')
    .execute();
  return rows.map((r) => r.action);
}

/** The signed-in user an actor of these helpers stands for (handlers take a SessionUser). */
export const sessionOf = (a: Actor, role: SessionUser['role'] = a.kind === 'moderator' ? 'moderator' : a.kind === 'company' ? 'company_rep' : 'consumer'): SessionUser => ({
  id: a.userId!,
  email: `u${a.userId}@example.org`,
  displayName: 'U',
  role,
  locale: 'it',
  emailVerified: true,
  companyIds: [...a.companyIds],
});
