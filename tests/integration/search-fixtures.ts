// Rows for the search tests: a company and stories inserted the way the services do it (the
// change and its outbox row in one transaction). Not a test file itself.
import type { DB } from '../../src/db/client.ts';
import type { Channel, NewStory } from '../../src/db/schema.ts';
import { enqueueSearchEvent } from '../../src/db/outbox.repository.ts';
import { inTransaction } from '../../src/db/transaction.ts';

const day = 86_400_000;
export const fixtureStart = Date.UTC(2026, 10, 1, 9, 0);

export async function insertCompany(db: DB, name: string, overrides: { country?: string; domain?: string } = {}): Promise<number> {
  const slug = name.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-');
  return inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto('companies')
      .values({
        slug,
        name,
        name_key: slug.replace(/-/g, ''),
        country: overrides.country ?? 'IT',
        domain: overrides.domain ?? null,
        created_at: fixtureStart,
        updated_at: fixtureStart,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await enqueueSearchEvent(trx, { kind: 'company.upsert', companyId: row.id }, fixtureStart);
    return row.id;
  });
}

export async function insertStory(
  db: DB,
  companyId: number,
  fields: Partial<NewStory> & { title: string; body: string },
  channels: Channel[] = ['email'],
): Promise<number> {
  return inTransaction(db, async (trx) => {
    const publishedAt = fields.published_at ?? fixtureStart;
    const row = await trx
      .insertInto('stories')
      .values({
        company_id: companyId,
        experience_date: '2026-10-30',
        category: 'delivery',
        language: 'it',
        state: 'awaiting_reply',
        published_at: publishedAt,
        reply_due_at: publishedAt + 7 * day,
        last_activity_at: publishedAt,
        created_at: publishedAt,
        updated_at: publishedAt,
        ...fields,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const channel of channels) await trx.insertInto('story_channels').values({ story_id: row.id, channel }).execute();
    await enqueueSearchEvent(trx, { kind: 'story.upsert', storyId: row.id }, publishedAt);
    return row.id;
  });
}

/** A state change the way the workflow makes it: update + outbox row in one transaction. */
export async function changeStory(db: DB, storyId: number, set: Partial<NewStory>, at = fixtureStart): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.updateTable('stories').set(set).where('id', '=', storyId).execute();
    const hidden = set.state === 'hidden' || set.state === 'withdrawn';
    await enqueueSearchEvent(trx, { kind: hidden ? 'story.delete' : 'story.upsert', storyId }, at);
  });
}
