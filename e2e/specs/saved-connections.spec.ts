import { GeneratePage } from '../pages/generate-page.ts'
import { expect, test, uniqueTopic } from '../fixtures.ts'
import { ConnectPage } from '../pages/connect-page.ts'
import { expectNoAxeViolations } from '../support/axe.ts'
import { E2E, sandboxUrl } from '../support/ports.ts'

/** Issue 19: saved connections without secrets, the production guard, Basic auth, two tabs. */
test.describe('saved connections', () => {
  test.use({ startConnected: false })

  test('save, then a new browser context lists it without its secret, which must be typed again', async ({
    page,
    connectPage,
    browser,
  }) => {
    await connectPage.open()
    await connectPage.environment.selectOption('staging')
    await connectPage.save('Sandbox staging')
    await expect(connectPage.savedConnection).toHaveValue(/.+/)
    const saved = await page.evaluate(() => JSON.stringify({ ...localStorage }))
    expect(saved).toContain('Sandbox staging')
    expect(saved).not.toContain(E2E.apiKey)
    await expectNoAxeViolations(page)

    // A new context with this one's localStorage only (as after a browser restart: no session storage).
    const state = await page.context().storageState()
    const context = await browser.newContext({ storageState: state })
    try {
      const next = await context.newPage()
      const form = new ConnectPage(next)
      await form.open()
      await expect(
        form.savedConnection.getByRole('option', { name: 'Sandbox staging · staging' }),
      ).toHaveCount(1)
      await form.savedConnection.selectOption({ label: 'Sandbox staging · staging' })
      await expect(form.endpoint).toHaveValue(sandboxUrl(E2E.sandboxPort))
      await expect(form.environment).toHaveValue('staging')
      await expect(form.apiKey).toHaveValue('')
      expect(await next.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(E2E.apiKey)
      // Without the key the sandbox refuses; typed again, it connects.
      await form.connectButton.click()
      await form.expectError(/API key was rejected|401|Authentication/i)
      await form.apiKey.fill(E2E.apiKey)
      await form.connectButton.click()
      await form.expectConnected('Confluent REST Proxy API v3')
      expect(await next.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(E2E.apiKey)
    } finally {
      await context.close()
    }
  })

  test('rename, delete, and an import holding a secret is refused', async ({ page, connectPage }) => {
    await connectPage.open()
    await connectPage.save('Dev one')
    const list = page.getByRole('list', { name: 'Saved connections' })
    await page.getByRole('button', { name: 'Rename Dev one' }).click()
    await page.getByRole('textbox', { name: 'New name for Dev one' }).fill('Dev two')
    await page.getByRole('button', { name: 'Save name' }).click()
    await expect(list).toContainText('Dev two')
    await page.getByLabel('Connections file to import').setInputFiles({
      name: 'leaky.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({ connections: [{ name: 'x', endpoint: 'http://h', apiKey: 'k' }] }),
      ),
    })
    await expect(page.getByRole('alert')).toContainText('"connections[0].apiKey" looks like a secret')
    await page.getByRole('button', { name: 'Delete Dev two' }).click()
    await page.getByRole('button', { name: 'Confirm delete Dev two' }).click()
    await expect(list).toBeHidden()
  })
})

test.describe('switching', () => {
  test.use({ startConnected: false })

  test('the header picker switches between saved connections in two clicks once this tab knows their secrets', async ({
    page,
    connectPage,
  }) => {
    await connectPage.open()
    await connectPage.save('Local')
    await connectPage.connectButton.click()
    await connectPage.expectConnected('Confluent REST Proxy API v3')

    await page.goto('/#/connect')
    await connectPage.endpoint.fill(sandboxUrl(E2E.sandboxV2Port))
    await connectPage.useBasic(E2E.basicUser, E2E.basicPassword)
    await connectPage.environment.selectOption('test')
    await connectPage.saveConnection.click()
    const dialog = page.getByRole('dialog', { name: 'Save connection' })
    await dialog.getByRole('radio', { name: 'A new connection' }).check()
    await dialog.getByRole('textbox', { name: 'Connection name' }).fill('V2 basic')
    await dialog.getByRole('button', { name: 'Save', exact: true }).click()
    await connectPage.connectButton.click()
    await connectPage.expectConnected('Confluent REST Proxy API v2')

    const header = page.getByRole('banner').getByRole('combobox', { name: 'Connection', exact: true })
    await header.selectOption({ label: 'Local · development' })
    await expect(connectPage.status).toContainText(`127.0.0.1:${E2E.sandboxPort}`)
    await connectPage.expectConnected('Confluent REST Proxy API v3')
    await header.selectOption({ label: 'V2 basic · test' })
    await connectPage.expectConnected('Confluent REST Proxy API v2')
    await expect(connectPage.status).toContainText(`127.0.0.1:${E2E.sandboxV2Port}`)
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toMatch(
      new RegExp(`${E2E.apiKey}|${E2E.basicPassword}`),
    )
  })
})

test.describe('paste credentials', () => {
  test.use({ startConnected: false })

  test('a Confluent Cloud key file fills Basic auth; an unknown format lists the accepted ones', async ({
    page,
    connectPage,
  }) => {
    await connectPage.open()
    await connectPage.pasteCredentials.click()
    const text = page.getByRole('textbox', { name: 'Credentials', exact: true })
    await text.fill('hello world')
    await page.getByRole('button', { name: 'Use these credentials' }).click()
    await expect(page.getByText(/Accepted: IBM Event Streams .*Confluent Cloud.*Aiven/)).toBeVisible()
    await text.fill(
      '=== Confluent Cloud API key: lkc-e2e ===\n\nAPI key:\nCCKEY123\n\nAPI secret:\nCCSECRET456\n\nBootstrap server:\npkc-e2e.eu-west-1.aws.confluent.cloud:9092\n',
    )
    await page.getByRole('button', { name: 'Use these credentials' }).click()
    await expect(connectPage.endpoint).toHaveValue('https://pkc-e2e.eu-west-1.aws.confluent.cloud:443')
    await expect(connectPage.authScheme).toHaveValue('basic')
    await expect(connectPage.username).toHaveValue('CCKEY123')
    await expect(connectPage.password).toHaveValue('CCSECRET456')
    await expect(page.getByRole('status').filter({ hasText: 'Filled from' })).toContainText(
      'Confluent Cloud API key (lkc-e2e)',
    )
  })
})

test.describe('production guard', () => {
  test.use({ startConnected: false })

  test('a production connection shows a banner, and produce waits for the topic name', async ({
    page,
    connectPage,
    producePage,
    sandbox,
  }) => {
    const topic = uniqueTopic('e2e-prod-guard')
    await sandbox.createTopic(topic, 1)
    await connectPage.open()
    await connectPage.environment.selectOption('production')
    await connectPage.connectButton.click()
    await connectPage.expectConnected('Confluent REST Proxy API v3')
    const banner = page.getByRole('note', { name: 'Production environment' })
    await expect(banner).toBeVisible()

    await producePage.open(topic)
    await expect(banner).toBeVisible()
    await producePage.value.fill('guarded')
    await producePage.produceButton.click()
    const dialog = page.getByRole('dialog', { name: `Produce to ${topic} in production?` })
    await expect(dialog).toBeVisible()
    const confirm = dialog.getByRole('button', { name: 'Produce to production' })
    await expect(confirm).toBeDisabled()
    await dialog.getByRole('textbox', { name: 'Type the topic name to confirm' }).fill(`${topic}x`)
    await expect(confirm).toBeDisabled()
    await expectNoAxeViolations(page)
    // Cancelled: nothing was written.
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toBeHidden()
    expect(await sandbox.readRecords(topic, 0, 0, 1)).toEqual([])

    await producePage.produceButton.click()
    await dialog.getByRole('textbox', { name: 'Type the topic name to confirm' }).fill(topic)
    await confirm.click()
    await expect(producePage.resultSummary).toHaveText(`Delivered the record to ${topic}.`)
    const [stored] = await sandbox.readRecords(topic, 0, 0, 1)
    expect(new TextDecoder().decode(stored.value ?? new Uint8Array())).toBe('guarded')
  })
})

test.describe('production guard on Generate', () => {
  test.use({ startConnected: false })

  test('Generate in production waits for the topic name; cancelled, nothing is written', async ({
    page,
    connectPage,
    sandbox,
  }) => {
    const topic = uniqueTopic('e2e-prod-generate')
    await sandbox.createTopic(topic, 1)
    await connectPage.open()
    await connectPage.environment.selectOption('production')
    await connectPage.connectButton.click()
    await connectPage.expectConnected('Confluent REST Proxy API v3')
    const gen = new GeneratePage(page)
    await gen.open()
    await gen.preset.selectOption({ label: 'Orders' })
    await gen.fill({ topic, count: 3, seed: 1 })
    await gen.generateButton.click()
    const dialog = page.getByRole('dialog', { name: `Generate into ${topic} in production?` })
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toBeHidden()
    expect(await sandbox.readRecords(topic, 0, 0, 1)).toEqual([])
    await gen.generateButton.click()
    await dialog.getByRole('textbox', { name: 'Type the topic name to confirm' }).fill(topic)
    await dialog.getByRole('button', { name: 'Generate in production' }).click()
    await expect(gen.summary.getByRole('heading')).toHaveText('Done: 3 records acknowledged, 0 failed')
  })
})

test.describe('Basic auth and tabs', () => {
  test.use({ startConnected: false })

  test('connects to the sandbox with a username and password; a wrong password is refused', async ({
    page,
    connectPage,
  }) => {
    await connectPage.open()
    await connectPage.endpoint.fill(sandboxUrl(E2E.sandboxV3Port))
    await connectPage.useBasic(E2E.basicUser, 'wrong-password')
    await connectPage.connectButton.click()
    await connectPage.expectError(/rejected|401|Authentication/i)
    await connectPage.password.fill(E2E.basicPassword)
    await connectPage.connectButton.click()
    await connectPage.expectConnected('Confluent REST Proxy API v3')
    // The password is in this tab's session only: never localStorage, the URL or the request log.
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(E2E.basicPassword)
    expect(page.url()).not.toContain(E2E.basicPassword)
    await page.getByRole('button', { name: 'Request log' }).click()
    const log = page.getByRole('region', { name: 'Request log' })
    await expect(log.getByRole('list', { name: 'Requests' })).toContainText('/v3/clusters')
    expect(await log.innerText()).not.toContain(E2E.basicPassword)
  })

  test('two tabs connected to different endpoints keep their own connection and secrets', async ({
    context,
    page,
    connectPage,
  }) => {
    await connectPage.open()
    await connectPage.connectButton.click()
    await connectPage.expectConnected('Confluent REST Proxy API v3')

    const other = await context.newPage()
    const second = new ConnectPage(other)
    await second.open()
    await second.endpoint.fill(sandboxUrl(E2E.sandboxV2Port))
    await second.useBasic(E2E.basicUser, E2E.basicPassword)
    await second.connectButton.click()
    await second.expectConnected('Confluent REST Proxy API v2')

    // Each tab, reloaded, is still on its own endpoint; neither storage of the first tab holds the second's secret.
    await page.reload()
    await expect(connectPage.status).toContainText(`127.0.0.1:${E2E.sandboxPort}`)
    await other.reload()
    await expect(second.status).toContainText(`127.0.0.1:${E2E.sandboxV2Port}`)
    const firstStorage = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))
    expect(firstStorage).not.toContain(E2E.basicPassword)
    expect(firstStorage).not.toContain(`127.0.0.1:${E2E.sandboxV2Port}`)
    const secondSession = await other.evaluate(() => JSON.stringify({ ...sessionStorage }))
    expect(secondSession).not.toContain(E2E.apiKey)
    await other.close()
  })
})
