// Deterministic randomness for the benchmark corpus: the same seed gives the same corpus on every
// machine and Node version (no Math.random, no platform-dependent floating point beyond IEEE).

/** xoshiro128** seeded through splitmix32: fast, 2^128 − 1 period, good statistical quality. */
export class Rng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.#a = next();
    this.#b = next();
    this.#c = next();
    this.#d = next();
  }

  /** Next 32 random bits as an unsigned integer. */
  u32(): number {
    const result = Math.imul(rotl(Math.imul(this.#b, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.#b << 9) >>> 0;
    this.#c ^= this.#a;
    this.#d ^= this.#b;
    this.#b ^= this.#c;
    this.#a ^= this.#d;
    this.#c ^= t;
    this.#d = rotl(this.#d >>> 0, 11);
    this.#a >>>= 0;
    this.#b >>>= 0;
    this.#c >>>= 0;
    return result;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Integer in [min, max], inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and spread (sigma of the underlying normal). */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/**
 * Zipf sampler over ranks 0..n−1 (probability ∝ 1 / (rank + 1)^s) through a lookup table:
 * O(1) per draw, which matters when a million stories draw ~200 words each. Ranks so rare that
 * they get no cell in the table are never drawn; with 2^21 cells that is only past ~p < 5e−7.
 */
export class Zipf {
  readonly #table: Int32Array;
  readonly #size: number;

  constructor(n: number, s: number, tableBits = 21) {
    this.#size = 2 ** tableBits;
    this.#table = new Int32Array(this.#size);
    let total = 0;
    for (let r = 1; r <= n; r++) total += 1 / r ** s;
    let cumulative = 0;
    let cell = 0;
    for (let r = 0; r < n; r++) {
      cumulative += 1 / (r + 1) ** s / total;
      const end = r === n - 1 ? this.#size : Math.min(this.#size, Math.round(cumulative * this.#size));
      for (; cell < end; cell++) this.#table[cell] = r;
    }
  }

  sample(rng: Rng): number {
    return this.#table[(rng.u32() >>> 0) % this.#size]!;
  }
}
