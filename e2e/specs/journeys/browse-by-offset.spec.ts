import { readFile } from 'node:fs/promises'
import { expect, test, uniqueTopic } from '../../fixtures.ts'
import { trackConsumerInstances } from '../../support/consumer-tracker.ts'
import { E2E, sandboxUrl } from '../../support/ports.ts'
import type { SandboxApi } from '../../support/sandbox-api.ts'

const utf8 = (text: string) => new TextEncoder().encode(text)

/** `n` records `value-<i>` on one partition. */
async function seed(sandbox: SandboxApi, topic: string, partition: number, n: number, prefix = 'value') {
  await sandbox.produce(
    topic,
    Array.from({ length: n }, (_, i) => ({
      key: utf8(`key-${i}`),
      value: utf8(`${prefix}-${i}`),
      partition,
    })),
  )
}

test.describe('browse (every dialect)', () => {
  test('find a message by partition and offset, see its bytes, share a link that restores the view', async ({
    page,
    browsePage,
    sandbox,
  }) => {
    const topic = uniqueTopic('e2e-browse-find')
    await sandbox.createTopic(topic, 3)
    await seed(sandbox, topic, 0, 3, 'zero')
    await sandbox.produce(topic, [
      { key: utf8('order-7'), value: utf8('{"id":12345678901234567890123,"price":1.10}'), partition: 1 },
      { key: null, value: new Uint8Array([0x00, 0xff, 0x41, 0x0a, 0xc3]), partition: 1 },
    ])
    await page.reload()
    await browsePage.openFromNav()
    await browsePage.chooseTopic(topic)
    await browsePage.fetchWindow({ partition: 1, offset: 0, count: 10 })
    await expect(browsePage.summary).toHaveText('2 messages of partition 1, offsets 0–1')
    await expect(browsePage.bounds).toContainText('Partition 1: beginning 0 · end 2 · 2 messages')

    // JSON, pretty-printed without losing a digit.
    await browsePage.select(1, 0)
    await expect(browsePage.valueDecoder).toHaveValue('auto')
    await expect(browsePage.valueView('JSON')).toHaveText(
      '{\n  "id": 12345678901234567890123,\n  "price": 1.10\n}',
    )
    await expect(browsePage.key.getByLabel('Key as text')).toHaveText('order-7')

    // Binary: hex by default; as text, the invalid bytes are marked, not replaced.
    await browsePage.select(1, 1)
    await expect(browsePage.valueHex()).toContainText('00 ff 41 0a c3')
    await expect(browsePage.valueHex()).toContainText('|..A..|')
    await expect(browsePage.key).toContainText('null (no key)')
    await browsePage.valueDecoder.selectOption('text')
    await expect(browsePage.valueView('text')).toHaveText('NUL\\xffA\n\\xc3')
    await expect(browsePage.value.locator('mark')).toHaveText(['\\xNN', '\\xff', '\\xc3'])
    await browsePage.valueDecoder.selectOption('base64')
    await expect(browsePage.valueView('base64')).toHaveText('AP9BCsM=')

    // The URL is the link: topic, partition, window, decoder and selection — never the endpoint or its key.
    const url = page.url()
    expect(url).toContain(`topic=${topic}`)
    expect(url).toContain('partition=1')
    expect(url).toContain('decoder=base64')
    expect(url).toContain('sel=1%3A1')
    expect(url).not.toContain(E2E.apiKey)
    expect(decodeURIComponent(url.slice(url.indexOf('#')))).not.toMatch(/127\.0\.0\.1|http/)
    await page.reload()
    await expect(browsePage.detailHeading).toHaveText('Partition 1 · offset 1')
    await expect(browsePage.valueDecoder).toHaveValue('base64')
    await expect(browsePage.valueView('base64')).toHaveText('AP9BCsM=')
    await expect(browsePage.row(1, 1)).toHaveAttribute('aria-selected', 'true')
  })

  test('exact previous/next windows, and an out-of-range offset is clamped with a message', async ({
    page,
    browsePage,
    sandbox,
  }) => {
    const topic = uniqueTopic('e2e-browse-pages')
    await sandbox.createTopic(topic, 1)
    await seed(sandbox, topic, 0, 25)
    await browsePage.open({ topic, partition: 0, start: 'beginning', count: 10 })
    await expect(browsePage.summary).toHaveText('10 messages of partition 0, offsets 0–9')
    await expect(browsePage.previous).toBeDisabled()
    await browsePage.next.click()
    await expect(browsePage.summary).toHaveText('10 messages of partition 0, offsets 10–19')
    await browsePage.next.click()
    await expect(browsePage.summary).toHaveText('5 messages of partition 0, offsets 20–24')
    await browsePage.previous.click()
    await expect(browsePage.summary).toHaveText('10 messages of partition 0, offsets 10–19')
    // Back returns to the window before, exactly.
    await page.goBack()
    await expect(browsePage.summary).toHaveText('5 messages of partition 0, offsets 20–24')

    await browsePage.fetchWindow({ offset: 500 })
    await expect(browsePage.notes).toContainText(
      'Offset 500 is past the end of partition 0 (end offset 25, the offset the next message will get); showing the last 10 messages instead.',
    )
    await expect(browsePage.summary).toHaveText('10 messages of partition 0, offsets 15–24')
    await browsePage.fetchWindow({ start: 'newest', count: 3 })
    await expect(browsePage.summary).toHaveText('3 messages of partition 0, offsets 22–24')
    await expect(browsePage.row(0, 24)).toContainText('value-24')
    // Fetch again reads again: new messages at the end show up in the same window.
    await sandbox.produce(topic, [
      { value: utf8('late-25'), partition: 0 },
      { value: utf8('late-26'), partition: 0 },
    ])
    await browsePage.fetchButton.click()
    await expect(browsePage.summary).toHaveText('3 messages of partition 0, offsets 24–26')
    await expect(browsePage.bounds).toContainText('Partition 0: beginning 0 · end 27 · 27 messages')
  })

  test('all partitions are merged into one list (newest across partitions)', async ({
    browsePage,
    sandbox,
  }) => {
    const topic = uniqueTopic('e2e-browse-merge')
    await sandbox.createTopic(topic, 3)
    await seed(sandbox, topic, 0, 2, 'p0')
    await seed(sandbox, topic, 1, 6, 'p1')
    await seed(sandbox, topic, 2, 4, 'p2')
    await browsePage.open({ topic, count: 5 })
    // These APIs return no timestamps: the newest are the highest offsets, ties broken by partition.
    await expect(browsePage.summary).toHaveText(
      '5 messages from 3 partitions, merged by offset, then partition',
    )
    expect(await browsePage.renderedIds()).toEqual(['2:2', '1:3', '2:3', '1:4', '1:5'])
    await browsePage.page.getByRole('combobox', { name: 'Show' }).selectOption('newest')
    await expect.poll(() => browsePage.renderedIds()).toEqual(['1:5', '1:4', '2:3', '1:3', '2:2'])
  })

  test('no consumer instance is left behind: after browsing, leaving mid-read, or closing the tab', async ({
    page,
    browsePage,
    sandbox,
    dialect,
  }) => {
    const topic = uniqueTopic('e2e-browse-leak')
    await sandbox.createTopic(topic, 2)
    await seed(sandbox, topic, 0, 30)
    await seed(sandbox, topic, 1, 5)
    const consumers = trackConsumerInstances(page)
    await browsePage.open({ topic, start: 'beginning', count: 10 })
    await expect(browsePage.summary).toContainText('10 messages from 2 partitions')
    await browsePage.next.click()
    await expect(browsePage.summary).toContainText('10 messages from 2 partitions')

    // Leave while a read is in flight: the poll is held back, then the page moves on.
    await page.route('**/records?*', async (route) => {
      await new Promise((r) => setTimeout(r, 1500))
      await route.continue().catch(() => undefined)
    })
    await browsePage.fetchWindow({ partition: 0, offset: 3 })
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Topics' }).click()
    await page.waitForTimeout(2500)

    // And once more, closing the tab in the middle of a read (once the endpoint has created the instance).
    const before = consumers.created.length
    await browsePage.open({ topic, partition: 0, start: 'offset', offset: 7 })
    if (dialect.id === 'confluent-v1') await page.waitForTimeout(500)
    else await expect.poll(() => consumers.created.length).toBeGreaterThan(before)
    await page.close({ runBeforeUnload: true })

    if (dialect.id === 'confluent-v1') {
      // The v1 simple consumer is stateless: nothing is ever created.
      expect(consumers.created).toEqual([])
      return
    }
    expect(consumers.created.length).toBeGreaterThanOrEqual(4)
    await expect
      .poll(async () => {
        const alive = await Promise.all(consumers.created.map((p) => sandbox.consumerInstanceExists(p)))
        return consumers.created.filter((_, i) => alive[i])
      })
      .toEqual([])
    if (dialect.id !== 'confluent-v2') {
      // Polled: an instance whose create answer reached the app but not the tracker as the tab closed is deleted by
      // the app's pagehide cleanup (a keepalive request), which can land a moment after the checks above.
      await expect
        .poll(async () => (await sandbox.activeConsumerGroups()).filter((g) => g.startsWith('krc-')))
        .toEqual([])
    }
  })

  test('export NDJSON, import it through the produce form, get the same bytes', async ({
    page,
    browsePage,
    producePage,
    sandbox,
  }) => {
    const source = uniqueTopic('e2e-browse-export')
    const target = uniqueTopic('e2e-browse-import')
    await sandbox.createTopic(source, 2)
    await sandbox.createTopic(target, 2)
    const every = new Uint8Array(256).map((_, i) => i)
    const records = [
      { key: utf8('all-bytes'), value: every, partition: 0 },
      { key: null, value: utf8('{"n":12345678901234567890}'), partition: 0 },
      { key: utf8('empty'), value: new Uint8Array(0), partition: 1 },
      { key: new Uint8Array([0xff, 0xfe]), value: utf8('binary key ✓'), partition: 1 },
    ]
    await sandbox.produce(source, records)
    await browsePage.open({ topic: source, start: 'beginning' })
    await expect(browsePage.summary).toContainText('4 messages from 2 partitions')
    const download = page.waitForEvent('download')
    await browsePage.exportNdjson.click()
    const file = await download
    expect(file.suggestedFilename()).toBe(`${source}-all-4-messages.ndjson`)
    const ndjson = await readFile(await file.path(), 'utf8')
    expect(ndjson.trim().split('\n')).toHaveLength(4)
    expect(ndjson).not.toContain(E2E.apiKey)

    await producePage.open(target)
    await producePage.importNdjson.setInputFiles({
      name: 'export.ndjson',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(ndjson),
    })
    await expect(producePage.importPreview).toContainText('4 records ready to produce')
    await producePage.produce()
    for (let n = 1; n <= 4; n++) await producePage.delivered(n)

    const read = async (topic: string, p: number) =>
      (await sandbox.readRecords(topic, p, 0, 2)).map((r) => [
        r.key && Array.from(r.key),
        r.value && Array.from(r.value),
      ])
    expect(await read(target, 0)).toEqual(await read(source, 0))
    expect(await read(target, 1)).toEqual(await read(source, 1))
  })
})

test.describe('browse from a deep link (every dialect)', () => {
  test.use({ startConnected: false })

  test('a deep link opened while disconnected restores the view after connecting', async ({
    page,
    connectPage,
    browsePage,
    sandbox,
    dialect,
  }) => {
    const topic = uniqueTopic('e2e-browse-deep')
    await sandbox.createTopic(topic, 2)
    await seed(sandbox, topic, 1, 6)
    await page.goto(
      `/#/browse?topic=${topic}&partition=1&start=offset&offset=2&count=3&decoder=hex&sel=1%3A3`,
    )
    await expect(connectPage.endpoint).toBeVisible()
    await expect(connectPage.endpoint).not.toHaveValue('')
    await connectPage.connectTo(sandboxUrl(dialect.port), E2E.apiKey)
    await expect(browsePage.heading).toBeVisible()
    await expect(browsePage.summary).toHaveText('3 messages of partition 1, offsets 2–4')
    await expect(browsePage.detailHeading).toHaveText('Partition 1 · offset 3')
    await expect(browsePage.valueDecoder).toHaveValue('hex')
    await expect(browsePage.valueHex()).toContainText('|value-3|')
  })
})
