// The one place where moderation and erasure change a story's state (hide, restore, withdraw).
// The decision is the workflow's own state machine (src/domain/story-workflow.ts `transition`);
// this function persists it with its audit row and search event, inside the caller's
// transaction. When src/services/story.service.ts offers transaction-aware hideStory /
// restoreStory / withdrawStory, this function is the single call site to point at them.
import { appendAudit } from '../db/audit.repository.ts';
import type { DB } from '../db/client.ts';
import { enqueueSearchEvent } from '../db/outbox.repository.ts';
import type { Role, StoryRow, StoryUpdate } from '../db/schema.ts';
import { DomainError } from '../domain/errors.ts';
import { transition, type Actor, type StoryPatch, type WorkflowStory } from '../domain/story-workflow.ts';

export type VisibilityChange = 'hide' | 'restore' | 'withdraw';

const bool = (v: 0 | 1 | null): boolean | null => (v === null ? null : v === 1);

function toWorkflowStory(row: StoryRow): WorkflowStory {
  return {
    companyId: row.company_id,
    authorId: row.author_id,
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
    reopenedAt: row.reopened_at,
    closedAt: row.closed_at,
    editedAt: row.edited_at,
    withdrawnAt: row.withdrawn_at,
    hiddenAt: row.hidden_at,
    lastActivityAt: row.last_activity_at,
  };
}

function visibilityColumns(patch: StoryPatch): StoryUpdate {
  const u: StoryUpdate = {};
  for (const key of Object.keys(patch) as (keyof StoryPatch)[]) {
    switch (key) {
      case 'state':
        u.state = patch.state!;
        break;
      case 'stateBeforeHidden':
        u.state_before_hidden = patch.stateBeforeHidden ?? null;
        break;
      case 'hiddenAt':
        u.hidden_at = patch.hiddenAt ?? null;
        break;
      case 'withdrawnAt':
        u.withdrawn_at = patch.withdrawnAt ?? null;
        break;
      case 'lastActivityAt':
        u.last_activity_at = patch.lastActivityAt!;
        break;
      default:
        // A workflow change this function does not know how to persist: fail loudly.
        throw new Error(`unexpected story patch field ${key}`);
    }
  }
  return u;
}

function workflowActor(actor: { id: number; role: Role }): Actor {
  const kind = actor.role === 'admin' ? 'admin' : actor.role === 'moderator' ? 'moderator' : 'consumer';
  return { kind, userId: actor.id, companyIds: [] };
}

/**
 * Hide, restore or withdraw a story, as decided by the workflow. Refusals become DomainErrors.
 * Call inside a transaction (`db` is the transaction).
 */
export async function changeStoryVisibility(
  db: DB,
  storyId: number,
  change: VisibilityChange,
  reason: string,
  actor: { id: number; role: Role },
  now: number,
  audit: { data?: Record<string, unknown> } = {},
): Promise<{ from: string; to: string }> {
  const row = await db.selectFrom('stories').selectAll().where('id', '=', storyId).executeTakeFirst();
  if (!row) throw new DomainError('story_not_found');
  const event = change === 'withdraw' ? ({ type: 'withdraw' } as const) : ({ type: change, reason } as const);
  const result = transition(toWorkflowStory(row), event, workflowActor(actor), now);
  if (!result.ok) throw new DomainError(result.code);
  const updated = await db
    .updateTable('stories')
    .set({ ...visibilityColumns(result.patch), version: row.version + 1, updated_at: now })
    .where('id', '=', storyId)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new DomainError('conflict');
  if (change === 'withdraw') await db.deleteFrom('story_followups').where('story_id', '=', storyId).where('answered_at', 'is', null).execute();
  await appendAudit(db, {
    at: now,
    actorId: actor.id,
    actorRole: actor.role,
    action: result.action,
    subjectKind: 'story',
    subjectId: storyId,
    companyId: row.company_id,
    fromState: result.from,
    toState: result.next,
    data: change === 'withdraw' ? audit.data : { statement: reason, ...audit.data },
  });
  for (const effect of result.effects) {
    if (effect.type === 'search') {
      await enqueueSearchEvent(db, effect.op === 'delete' ? { kind: 'story.delete', storyId } : { kind: 'story.upsert', storyId }, now);
    }
  }
  return { from: result.from ?? row.state, to: result.next };
}
