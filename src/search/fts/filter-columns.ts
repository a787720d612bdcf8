// The filter columns of the FTS5 index (state, category, channels, country) held in memory,
// keyed by the recency doc key, so that a worded query can walk FTS5's matches newest first and
// test each one against the filters without a primary-key lookup in search_stories per match
// (the cost that dominates a broad query with a selective filter at 1M stories).
//
// Layout: the doc keys of a snapshot, ascending, in a Float64Array (keys stay below 2^53) and
// one packed Uint32 per key: state (4 bits) | category (4 bits) | channel mask (8 bits) |
// country (16 bits, an index into a dictionary). 12 bytes a story. Writes made after the
// snapshot live in an overlay map (key → packed, or DELETED) that is folded into the arrays when
// it grows. column-cache.ts decides when the columns are current and keeps them so.
import { type StoryFilters, channelMask, publicStoryStates, storyCategories } from '../search-index.ts';

const DELETED = -1;
/** Value index kept for a state or category outside the known lists (never matches a filter). */
const UNKNOWN = 15;
const FOLD_AT = 20_000;

export interface FilterColumnRow {
  key: number;
  state: string;
  category: string;
  channelMask: number;
  country: string;
}

/** Compiled filters: each story's packed value is tested with a few bit operations. */
export interface PackedFilter {
  /** Bit i set: state index i is allowed; all bits when the filter is absent. */
  states: number;
  categories: number;
  /** Non-zero: at least one of these channel bits must be set. */
  channels: number;
  /** Allowed country indexes, or null for any. */
  countries: Set<number> | null;
}

export interface PackedFacetCounts {
  state: Int32Array;
  category: Int32Array;
  channels: Int32Array;
  country: Map<number, number>;
}

function indexIn(list: readonly string[], value: string): number {
  const i = list.indexOf(value);
  return i < 0 || i >= UNKNOWN ? UNKNOWN : i;
}

function maskOf(list: readonly string[], values: readonly string[] | undefined): number {
  if (!values || values.length === 0) return 0xffff;
  let mask = 0;
  for (const v of values) {
    const i = list.indexOf(v);
    if (i >= 0 && i < UNKNOWN) mask |= 1 << i;
  }
  return mask;
}

export class FilterColumns {
  #keys: Float64Array;
  #packed: Uint32Array;
  #size: number;
  readonly #overlay = new Map<number, number>();
  readonly #countryIndex = new Map<string, number>();
  readonly #countries: string[] = [];

  constructor(capacity = 1024) {
    this.#keys = new Float64Array(Math.max(16, capacity));
    this.#packed = new Uint32Array(this.#keys.length);
    this.#size = 0;
  }

  get size(): number {
    return this.#size;
  }

