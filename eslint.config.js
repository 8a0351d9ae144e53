// ESLint (npm run lint, part of npm test). TypeScript's recommended rules on every .ts file, and the rules of
// the house's layout (ARCHITECTURE.md): what src/client and the chart and map models may import.
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
  // The house's layout (ARCHITECTURE.md): src/client runs in the reader's browser, so no node:* module and
  // no value from the data door (it reads files); chart and map models take their data as arguments.
  {
    files: ['src/client/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^node:', message: 'src/client runs in the browser: no node:* modules (read the data at build time in src/lib).' },
            {
              regex: '/lib/(data|validation|changes)$',
              allowTypeImports: true,
              message: 'src/client runs in the browser: take the data from the page or a published file, not the data door.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/lib/charts/**/*.ts', 'src/lib/map/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^node:', message: 'chart and map models are pure: (data, size) -> model, no file system.' },
            {
              regex: '^\\.\\./(data|validation|changes)$',
              allowTypeImports: true,
              message: 'chart and map models take their data as arguments (types only from the data door).',
            },
          ],
        },
      ],
    },
  },
  // Node's globals in the config files; the browser's in the embed script, which ships as it is.
);
