import { expect, test } from '../fixtures.ts'
import { E2E, sandboxUrl } from '../support/ports.ts'

const faulty = `http://127.0.0.1:${E2E.faultyPort}`

test.describe('connection errors show what happened and what to do', () => {
  test.use({ startConnected: false })

  test.beforeEach(async ({ connectPage }) => {
    await connectPage.open()
  })

  test('wrong key: the key was rejected', async ({ connectPage }) => {
    await connectPage.connectTo(sandboxUrl(E2E.sandboxPort), 'wrong-key')
    await connectPage.expectError(/HTTP 401/)
    await connectPage.expectError(/API key was rejected/)
    await expect(connectPage.status).toContainText('Not connected')
  })

  test('nothing listening: the proxy reports ECONNREFUSED', async ({ connectPage }) => {
    await connectPage.connectTo('http://127.0.0.1:9', E2E.apiKey)
    await connectPage.expectError(/ECONNREFUSED/)
    await connectPage.expectError(/Check the URL, port/)
  })

  test('proxy off against an endpoint without CORS headers: suggests the proxy', async ({ connectPage }) => {
    await connectPage.useProxy.uncheck()
    await connectPage.connectTo(sandboxUrl(E2E.sandboxPort), E2E.apiKey)
    await connectPage.expectError(/without CORS headers/)
    await connectPage.expectError(/Turn on "Use proxy"/)
  })

  test('wrong base path: no such route', async ({ connectPage }) => {
    await connectPage.connectTo(`${faulty}/status/404`, E2E.apiKey)
    await connectPage.expectError(/HTTP 404/)
    await connectPage.expectError(/base (URL|path)/)
  })

  test('a web page instead of the API', async ({ connectPage }) => {
    await connectPage.connectTo(`${faulty}/html`, E2E.apiKey)
    await connectPage.expectError(/HTML page/)
    await connectPage.expectError(/web page or gateway/)
  })

  test('a body that is not JSON', async ({ connectPage }) => {
    await connectPage.connectTo(`${faulty}/text`, E2E.apiKey)
    await connectPage.expectError(/not JSON/)
  })

  test('a failing service (5xx)', async ({ connectPage }) => {
    await connectPage.connectTo(`${faulty}/status/503`, E2E.apiKey)
    await connectPage.expectError(/HTTP 503/)
    await connectPage.expectError(/unavailable|failed on its side/)
  })

  test('a link-local target is refused by the proxy', async ({ connectPage }) => {
    await connectPage.connectTo('http://169.254.169.254', E2E.apiKey)
    await connectPage.expectError(/link-local or cloud metadata/)
  })

  test('dialect mismatch (406): suggests another API dialect', async ({ connectPage }) => {
    await connectPage.dialect.selectOption('confluent-v2')
    await connectPage.connectTo(sandboxUrl(E2E.sandboxV1Port), E2E.apiKey)
    await connectPage.expectError(/HTTP 406/)
    await connectPage.expectError(/another API dialect/)
  })
})

test('a missing topic: topic not found', async ({ page }) => {
  await page.goto('/#/topics/no-such-topic')
  await expect(page.getByRole('alert')).toContainText('Topic not found')
  await expect(page.getByRole('alert')).toContainText('no-such-topic')
})
