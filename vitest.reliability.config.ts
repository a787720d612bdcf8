import { defineConfig } from 'vitest/config';

// Reliability suite (docs quality.md): kill -9 under load, backup/restore, disk full, and the
// `npm run bench -- --small` smoke run — each file starts the BUILT server (dist/) on its own
// temporary database, so `npm run test:reliability` builds first if sources changed.
// Files run one after the other: each already loads both cores.
export default defineConfig({
  test: {
    include: ['tests/reliability/**/*.test.ts'],
    setupFiles: ['tests/helpers/fail-on-console-error.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
