// Score rules v2, rule 6: withdrawals leave a trace. Stories withdrawn after a company reply keep
// counting (scoring.ts); a burst of them about one company — pressure on authors, or a deal
// behind the scenes — goes to the moderators' queue. Pure thresholds; the service counts.

/** Stories of one company withdrawn after its reply, within WITHDRAWAL_BURST_DAYS, that make a burst. */
export const WITHDRAWAL_BURST_COUNT = 3;
export const WITHDRAWAL_BURST_DAYS = 7;

/** Whether `withdrawnAfterReply` withdrawals within the burst window call for a moderator's look. */
export function isWithdrawalBurst(withdrawnAfterReply: number): boolean {
  return withdrawnAfterReply >= WITHDRAWAL_BURST_COUNT;
}
