// Per-IP limits on the expensive public reads: the search page (SEARCH_RATE_LIMIT_PER_MINUTE,
// default 120) and the open-data API (API_RATE_LIMIT_PER_MINUTE, default 300). Over the limit:
// 429 with Retry-After — a localized HTML page for the search page, JSON for the API
// (tooManyRequests in src/http/error-responses.ts).
//
// In memory, not in the rate_limits table like sign-in: these are reads, and a write per search
// would cost more than the search it guards (the table's limits protect accounts across restarts;
// losing a minute of read counters on restart costs nothing). Fixed one-minute windows: one Map
// lookup and increment per request, and the Map is emptied at every window, so it holds at most
// the addresses seen in one minute.
import { config } from '../config.ts';

export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

const WINDOW_MS = 60_000;

export class WindowLimiter {
  private windowStart = 0;
  private readonly counts = new Map<string, number>();
  private readonly limit: () => number;
  private readonly now: () => number;

  constructor(limit: () => number, now: () => number = Date.now) {
    this.limit = limit;
    this.now = now;
  }

  hit(key: string): LimitResult {
    const now = this.now();
    if (now - this.windowStart >= WINDOW_MS) {
      this.windowStart = now - (now % WINDOW_MS);
      this.counts.clear();
    }
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    if (count <= this.limit()) return { ok: true };
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((this.windowStart + WINDOW_MS - now) / 1000)) };
  }
}

export const searchLimiter = new WindowLimiter(() => config().searchRateLimitPerMinute);
export const apiLimiter = new WindowLimiter(() => config().apiRateLimitPerMinute);
