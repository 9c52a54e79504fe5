import { defineConfig, devices } from '@playwright/test'
import { E2E } from './e2e/support/ports.ts'
import type { DialectOptions } from './e2e/fixtures.ts'

const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
}

const sandbox = (port: number, apis: string) => ({
  command: `node --import tsx server/sandbox/main.ts --port ${port} --in-memory --apis ${apis} --api-key ${E2E.apiKey} --user ${E2E.basicUser}:${E2E.basicPassword}`,
  url: `http://127.0.0.1:${port}/`,
  reuseExistingServer: false,
  timeout: 30_000,
  stdout: 'ignore' as const,
})

const dialect = (options: DialectOptions) => ({ dialect: options })

/**
 * One project per dialect: the same journeys run against a sandbox pinned to that dialect's surface. The `auto`
 * project also runs the app-wide specs (connection screen, errors, accessibility) against the console's own sandbox;
 * `hostile` runs e2e/specs/hostile against the hostile endpoint, last and alone.
 */
export default defineConfig({
  testDir: './e2e/specs',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: process.env.PW_OUTPUT_DIR ?? 'test-results/playwright',
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.PW_JSON_REPORT ?? 'test-results/playwright.json' }],
  ],
  use: {
    baseURL: `http://127.0.0.1:${E2E.consolePort}`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'auto',
      testIgnore: [/hostile\//, /browse-100k\.spec\.ts$/],
      use: {
        ...chromium,
        ...dialect({ id: 'auto', port: E2E.sandboxPort, expectedName: 'Confluent REST Proxy API v3' }),
      },
    },
    {
      name: 'confluent-v1',
      testMatch: /journeys\/.*\.spec\.ts/,
      use: {
        ...chromium,
        ...dialect({
          id: 'confluent-v1',
          port: E2E.sandboxV1Port,
          expectedName: 'Confluent REST Proxy API v1, binary',
        }),
      },
    },
    {
      name: 'confluent-v2',
      testMatch: /journeys\/.*\.spec\.ts/,
      use: {
        ...chromium,
        ...dialect({
          id: 'confluent-v2',
          port: E2E.sandboxV2Port,
          expectedName: 'Confluent REST Proxy API v2, binary',
        }),
      },
    },
    {
      name: 'confluent-v3',
      testMatch: /journeys\/.*\.spec\.ts/,
      use: {
        ...chromium,
        ...dialect({
          id: 'confluent-v3',
          port: E2E.sandboxV3Port,
          expectedName: 'Confluent REST Proxy API v3',
        }),
      },
    },
    {
      // The 100,000-message window asserts its longest main-thread tasks, which a test running beside it on a busy
      // 2-core machine inflates (a major GC of its ~130 MB heap stretched to 431 ms once): after the dialect
      // projects, alone. Alone: `--project auto-alone --no-deps`.
      name: 'auto-alone',
      testMatch: /browse-100k\.spec\.ts$/,
      dependencies: ['auto', 'confluent-v1', 'confluent-v2', 'confluent-v3'],
      workers: 1,
      use: {
        ...chromium,
        ...dialect({ id: 'auto', port: E2E.sandboxPort, expectedName: 'Confluent REST Proxy API v3' }),
      },
    },
    {
      // The hostile endpoint (issue 12) measures main-thread stalls from the page, which a busy 2-core machine would
      // inflate: it runs after every other project (auto-alone included), one test at a time. Alone:
      // `--project hostile --no-deps`.
      name: 'hostile',
      testMatch: /hostile\/.*\.spec\.ts/,
      dependencies: ['auto-alone'],
      workers: 1,
      use: {
        ...chromium,
        ...dialect({ id: 'auto', port: E2E.sandboxPort, expectedName: 'Confluent REST Proxy API v3' }),
      },
    },
  ],
  webServer: [
    {
      command: `node --import tsx server/main.ts --port ${E2E.consolePort} --sandbox-port ${E2E.sandboxPort} --sandbox-in-memory --sandbox-api-key ${E2E.apiKey}`,
      // KRC_DIST_DIR (e.g. dist-e2e-4280) keeps a side-by-side run from rebuilding the same dist/.
      env: process.env.KRC_DIST_DIR ? { KRC_DIST_DIR: process.env.KRC_DIST_DIR } : undefined,
      url: `http://127.0.0.1:${E2E.consolePort}/api/config`,
      reuseExistingServer: false,
      // The first run builds dist/ when it is missing or stale.
      timeout: 180_000,
      stdout: 'ignore',
    },
    sandbox(E2E.sandboxV1Port, 'v1,admin'),
    sandbox(E2E.sandboxV2Port, 'v2,admin'),
    sandbox(E2E.sandboxV3Port, 'v2,v3'),
    {
      command: `node --import tsx e2e/support/faulty-upstream.ts ${E2E.faultyPort}`,
      url: `http://127.0.0.1:${E2E.faultyPort}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node --import tsx e2e/support/hostile/server.ts ${E2E.hostilePort} ${E2E.sandboxPort}`,
      url: `http://127.0.0.1:${E2E.hostilePort}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
})
