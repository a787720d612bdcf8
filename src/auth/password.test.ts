import { describe, expect, it } from 'vitest';
import { HASH_CONCURRENCY, HASH_QUEUE_MAX, hashingQueueFull, HashingBusy, hashPassword, verifyPassword } from './password.ts';

describe('password hashing queue', () => {
  it('runs a bounded number of hashes, lets a bounded number wait and refuses the rest at once', async () => {
    expect(hashingQueueFull()).toBeNull();
    const n = HASH_CONCURRENCY + HASH_QUEUE_MAX + 5;
    const settled = await Promise.allSettled(Array.from({ length: n }, (_, i) => hashPassword(`queued password ${i}`)));
    const done = settled.filter((s) => s.status === 'fulfilled');
    const refused = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
    expect(done.length).toBe(HASH_CONCURRENCY + HASH_QUEUE_MAX);
    expect(refused).toHaveLength(5);
    for (const r of refused) {
      expect(r).toBeInstanceOf(HashingBusy);
      expect((r as HashingBusy).retryAfterSeconds).toBeGreaterThan(0);
    }
    // The queue drains: afterwards hashing works again, and the hashes made in the workers verify.
    expect(hashingQueueFull()).toBeNull();
    const first = (done[0] as PromiseFulfilledResult<string>).value;
    expect(await verifyPassword(first, 'queued password 0')).toBe(true);
    expect(await verifyPassword(first, 'queued password 1')).toBe(false);
  });
});
