import { describe, expect, it } from 'vitest';
import { channelBreakdown, median } from './channel-breakdown.ts';

describe('channel breakdown', () => {
  it('shares, resolution and both waits per channel', () => {
    const rows = channelBreakdown([
      { storyId: 1, channel: 'chat', answered: false, waitMinutes: 30, resolved: false },
      { storyId: 1, channel: 'email', answered: true, waitMinutes: 120, resolved: false },
      { storyId: 2, channel: 'chat', answered: true, waitMinutes: 5, resolved: true },
      { storyId: 3, channel: 'chat', answered: false, waitMinutes: 50, resolved: null },
      { storyId: 4, channel: 'email', answered: false, waitMinutes: null, resolved: true },
    ]);
    expect(rows.map((r) => r.channel)).toEqual(['chat', 'email']);
    const chat = rows[0]!;
    expect(chat).toMatchObject({ stories: 3, share: 0.75, answered: 1, unanswered: 2, medianAnsweredWaitMinutes: 5, medianUnansweredWaitMinutes: 40, unansweredWaits: 2, verdicts: 2, resolved: 1, resolutionRate: 0.5 });
    expect(rows[1]).toMatchObject({ stories: 2, share: 0.5, medianUnansweredWaitMinutes: null, resolutionRate: 0.5 });
  });

  it('is empty without rows and counts a story once per channel', () => {
    expect(channelBreakdown([])).toEqual([]);
    const [r] = channelBreakdown([
      { storyId: 1, channel: 'store', answered: true, waitMinutes: 1, resolved: null },
      { storyId: 1, channel: 'store', answered: true, waitMinutes: 1, resolved: null },
    ]);
    expect(r!.stories).toBe(1);
    expect(r!.resolutionRate).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
  });
});
