// e2e/specs/hostile/ runs in the auto project only (the dialect projects match journeys/): the hostile server
// fronts the auto sandbox.
import { expect, test } from '../../fixtures.ts'
import { E2E, hostileUrl } from '../../support/ports.ts'
import { installStallProbe, readStallProbe, resetStallProbe } from '../../support/stall-probe.ts'

// Each test connects to the hostile endpoint itself.
test.use({ startConnected: false })

test('the hostile server passes the sandbox through unchanged (control), with the stall probe reading', async ({
  page,
  connectPage,
  topicsPage,
}) => {
  await installStallProbe(page)
  await connectPage.open()
  await resetStallProbe(page)
  await connectPage.connectTo(hostileUrl('passthrough'), E2E.apiKey)
  await expect(topicsPage.topicLink('demo.orders')).toBeVisible()
  const figures = await readStallProbe(page)
  expect(figures.longestGapMs).toBeGreaterThan(0)
  expect(figures.heapBytes).toBeGreaterThan(0)
})
