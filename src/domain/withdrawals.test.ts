import { describe, expect, it } from 'vitest';
import { WITHDRAWAL_BURST_COUNT, isWithdrawalBurst } from './withdrawals.ts';

describe('withdrawal bursts', () => {
  it('starts at three withdrawals after a company reply', () => {
    expect(WITHDRAWAL_BURST_COUNT).toBe(3);
    expect(isWithdrawalBurst(2)).toBe(false);
    expect(isWithdrawalBurst(3)).toBe(true);
  });
});
