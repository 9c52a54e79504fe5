import { test as base, expect } from '@playwright/test'
import { BrowsePage } from './pages/browse-page.ts'
import { ConnectPage } from './pages/connect-page.ts'
import { ConsumerGroupsPage } from './pages/consumer-groups-page.ts'
import { ProducePage } from './pages/produce-page.ts'
import { TopicsPage } from './pages/topics-page.ts'
import { E2E, sandboxUrl } from './support/ports.ts'
import { SandboxApi } from './support/sandbox-api.ts'

export interface DialectOptions {
  /** 'auto' = the console's own sandbox with every API; otherwise a sandbox pinned to that dialect. */
  id: 'auto' | 'confluent-v1' | 'confluent-v2' | 'confluent-v3'
  port: number
  /** The dialect name the console should show after connecting. */
  expectedName: string
}

interface Fixtures {
  connectPage: ConnectPage
  topicsPage: TopicsPage
  producePage: ProducePage
  browsePage: BrowsePage
  consumerGroupsPage: ConsumerGroupsPage
  /** Seeds data straight through the sandbox's REST API (not through the console). */
  sandbox: SandboxApi
  /**
   * Automatic: before each test, opens the console and connects to this project's sandbox with detection on Auto,
   * unless the test runs with `startConnected: false`. Still a named fixture, so specs that ask for it work.
   */
  connected: void
}

interface Options {
  dialect: DialectOptions
  /** false for specs that start disconnected or connect elsewhere: `test.use({ startConnected: false })`. */
  startConnected: boolean
}

export const test = base.extend<Fixtures & Options>({
  dialect: [
    { id: 'auto', port: E2E.sandboxPort, expectedName: 'Confluent REST Proxy API v3' },
    { option: true },
  ],
  startConnected: [true, { option: true }],
  connectPage: async ({ page }, use) => use(new ConnectPage(page)),
  topicsPage: async ({ page }, use) => use(new TopicsPage(page)),
  producePage: async ({ page }, use) => use(new ProducePage(page)),
  browsePage: async ({ page }, use) => use(new BrowsePage(page)),
  consumerGroupsPage: async ({ page }, use) => use(new ConsumerGroupsPage(page)),
  sandbox: async ({ dialect }, use) => use(new SandboxApi(sandboxUrl(dialect.port), E2E.apiKey)),
  connected: [
    async ({ startConnected, connectPage, dialect }, use) => {
      if (startConnected) {
        await connectPage.open()
        await connectPage.connectTo(sandboxUrl(dialect.port), E2E.apiKey)
        await connectPage.expectConnected(dialect.expectedName)
      }
      await use()
    },
    { auto: true },
  ],
})

export { expect }

/** A topic name no other test uses. */
export function uniqueTopic(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`
}
