import { createHash, randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { expect, test, uniqueTopic } from '../../real-fixtures.ts'
import { KAFKA_DEFAULT_MAX_MESSAGE_BYTES } from '../../support/real-servers.ts'

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const text = (bytes: Uint8Array | null) => (bytes === null ? null : new TextDecoder().decode(bytes))

test.describe('produce against a real server', () => {
  test('the detected dialect is shown, and the topics list and partitions come from the broker', async ({
    page,
    connected,
    topicsPage,
    real,
    server,
  }) => {
    void connected
    await expect(page.getByRole('status', { name: 'Connection status' })).toContainText(server.expectedName)
    const topic = uniqueTopic('real-topics')
    await real.createTopic(topic, 3)
    await real.produce(topic, [
      { value: new TextEncoder().encode('a'), partition: 0 },
      { value: new TextEncoder().encode('b'), partition: 0 },
    ])
    await page.reload()
    await topicsPage.openTopic(topic)
    await expect(page.getByRole('heading', { name: 'Partitions (3)' })).toBeVisible()
    const p0 = await topicsPage.partitionRow(topic, 0)
    await expect(p0.leader).toHaveText('1')
    await expect(p0.end).toHaveText('2')
  })

  test('text with a key to a chosen partition, then JSON; both read back from the broker', async ({
    connected,
    producePage,
    real,
  }) => {
    void connected
    const topic = uniqueTopic('real-produce-text')
    await real.createTopic(topic, 3)
    await producePage.open(topic)
    await producePage.partition.selectOption('2')
    await producePage.format('Key', 'Text')
    await producePage.key.fill('order-1 😀')
    await producePage.value.fill('Hello, Kafka ✓ 😀\nsecond line')
    await producePage.produce()
    expect(await producePage.delivered()).toEqual({ partition: 2, offset: 0 })

    await producePage.format('Value', 'JSON')
    await producePage.value.fill('{"id": 12345678901234567890123, "price": 1.10}')
    await producePage.produce()
    expect(await producePage.delivered()).toEqual({ partition: 2, offset: 1 })

    const stored = await real.readRecords(topic, 2, 0, 2)
    expect(text(stored[0].key)).toBe('order-1 😀')
    expect(text(stored[0].value)).toBe('Hello, Kafka ✓ 😀\nsecond line')
    // JSON is sent as typed: not a digit lost, not reformatted into another number.
    expect(JSON.stringify(text(stored[1].value))).toContain('12345678901234567890123')
    expect(text(stored[1].value)).toMatch(/1\.10/)
  })

  test('a random 5 MB file round-trips: the browser download has the same SHA-256', async ({
    connected,
    producePage,
    browsePage,
    real,
    page,
  }) => {
    void connected
    test.setTimeout(180_000)
    const topic = uniqueTopic('real-produce-5mb')
    await real.createTopic(topic, 1)
    const buffer = randomBytes(5 * 1024 * 1024)
    await producePage.open(topic)
    await producePage.chooseFile({ name: 'random.bin', mimeType: 'application/octet-stream', buffer })
    await expect(producePage.page.getByLabel('File size')).toHaveText('5.0 MB (5,242,880 bytes)')
    await producePage.produce()
    const { offset } = await producePage.delivered(1, 120_000)

    const [stored] = await real.readRecords(topic, 0, offset, 1)
    expect(stored.value?.length).toBe(buffer.length)
    expect(sha256(stored.value!)).toBe(sha256(buffer))
    await producePage.resultRow(1).details.getByRole('link', { name: 'View message' }).click()
    await expect(browsePage.detailHeading).toHaveText(`Partition 0 · offset ${offset}`, { timeout: 60_000 })
    const download = page.waitForEvent('download')
    await browsePage.download.click()
    const bytes = await readFile(await (await download).path())
    expect(bytes.length).toBe(buffer.length)
    expect(sha256(bytes)).toBe(sha256(buffer))
  })

  test('a 2 MB file on a topic at Kafka’s default 1 MB limit is refused with a clear per-record error', async ({
    connected,
    producePage,
    real,
    page,
  }) => {
    void connected
    test.setTimeout(120_000)
    const topic = uniqueTopic('real-produce-1mb')
    await real.createTopic(topic, 1, { maxMessageBytes: KAFKA_DEFAULT_MAX_MESSAGE_BYTES })
    await producePage.open(topic)
    await producePage.chooseFile({
      name: 'two-mb.bin',
      mimeType: 'application/octet-stream',
      buffer: randomBytes(2 * 1024 * 1024),
    })
    await producePage.produce()
    const row = producePage.resultRow(1)
    await expect(row.status).toHaveText(/Failed/, { timeout: 60_000 })
    // The server's own words, and what they mean.
    await expect(row.details).toContainText(/message size/)
    await expect(row.details).toContainText(
      'The record is larger than the topic or broker accepts (max.message.bytes): send a smaller value.',
    )
    await expect(producePage.resultSummary).toHaveText('The record failed.')
    // Nothing was stored, and the form keeps the file for another try.
    expect(await real.endOffset(topic, 0)).toBe(0)
    await expect(page.getByLabel('File name')).toHaveText('two-mb.bin')
  })

  test('headers are sent where the server has them (Strimzi), otherwise a note why not', async ({
    connected,
    producePage,
    real,
    page,
    server,
  }) => {
    void connected
    const topic = uniqueTopic('real-produce-headers')
    await real.createTopic(topic, 1)
    await producePage.open(topic)
    if (server.id === 'karapace') {
      await expect(producePage.headers).toHaveCount(0)
      await expect(page.getByText(/^Headers: not available — .* has no record headers/)).toBeVisible()
      return
    }
    await producePage.addHeader.click()
    await producePage.headers.getByLabel('Header 1 name').fill('trace-id')
    await producePage.headers.getByLabel('Header 1 value').fill('abc ✓')
    await producePage.value.fill('with a header')
    await producePage.produce()
    await producePage.delivered()
    const [stored] = await real.readRecords(topic, 0, 0, 1)
    expect(stored.headers?.map((h) => [h.key, text(h.value)])).toEqual([['trace-id', 'abc ✓']])
  })
})
