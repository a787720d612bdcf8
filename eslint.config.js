// ESLint flat config. Deliberately small for now: the TypeScript parser for .ts files and the
// rules the tree already keeps. Layer rules (src/domain stays pure, pages do not reach into
// repositories) are meant to be added here.
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Every write goes through inTransaction (src/services/transaction.ts): BEGIN IMMEDIATE, retried when busy. */
const transactionRules = [
  {
    // Kysely: db.transaction().execute(…) sends a deferred BEGIN and never retries.
    selector: "CallExpression[arguments.length=0][callee.property.name='transaction']",
    message: 'Use inTransaction(db, fn) from src/services/transaction.ts: Kysely transactions begin deferred and fail with SQLITE_BUSY when another process writes.',
  },
  {
    // better-sqlite3: sqlite.transaction(fn)() begins deferred; call .immediate() instead.
    selector: "CallExpression[callee.type='CallExpression'][callee.callee.property.name='transaction']",
    message: 'Call better-sqlite3 transactions as sqlite.transaction(fn).immediate(): a deferred BEGIN that reads and then writes fails with SQLITE_BUSY when another process writes.',
  },
];

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', '.astro/**', '**/*.astro', 'bench/results/**'] },
  {
    files: ['**/*.{js,mjs,cjs,ts}'],
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 'latest',
      sourceType: 'module',
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      ...js.configs.recommended.rules,
      // TypeScript checks names itself (astro check); the base rules do not understand types.
      'no-undef': 'off',
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Stripping control characters is what those expressions are for (sanitising, highlight marks).
      'no-control-regex': 'off',
      'no-restricted-syntax': ['error', ...transactionRules],
    },
  },
  {
    files: ['src/services/transaction.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
