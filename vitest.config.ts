import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/integration/**/*.test.ts', 'scripts/**/*.test.ts'],
    setupFiles: ['tests/helpers/fail-on-console-error.ts'],
    // Cheap password hashes (2^12 instead of 2^17) for the unit tests: src/auth/password.ts honours
    // it only under NODE_ENV=test; the test of the real parameters unsets it.
    env: { SCRYPT_LOG_N: '12' },
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
