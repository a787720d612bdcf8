// Stories, their channels, revisions and "still resolved?" follow-ups. Rows are mapped to the
// domain `Story` (camelCase, booleans) so services hand the domain what it expects.
// Others may append read-only query functions at the end of this file.
import { DomainError } from '../domain/errors.ts';
import type { StoryPatch, WorkflowStory } from '../domain/story-workflow.ts';
import type { FollowupKind } from '../domain/clocks.ts';
import { sql } from 'kysely';
import type { DB } from './client.ts';
import type { Channel, Flag, Locale, NewStory, StoryCategory, StoryRow, StoryState, StoryUpdate } from './schema.ts';

export interface Story extends WorkflowStory {
  id: number;
  source: StoryRow['source'];
  externalId: string | null;
  title: string;
  body: string;
  experienceDate: string;
  category: StoryCategory;
  language: Locale;
  orderReference: string | null;
  evidenceVerifiedAt: number | null;
  /** Why the story does not count in the score yet (rule 8); null: it counts. */
  scoreHold: 'unverified' | 'review' | null;
  scoreReleasedAt: number | null;
  /** The company confirmed the order reference ("verified customer"). */
  customerConfirmedAt: number | null;
  dedupeKey: string | null;
  version: number;
  createdAt: number;
  updatedAt: number;
}

export interface StoryChannelInput {
  channel: Channel;
  /** Minutes the consumer waited; null when not reported or never answered. */
  waitMinutes: number | null;
  answered: boolean;
}

const flag = (v: boolean | null | undefined): Flag | null => (v === null || v === undefined ? null : v ? 1 : 0);
const bool = (v: Flag | null): boolean | null => (v === null ? null : v === 1);

