import { defineConfig, devices } from '@playwright/test'
import { E2E } from './e2e/support/ports.ts'
import type { RealServerOptions } from './e2e/real-fixtures.ts'

const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
}
const server = (options: RealServerOptions) => ({ server: options })

/**
 * The real lane (`npm run test:real`, after `npm run real:up`): the produce and browse journeys against the
 * Strimzi Kafka Bridge and Karapace in front of one Kafka broker, through the console server and its proxy.
 * The fault specs stop and restart servers, so they run last, on their own, after both journey projects.
 */
export default defineConfig({
  testDir: './e2e/specs/real',
  // `*.real.ts`, not `*.spec.ts`: the main config's projects must not pick these up.
  testMatch: /\.real\.ts$/,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  outputDir: 'test-results/playwright-real',
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright-real.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E.consolePort}`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'strimzi',
      testIgnore: /faults\.real\.ts$/,
      use: { ...chromium, ...server({ id: 'strimzi', expectedName: 'Strimzi Kafka Bridge' }) },
    },
    {
      name: 'karapace',
      testIgnore: /faults\.real\.ts$/,
      use: { ...chromium, ...server({ id: 'karapace', expectedName: 'Karapace REST proxy (v2), binary' }) },
    },
    {
      name: 'strimzi-faults',
      testMatch: /faults\.real\.ts$/,
      dependencies: ['strimzi', 'karapace'],
      use: { ...chromium, ...server({ id: 'strimzi', expectedName: 'Strimzi Kafka Bridge' }) },
    },
    {
      name: 'karapace-faults',
      testMatch: /faults\.real\.ts$/,
      dependencies: ['strimzi-faults'],
      use: { ...chromium, ...server({ id: 'karapace', expectedName: 'Karapace REST proxy (v2), binary' }) },
    },
  ],
  webServer: [
    {
      // The console server alone (no sandbox): the browser reaches the real servers through its proxy.
      command: `node --import tsx server/main.ts --port ${E2E.consolePort} --no-sandbox`,
      env: process.env.KRC_DIST_DIR ? { KRC_DIST_DIR: process.env.KRC_DIST_DIR } : undefined,
      url: `http://127.0.0.1:${E2E.consolePort}/api/config`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'ignore',
    },
  ],
})
