import { expect, test, uniqueTopic } from '../../real-fixtures.ts'
import { GeneratePage } from '../../pages/generate-page.ts'

const text = (bytes: Uint8Array | null | undefined) => (bytes ? new TextDecoder().decode(bytes) : null)

/**
 * Issue 18 on real servers: a Generate run builds each batch's request while the previous one is in flight, and
 * must still send them one at a time, in order, to the partitions the strategy names, with their headers where
 * the server has them (the Strimzi bridge; Karapace has no record headers).
 */
test.describe('generate against a real server', () => {
  test('3,000 records in batches of 500, round-robin over 3 partitions: in order, keyed, with headers where possible', async ({
    page,
    connected,
    real,
    server,
  }) => {
    void connected
    const topic = uniqueTopic('real-generate')
    await real.createTopic(topic, 3)
    await page.reload() // the topic list now has it
    const gen = new GeneratePage(page)
    await gen.open()
    await gen.keyTemplate.fill('k-{{seq}}')
    await gen.valueTemplate.fill('{"n":{{seq}},"note":"{{alnum 300}}"}')
    const headers = server.id === 'strimzi'
    if (headers) {
      // Only this header: the page opens on the first preset, which has one.
      const removeFirst = page.getByRole('button', { name: 'Remove header 1' })
      for (let i = 0; i < 5 && (await removeFirst.count()) > 0; i++) await removeFirst.click()
      await page.getByRole('button', { name: 'Add header' }).click()
      await page.getByLabel('Header 1 name').fill('trace-id')
      await page.getByLabel('Header 1 template').fill('t-{{seq}} ✓')
    } else {
      await expect(page.getByRole('button', { name: 'Add header' })).toHaveCount(0)
    }
    await gen.fill({ topic, count: 3000, seed: 18, batchSize: 500 })
    await gen.partitions.selectOption('round-robin')
    await gen.generateButton.click()
    await expect(gen.summary.getByRole('heading')).toHaveText('Done: 3000 records acknowledged, 0 failed', {
      timeout: 60_000,
    })
    const rows = gen.summary.getByRole('row')
    for (const p of [0, 1, 2]) await expect(rows.nth(p + 1)).toContainText('0–999')

    // Batch b (records 500b+1 … 500b+500, seq from 1) went to partition b % 3: partition 0 holds batches 0 and 3.
    const stored = await real.readRecords(topic, 0, 0, 1000)
    expect(stored).toHaveLength(1000)
    const expected = [
      ...Array.from({ length: 500 }, (_, i) => i + 1),
      ...Array.from({ length: 500 }, (_, i) => 1501 + i),
    ]
    expect(stored.map((r) => (JSON.parse(text(r.value)!) as { n: number }).n)).toEqual(expected)
    expect(stored.map((r) => text(r.key))).toEqual(expected.map((n) => `k-${n}`))
    if (headers)
      expect(stored.map((r) => r.headers?.map((h) => [h.key, text(h.value)]))).toEqual(
        expected.map((n) => [['trace-id', `t-${n} ✓`]]),
      )
  })
})
