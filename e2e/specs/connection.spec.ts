import { expect, test } from '../fixtures.ts'
import { expectNoAxeViolations } from '../support/axe.ts'
import { E2E, sandboxUrl } from '../support/ports.ts'

test.describe('connection screen', () => {
  test.use({ startConnected: false })

  test('loads with the sandbox prefilled and the proxy on', async ({ page, connectPage }) => {
    await connectPage.open()
    await expect(page).toHaveTitle('Kafka REST Console')
    await expect(connectPage.endpoint).toHaveValue(sandboxUrl(E2E.sandboxPort))
    await expect(connectPage.apiKey).toHaveValue(E2E.apiKey)
    await expect(connectPage.apiKey).toHaveAttribute('type', 'password')
    await expect(connectPage.useProxy).toBeChecked()
    await expect(connectPage.dialect).toHaveValue('auto')
    await page.getByRole('button', { name: 'Show API key' }).click()
    await expect(connectPage.apiKey).toHaveAttribute('type', 'text')
    await expectNoAxeViolations(page)
  })

  test('connects through the proxy, detects the dialect and lists topics', async ({
    page,
    connectPage,
    topicsPage,
  }) => {
    await connectPage.open()
    await connectPage.connectButton.click()
    await connectPage.expectConnected('Confluent REST Proxy API v3')
    await expect(topicsPage.heading).toBeVisible()
    await expect(topicsPage.topicLink('demo.orders')).toBeVisible()
    await expectNoAxeViolations(page)
  })

  test('keeps the key in sessionStorage only, never in localStorage or the URL; Disconnect forgets it', async ({
    page,
    connectPage,
  }) => {
    await connectPage.open()
    await connectPage.connectButton.click()
    await connectPage.expectConnected('Confluent REST Proxy API v3')
    await page.goto('/#/topics/demo.orders')
    await expect(page.getByRole('heading', { name: 'demo.orders' })).toBeVisible()
    const storage = await page.evaluate(() => ({
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
      url: location.href,
    }))
    expect(storage.session).toContain(E2E.apiKey)
    expect(storage.local).not.toContain(E2E.apiKey)
    expect(storage.url).not.toContain(E2E.apiKey)
    // A reload keeps the connection (same tab session).
    await page.reload()
    await connectPage.expectConnected('Confluent REST Proxy API v3')

    await page.getByRole('button', { name: 'Disconnect' }).click()
    await expect(connectPage.status).toContainText('Not connected')
    const after = await page.evaluate(() => JSON.stringify({ ...sessionStorage }))
    expect(after).not.toContain(E2E.apiKey)
    await expect(connectPage.apiKey).toHaveValue('')
  })

  test('fills the form from pasted VCAP_SERVICES', async ({ page, connectPage }) => {
    await connectPage.open()
    await connectPage.pasteCredentials.click()
    const vcap = {
      messagehub: [
        {
          credentials: {
            api_key: 'pasted-key',
            kafka_rest_url: 'https://kafka-rest.example.com:443',
            user: 'x',
          },
        },
      ],
    }
    await page.getByRole('textbox', { name: 'Credentials', exact: true }).fill(JSON.stringify(vcap))
    await page.getByRole('button', { name: 'Use these credentials' }).click()
    await expect(connectPage.endpoint).toHaveValue('https://kafka-rest.example.com:443')
    await expect(connectPage.apiKey).toHaveValue('pasted-key')
    await expect(page.getByText('Filled from the pasted credentials (messagehub[0])')).toBeVisible()
  })

  test('explains invalid pasted credentials', async ({ page, connectPage }) => {
    await connectPage.open()
    await connectPage.pasteCredentials.click()
    await page.getByRole('textbox', { name: 'Credentials', exact: true }).fill('{"api_key": ')
    await page.getByRole('button', { name: 'Use these credentials' }).click()
    await expect(page.getByText(/not valid JSON/)).toBeVisible()
  })

  test('an endpoint URL holding credentials is refused before anything is sent', async ({
    page,
    connectPage,
  }) => {
    await connectPage.open()
    // The browser's own URL check passes this; the console's form check must not.
    await connectPage.connectTo('http://user:secret@127.0.0.1:9', E2E.apiKey)
    await connectPage.expectError(/The endpoint URL contains credentials/)
    await connectPage.expectError(/put the key in the API key field/)
    await expect(connectPage.status).toContainText('Not connected')
    await page.getByRole('button', { name: 'Request log' }).click()
    const requests = page.getByRole('region', { name: 'Request log' }).getByRole('listitem')
    await expect(requests.filter({ hasText: /GET|POST/ })).toHaveCount(0)
  })

  test('a deep link opened while disconnected comes back after connecting', async ({ page, connectPage }) => {
    await page.goto('/#/topics/demo.logs')
    await expect(connectPage.endpoint).not.toHaveValue('')
    await connectPage.connectButton.click()
    await expect(page.getByRole('heading', { name: 'demo.logs', level: 1 })).toBeVisible()
  })
})
