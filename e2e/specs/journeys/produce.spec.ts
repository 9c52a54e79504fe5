import { createHash, randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { expect, test, uniqueTopic } from '../../fixtures.ts'
import { expectNoAxeViolations } from '../../support/axe.ts'
import { E2E } from '../../support/ports.ts'

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const utf8 = (text: string) => new TextEncoder().encode(text)
const text = (bytes: Uint8Array | null) => (bytes === null ? null : new TextDecoder().decode(bytes))

test.describe('produce', () => {
  test('text with a key to a chosen partition (Ctrl+Enter), then read back byte for byte', async ({
    producePage,
    browsePage,
    sandbox,
  }) => {
    const topic = uniqueTopic('e2e-produce-text')
    await sandbox.createTopic(topic, 3)
    await producePage.open(topic)
    await producePage.partition.selectOption('2')
    await producePage.format('Key', 'Text')
    await producePage.key.fill('order-1 😀')
    await producePage.value.fill('Hello, Kafka ✓ 😀\nsecond line')
    await producePage.value.press('Control+Enter')
    expect(await producePage.delivered()).toEqual({ partition: 2, offset: 0 })
    await expect(producePage.resultSummary).toHaveText(`Delivered the record to ${topic}.`)

    const [stored] = await sandbox.readRecords(topic, 2, 0, 1)
    expect(text(stored.key)).toBe('order-1 😀')
    expect(text(stored.value)).toBe('Hello, Kafka ✓ 😀\nsecond line')
    // The form keeps what was typed, for the next message.
    await expect(producePage.value).toHaveValue('Hello, Kafka ✓ 😀\nsecond line')

    const view = producePage.resultRow(1).details.getByRole('link', { name: 'View message' })
    await expect(view).toHaveAttribute(
      'href',
      new RegExp(`^#/browse\\?topic=${topic}&partition=2&start=offset&offset=0`),
    )
    // View message opens the browser at exactly this record.
    await view.click()
    await expect(browsePage.detailHeading).toHaveText('Partition 2 · offset 0')
    await expect(browsePage.key).toContainText('order-1 😀')
    await expect(browsePage.value).toContainText('Hello, Kafka ✓ 😀')
  })

  test('the form does not move while the topic and its partitions load', async ({
    producePage,
    sandbox,
    page,
  }) => {
    // A real server answered between a click's press and release once, and the click on Add header was lost.
    const topic = uniqueTopic('e2e-produce-still')
    await sandbox.createTopic(topic, 3)
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route(`**/topics/${topic}*`, async (route) => (await held, route.continue()))
    await producePage.open(topic)
    const top = async () => (await producePage.value.boundingBox())?.y
    const before = await top()
    expect(before).toBeGreaterThan(0)
    release()
    await expect(page.getByText(/3 partitions\.$/)).toBeVisible()
    expect(await top()).toBe(before)
  })

  test('a random 5 MB binary file round-trips byte-exact', async ({
    producePage,
    browsePage,
    sandbox,
    page,
  }) => {
    test.setTimeout(120_000)
    const topic = uniqueTopic('e2e-produce-file')
    // Kafka's default max.message.bytes (1 MB) refuses 5 MB: the topic's limit is raised, as on a real broker.
    await sandbox.createTopic(topic, 1, { maxMessageBytes: 8 * 1024 * 1024 })
    const buffer = randomBytes(5 * 1024 * 1024)
    await producePage.open(topic)
    await producePage.chooseFile({ name: 'random.bin', mimeType: 'application/octet-stream', buffer })
    await expect(producePage.page.getByLabel('File size')).toHaveText('5.0 MB (5,242,880 bytes)')
    await expect(producePage.page.getByLabel('First 64 bytes (hex)')).toContainText(
      buffer
        .subarray(0, 8)
        .toString('hex')
        .replace(/(..)(?!$)/g, '$1 '),
    )
    await producePage.produce()
    const { offset } = await producePage.delivered(1, 60_000)

    const [stored] = await sandbox.readRecords(topic, 0, offset, 1)
    expect(stored.value?.length).toBe(buffer.length)
    expect(sha256(stored.value!)).toBe(sha256(buffer))
    // And through the browser: View message, then Download gives the same bytes.
    await producePage.resultRow(1).details.getByRole('link', { name: 'View message' }).click()
    await expect(browsePage.detailHeading).toHaveText(`Partition 0 · offset ${offset}`)
    const download = page.waitForEvent('download')
    await browsePage.download.click()
    const file = await download
    const bytes = await readFile(await file.path())
    expect(bytes.length).toBe(buffer.length)
    expect(sha256(bytes)).toBe(sha256(buffer))
  })

  test('an empty file is an empty value, not a tombstone', async ({ producePage, sandbox }) => {
    const topic = uniqueTopic('e2e-produce-empty')
    await sandbox.createTopic(topic, 1)
    await producePage.open(topic)
    await producePage.chooseFile({
      name: 'empty.bin',
      mimeType: 'application/octet-stream',
      buffer: Buffer.alloc(0),
    })
    await producePage.produce()
    await producePage.delivered()
    const [stored] = await sandbox.readRecords(topic, 0, 0, 1)
    expect(stored.value).not.toBeNull()
    expect(stored.value?.length).toBe(0)
  })

  test('a per-record error inside an HTTP 200 is shown as a failure', async ({ producePage, page }) => {
    const topic = uniqueTopic('e2e-produce-missing')
    await producePage.open(topic) // never created: the endpoint answers 200 with an error for the record
    await expect(page.getByText('Not in the endpoint’s topic list: it may not exist.')).toBeVisible()
    await producePage.value.fill('lost')
    await producePage.produce()
    const row = producePage.resultRow(1)
    await expect(row.status).toHaveText(/Failed/)
    await expect(row.details).toContainText(/Error \d{5}: /)
    await expect(row.details.getByRole('link')).toHaveCount(0)
    await expect(producePage.resultSummary).toHaveText('The record failed.')
  })

  test('a 2 MB file to a topic at Kafka’s default size limit fails with the broker’s reason', async ({
    producePage,
    sandbox,
    dialect,
  }) => {
    test.skip(dialect.id !== 'auto', 'the refusal is per record in every dialect; one upload is enough')
    const topic = uniqueTopic('e2e-produce-too-large')
    await sandbox.createTopic(topic, 1) // max.message.bytes stays at Kafka's 1048588
    await producePage.open(topic)
    await producePage.chooseFile({
      name: 'two-mb.bin',
      mimeType: 'application/octet-stream',
      buffer: randomBytes(2 * 1024 * 1024),
    })
    await producePage.produce()
    const row = producePage.resultRow(1)
    await expect(row.status).toHaveText(/Failed/, { timeout: 30_000 })
    await expect(row.details).toContainText(
      'The request included a message larger than the max message size the server will accept.',
    )
    await expect(producePage.resultSummary).toHaveText('The record failed.')
    await expect(producePage.error).toHaveCount(0) // a per-record refusal, not a failed request
    expect(await sandbox.readRecords(topic, 0, 0, 1)).toEqual([])
  })

  test('invalid JSON is shown with its position and nothing is sent', async ({ producePage, page }) => {
    const topic = uniqueTopic('e2e-produce-json')
    await producePage.open(topic)
    await producePage.format('Value', 'JSON')
    await producePage.value.fill('{"id": 1,\n "items": [1, 2,]\n}')
    await producePage.produce()
    await expect(producePage.value).toHaveAttribute('aria-invalid', 'true')
    await expect(producePage.value).toHaveAccessibleDescription(
      "Invalid JSON: Trailing comma before ']' is not allowed in JSON at line 2, column 16",
    )
    await expect(producePage.value).toBeFocused()
    await expect(producePage.problem).toHaveText('Fix the problem marked above, then produce.')
    await expect(producePage.results).toHaveCount(0)
    await expect(page.getByRole('region', { name: 'Result' })).toHaveCount(0)
    await expect(producePage.value).toHaveValue('{"id": 1,\n "items": [1, 2,]\n}')
  })

  test('headers where the dialect has them, otherwise a note why not', async ({
    producePage,
    page,
    dialect,
  }) => {
    const topic = uniqueTopic('e2e-produce-headers')
    await producePage.open(topic)
    if (dialect.id === 'confluent-v1' || dialect.id === 'confluent-v2') {
      await expect(producePage.headers).toHaveCount(0)
      await expect(page.getByText(/^Headers: not available — .* has no record headers/)).toBeVisible()
    } else {
      await producePage.addHeader.click()
      await producePage.headers.getByLabel('Header 1 name').fill('trace-id')
      await producePage.headers.getByLabel('Header 1 value').fill('abc')
      await expect(producePage.headers.getByLabel('Header 1 name')).toHaveValue('trace-id')
    }
  })

  test('several records in one request, and an NDJSON import with a preview', async ({
    producePage,
    sandbox,
  }) => {
    const topic = uniqueTopic('e2e-produce-batch')
    await sandbox.createTopic(topic, 1)
    await producePage.open(topic)
    await producePage.value.fill('first')
    await producePage.addRecord.click()
    await producePage.record(2).getByRole('textbox', { name: 'Value' }).fill('second')
    await producePage.produce()
    expect(await producePage.delivered(1)).toEqual({ partition: 0, offset: 0 })
    expect(await producePage.delivered(2)).toEqual({ partition: 0, offset: 1 })

    const ndjson = [
      '{"key": "k1", "value": "from ndjson", "encoding": "utf8"}',
      '{"key": null, "value": "AAEC/w==", "encoding": "base64"}',
      '{"value": "not base64!", "encoding": "base64"}',
    ].join('\n')
    await producePage.importNdjson.setInputFiles({
      name: 'records.ndjson',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(ndjson),
    })
    await expect(producePage.importPreview).toContainText('2 records ready to produce; 1 line with errors.')
    await expect(producePage.importPreview.getByRole('list', { name: 'Lines with errors' })).toContainText(
      'Line 3, "value": is not valid base64',
    )
    await producePage.produce()
    await expect(producePage.problem).toContainText('1 line of the import cannot be sent')
    await producePage.importPreview.getByRole('checkbox', { name: /Skip the 1 line with errors/ }).check()
    await producePage.produce()
    await expect(producePage.resultRow(2).row).toContainText('Line 2')
    expect(await producePage.delivered(2)).toEqual({ partition: 0, offset: 3 })

    const stored = await sandbox.readRecords(topic, 0, 0, 4)
    expect(stored.map((r) => [text(r.key), r.value && Array.from(r.value)])).toEqual([
      [null, Array.from(utf8('first'))],
      [null, Array.from(utf8('second'))],
      ['k1', Array.from(utf8('from ndjson'))],
      [null, [0, 1, 2, 255]],
    ])
  })

  test('Copy as curl writes $API_KEY unless the key is asked for', async ({ producePage, sandbox, page }) => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    const topic = uniqueTopic('e2e-produce-curl')
    await sandbox.createTopic(topic, 1)
    await producePage.open(topic)
    await producePage.value.fill('curl me')
    await producePage.produce()
    await producePage.delivered()
    await producePage.copyCurl.click()
    const redacted = await page.evaluate(() => navigator.clipboard.readText())
    expect(redacted).toMatch(/^curl -X POST '.*\/topics\/e2e-produce-curl-[^']*'/)
    expect(redacted).toContain('$API_KEY')
    expect(redacted).toContain(Buffer.from('curl me').toString('base64'))
    expect(redacted).not.toContain(E2E.apiKey)
    await producePage.includeApiKey.check()
    await producePage.copyCurl.click()
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain(E2E.apiKey)
  })

  test('a body over the endpoint’s limit fails with its size in the message', async ({
    producePage,
    sandbox,
    page,
    dialect,
  }) => {
    test.skip(dialect.id !== 'auto', 'one 35 MB upload is enough: the size check is the same everywhere')
    test.setTimeout(120_000)
    const topic = uniqueTopic('e2e-produce-413')
    await sandbox.createTopic(topic, 1)
    await producePage.open(topic)
    // 26 MB becomes ~35 MB of base64 in JSON: over the sandbox's 32 MiB body limit. The sandbox answers 413 and
    // closes the connection, which the proxy may report as a cut connection instead: either way the size shows.
    const buffer = Buffer.alloc(26 * 1024 * 1024, 7)
    await producePage.chooseFile({ name: 'big.bin', mimeType: 'application/octet-stream', buffer })
    await producePage.produce()
    await expect(producePage.error).toBeVisible({ timeout: 60_000 })
    await expect(page.getByText(/34\.\d MB/).first()).toBeVisible()
    expect(await sandbox.readRecords(topic, 0, 0, 1)).toEqual([])
  })

  test('an HTTP 413 is called what it is: too large', async ({ producePage, sandbox, page, dialect }) => {
    test.skip(dialect.id !== 'auto', 'the message does not depend on the dialect')
    const topic = uniqueTopic('e2e-produce-413-shown')
    await sandbox.createTopic(topic, 1)
    // A gateway in front of the REST API refusing the body (as nginx's client_max_body_size does).
    await page.route('**/proxy/**', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 413,
            contentType: 'application/json',
            body: JSON.stringify({
              error_code: 413,
              message: 'Request body is larger than the limit of 1048576 bytes.',
            }),
          })
        : route.fallback(),
    )
    await producePage.open(topic)
    await producePage.chooseFile({
      name: 'two-mb.bin',
      mimeType: 'application/octet-stream',
      buffer: randomBytes(2 * 1024 * 1024),
    })
    await producePage.produce()
    await expect(producePage.error).toContainText(
      /^Too large: the endpoint refused the 2\.7 MB request \(HTTP 413\)/,
    )
    await expect(producePage.error).toContainText('Request body is larger than the limit of 1048576 bytes.')
    await expect(page.getByText('A value travels base64-encoded inside JSON')).toBeVisible()
    // The form keeps the file for a retry.
    await expect(page.getByLabel('File name')).toHaveText('two-mb.bin')
  })

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`no accessibility violations with an error, a file and results (${colorScheme})`, async ({
      producePage,
      sandbox,
      page,
      dialect,
    }) => {
      test.skip(dialect.id !== 'auto', 'the page is the same for every dialect')
      await page.emulateMedia({ colorScheme })
      const topic = uniqueTopic('e2e-produce-axe')
      await sandbox.createTopic(topic, 1)
      await producePage.open(topic)
      await producePage.format('Key', 'Base64')
      await producePage.key.fill('not base64!')
      await producePage.addHeader.click()
      await producePage.produce()
      await expect(producePage.key).toHaveAttribute('aria-invalid', 'true')
      await expectNoAxeViolations(page)
      await producePage.format('Key', 'No key')
      await producePage.chooseFile({
        name: 'bytes.bin',
        mimeType: 'application/octet-stream',
        buffer: randomBytes(100),
      })
      await producePage.produce()
      await producePage.delivered()
      await expectNoAxeViolations(page)
    })
  }
})
