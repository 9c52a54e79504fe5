import type { Page } from '@playwright/test'
import { expect, test, uniqueTopic } from '../../real-fixtures.ts'
import { BrowsePage } from '../../pages/browse-page.ts'
import { SearchPage } from '../../pages/search-page.ts'
import { trackConsumerInstances } from '../../support/consumer-tracker.ts'
import type { RealApi, SeedRecord, StoredRecord } from '../../support/real-servers.ts'

/**
 * Issue 17 on real servers: the header filters of the Search page (quick match and CEL over `headers`) against
 * headers the Strimzi bridge really returns, a match's headers in its detail, Copy to topic keeping header bytes,
 * and Stop mid-scan leaving no consumer instance behind.
 */
const utf8 = (s: string) => new TextEncoder().encode(s)
const NOT_UTF8 = Uint8Array.from([0xff, 0x00, 0xc3, 0x28])

/**
 * 12 orders over 2 partitions (i % 2). Orders 0–9 carry `source` (web when even, batch when odd), orders 0, 4 and 8
 * a `trace-id`, order 5 a `bin` header whose bytes are not UTF-8 and order 6 the same name twice; orders 10 and 11
 * have no headers. Every third order has status "failed".
 */
function orders(): SeedRecord[] {
  return Array.from({ length: 12 }, (_, i) => {
    const headers: Array<{ key: string; value: Uint8Array }> = []
    if (i < 10) headers.push({ key: 'source', value: utf8(i % 2 === 0 ? 'web' : 'batch') })
    if (i % 4 === 0 && i < 10) headers.push({ key: 'trace-id', value: utf8(`t-${i}`) })
    if (i === 5) headers.push({ key: 'bin', value: NOT_UTF8 })
    if (i === 6) headers.push({ key: 'dup', value: utf8('first') }, { key: 'dup', value: utf8('second ✓') })
    return {
      partition: i % 2,
      key: utf8(`order-${i}`),
      value: utf8(JSON.stringify({ orderId: i, status: i % 3 === 0 ? 'failed' : 'ok' })),
      ...(headers.length > 0 ? { headers } : {}),
    }
  })
}

/** Opens the Search page on `topic` in a fresh load (so the topic list includes what the test created). */
async function openSearch(page: Page, topic: string) {
  const search = new SearchPage(page)
  await page.goto(`/#/search?topic=${encodeURIComponent(topic)}`)
  await page.reload()
  await expect(search.heading).toBeVisible()
  await expect(search.topic).toHaveValue(topic)
  return search
}

const comparable = (records: Array<SeedRecord | StoredRecord>) =>
  records.map((r) => ({
    key: r.key ? [...r.key] : null,
    value: [...(r.value ?? [])],
    headers: (r.headers ?? []).map((h) => [h.key, [...h.value]]),
  }))

async function readPartitions(real: RealApi, topic: string, counts: number[]) {
  return Promise.all(counts.map((n, p) => real.readRecords(topic, p, 0, n)))
}

