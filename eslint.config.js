import fs from 'node:fs'
import path from 'node:path'
import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import reactRefresh from 'eslint-plugin-react-refresh'
import pluginQuery from '@tanstack/eslint-plugin-query'
import tseslint from 'typescript-eslint'
import importX from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import { defineConfig, globalIgnores } from 'eslint/config'

const here = import.meta.dirname
const subdirs = (dir) =>
  fs
    .readdirSync(path.join(here, dir), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)

/**
 * src/features/<f> imports only itself and the shared layers; the shared layers (every other folder of src but
 * app) import no feature and not app; components take props only (nothing of the API); the API reads no store.
 * Zones are built from the folders on disk, so a new feature or layer is covered without editing this file.
 */
function boundaryZones() {
  const features = subdirs('src/features')
  const shared = subdirs('src').filter((d) => d !== 'features' && d !== 'app')
  return [
    ...features.flatMap((f) => [
      {
        target: `./src/features/${f}`,
        from: './src/features',
        except: [`./${f}`],
        message: `src/features/${f} imports only itself and the shared layers: move what features share into src/components, src/lib, src/stores or src/api.`,
      },
      {
        target: `./src/features/${f}`,
        from: './src/app',
        message: 'Features do not import the app shell (src/app imports them): take it as props instead.',
      },
    ]),
    ...shared.map((layer) => ({
      target: `./src/${layer}`,
      from: ['./src/features', './src/app'],
      message: `src/${layer} is shared: it imports no feature and not src/app.`,
    })),
    {
      target: './src/components',
      // src/data: server state (the queries' new home) is API knowledge too.
      from: ['./src/api', './src/data'],
      message:
        'Shared components take props only: map API values in the feature, or with a pure helper in src/lib (e.g. errorView).',
    },
    {
      target: './src/api',
      from: './src/stores',
      message: 'src/api reads no store: src/app connects the stores to the client (use-kafka-client.ts).',
    },
  ]
}

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
    // Import boundaries (README, "Import boundaries"); scripts/check-boundaries.mjs proves each zone fires.
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Without these, no-cycle cannot read .ts/.tsx files and never sees a cycle (check-boundaries proves it does).
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: here, zones: boundaryZones() }],
      // Type-only imports do not count (they vanish at build time). The longest chain of value imports is 11 today
      // (from main.tsx); 20 leaves room and still bounds the search.
      'import-x/no-cycle': ['error', { maxDepth: 20, ignoreExternal: true }],
    },
  },
  {
    files: ['server/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{ts,js,mjs}', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node } },
  },
])