export function toStory(row: StoryRow): Story {
  return {
    id: row.id,
    companyId: row.company_id,
    authorId: row.author_id,
    source: row.source,
    externalId: row.external_id,
    title: row.title,
    body: row.body,
    experienceDate: row.experience_date,
    category: row.category,
    language: row.language,
    state: row.state,
    stateBeforeHidden: row.state_before_hidden,
    publishedAt: row.published_at,
    replyDueAt: row.reply_due_at,
    firstReplyAt: row.first_reply_at,
    verdictAt: row.verdict_at,
    resolved: bool(row.resolved),
    wouldBuyAgain: bool(row.would_buy_again),
    rating: row.rating,
    verdictComment: row.verdict_comment,
    verdictLate: row.verdict_late === 1,
    reopenedAt: row.reopened_at,
    closedAt: row.closed_at,
    editedAt: row.edited_at,
    withdrawnAt: row.withdrawn_at,
    hiddenAt: row.hidden_at,
    lastActivityAt: row.last_activity_at,
    orderReference: row.order_reference,
    evidenceVerifiedAt: row.evidence_verified_at,
    scoreHold: row.score_hold,
    scoreReleasedAt: row.score_released_at,
    customerConfirmedAt: row.customer_confirmed_at,
    dedupeKey: row.dedupe_key,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Column values for a workflow patch. */
export function patchToColumns(patch: StoryPatch): StoryUpdate {
  const u: StoryUpdate = {};
  if (patch.state !== undefined) u.state = patch.state;
  if (patch.stateBeforeHidden !== undefined) u.state_before_hidden = patch.stateBeforeHidden;
  if (patch.publishedAt !== undefined) u.published_at = patch.publishedAt;
  if (patch.replyDueAt !== undefined) u.reply_due_at = patch.replyDueAt;
  if (patch.firstReplyAt !== undefined) u.first_reply_at = patch.firstReplyAt;
  if (patch.verdictAt !== undefined) u.verdict_at = patch.verdictAt;
  if (patch.resolved !== undefined) u.resolved = flag(patch.resolved);
  if (patch.wouldBuyAgain !== undefined) u.would_buy_again = flag(patch.wouldBuyAgain);
  if (patch.rating !== undefined) u.rating = patch.rating;
  if (patch.verdictComment !== undefined) u.verdict_comment = patch.verdictComment;
  if (patch.verdictLate !== undefined) u.verdict_late = patch.verdictLate ? 1 : 0;
  if (patch.reopenedAt !== undefined) u.reopened_at = patch.reopenedAt;
  if (patch.closedAt !== undefined) u.closed_at = patch.closedAt;
  if (patch.editedAt !== undefined) u.edited_at = patch.editedAt;
  if (patch.withdrawnAt !== undefined) u.withdrawn_at = patch.withdrawnAt;
  if (patch.hiddenAt !== undefined) u.hidden_at = patch.hiddenAt;
  if (patch.lastActivityAt !== undefined) u.last_activity_at = patch.lastActivityAt;
  return u;
}

export async function findStoryById(db: DB, id: number): Promise<Story | null> {
  const row = await db.selectFrom('stories').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const story = toStory(row);
  const link = await findStoryMarketplace(db, id);
  if (link) story.partnerCompanyId = link.sellerId === story.companyId ? link.marketplaceId : link.sellerId;
  return story;
}

/** A story bought through a marketplace: the seller, the marketplace and who is held responsible. */
export interface StoryMarketplace {
  sellerId: number;
  marketplaceId: number;
  responsible: 'seller' | 'marketplace';
}

export async function insertStoryMarketplace(db: DB, storyId: number, link: StoryMarketplace): Promise<void> {
  await db
    .insertInto('story_marketplaces')
    .values({ story_id: storyId, seller_id: link.sellerId, marketplace_id: link.marketplaceId, responsible: link.responsible })
    .execute();
}

export async function findStoryMarketplace(db: DB, storyId: number): Promise<StoryMarketplace | null> {
  const row = await db.selectFrom('story_marketplaces').select(['seller_id', 'marketplace_id', 'responsible']).where('story_id', '=', storyId).executeTakeFirst();
  return row ? { sellerId: row.seller_id, marketplaceId: row.marketplace_id, responsible: row.responsible } : null;
}

export async function getStoryOrThrow(db: DB, id: number): Promise<Story> {
  const story = await findStoryById(db, id);
  if (!story) throw new DomainError('story_not_found');
  return story;
}

export async function findStoryByDedupeKey(db: DB, dedupeKey: string): Promise<Story | null> {
  const row = await db.selectFrom('stories').selectAll().where('dedupe_key', '=', dedupeKey).executeTakeFirst();
  return row ? toStory(row) : null;
}

export async function insertStory(db: DB, story: NewStory): Promise<number> {
  const row = await db.insertInto('stories').values(story).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Writes a workflow patch if the story is still at `expectedVersion` (optimistic check: a write
 * that raced another one is detected, never silently lost). Returns false on a version mismatch.
 */
export async function updateStoryWorkflow(db: DB, id: number, patch: StoryPatch, expectedVersion: number, now: number): Promise<boolean> {
  const result = await db
    .updateTable('stories')
    .set({ ...patchToColumns(patch), version: expectedVersion + 1, updated_at: now })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateStoryContent(db: DB, id: number, content: { title: string; body: string }): Promise<void> {
  await db.updateTable('stories').set({ title: content.title, body: content.body }).where('id', '=', id).execute();
}

export async function insertStoryChannels(db: DB, storyId: number, channels: readonly StoryChannelInput[]): Promise<void> {
  if (channels.length === 0) return;
  await db
    .insertInto('story_channels')
    // Whole minutes: the column is an INTEGER in a STRICT table.
    .values(channels.map((c) => ({ story_id: storyId, channel: c.channel, wait_minutes: c.waitMinutes === null ? null : Math.round(c.waitMinutes), answered: flag(c.answered) ?? 1 })))
    .execute();
}

export async function findStoryChannels(db: DB, storyId: number): Promise<StoryChannelInput[]> {
  const rows = await db.selectFrom('story_channels').selectAll().where('story_id', '=', storyId).orderBy('channel').execute();
  return rows.map((r) => ({ channel: r.channel, waitMinutes: r.wait_minutes, answered: r.answered === 1 }));
}

// --- revisions ---------------------------------------------------------------------------------

export interface StoryRevision {
  id: number;
  storyId: number;
  title: string;
  body: string;
  editorId: number | null;
  /** When this text was replaced by a newer one. */
  createdAt: number;
}

export async function insertStoryRevision(db: DB, r: Omit<StoryRevision, 'id'>): Promise<void> {
  await db
    .insertInto('story_revisions')
    .values({ story_id: r.storyId, title: r.title, body: r.body, editor_id: r.editorId, created_at: r.createdAt })
    .execute();
}

/** Earlier versions of a story's text, oldest first. */
export async function findStoryRevisions(db: DB, storyId: number): Promise<StoryRevision[]> {
  const rows = await db.selectFrom('story_revisions').selectAll().where('story_id', '=', storyId).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, storyId: r.story_id, title: r.title, body: r.body, editorId: r.editor_id, createdAt: r.created_at }));
}

// --- follow-ups ("still resolved?") ------------------------------------------------------------

export interface Followup {
  storyId: number;
  kind: FollowupKind;
  dueAt: number;
  sentAt: number | null;
  answeredAt: number | null;
  stillResolved: boolean | null;
}

function toFollowup(r: { story_id: number; kind: FollowupKind; due_at: number; sent_at: number | null; answered_at: number | null; still_resolved: Flag | null }): Followup {
  return { storyId: r.story_id, kind: r.kind, dueAt: r.due_at, sentAt: r.sent_at, answeredAt: r.answered_at, stillResolved: bool(r.still_resolved) };
}

/** Schedules (or, after a reopening and a new "resolved", re-schedules) a follow-up question. */
export async function scheduleFollowup(db: DB, storyId: number, kind: FollowupKind, dueAt: number): Promise<void> {
  await db
    .insertInto('story_followups')
    .values({ story_id: storyId, kind, due_at: dueAt, sent_at: null, answered_at: null, still_resolved: null })
    .onConflict((oc) => oc.columns(['story_id', 'kind']).doUpdateSet({ due_at: dueAt, sent_at: null, answered_at: null, still_resolved: null }))
    .execute();
}

export async function findFollowup(db: DB, storyId: number, kind: FollowupKind): Promise<Followup | null> {
  const row = await db.selectFrom('story_followups').selectAll().where('story_id', '=', storyId).where('kind', '=', kind).executeTakeFirst();
  return row ? toFollowup(row) : null;
}

export async function findFollowups(db: DB, storyId: number): Promise<Followup[]> {
  const rows = await db.selectFrom('story_followups').selectAll().where('story_id', '=', storyId).orderBy('due_at').execute();
  return rows.map(toFollowup);
}

export async function answerFollowup(db: DB, storyId: number, kind: FollowupKind, stillResolved: boolean, now: number): Promise<void> {
  await db
    .updateTable('story_followups')
    .set({ answered_at: now, still_resolved: stillResolved ? 1 : 0 })
    .where('story_id', '=', storyId)
    .where('kind', '=', kind)
    .where('answered_at', 'is', null)
    .execute();
}

/** Drops the questions not yet answered (the story was reopened or withdrawn). */
export async function cancelPendingFollowups(db: DB, storyId: number): Promise<void> {
  await db.deleteFrom('story_followups').where('story_id', '=', storyId).where('answered_at', 'is', null).execute();
}

/** Follow-ups due and not yet sent, for stories that are still resolved. */
export async function findDueFollowups(db: DB, now: number, limit: number): Promise<{ storyId: number; kind: FollowupKind }[]> {
  const rows = await db
    .selectFrom('story_followups as f')
    .innerJoin('stories as s', 's.id', 'f.story_id')
    .select(['f.story_id', 'f.kind'])
    .where('f.sent_at', 'is', null)
    .where('f.due_at', '<=', now)
    .where('s.state', '=', 'resolved')
    .orderBy('f.due_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ storyId: r.story_id, kind: r.kind }));
}

/** Marks a follow-up as sent if nobody else did; false when it was already sent (idempotence). */
export async function markFollowupSent(db: DB, storyId: number, kind: FollowupKind, now: number): Promise<boolean> {
  const r = await db
    .updateTable('story_followups')
    .set({ sent_at: now })
    .where('story_id', '=', storyId)
    .where('kind', '=', kind)
    .where('sent_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// --- scheduler queries -------------------------------------------------------------------------

/** Unanswered stories whose reply deadline has passed (served by stories_state_due). */
export async function findStoriesPastReplyDeadline(db: DB, now: number, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('stories')
    .select('id')
    .where('state', '=', 'awaiting_reply')
    .where('reply_due_at', '<=', now)
    .orderBy('reply_due_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Answered stories without a verdict whose window started before `windowStartedBefore`
 * (first reply, or the reopening when there was one).
 */
export async function findStoriesPastVerdictWindow(db: DB, windowStartedBefore: number, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('stories')
    .select('id')
    .where('state', '=', 'answered')
    .where('first_reply_at', '<=', windowStartedBefore)
    .where((eb) => eb.or([eb('reopened_at', 'is', null), eb('reopened_at', '<=', windowStartedBefore)]))
    .orderBy('first_reply_at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Stories whose author may soon lose a verdict window (rule 2): still waiting for a verdict with
 * the on-time window ending in (now, now + horizon], or without one and the 12 months for a late
 * verdict ending then. Served by the partial index stories_verdict_window (same expression and
 * filter); the domain decides again on each row (verdictReminderDue).
 */
export async function findVerdictReminderCandidates(
  db: DB,
  now: number,
  windows: { verdictMs: number; lateMs: number; horizonMs: number },
  limit: number,
): Promise<number[]> {
  // One range of the indexed expression per window kind; `indexed by` keeps the planner off the
  // state index, whose 'overdue' and 'closed_no_verdict' parts only grow.
  const scan = (from: number, states: readonly string[]) => sql<{ id: number }>`
    select id from stories indexed by stories_verdict_window
    where state in ('awaiting_reply', 'overdue', 'answered', 'closed_no_verdict') and author_id is not null
      and max(coalesce(first_reply_at, reply_due_at), coalesce(reopened_at, 0)) > ${from}
      and max(coalesce(first_reply_at, reply_due_at), coalesce(reopened_at, 0)) <= ${from + windows.horizonMs}
      and state in (${sql.join(states)})
      and not exists (select 1 from verdict_reminders r where r.story_id = stories.id and r.window_ends_at > ${now})
    limit ${limit}`;
  const due = await scan(now - windows.verdictMs, ['awaiting_reply', 'overdue', 'answered']).execute(db);
  const late = await scan(now - windows.verdictMs - windows.lateMs, ['awaiting_reply', 'overdue', 'closed_no_verdict']).execute(db);
  return [...due.rows, ...late.rows].slice(0, limit).map((r) => r.id);
}

/** Stories of a company withdrawn since `since` after a company reply, newest first (rule 6). */
export async function listRecentWithdrawalsAfterReply(db: DB, companyId: number, since: number): Promise<number[]> {
  const rows = await db
    .selectFrom('stories')
    .select('id')
    .where('company_id', '=', companyId)
    .where('state', '=', 'withdrawn')
    .where('first_reply_at', 'is not', null)
    .where('withdrawn_at', '>=', since)
    .orderBy('withdrawn_at', 'desc')
    .execute();
  return rows.map((r) => r.id);
}

/** Records a verdict reminder; false when this story's window was already reminded. */
export async function insertVerdictReminder(db: DB, storyId: number, kind: 'due' | 'late', windowEndsAt: number, now: number): Promise<boolean> {
  const result = await db
    .insertInto('verdict_reminders')
    .values({ story_id: storyId, kind, window_ends_at: windowEndsAt, sent_at: now })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

// --- company dashboard -------------------------------------------------------------------------

export interface InboxItem {
  id: number;
  companyId: number;
  title: string;
  state: Story['state'];
  publishedAt: number;
  replyDueAt: number;
  firstReplyAt: number | null;
  lastActivityAt: number;
  /** Who wrote last in the thread (null: nobody yet). */
  lastMessageRole: 'consumer' | 'company' | null;
  messageCount: number;
  /** The author's private order reference: for the company's own team only (rule 8). */
  orderReference: string | null;
  customerConfirmedAt: number | null;
  /** The story counts for this company (false: it is the seller or marketplace not held responsible). */
  responsible: boolean;
}

/**
 * The ids of the stories that name one of the companies: as the company held responsible, or as
 * the seller or marketplace of a marketplace story (decision 0037). One IN over a union of three
 * indexed lookups: an OR of the three let SQLite walk every story in the states asked for
 * (~150 ms per dashboard at 150k stories, decision 0046).
 */
function storiesNamingCompanies(db: DB, companyIds: readonly number[]) {
  const ids = [...companyIds];
  return db
    .selectFrom('stories')
    .select('stories.id as story_id')
    .where('stories.company_id', 'in', ids)
    .union(db.selectFrom('story_marketplaces').select('story_id').where('seller_id', 'in', ids))
    .union(db.selectFrom('story_marketplaces').select('story_id').where('marketplace_id', 'in', ids));
}

function inboxSelect(db: DB, companyIds: readonly number[]) {
  return db
    .selectFrom('stories as s')
    .select((eb) => [
      's.id',
      's.company_id',
      's.title',
      's.state',
      's.published_at',
      's.reply_due_at',
      's.first_reply_at',
      's.last_activity_at',
      's.order_reference',
      's.customer_confirmed_at',
      eb
        .selectFrom('story_messages as m')
        .select('m.author_role')
        .whereRef('m.story_id', '=', 's.id')
        .orderBy('m.created_at', 'desc')
        .orderBy('m.id', 'desc')
        .limit(1)
        .as('last_role'),
      eb.selectFrom('story_messages as m').select((e) => e.fn.countAll<number>().as('n')).whereRef('m.story_id', '=', 's.id').as('message_count'),
    ])
    .leftJoin('story_marketplaces as mp', 'mp.story_id', 's.id')
    .select(['mp.seller_id', 'mp.marketplace_id'])
    // A marketplace story is in the inbox of both companies it names (decision 0037).
    .where((eb) =>
      eb(
        's.id',
        'in',
        storiesNamingCompanies(db, companyIds),
      ),
    );
}

function toInboxItem(companyIds: readonly number[], r: {
  id: number;
  company_id: number;
  seller_id: number | null;
  marketplace_id: number | null;
  title: string;
  state: Story['state'];
  published_at: number;
  reply_due_at: number;
  first_reply_at: number | null;
  last_activity_at: number;
  last_role: 'consumer' | 'company' | null;
  message_count: number | null;
  order_reference: string | null;
  customer_confirmed_at: number | null;
}): InboxItem {
  // The company of the reader's team the story is in the inbox for (the story's own, else the partner).
  const companyId = companyIds.includes(r.company_id) ? r.company_id : r.seller_id !== null && companyIds.includes(r.seller_id) ? r.seller_id : (r.marketplace_id ?? r.company_id);
  return {
    id: r.id,
    companyId,
    /** false: the story names this company as seller or marketplace but holds the other responsible. */
    responsible: companyId === r.company_id,
    title: r.title,
    state: r.state,
    publishedAt: r.published_at,
    replyDueAt: r.reply_due_at,
    firstReplyAt: r.first_reply_at,
    lastActivityAt: r.last_activity_at,
    lastMessageRole: r.last_role,
    messageCount: Number(r.message_count ?? 0),
    orderReference: r.order_reference,
    customerConfirmedAt: r.customer_confirmed_at,
  };
}

/** Stories still waiting for the company's first reply, the nearest (or most overdue) deadline first. */
export async function findAwaitingFirstReply(db: DB, companyIds: readonly number[], limit = 100): Promise<InboxItem[]> {
  if (companyIds.length === 0) return [];
  const rows = await inboxSelect(db, companyIds).where('s.state', 'in', ['awaiting_reply', 'overdue']).orderBy('s.reply_due_at').limit(limit).execute();
  return rows.map((r) => toInboxItem(companyIds, r));
}

/** Open threads with recent activity (answered, resolved or unresolved), newest first. */
export async function findActiveThreads(db: DB, companyIds: readonly number[], limit = 30): Promise<InboxItem[]> {
  if (companyIds.length === 0) return [];
  const rows = await inboxSelect(db, companyIds)
    .where('s.state', 'in', ['answered', 'resolved', 'unresolved'])
    .orderBy('s.last_activity_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => toInboxItem(companyIds, r));
}

/** A story's id and title (the report page names the story it reports in), or null. */
export async function findStoryTitle(db: DB, id: number): Promise<{ id: number; title: string } | null> {
  return (await db.selectFrom('stories').select(['id', 'title']).where('id', '=', id).executeTakeFirst()) ?? null;
}

/** Titles of the given stories by id (the moderation queue). */
export async function listStoryTitles(db: DB, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('stories').select(['id', 'title']).where('id', 'in', ids).execute();
  return new Map(rows.map((s) => [s.id, s.title] as const));
}

/** What a moderator sees of a reported story (the private order reference included). */
export async function findStoryForModeration(db: DB, id: number) {
  return (await db.selectFrom('stories').select(['id', 'title', 'body', 'state', 'order_reference', 'evidence_verified_at']).where('id', '=', id).executeTakeFirst()) ?? null;
}

/** The newest stories in the given states, for the sitemap (bounded). */
export async function listSitemapStories(db: DB, states: readonly StoryState[], limit: number): Promise<{ id: number; last_activity_at: number }[]> {
  // Stories about a company not listed yet (new, not reviewed) stay out, as they do from the home page.
  return db
    .selectFrom('stories as s')
    .innerJoin('companies as c', 'c.id', 's.company_id')
    .select(['s.id', 's.last_activity_at'])
    .where('s.state', 'in', states)
    .where('c.listed_at', 'is not', null)
    .orderBy('s.published_at', 'desc')
    .limit(limit)
    .execute();
}

/** Who wrote a story, about which company, in which state: what permission checks need. */
export async function findStoryHeader(db: DB, id: number): Promise<{ id: number; company_id: number; author_id: number | null; state: StoryState } | null> {
  return (await db.selectFrom('stories').select(['id', 'company_id', 'author_id', 'state']).where('id', '=', id).executeTakeFirst()) ?? null;
}

/** A story's private evidence and whether a moderator has verified it. */
export async function findStoryEvidence(db: DB, id: number) {
  return (await db.selectFrom('stories').select(['id', 'company_id', 'author_id', 'state', 'order_reference', 'evidence_verified_at']).where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function markEvidenceVerified(db: DB, id: number, now: number): Promise<void> {
  await db.updateTable('stories').set({ evidence_verified_at: now, updated_at: now }).where('id', '=', id).execute();
}

/** A merge: every story of the duplicate moves to the kept company; returns the ids moved. */
export async function moveStoriesToCompany(db: DB, fromCompanyId: number, toCompanyId: number, now: number): Promise<number[]> {
  const ids = (await db.selectFrom('stories').select('id').where('company_id', '=', fromCompanyId).execute()).map((s) => s.id);
  await db.updateTable('stories').set({ company_id: toCompanyId, updated_at: now }).where('company_id', '=', fromCompanyId).execute();
  // Marketplace links follow the merge too (a link naming the kept company twice is dropped: the
  // story is then about one company).
  await db.deleteFrom('story_marketplaces').where((eb) => eb.or([eb.and([eb('seller_id', '=', fromCompanyId), eb('marketplace_id', '=', toCompanyId)]), eb.and([eb('seller_id', '=', toCompanyId), eb('marketplace_id', '=', fromCompanyId)])])).execute();
  await db.updateTable('story_marketplaces').set({ seller_id: toCompanyId }).where('seller_id', '=', fromCompanyId).execute();
  await db.updateTable('story_marketplaces').set({ marketplace_id: toCompanyId }).where('marketplace_id', '=', fromCompanyId).execute();
  await db.updateTable('story_messages').set({ company_id: toCompanyId }).where('company_id', '=', fromCompanyId).execute();
  return ids;
}

export async function listStoriesByAuthor(db: DB, authorId: number): Promise<{ id: number; state: StoryState }[]> {
  return db.selectFrom('stories').select(['id', 'state']).where('author_id', '=', authorId).execute();
}

/** Erasure, "withdraw": the tombstone keeps no text, no evidence, no verdict comment, no thread, channels or follow-ups. */
export async function eraseStoryContent(db: DB, id: number, now: number): Promise<void> {
  await db
    .updateTable('stories')
    .set({ title: '', body: '', verdict_comment: null, order_reference: null, dedupe_key: null, author_id: null, updated_at: now })
    .where('id', '=', id)
    .execute();
  await db.deleteFrom('story_messages').where('story_id', '=', id).execute();
  await db.deleteFrom('story_channels').where('story_id', '=', id).execute();
  await db.deleteFrom('story_followups').where('story_id', '=', id).execute();
}

/** Erasure, "anonymise": the experience stays public without its author or private order reference. */
export async function anonymiseStory(db: DB, id: number, now: number): Promise<void> {
  await db.updateTable('stories').set({ author_id: null, order_reference: null, dedupe_key: null, updated_at: now }).where('id', '=', id).execute();
}

export async function deleteStoryRevisions(db: DB, storyId: number): Promise<void> {
  await db.deleteFrom('story_revisions').where('story_id', '=', storyId).execute();
}

/** Erasure: revisions the person edited elsewhere stay without their name. */
export async function forgetRevisionEditor(db: DB, editorId: number): Promise<void> {
  await db.updateTable('story_revisions').set({ editor_id: null }).where('editor_id', '=', editorId).execute();
}

/**
 * How many different people wrote stories about a company (a new company is listed from three);
 * stories held for review (score rule 8: a burst from new accounts) do not count.
 */
export async function countCompanyAuthors(db: DB, companyId: number): Promise<number> {
  const row = await db
    .selectFrom('stories')
    .select((eb) => eb.fn.count<number>('author_id').distinct().as('n'))
    .where('company_id', '=', companyId)
    .where('author_id', 'is not', null)
    .where((eb) => eb.or([eb('score_hold', 'is', null), eb('score_hold', '!=', 'review')]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// --- rule 8: holds, order references, verified customers ------------------------------------------

/** A company's member stories published after `since`, with their author's sign-up moment (the burst check). */
export async function listRecentMemberStoriesWithAuthors(
  db: DB,
  companyId: number,
  since: number,
): Promise<{ id: number; authorCreatedAt: number; publishedAt: number; scoreHold: 'unverified' | 'review' | null; scoreReleasedAt: number | null; state: StoryState }[]> {
  const rows = await db
    .selectFrom('stories as s')
    .innerJoin('users as u', 'u.id', 's.author_id')
    .select(['s.id', 'u.created_at', 's.published_at', 's.score_hold', 's.score_released_at', 's.state'])
    .where('s.company_id', '=', companyId)
    .where('s.published_at', '>', since)
    .where('s.source', '=', 'member')
    .orderBy('s.published_at')
    .orderBy('s.id')
    .execute();
  return rows.map((r) => ({ id: r.id, authorCreatedAt: r.created_at, publishedAt: r.published_at, scoreHold: r.score_hold, scoreReleasedAt: r.score_released_at, state: r.state }));
}

export async function setScoreHold(db: DB, ids: readonly number[], hold: 'unverified' | 'review' | null, now: number, releasedAt?: number): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('stories')
    .set({ score_hold: hold, updated_at: now, ...(releasedAt !== undefined ? { score_released_at: releasedAt } : {}) })
    .where('id', 'in', [...ids])
    .execute();
}

/** The author verified the address: their stories held only for that count from now on. */
export async function releaseUnverifiedHolds(db: DB, authorId: number, now: number): Promise<{ id: number; companyId: number }[]> {
  const rows = await db
    .updateTable('stories')
    .set({ score_hold: null, updated_at: now })
    .where('author_id', '=', authorId)
    .where('score_hold', '=', 'unverified')
    .returning(['id', 'company_id'])
    .execute();
  return rows.map((r) => ({ id: r.id, companyId: r.company_id }));
}

export interface HeldStory {
  id: number;
  title: string;
  companyId: number;
  companyName: string;
  companySlug: string;
  authorName: string | null;
  authorCreatedAt: number | null;
  publishedAt: number;
}

/** Stories held for review (rule 8) and still visible, oldest first: the moderators' queue. */
export async function listStoriesHeldForReview(db: DB, limit: number, offset = 0): Promise<HeldStory[]> {
  const rows = await db
    .selectFrom('stories as s')
    .innerJoin('companies as c', 'c.id', 's.company_id')
    .leftJoin('users as u', 'u.id', 's.author_id')
    .select(['s.id', 's.title', 's.company_id', 'c.name as company_name', 'c.slug as company_slug', 'u.display_name', 'u.created_at as author_created_at', 's.published_at'])
    .where('s.score_hold', '=', 'review')
    .where('s.state', 'not in', ['hidden', 'withdrawn'])
    .orderBy('s.published_at')
    .orderBy('s.id')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    companyId: r.company_id,
    companyName: r.company_name,
    companySlug: r.company_slug,
    authorName: r.display_name,
    authorCreatedAt: r.author_created_at,
    publishedAt: r.published_at,
  }));
}

export async function setOrderReference(db: DB, id: number, orderReference: string, now: number): Promise<void> {
  await db.updateTable('stories').set({ order_reference: orderReference, customer_confirmed_at: null, customer_confirmed_by: null, updated_at: now }).where('id', '=', id).execute();
}

export async function markCustomerConfirmed(db: DB, id: number, by: number, now: number): Promise<void> {
  await db.updateTable('stories').set({ customer_confirmed_at: now, customer_confirmed_by: by, updated_at: now }).where('id', '=', id).execute();
}

/**
 * The daily digest's candidates for some companies: stories published, or whose reply deadline
 * fell, in [from, to). The domain (digestContent) decides what the digest says.
 */
export async function listDigestCandidates(db: DB, companyIds: readonly number[], from: number, to: number) {
  if (companyIds.length === 0) return [];
  const ids = [...companyIds];
  // A marketplace story is in the digest of both companies it names, as in their inbox.
  const rows = await db
    .selectFrom('stories as s')
    .leftJoin('story_marketplaces as mp', 'mp.story_id', 's.id')
    .select(['s.id', 's.company_id', 's.title', 's.state', 's.published_at', 's.reply_due_at', 's.first_reply_at', 'mp.seller_id', 'mp.marketplace_id'])
    .where((eb) =>
      eb(
        's.id',
        'in',
        storiesNamingCompanies(db, ids),
      ),
    )
    .where((eb) => eb.or([eb.and([eb('s.published_at', '>=', from), eb('s.published_at', '<', to)]), eb.and([eb('s.reply_due_at', '>=', from), eb('s.reply_due_at', '<', to)])]))
    .orderBy('s.published_at')
    .limit(500)
    .execute();
  // The company of the reader's the story names: its own, or the seller / marketplace it names.
  const named = (r: (typeof rows)[number]) =>
    ids.includes(r.company_id) ? r.company_id : r.seller_id !== null && ids.includes(r.seller_id) ? r.seller_id : (r.marketplace_id ?? r.company_id);
  return rows.map((r) => ({ id: r.id, companyId: named(r), title: r.title, state: r.state, publishedAt: r.published_at, replyDueAt: r.reply_due_at, firstReplyAt: r.first_reply_at }));
}
