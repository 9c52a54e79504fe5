import { expect, test } from '../fixtures.ts'
import { E2E } from '../support/ports.ts'
import { SandboxProcess } from '../support/sandbox-process.ts'

test('Copy as curl writes $API_KEY unless the key is explicitly included', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.getByRole('button', { name: 'Request log' }).click()
  const log = page.getByRole('region', { name: 'Request log' })
  // A Kafka request (the connect check's topic list); the sandbox's Schema Registry check is logged beside it.
  const kafkaRow = log.getByRole('listitem').filter({ hasText: '/topics' }).first()
  await expect(kafkaRow).toContainText('GET')
  await kafkaRow.getByRole('button', { name: /Copy request \d+ as curl/ }).click()
  const redacted = await page.evaluate(() => navigator.clipboard.readText())
  expect(redacted).toMatch(/^curl /)
  expect(redacted).toContain('"X-Auth-Token: $API_KEY"')
  expect(redacted).not.toContain(E2E.apiKey)

  const registryRow = log.getByRole('listitem').filter({ hasText: '/subjects' }).first()
  await registryRow.getByRole('button', { name: /Copy request \d+ as curl/ }).click()
  const registryCurl = await page.evaluate(() => navigator.clipboard.readText())
  expect(registryCurl).toContain('$REGISTRY_SECRET')
  expect(registryCurl).not.toContain(E2E.apiKey)

  await log.getByRole('checkbox', { name: 'Include API key in curl' }).check()
  await kafkaRow.getByRole('button', { name: /Copy request \d+ as curl/ }).click()
  const included = await page.evaluate(() => navigator.clipboard.readText())
  expect(included).toContain(`'X-Auth-Token: ${E2E.apiKey}'`)
})

test.describe('starting disconnected', () => {
  test.use({ startConnected: false })

  test('an endpoint that goes away shows a clear state and recovers when it returns', async ({
    page,
    connectPage,
    topicsPage,
  }) => {
    // Port base+7 is reserved for this test's own sandbox; the spec runs in the auto project only.
    const sandbox = new SandboxProcess(E2E.consolePort + 7, E2E.apiKey)
    await sandbox.start()
    try {
      await connectPage.open()
      await connectPage.connectTo(sandbox.url, E2E.apiKey)
      await expect(topicsPage.topicLink('demo.orders')).toBeVisible()

      await sandbox.stop()
      await page.getByRole('button', { name: 'Refresh' }).click()
      const alert = page.getByRole('alert')
      await expect(alert).toContainText('Could not list topics')
      await expect(alert).toContainText('ECONNREFUSED')
      await expect(alert).toContainText(/Check the URL, port/)

      await sandbox.start()
      await alert.getByRole('button', { name: 'Retry' }).click()
      await expect(topicsPage.topicLink('demo.orders')).toBeVisible()
      await expect(page.getByRole('alert')).toHaveCount(0)
    } finally {
      await sandbox.stop()
    }
  })

  test('the served app sends a Content-Security-Policy without inline script', async ({ page }) => {
    const response = await page.goto('/')
    const csp = response!.headers()['content-security-policy']
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(await page.locator('script:not([src])').count()).toBe(0)
  })
})
