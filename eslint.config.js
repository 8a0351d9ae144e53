// ESLint (npm run lint, part of npm test). TypeScript's recommended rules on every .ts file, and the
// one rule of the house's layout: src/client runs in the reader's browser, so it imports no node:* module.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist/**',
      '.*.builds/**',
      '.build-*/**',
      '.astro/**',
      'node_modules/**',
      'bench/tmp/**',
      'test-results/**',
      'playwright-report/**',
      '.scale*/**',
      '.hostile-test/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,mjs,js}'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // A variable a signal handler may read before the one assignment (scripts/build.ts's work folder) stays a let.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  // Node's globals in the config files; the browser's in the embed script, which ships as it is.
  { files: ['*.mjs'], languageOptions: { globals: { process: 'readonly' } } },
  {
    files: ['public/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { window: 'readonly', document: 'readonly', location: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
  },
  // Tests feed deliberately wrong shapes to schemas and components: an explicit any says so.
  { files: ['tests/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  {
    files: ['src/client/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^node:', message: 'src/client runs in the browser: no node:* modules (read the data at build time in src/lib).' }] },
      ],
    },
  },
);
