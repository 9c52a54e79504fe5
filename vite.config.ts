/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'vite'
import { consoleServerPlugin } from './server/vite-plugin.ts'

export default defineConfig({
  // Relative asset URLs so dist/ also works from any static host or sub-path (routes live in the hash).
  base: './',
  plugins: [react(), tailwindcss(), consoleServerPlugin()],
  server: { host: '127.0.0.1', port: 5173 },
  build: { target: 'es2022', sourcemap: true },
  test: {
    // The JSON report feeds .ci/run's closing "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'web',
          environment: 'jsdom',
          setupFiles: ['./src/test/setup.ts'],
          include: ['src/**/*.test.{ts,tsx}'],
          restoreMocks: true,
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['server/**/*.test.ts'],
          restoreMocks: true,
        },
      },
    ],
  },
})
