// The FTS rowid of a story is a recency key: publication second × 2^21 + id mod 2^21. Matches
// come out of FTS5 newest first, and a date filter is a rowid range FTS5 seeks to. The bulk
// import (src/import/search-bulk.ts) and the bench loader write the same keys.
import { type StoryFilters, dayNumber } from '../search-index.ts';

const KEY_SHIFT = 2 ** 21;

/** Recency-ordered FTS rowid of a story. */
export function storyDocKey(publishedAt: number, id: number): number {
  return Math.floor(Math.max(0, publishedAt) / 1000) * KEY_SHIFT + (id % KEY_SHIFT);
}

/** The smallest doc key of a UTC day (YYYYMMDD), for rowid ranges. */
function dayStartKey(day: number): number {
  const ms = Date.UTC(Math.floor(day / 10000), (Math.floor(day / 100) % 100) - 1, day % 100);
  return storyDocKey(ms, 0);
}

function nextDay(day: number): number {
  const next = new Date(Date.UTC(Math.floor(day / 10000), (Math.floor(day / 100) % 100) - 1, (day % 100) + 1));
  return next.getUTCFullYear() * 10000 + (next.getUTCMonth() + 1) * 100 + next.getUTCDate();
}

/** The doc-key range [from, below) of the date filters (the whole key space without them). */
export function keyRange(f: StoryFilters): { from: number; below: number } {
  const from = f.from ? dayNumber(f.from) : null;
  const to = f.to ? dayNumber(f.to) : null;
  return {
    from: from === null ? 0 : dayStartKey(from),
    below: to === null ? Number.MAX_SAFE_INTEGER : dayStartKey(nextDay(to)),
  };
}
