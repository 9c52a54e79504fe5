import type { Page } from '@playwright/test'

/**
 * Records every consumer instance the console creates (the answer to `POST …/consumers/{group}`), so a test
 * can check afterwards that each one was deleted on the endpoint.
 */
export function trackConsumerInstances(page: Page): { created: string[]; pending: () => number } {
  const created: string[] = []
  let inFlight = 0
  page.on('response', async (res) => {
    const req = res.request()
    if (req.method() !== 'POST' || !/\/consumers\/[^/]+$/.test(new URL(req.url()).pathname)) return
    inFlight++
    try {
      const body = (await res.json()) as { base_uri?: string }
      if (res.ok() && body.base_uri) created.push(new URL(body.base_uri).pathname)
    } catch {
      // the page closed before the body was read; the DELETE check below cannot name this instance
    } finally {
      inFlight--
    }
  })
  return { created, pending: () => inFlight }
}
