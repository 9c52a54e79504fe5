import { defineConfig } from 'vitest/config'

/**
 * The real lane's Vitest suite (`npm run test:real`): the adapters against the Strimzi bridge and Karapace started
 * by `npm run real:up`. Kept out of vite.config.ts so `npm test` needs no real servers.
 */
export default defineConfig({
  test: {
    name: 'real',
    environment: 'node',
    include: ['test/real/**/*.real.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One broker for both servers: files run one after another.
    fileParallelism: false,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest-real.json' }]],
  },
})
