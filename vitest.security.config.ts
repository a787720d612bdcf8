import { defineConfig } from 'vitest/config';

// Security suite (quality.md "Security"): each finding of a black-box test replayed over HTTP
// against the BUILT server (scripts/serve.mjs), one fresh seeded server per file
// (tests/security/harness.ts). Files run one after the other: several play concurrency attacks.
export default defineConfig({
  test: {
    include: ['tests/security/**/*.test.ts'],
    setupFiles: ['tests/helpers/fail-on-console-error.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
