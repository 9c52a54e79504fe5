import { readFile } from 'node:fs/promises'
import { expect, test, uniqueTopic } from '../../real-fixtures.ts'
import { trackConsumerInstances } from '../../support/consumer-tracker.ts'
import type { RealApi } from '../../support/real-servers.ts'

const utf8 = (text: string) => new TextEncoder().encode(text)

/** `n` records `value-<i>` (key `key-<i>`) on one partition. */
async function seed(real: RealApi, topic: string, partition: number, n: number, prefix = 'value') {
  await real.produce(
    topic,
    Array.from({ length: n }, (_, i) => ({
      key: utf8(`key-${i}`),
      value: utf8(`${prefix}-${i}`),
      partition,
    })),
  )
}

test.describe('browse against a real server', () => {
  test('a window with broker timestamps (and headers on Strimzi); a deep link survives a reload; no consumer left on the server', async ({
    page,
    connected,
    browsePage,
    real,
    server,
  }) => {
    void connected
    const topic = uniqueTopic('real-browse')
    await real.createTopic(topic, 2)
    await seed(real, topic, 1, 4)
    await real.produce(topic, [
      {
        key: utf8('with-headers'),
        value: utf8('{"id":12345678901234567890123}'),
        partition: 1,
        ...(server.id === 'strimzi' ? { headers: [{ key: 'trace-id', value: utf8('t-42') }] } : {}),
      },
    ])
    const [stored] = await real.readRecords(topic, 1, 4, 1)
    expect(stored.timestamp).toBeGreaterThan(0)
    const consumers = trackConsumerInstances(page)

    await browsePage.open({ topic, partition: 1, start: 'beginning', count: 10 })
    await expect(browsePage.summary).toHaveText('5 messages of partition 1, offsets 0–4')
    await expect(browsePage.bounds).toContainText('Partition 1: beginning 0 · end 5 · 5 messages')
    await browsePage.select(1, 4)
    // The broker's own timestamp, shown (its exact milliseconds in the title).
    await expect(
      browsePage.detail.locator(`[title*="${stored.timestamp} ms since epoch"]`).first(),
    ).toBeVisible()
    await expect(browsePage.valueView('JSON')).toHaveText('{\n  "id": 12345678901234567890123\n}')
    if (server.id === 'strimzi') {
      const headers = browsePage.detail.getByRole('table', { name: 'Headers (1)' })
      await expect(headers.getByRole('rowheader', { name: 'trace-id' }).locator('..')).toContainText('t-42')
    } else {
      await expect(browsePage.detail).toContainText('Headers: this API does not return record headers.')
    }

    // Deep link: the URL restores the same window and selection after a reload.
    expect(page.url()).toContain('sel=1%3A4')
    await page.reload()
    await expect(browsePage.detailHeading).toHaveText('Partition 1 · offset 4')
    await expect(browsePage.summary).toHaveText('5 messages of partition 1, offsets 0–4')
    await browsePage.fetchWindow({ offset: 1, count: 2 })
    await expect(browsePage.summary).toHaveText('2 messages of partition 1, offsets 1–2')
    await expect(browsePage.row(1, 2)).toContainText('value-2')

    // Every consumer instance the console created is gone on the server (asked, not counted).
    expect(consumers.created.length).toBeGreaterThanOrEqual(2)
    await expect
      .poll(async () => {
        const alive = await Promise.all(consumers.created.map((p) => real.consumerInstanceExists(p)))
        return consumers.created.filter((_, i) => alive[i])
      })
      .toEqual([])
  })

  test('live tail shows new messages as they arrive; stopping leaves no consumer on the server', async ({
    page,
    connected,
    browsePage,
    real,
  }) => {
    void connected
    const topic = uniqueTopic('real-browse-live')
    await real.createTopic(topic, 2)
    await real.produce(topic, [{ value: utf8('old'), partition: 0 }])
    const consumers = trackConsumerInstances(page)
    await browsePage.open({ topic })
    await expect(browsePage.summary).toContainText('1 message from 2 partitions')
    await browsePage.liveTail.click()
    await expect(page.getByText(/^0 new messages .* · [1-9]\d* polls?$/)).toBeVisible({ timeout: 30_000 })
    await real.produce(topic, [
      { value: utf8('live-1'), partition: 0 },
      { value: utf8('live-2'), partition: 1 },
    ])
    await expect(browsePage.list).toContainText('live-1', { timeout: 30_000 })
    await expect(browsePage.list).toContainText('live-2')
    await expect(browsePage.list).not.toContainText('old')
    await page.getByRole('button', { name: 'Stop live tail' }).click()
    await expect(browsePage.summary).toContainText('from 2 partitions')
    await expect
      .poll(async () => {
        const alive = await Promise.all(consumers.created.map((p) => real.consumerInstanceExists(p)))
        return consumers.created.filter((_, i) => alive[i])
      })
      .toEqual([])
  })

  test('export NDJSON, import it through the produce form, get the same bytes', async ({
    page,
    connected,
    browsePage,
    producePage,
    real,
  }) => {
    void connected
    const source = uniqueTopic('real-export')
    const target = uniqueTopic('real-import')
    await real.createTopic(source, 2)
    await real.createTopic(target, 2)
    const every = new Uint8Array(256).map((_, i) => i)
    await real.produce(source, [
      { key: utf8('all-bytes'), value: every, partition: 0 },
      { key: null, value: utf8('{"n":12345678901234567890}'), partition: 0 },
      { key: new Uint8Array([0xff, 0xfe]), value: utf8('binary key ✓'), partition: 1 },
    ])
    await browsePage.open({ topic: source, start: 'beginning' })
    await expect(browsePage.summary).toContainText('3 messages from 2 partitions')
    const download = page.waitForEvent('download')
    await browsePage.exportNdjson.click()
    const file = await download
    const ndjson = await readFile(await file.path(), 'utf8')
    expect(ndjson.trim().split('\n')).toHaveLength(3)

    await producePage.open(target)
    await producePage.importNdjson.setInputFiles({
      name: 'export.ndjson',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(ndjson),
    })
    await expect(producePage.importPreview).toContainText('3 records ready to produce')
    await producePage.produce()
    for (let n = 1; n <= 3; n++) await producePage.delivered(n)

    const read = async (topic: string, p: number, n: number) =>
      (await real.readRecords(topic, p, 0, n)).map((r) => [
        r.key && Array.from(r.key),
        r.value && Array.from(r.value),
      ])
    expect(await read(target, 0, 2)).toEqual(await read(source, 0, 2))
    expect(await read(target, 1, 1)).toEqual(await read(source, 1, 1))
  })
})
