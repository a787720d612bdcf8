// The public thread of a story: alternating company and consumer messages.
import { sql } from 'kysely';
import type { DB } from './client.ts';

export interface StoryMessage {
  id: number;
  storyId: number;
  authorId: number | null;
  authorRole: 'consumer' | 'company';
  body: string;
  createdAt: number;
  editedAt: number | null;
  hiddenAt: number | null;
}

export async function insertMessage(
  db: DB,
  m: { storyId: number; authorId: number | null; authorRole: 'consumer' | 'company'; body: string; createdAt: number; replyHash?: string | null; companyId?: number | null },
): Promise<number> {
  const row = await db
    .insertInto('story_messages')
    .values({ story_id: m.storyId, author_id: m.authorId, author_role: m.authorRole, body: m.body, created_at: m.createdAt, reply_hash: m.replyHash ?? null, company_id: m.companyId ?? null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The thread in order; hidden messages are included (pages decide what to show). */
export async function findMessagesForStory(db: DB, storyId: number): Promise<StoryMessage[]> {
  const rows = await db.selectFrom('story_messages').selectAll().where('story_id', '=', storyId).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    storyId: r.story_id,
    authorId: r.author_id,
    authorRole: r.author_role,
    body: r.body,
    createdAt: r.created_at,
    editedAt: r.edited_at,
    hiddenAt: r.hidden_at,
  }));
}

export async function countMessagesForStory(db: DB, storyId: number): Promise<number> {
  const row = await db.selectFrom('story_messages').select((eb) => eb.fn.countAll<number>().as('n')).where('story_id', '=', storyId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** What a moderator sees of a reported message, or null. */
export async function findMessageForModeration(db: DB, id: number) {
  return (await db.selectFrom('story_messages').select(['body', 'author_role', 'created_at']).where('id', '=', id).executeTakeFirst()) ?? null;
}

/** A message with the story it belongs to (company and state), for reports. */
export async function findMessageWithStory(db: DB, id: number) {
  return (
    (await db
      .selectFrom('story_messages')
      .innerJoin('stories', 'stories.id', 'story_messages.story_id')
      .select(['story_messages.id', 'story_messages.story_id', 'story_messages.author_id', 'story_messages.hidden_at', 'stories.company_id', 'stories.state'])
      .where('story_messages.id', '=', id)
      .executeTakeFirst()) ?? null
  );
}

export async function setMessageHidden(db: DB, id: number, hiddenAt: number | null): Promise<void> {
  await db.updateTable('story_messages').set({ hidden_at: hiddenAt }).where('id', '=', id).execute();
}

export async function listMessageIdsByAuthor(db: DB, authorId: number): Promise<number[]> {
  return (await db.selectFrom('story_messages').select('id').where('author_id', '=', authorId).execute()).map((m) => m.id);
}

export async function deleteStoryMessages(db: DB, storyId: number): Promise<void> {
  await db.deleteFrom('story_messages').where('story_id', '=', storyId).execute();
}

/** Erasure: the messages stay as the company's or the story's speech, without their author and edit history. */
export async function anonymiseMessages(db: DB, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('story_message_revisions').where('message_id', 'in', ids).execute();
  await db.updateTable('story_messages').set({ author_id: null }).where('id', 'in', ids).execute();
}

// --- standard replies (score rules v2, rule 9) -------------------------------------------------

/** Other stories of the company with a visible reply of the same normalised text since `since`. */
export async function countOtherStoriesWithReply(db: DB, companyId: number, replyHash: string, since: number, storyId: number): Promise<number> {
  const row = await db
    .selectFrom('story_messages as m')
    .innerJoin('stories as s', 's.id', 'm.story_id')
    .select((eb) => eb.fn.count<number>('m.story_id').distinct().as('n'))
    .where('m.reply_hash', '=', replyHash)
    .where('m.created_at', '>=', since)
    .where('m.author_role', '=', 'company')
    .where('m.hidden_at', 'is', null)
    .where('m.story_id', '!=', storyId)
    // The company of a reply: the one that wrote it (marketplace stories), else the story's.
    .where((eb) => eb(eb.fn.coalesce('m.company_id', 's.company_id'), '=', companyId))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Labels the company's replies of that text since `since` as standard; returns the stories whose label changed. */
export async function markStandardReplies(db: DB, companyId: number, replyHash: string, since: number): Promise<number[]> {
  const rows = await db
    .updateTable('story_messages')
    .set({ standard_reply: 1 })
    .where('reply_hash', '=', replyHash)
    .where('created_at', '>=', since)
    .where('author_role', '=', 'company')
    .where('standard_reply', '=', 0)
    .where((eb) =>
      eb.or([
        eb('company_id', '=', companyId),
        eb.and([eb('company_id', 'is', null), eb('story_id', 'in', eb.selectFrom('stories').select('id').where('company_id', '=', companyId))]),
      ]),
    )
    .returning('story_id')
    .execute();
  return [...new Set(rows.map((r) => r.story_id))];
}

/**
 * A company's visible replies since `since` and how many of them are standard replies: those on
 * its own stories (no other company named on the reply) plus those it wrote as the named company
 * of another's story. Two indexed paths (migration 2026-12-05T0530), never a scan of all replies.
 */
export async function findStandardReplyCounts(db: DB, companyId: number, since: number): Promise<{ replies: number; standard: number }> {
  const { rows } = await sql<{ replies: number; standard: number | null }>`
    select count(*) as replies, sum(standard_reply) as standard from (
      select m.standard_reply from stories s join story_messages m on m.story_id = s.id
       where s.company_id = ${companyId} and m.company_id is null and s.state != 'hidden'
         and m.author_role = 'company' and m.hidden_at is null and m.created_at >= ${since}
      union all
      select m.standard_reply from story_messages m join stories s on s.id = m.story_id
       where m.company_id = ${companyId} and s.state != 'hidden'
         and m.author_role = 'company' and m.hidden_at is null and m.created_at >= ${since}
    )`.execute(db);
  const row = rows[0]!;
  return { replies: Number(row.replies), standard: Number(row.standard ?? 0) };
}
