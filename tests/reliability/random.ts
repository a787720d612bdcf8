// mulberry32: a tiny deterministic PRNG, so a failing run can be replayed with the same seed
// (RELIABILITY_SEED=<n> npm run test:reliability).
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of this run: RELIABILITY_SEED, or a fixed default so CI runs are reproducible. */
export function suiteSeed(offset = 0): number {
  const fromEnv = Number(process.env.RELIABILITY_SEED);
  return (Number.isSafeInteger(fromEnv) ? fromEnv : 20261123) + offset;
}
