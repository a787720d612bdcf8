// Which stories statistics read and how a stored story's closing maps to scoring (rules version
// 2), shared by the per-company reads (stats.repository.ts) and the full scan (stats-scan.ts).
import { DAY_MS, defaultWorkflowConfig } from '../domain/clocks.ts';
import { publicStates } from '../domain/story-workflow.ts';

/**
 * The publicly visible stories and the withdrawn ones (rule 6: a story withdrawn after a company
 * reply keeps counting; every withdrawal is counted). Hidden stories leave the statistics, and so
 * do stories on hold (rule 8, `stories.score_hold` not null: an unverified author, or a burst
 * from new accounts awaiting a moderator): every statistics query adds `score_hold is null`.
 */
export const statsStates: readonly string[] = [...publicStates, 'withdrawn'];

/**
 * When a story without a verdict closed: the end of its verdict window after the first reply,
 * for stories closed without a verdict and for withdrawn stories with a reply (which can no
 * longer get one); imported ones from publication. Null otherwise.
 */
export function closedWithoutVerdictAt(state: string, timed: boolean, publishedAt: number, firstReplyAt: number | null, hasVerdict: boolean): number | null {
  if (hasVerdict) return null;
  const closes = state === 'closed_no_verdict' || (state === 'withdrawn' && firstReplyAt !== null);
  if (!closes) return null;
  return timed && firstReplyAt !== null ? firstReplyAt + defaultWorkflowConfig.verdictWindowDays * DAY_MS : publishedAt;
}