test.describe('search against a real server', () => {
  test('header filters (quick match and CEL) give exact counts; a match shows its headers; Copy keeps header bytes', async ({
    page,
    connected,
    real,
    server,
  }) => {
    // Checked in Karapace 3.15.0's consumer_manager.py: its consumer records carry no `headers` at all.
    test.skip(server.id === 'karapace', 'Karapace v2 returns no record headers to filter on')
    void connected
    const source = uniqueTopic('real-search-h')
    const target = uniqueTopic('real-search-h-copy')
    await real.createTopic(source, 2)
    await real.createTopic(target, 2)
    const seeded = orders()
    await real.produce(source, seeded)
    const search = await openSearch(page, source)

    const quick: Array<[Parameters<SearchPage['search']>[1], number]> = [
      [{ field: 'header-name', op: 'contains', text: 'TRACE' }, 3],
      [{ field: 'header-name', op: 'equals', text: 'bin' }, 1],
      [{ field: 'header-name', op: 'not-contains', text: 'source' }, 2],
      [{ field: 'header-value', op: 'equals', text: 'batch' }, 5],
      [{ field: 'header-value', op: 'contains', text: 't-' }, 3],
      [{ field: 'header-value', op: 'equals', text: 'second ✓' }, 1],
    ]
    for (const [q, count] of quick) {
      await search.search('', q)
      expect(await search.finishedCount(), JSON.stringify(q)).toBe(count)
    }
    const cel: Array<[string, number]> = [
      ['"trace-id" in headers', 3],
      ['headers["source"] == "web"', 5],
      ['size(headers) == 0', 2],
      ['headers.exists(n, n.startsWith("du")) && headers["dup"] == "second ✓"', 1],
      ['"source" in headers && headers["source"] == "batch" && value.status == "failed"', 2],
      ['"trace-id" in headers && value.orderId > 2', 2],
    ]
    for (const [expression, count] of cel) {
      await search.search(expression)
      expect(await search.finishedCount(), expression).toBe(count)
    }

    // A match opens with its headers (the non-UTF-8 value shown as text with replacement characters).
    await search.search('', { field: 'header-name', op: 'equals', text: 'bin' })
    expect(await search.finishedCount()).toBe(1)
    await search.matches.first().getByRole('button').click()
    const headers = search.detail.getByRole('table', { name: 'Headers' })
    const rows = headers.getByRole('row')
    await expect(rows).toHaveCount(2)
    await expect(rows.nth(0)).toHaveText(/^source\s*batch$/)
    await expect(rows.nth(1)).toHaveText(/^bin\s*\uFFFD/)
    await expect(search.detail.getByLabel('Key', { exact: true })).toHaveText('order-5')

    // Copy every record with headers; read back, the headers are byte for byte what was seeded (order kept).
    await search.search('size(headers) > 0')
    expect(await search.finishedCount()).toBe(10)
    await search.copyTo(target, 'Same partition')
    await expect(search.copyStatus).toHaveText('Copied 10 of 10 · 10 produced, 0 failed')
    const back = await readPartitions(real, target, [5, 5])
    for (const p of [0, 1]) {
      const sent = seeded.filter((r, i) => r.partition === p && i < 10)
      expect(comparable(back[p]), `partition ${p}`).toEqual(comparable(sent))
    }
  })

  test('Copy to topic of a browse window keeps keys, values and header bytes', async ({
    page,
    connected,
    real,
    server,
  }) => {
    test.skip(server.id === 'karapace', 'Karapace v2 returns no record headers to copy')
    void connected
    const source = uniqueTopic('real-bcopy-h')
    const target = uniqueTopic('real-bcopy-h-copy')
    await real.createTopic(source, 2)
    await real.createTopic(target, 2)
    const seeded = orders()
    await real.produce(source, seeded)
    const browse = new BrowsePage(page)
    await browse.open({ topic: source, partition: 'all', start: 'beginning', count: 50 })
    await page.reload()
    await expect(browse.summary).toContainText('12 messages from 2 partitions')
    await browse.copyToggle.click()
    await browse.copy.copyTo(target, 'Same partition')
    await expect(browse.copy.status).toHaveText('Copied 12 of 12 · 12 produced, 0 failed')
    const back = await readPartitions(real, target, [6, 6])
    for (const p of [0, 1])
      expect(comparable(back[p]), `partition ${p}`).toEqual(
        comparable(seeded.filter((r) => r.partition === p)),
      )
  })

  test('Stop mid-scan leaves no consumer instance on the server', async ({ page, connected, real }) => {
    void connected
    const topic = uniqueTopic('real-search-stop')
    await real.createTopic(topic, 2)
    for (const p of [0, 1])
      await real.produce(
        topic,
        Array.from({ length: 1500 }, (_, i) => ({ partition: p, value: utf8(`{"n":${i}}`) })),
      )
    const search = await openSearch(page, topic)
    const consumers = trackConsumerInstances(page)
    // Slow polls, so the scan is still running at Stop.
    let polls = 0
    await page.route(/\/records\?/, async (route) => {
      polls++
      await new Promise((r) => setTimeout(r, 500))
      await route.continue().catch(() => undefined)
    })
    await search.search('value.n == -1')
    await expect.poll(() => polls).toBeGreaterThan(1)
    await search.stopButton.click()
    await expect(search.status).toHaveText(/^Stopped ·/)
    expect(consumers.created.length).toBeGreaterThan(0)
    await expect.poll(() => consumers.pending()).toBe(0)
    await expect
      .poll(async () => {
        const alive = await Promise.all(consumers.created.map((p) => real.consumerInstanceExists(p)))
        return consumers.created.filter((_, i) => alive[i])
      })
      .toEqual([])
  })
})
