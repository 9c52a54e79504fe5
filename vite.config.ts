/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'vite'
import { consoleServerPlugin } from './server/vite-plugin.ts'

export default defineConfig({
  // Relative asset URLs so dist/ also works from any static host or sub-path (routes live in the hash).
  base: './',
  // The console server plugin also sets the dev address: 127.0.0.1:5173 unless KRC_HOST/KRC_PORT or --host/--port.
  plugins: [react(), tailwindcss(), consoleServerPlugin()],
  build: { target: 'es2022', sourcemap: true },
  test: {
    // The JSON report feeds .ci/run's closing "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        // Pure logic and adapters: plain Node is faster to start than a DOM.
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['src/**/*.test.ts'], restoreMocks: true },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          setupFiles: ['./src/test/setup.ts'],
          include: ['src/**/*.test.tsx'],
          restoreMocks: true,
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['server/**/*.test.ts', 'scripts/**/*.test.ts'],
          restoreMocks: true,
        },
      },
      {
        // Adapters against the sandbox (and contract doubles) over real HTTP; load and fault tests.
        extends: true,
        test: {
          name: 'integration',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          restoreMocks: true,
        },
      },
    ],
  },
})
