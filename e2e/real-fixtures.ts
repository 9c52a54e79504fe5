import { test as base, expect } from '@playwright/test'
import { BrowsePage } from './pages/browse-page.ts'
import { ConnectPage } from './pages/connect-page.ts'
import { ProducePage } from './pages/produce-page.ts'
import { TopicsPage } from './pages/topics-page.ts'
import { RealApi, readLane, type RealServer } from './support/real-servers.ts'

export interface RealServerOptions {
  id: RealServer
  /** The dialect name the console should show after connecting. */
  expectedName: string
}

interface Fixtures {
  connectPage: ConnectPage
  topicsPage: TopicsPage
  producePage: ProducePage
  browsePage: BrowsePage
  /** Seeds and inspects the real server straight over its REST API (not through the console). */
  real: RealApi
  /** Opens the console and connects to this project's real server with detection on Auto. */
  connected: void
}

/** The fixtures of the real lane's projects (`strimzi`, `karapace`): the same page objects, a real server. */
export const test = base.extend<Fixtures & { server: RealServerOptions }>({
  server: [{ id: 'strimzi', expectedName: 'Strimzi Kafka Bridge' }, { option: true }],
  connectPage: async ({ page }, use) => use(new ConnectPage(page)),
  topicsPage: async ({ page }, use) => use(new TopicsPage(page)),
  producePage: async ({ page }, use) => use(new ProducePage(page)),
  browsePage: async ({ page }, use) => use(new BrowsePage(page)),
  real: async ({ server }, use) => use(new RealApi(readLane(), server.id)),
  connected: async ({ connectPage, real, server }, use) => {
    await connectPage.page.goto('/#/connect')
    await expect(connectPage.endpoint).toBeVisible()
    await connectPage.connectTo(real.url, '')
    await connectPage.expectConnected(server.expectedName)
    await use()
  },
})

export { expect }

/** A topic name no other test uses. */
export function uniqueTopic(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`
}
