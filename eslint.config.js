// ESLint flat config: the TypeScript parser for .ts files, eslint-plugin-astro for the frontmatter
// of .astro files, the one transaction path, and the layer rules of docs/CONVENTIONS.md.
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';

/** Every write goes through inTransaction (src/db/transaction.ts): BEGIN IMMEDIATE, retried when busy. */
const transactionRules = [
  {
    // Kysely: db.transaction().execute(…) sends a deferred BEGIN and never retries.
    selector: "CallExpression[arguments.length=0][callee.property.name='transaction']",
    message: 'Use inTransaction(db, fn) from src/db/transaction.ts: Kysely transactions begin deferred and fail with SQLITE_BUSY when another process writes.',
  },
  {
    // better-sqlite3: sqlite.transaction(fn)() begins deferred; call .immediate() instead.
    selector: "CallExpression[callee.type='CallExpression'][callee.callee.property.name='transaction']",
    message: 'Call better-sqlite3 transactions as sqlite.transaction(fn).immediate(): a deferred BEGIN that reads and then writes fails with SQLITE_BUSY when another process writes.',
  },
];

// ---- Layer rules (docs/CONVENTIONS.md "Layers"). Type-only imports are always allowed: a type
// says what a value looks like and brings no code (a component may name the type DB).

/** src/domain/ is pure TypeScript: no framework, database, I/O or rendering library, nothing outside src/domain/. */
const domainRule = {
  paths: ['astro', 'kysely', 'meilisearch', 'sharp', 'marked', 'better-sqlite3', 'nodemailer', 'sanitize-html'].map((name) => ({
    name,
    message: 'src/domain/ is pure: decisions only, no framework, database, I/O or rendering library (docs/CONVENTIONS.md).',
  })),
  patterns: [
    { regex: '^(astro|node):', message: 'src/domain/ is pure: no astro:* or node:* modules (inject what you need, e.g. `now`).' },
    { regex: '^(astro|kysely|meilisearch|sharp|marked)/', message: 'src/domain/ is pure: no framework, database or rendering library.' },
    { regex: '^\\.\\./', message: 'src/domain/ imports nothing outside src/domain/: the services hand it the data it decides on.' },
  ],
};

/** Pages, components and layouts reach the database through the http layer, never by opening it. */
const dbClientPattern = {
  regex: '(^|/)db/client(\\.ts)?$',
  allowTypeImports: true,
  message: 'Pages, components and layouts get the database from Astro.locals.db (set by src/middleware.ts) or signedInPage(); they never import src/db/client.ts.',
};

/** Services are called by the http layer and by scripts; they never import it back. */
const servicesRule = {
  patterns: [
    {
      regex: '(^|/)(http|lib)/',
      allowTypeImports: true,
      message: 'Services do not import src/http/ (request handling calls services, not the other way round); share input schemas through src/services/input-fields.ts.',
    },
  ],
};

/** Repositories sit below the services. */
const dbRule = {
  patterns: [
    {
      regex: '(^|/)(services|http)/',
      allowTypeImports: true,
      message: 'src/db/ sits below services and request handling: a repository imports neither (the transaction helper is src/db/transaction.ts).',
    },
  ],
};

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', '.astro/**', 'bench/results/**'] },
  // .astro files: the parser and the processor that also lints their <script> blocks.
  ...astro.configs['flat/base'],
  {
    files: ['**/*.{js,mjs,cjs,ts}', '**/*.astro'],
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
    files: ['**/*.{js,mjs,cjs,ts}'],
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 'latest',
      sourceType: 'module',
    },
  },
  {
    files: ['src/db/transaction.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/domain/**/*.ts'],
    // Tests beside the domain may use the test tools and compare with the i18n dictionaries.
    ignores: ['src/domain/**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', domainRule] },
  },
  {
    files: ['src/pages/**/*.{ts,astro}', 'src/components/**/*.{ts,astro}', 'src/layouts/**/*.{ts,astro}'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [dbClientPattern] }] },
  },
  {
    files: ['src/services/**/*.ts'],
    ignores: ['src/services/**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', servicesRule] },
  },
  {
    files: ['src/db/**/*.ts'],
    ignores: ['src/db/**/*.test.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', dbRule] },
  },
);
