import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layers from './scripts/eslint-layers.js';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'appPackage/build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/teams/**'],
    rules: {
      // botbuilder is archived: only the thin adapter in src/teams/ may depend on it.
      'no-restricted-imports': [
        'error',
        { patterns: ['botbuilder', 'botbuilder-*', 'botframework-*'] },
      ],
    },
  },
  {
    // One direction of dependencies (docs/architecture.md; the table is scripts/architecture.js).
    files: ['src/**/*.ts'],
    plugins: { layers },
    rules: { 'layers/only-downward': 'error' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
);
