import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import reactRefresh from 'eslint-plugin-react-refresh'
import pluginQuery from '@tanstack/eslint-plugin-query'
import tseslint from 'typescript-eslint'
import { defineConfig, globalIgnores } from 'eslint/config'

export default defineConfig([
  globalIgnores([
    'dist-*',
    'dist',
    'test-results',
    'playwright-report',
    'coverage',
    '.sandbox-data',
    'e2e/real-kafka/lib',
    'e2e/real-kafka/run',
    'e2e/real-kafka/cache',
  ]),
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2023 },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [
      reactHooks.configs.flat.recommended,
      reactRefresh.configs.vite,
      pluginQuery.configs['flat/recommended'],
    ],
    languageOptions: { globals: globals.browser },
    rules: {
      // This project does not run the React Compiler, so "compiler skips this hook" warnings do not apply.
      'react-hooks/incompatible-library': 'off',
      // Components talk to the network only through src/api (the KafkaRestClient adapters).
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Use the KafkaRestClient in src/api; components never call fetch.' },
      ],
    },
  },
  {
    files: ['src/api/**/*.ts', 'src/lib/**/*.ts', 'src/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    // Features do not import each other: shared code lives in components/, lib/, api/ or stores/.
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./\\.\\./(connection|topics|produce|browse|request-log)/',
              message:
                'Features must not import each other; move shared code to src/components, src/lib or src/api.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{ts,js,mjs}', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node } },
  },
])
