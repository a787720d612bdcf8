import { describe, expect, it } from 'vitest';
import { nextStepsReason } from './escalation-next-steps.ts';
import { DAY_MS } from './clocks.ts';

const t0 = Date.UTC(2026, 10, 1);
const base = { state: 'awaiting_reply' as const, publishedAt: t0, replyDueAt: t0 + 7 * DAY_MS, firstReplyAt: null, resolved: null, verdictAt: null };

describe('when a story shows next steps', () => {
  it('shows none while the company still has time to reply', () => {
    expect(nextStepsReason(base, t0 + DAY_MS)).toBeNull();
  });
  it('shows them once the deadline passed without a reply, even before the scheduler marked it', () => {
    expect(nextStepsReason({ ...base, state: 'overdue' }, t0 + 8 * DAY_MS)).toBe('overdue');
    expect(nextStepsReason(base, t0 + 8 * DAY_MS)).toBe('overdue');
  });
  it('shows them for an unresolved verdict and for a story silent long enough to count as unresolved', () => {
    expect(nextStepsReason({ ...base, state: 'unresolved', firstReplyAt: t0 + DAY_MS, resolved: false, verdictAt: t0 + 3 * DAY_MS }, t0 + 4 * DAY_MS)).toBe('unresolved');
    expect(nextStepsReason({ ...base, state: 'overdue' }, t0 + 31 * DAY_MS)).toBe('unresolved');
  });
  it('shows none for a resolved, answered, hidden or withdrawn story', () => {
    expect(nextStepsReason({ ...base, state: 'resolved', firstReplyAt: t0 + DAY_MS, resolved: true, verdictAt: t0 + 2 * DAY_MS }, t0 + 40 * DAY_MS)).toBeNull();
    expect(nextStepsReason({ ...base, state: 'answered', firstReplyAt: t0 + DAY_MS }, t0 + 9 * DAY_MS)).toBeNull();
    expect(nextStepsReason({ ...base, state: 'hidden' }, t0 + 9 * DAY_MS)).toBeNull();
    expect(nextStepsReason({ ...base, state: 'withdrawn' }, t0 + 9 * DAY_MS)).toBeNull();
  });
});
