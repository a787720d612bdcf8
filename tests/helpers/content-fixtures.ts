// Minimal rows for content-safety and moderation tests, inserted directly (no services), so
// these tests do not depend on other areas' use cases.
import type { DB } from '../../src/db/client.ts';
import type { Role, StoryState } from '../../src/db/schema.ts';

let seq = 0;
const next = () => ++seq;

export async function makeUser(db: DB, role: Role = 'consumer', overrides: { email?: string; displayName?: string; locale?: 'it' | 'en' } = {}): Promise<{ id: number; role: Role; email: string }> {
  const n = next();
  const email = overrides.email ?? `user${n}-${role}@example.test`;
  const row = await db
    .insertInto('users')
    .values({
      email,
      display_name: overrides.displayName ?? `User ${n}`,
      password_hash: 'scrypt$test',
      role,
      locale: overrides.locale ?? 'it',
      created_at: 1,
      email_verified_at: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, role, email };
}

export async function makeCompany(db: DB, name = `Company ${next()}`): Promise<number> {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-') + `-${next()}`;
  const row = await db
    .insertInto('companies')
    .values({ slug, name, name_key: name.toLowerCase(), created_at: 1, updated_at: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function makeStory(
  db: DB,
  companyId: number,
  authorId: number | null,
  overrides: { state?: StoryState; title?: string; body?: string; orderReference?: string | null; publishedAt?: number } = {},
): Promise<number> {
  const at = overrides.publishedAt ?? 1_700_000_000_000;
  const row = await db
    .insertInto('stories')
    .values({
      company_id: companyId,
      author_id: authorId,
      title: overrides.title ?? 'Il pacco è arrivato rotto',
      body: overrides.body ?? 'La tela era strappata e mancavano le cornici.',
      experience_date: '2026-10-01',
      category: 'delivery',
      language: 'it',
      state: overrides.state ?? 'awaiting_reply',
      state_before_hidden: null,
      published_at: at,
      reply_due_at: at + 7 * 86_400_000,
      last_activity_at: at,
      order_reference: overrides.orderReference ?? null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function makeMessage(db: DB, storyId: number, authorId: number | null, role: 'consumer' | 'company' = 'company', body = 'Ci scusiamo, rimborso in corso.'): Promise<number> {
  const row = await db
    .insertInto('story_messages')
    .values({ story_id: storyId, author_id: authorId, author_role: role, body, created_at: 1_700_000_100_000 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
