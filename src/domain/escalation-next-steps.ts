// When a story's page shows "next steps" (issue 17): the company let the reply deadline pass
// without a reply (overdue), or the author says it is unresolved, or it counts as unresolved
// because it stayed silent for SILENCE_DAYS (score rules). Pure.
import { silenceAt } from './scoring.ts';
import type { StoryState } from './vocabulary.ts';

export type NextStepsReason = 'overdue' | 'unresolved';

export function nextStepsReason(
  story: { state: StoryState; replyDueAt: number; firstReplyAt: number | null; publishedAt: number; resolved: boolean | null; verdictAt: number | null },
  now: number,
): NextStepsReason | null {
  if (story.state === 'hidden' || story.state === 'withdrawn') return null;
  if (story.state === 'unresolved' || story.resolved === false) return 'unresolved';
  if (story.resolved === true) return null;
  if (story.firstReplyAt === null && story.verdictAt === null && now >= silenceAt(story.publishedAt)) return 'unresolved';
  if (story.state === 'overdue' || (story.firstReplyAt === null && story.state === 'awaiting_reply' && now > story.replyDueAt)) return 'overdue';
  return null;
}
