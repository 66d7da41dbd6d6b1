// @ts-check
// ESLint: the recommended rules of ESLint, typescript-eslint and eslint-plugin-astro, with no
// warnings allowed (`npm run lint` passes --max-warnings 0). Formatting is Prettier's job.
// The site's own rule, `site/folder-imports`, refuses an import the folder table of
// src/README.md does not allow; the table's source is eslint/folder-imports.js.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { folderImportsRule } from './eslint/folder-imports-rule.js';

export default defineConfig(
  {
    // Built sites, caches and fixtures (whose bytes are the test), and the untouched bench baseline.
    ignores: [
      '**/dist/',
      'dist.*/',
      '.bench/',
      '.e2e/',
      '.astro/',
      '.cache/',
      'coverage/',
      'public/',
      'docs/',
      'tests/fixtures/',
      'scripts/bench/baseline/',
      'test-results/',
      'playwright-report/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.strict,
  tseslint.configs.stylistic,
  astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // tsconfig's strictest settings (noUncheckedIndexedAccess) make every indexed read
      // possibly undefined; `!` marks one the code knows is in range, as in the edit-distance
      // table or a list checked non-empty just before.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `_name` marks a parameter a signature needs but the body does not.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,js,mjs,astro}'],
    plugins: { site: { rules: { 'folder-imports': folderImportsRule } } },
    rules: { 'site/folder-imports': 'error' },
  },
);
