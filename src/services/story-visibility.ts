// The one place where moderation and erasure change a story's state (hide, restore, withdraw).
// It delegates to the story workflow's own use cases (src/services/story.service.ts), which run
// inside the caller's transaction: the state machine decides, and the story row, audit row,
// search event and company statistics are written with the rest of the moderation action.
// The author's mail is sent by the moderation service (it carries the statement of reasons),
// so the workflow's own notification is switched off here.
import type { DB } from '../db/client.ts';
import type { Role } from '../db/schema.ts';
import type { Actor } from '../domain/story-workflow.ts';
import { hideStory, restoreStory, withdrawStory } from './story.service.ts';

export type VisibilityChange = 'hide' | 'restore' | 'withdraw';

function workflowActor(actor: { id: number; role: Role }): Actor {
  const kind = actor.role === 'admin' ? 'admin' : actor.role === 'moderator' ? 'moderator' : 'consumer';
  return { kind, userId: actor.id, companyIds: [] };
}

/**
 * Hide, restore or withdraw a story, as decided by the workflow; refusals are DomainErrors.
 * Call inside a transaction (`db` is the transaction) so the change commits with the rest.
 */
export async function changeStoryVisibility(
  db: DB,
  storyId: number,
  change: VisibilityChange,
  reason: string,
  actor: { id: number; role: Role },
  now: number,
  audit: { data?: Record<string, unknown> } = {},
): Promise<{ from: string | null; to: string }> {
  const who = workflowActor(actor);
  const outcome =
    change === 'withdraw'
      ? await withdrawStory(db, who, { storyId, auditData: audit.data }, { now })
      : await (change === 'hide' ? hideStory : restoreStory)(db, who, { storyId, reason, auditData: audit.data, notifyAuthor: false }, { now });
  return { from: outcome.from, to: outcome.to };
}
