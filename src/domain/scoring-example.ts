// The worked example of the how-scores-work page. The page renders these stories and the figures
// computeScore() gives for them; scoring.test.ts pins every one of those figures, so the page
// and the code cannot drift apart.
import type { ScoringStory } from './scoring.ts';

const DAY = 86_400_000;

/** The moment the example is computed at: 23 November 2026, 12:00 UTC. */
export const workedExampleAsOf = Date.UTC(2026, 10, 23, 12);

export interface WorkedExampleStory {
  /** Letter used on the page. */
  label: string;
  /** Days before asOf the story was published. */
  daysAgo: number;
  /** Hours to the first reply; null = no reply. */
  replyHours: number | null;
  verdict: { resolved: boolean; wouldBuyAgain: boolean; rating: number; daysAfterPublish: number } | null;
  /** Closed without a verdict (the 60-day window after the reply ended): ½ resolved. */
  closedWithoutVerdict?: boolean;
  channels: { channel: string; waitMinutes: number | null; answered: boolean }[];
}

/** A small florist with six stories in the last twelve months. */
export const workedExampleStories: WorkedExampleStory[] = [
  {
    label: 'A',
    daysAgo: 10,
    replyHours: 2,
    verdict: { resolved: true, wouldBuyAgain: true, rating: 5, daysAfterPublish: 5 },
    channels: [
      { channel: 'email', waitMinutes: 120, answered: true },
      { channel: 'chat', waitMinutes: 10, answered: true },
    ],
  },
  {
    label: 'B',
    daysAgo: 40,
    replyHours: 30,
    verdict: { resolved: true, wouldBuyAgain: true, rating: 4, daysAfterPublish: 6 },
    channels: [{ channel: 'phone_tollfree', waitMinutes: 25, answered: true }],
  },
  {
    label: 'C',
    daysAgo: 100,
    replyHours: 72,
    verdict: { resolved: false, wouldBuyAgain: false, rating: 2, daysAfterPublish: 20 },
    channels: [
      { channel: 'email', waitMinutes: 2880, answered: true },
      { channel: 'phone_paid', waitMinutes: 15, answered: true },
    ],
  },
  {
    label: 'D',
    daysAgo: 200,
    replyHours: null,
    verdict: null,
    channels: [{ channel: 'email', waitMinutes: null, answered: false }],
  },
  {
    label: 'E',
    daysAgo: 3,
    replyHours: null,
    verdict: null,
    channels: [{ channel: 'chat', waitMinutes: 5, answered: true }],
  },
  {
    label: 'F',
    daysAgo: 300,
    replyHours: 240,
    verdict: null,
    closedWithoutVerdict: true,
    channels: [{ channel: 'web_form', waitMinutes: null, answered: false }],
  },
];

/** Days after the first reply a story without a verdict closes. */
const VERDICT_WINDOW_DAYS = 60;

/** The example as scoring input (7-day reply deadline, 60-day verdict window). */
export function workedExampleInput(asOf: number = workedExampleAsOf): ScoringStory[] {
  return workedExampleStories.map((s) => {
    const publishedAt = asOf - s.daysAgo * DAY;
    return {
      publishedAt,
      replyDueAt: publishedAt + 7 * DAY,
      replied: s.replyHours !== null,
      firstReplyHours: s.replyHours,
      verdict: s.verdict
        ? {
            at: publishedAt + s.verdict.daysAfterPublish * DAY,
            resolved: s.verdict.resolved,
            wouldBuyAgain: s.verdict.wouldBuyAgain,
            rating: s.verdict.rating,
          }
        : null,
      channels: s.channels,
      closedAt: s.closedWithoutVerdict && s.replyHours !== null ? publishedAt + s.replyHours * 3_600_000 + VERDICT_WINDOW_DAYS * DAY : null,
    };
  });
}