  #country(code: string): number {
    let i = this.#countryIndex.get(code);
    if (i === undefined) {
      i = this.#countries.length;
      if (i > 0xffff) throw new RangeError('more than 65,536 countries');
      this.#countries.push(code);
      this.#countryIndex.set(code, i);
    }
    return i;
  }

  #pack(r: Omit<FilterColumnRow, 'key'>): number {
    return (
      (indexIn(publicStoryStates, r.state) |
        (indexIn(storyCategories, r.category) << 4) |
        ((r.channelMask & 0xff) << 8) |
        (this.#country(r.country) << 16)) >>>
      0
    );
  }

  /** Appends rows of the initial load; keys must come in ascending order. */
  append(rows: readonly (readonly [number, string, string, number, string])[]): void {
    for (const [key, state, category, channelMask, country] of rows) {
      if (this.#size > 0 && key <= this.#keys[this.#size - 1]!) throw new Error('filter columns: keys out of order');
      if (this.#size === this.#keys.length) this.#grow(this.#size * 2);
      this.#keys[this.#size] = key;
      this.#packed[this.#size] = this.#pack({ state, category, channelMask, country });
      this.#size++;
    }
  }

  #grow(capacity: number): void {
    const keys = new Float64Array(capacity);
    keys.set(this.#keys.subarray(0, this.#size));
    const packed = new Uint32Array(capacity);
    packed.set(this.#packed.subarray(0, this.#size));
    this.#keys = keys;
    this.#packed = packed;
  }

  /** Records a story written after the snapshot (insert or update). */
  set(row: FilterColumnRow): void {
    this.#overlay.set(row.key, this.#pack(row));
    if (this.#overlay.size >= FOLD_AT) this.#fold();
  }

  /** Records a story removed after the snapshot. */
  delete(key: number): void {
    this.#overlay.set(key, DELETED);
    if (this.#overlay.size >= FOLD_AT) this.#fold();
  }

  /** Merges the overlay into the sorted arrays (linear in the number of stories). */
  #fold(): void {
    const changes = [...this.#overlay].sort((a, b) => a[0] - b[0]);
    const keys = new Float64Array(Math.max(16, this.#size + changes.length));
    const packed = new Uint32Array(keys.length);
    let n = 0;
    let i = 0;
    for (const [key, value] of changes) {
      while (i < this.#size && this.#keys[i]! < key) {
        keys[n] = this.#keys[i]!;
        packed[n++] = this.#packed[i++]!;
      }
      if (i < this.#size && this.#keys[i] === key) i++;
      if (value !== DELETED) {
        keys[n] = key;
        packed[n++] = value;
      }
    }
    while (i < this.#size) {
      keys[n] = this.#keys[i]!;
      packed[n++] = this.#packed[i++]!;
    }
    this.#keys = keys;
    this.#packed = packed;
    this.#size = n;
    this.#overlay.clear();
  }

  /**
   * The packed value of a key, or -1 when unknown. `hint` is a slot at or above the key's
   * (keys are looked up newest first); the returned slot is in `slot.at`.
   */
  lookup(key: number, slot: { at: number }): number {
    if (this.#overlay.size > 0) {
      const v = this.#overlay.get(key);
      if (v !== undefined) return v;
    }
    const keys = this.#keys;
    let lo = 0;
    let hi = Math.min(slot.at, this.#size - 1);
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = keys[mid]!;
      if (v === key) {
        slot.at = mid;
        return this.#packed[mid]!;
      }
      if (v < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return DELETED;
  }

  compile(f: StoryFilters): PackedFilter {
    const countries = f.countries && f.countries.length > 0 ? f.countries.map((c) => c.toUpperCase()) : null;
    return {
      states: maskOf(publicStoryStates, f.states),
      categories: maskOf(storyCategories, f.categories),
      channels: f.channels && f.channels.length > 0 ? channelMask(f.channels) : 0,
      countries: countries
        ? new Set(countries.flatMap((c) => (this.#countryIndex.has(c) ? [this.#countryIndex.get(c)!] : [])))
        : null,
    };
  }

  newFacetCounts(): PackedFacetCounts {
    return { state: new Int32Array(16), category: new Int32Array(16), channels: new Int32Array(8), country: new Map() };
  }

  countryName(index: number): string {
    return this.#countries[index]!;
  }
}

/** Whether a packed value passes the filter. */
export function passes(p: number, f: PackedFilter): boolean {
  if (((f.states >>> (p & 15)) & 1) === 0) return false;
  if (((f.categories >>> ((p >>> 4) & 15)) & 1) === 0) return false;
  if (f.channels !== 0 && ((p >>> 8) & f.channels) === 0) return false;
  return f.countries === null || f.countries.has(p >>> 16);
}

export function countPacked(counts: PackedFacetCounts, p: number): void {
  counts.state[p & 15]!++;
  counts.category[(p >>> 4) & 15]!++;
  const channels = (p >>> 8) & 0xff;
  for (let bit = 0; bit < 8; bit++) if (channels & (1 << bit)) counts.channels[bit]!++;
  const country = p >>> 16;
  counts.country.set(country, (counts.country.get(country) ?? 0) + 1);
}
