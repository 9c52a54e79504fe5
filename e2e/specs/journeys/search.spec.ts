import { expect, test, uniqueTopic } from '../../fixtures.ts'
import { expectNoAxeViolations } from '../../support/axe.ts'
import { SearchPage } from '../../pages/search-page.ts'
import { trackConsumerInstances } from '../../support/consumer-tracker.ts'
import type { SandboxApi } from '../../support/sandbox-api.ts'

const enc = (s: string) => new TextEncoder().encode(s)

/** 60 orders over 3 partitions (i % 3), then a big-integer value and a plain-text value in partition 0. */
async function seedOrders(sandbox: SandboxApi, topic: string) {
  await sandbox.createTopic(topic, 3)
  await sandbox.produce(
    topic,
    Array.from({ length: 60 }, (_, i) => ({
      partition: i % 3,
      key: enc(`order-${i}`),
      value: enc(JSON.stringify({ orderId: i, customer: { name: i % 10 === 0 ? 'Ann' : 'Bob' } })),
    })),
  )
  await sandbox.produce(topic, [
    { partition: 0, key: enc('big'), value: enc('{"id": 12345678901234567891}') },
    { partition: 0, key: enc('text'), value: enc('ERROR disk full') },
  ])
}

/** Opens the Search page on `topic` in a fresh load (so the topic list includes what the test created). */
async function openSearch(page: import('@playwright/test').Page, topic: string) {
  const search = new SearchPage(page)
  await page.goto(`/#/search?topic=${encodeURIComponent(topic)}`)
  await page.reload()
  await expect(search.heading).toBeVisible()
  await expect(search.topic).toHaveValue(topic)
  return search
}

test.describe('Search a whole topic', () => {
  test('CEL filters over key, JSON value and metadata, and a Quick match, give exact counts; a deep link reruns', async ({
    page,
    sandbox,
  }) => {
    const topic = uniqueTopic('e2e-search')
    await seedOrders(sandbox, topic)
    const search = await openSearch(page, topic)

    const cases: Array<[string, number]> = [
      ['value.orderId >= 50', 10],
      ['key.startsWith("order-1")', 11],
      ['value.customer.name == "Ann"', 6],
      ['partition == 2 && offset < 5', 5],
      ['value.id == 12345678901234567891', 1],
      ['value.id == 12345678901234567890', 0],
      ['value.startsWith("ERROR")', 1],
      ['size > 0', 62],
    ]
    for (const [expression, count] of cases) {
      await search.search(expression)
      expect(await search.finishedCount(), expression).toBe(count)
    }
    // The text value and the record without a customer have no such field: the page says where and why.
    await search.search('value.customer.name == "Ann"')
    await expect(search.status).toContainText('the expression failed on 2 messages (not matched)')
    await expect(page.getByText(/^First failure at partition \d+, offset \d+: /)).toBeVisible()
    await expectNoAxeViolations(page)
    await search.search('', { field: 'key', op: 'equals', text: 'order-7' })
    expect(await search.finishedCount()).toBe(1)
    await search.matches.first().getByRole('button').click()
    await expect(search.detail.getByLabel('Value', { exact: true })).toContainText('"orderId": 7')

    // The URL now holds the search: opened afresh it runs again.
    await search.search('value.orderId < 3 && key != "order-1"')
    expect(await search.finishedCount()).toBe(2)
    const url = page.url()
    expect(url).toContain('run=1')
    await page.goto('about:blank')
    await page.goto(url)
    expect(await search.finishedCount()).toBe(2)

    // A syntax error is shown at its position, and nothing runs.
    await search.search('value.orderId >')
    await expect(page.getByRole('alert').filter({ hasText: 'Line 1, column 16' })).toBeVisible()
  })

  test('Stop mid-scan leaves no consumer instance behind', async ({ page, sandbox, dialect }) => {
    const topic = uniqueTopic('e2e-search-stop')
    await sandbox.createTopic(topic, 2)
    for (const p of [0, 1])
      await sandbox.produce(
        topic,
        Array.from({ length: 3000 }, (_, i) => ({ partition: p, value: enc(`{"n":${i}}`) })),
      )
    const search = await openSearch(page, topic)
    const consumers = trackConsumerInstances(page)
    // Slow reads (v2 consumer polls, or v1's simple-consumer reads), so the scan is still running at Stop.
    let reads = 0
    await page.route(/\/(records|messages)\?/, async (route) => {
      reads++
      await new Promise((r) => setTimeout(r, 400))
      await route.continue().catch(() => undefined)
    })
    await search.search('value.n == -1')
    await expect.poll(() => reads).toBeGreaterThan(1)
    await search.stopButton.click()
    await expect(search.status).toHaveText(/^Stopped ·/)
    if (dialect.id === 'confluent-v1') {
      // The v1 simple consumer is stateless: a scan creates no instance at all.
      expect(consumers.created).toEqual([])
      return
    }
    expect(consumers.created.length).toBeGreaterThan(0)
    await expect.poll(() => consumers.pending()).toBe(0)
    await expect
      .poll(async () => {
        const alive = await Promise.all(consumers.created.map((p) => sandbox.consumerInstanceExists(p)))
        return alive.filter(Boolean).length
      })
      .toBe(0)
  })

  test('Copy to topic produces the matches byte-exact to the same partitions', async ({ page, sandbox }) => {
    const source = uniqueTopic('e2e-search-src')
    const target = uniqueTopic('e2e-search-dst')
    await sandbox.createTopic(source, 2)
    await sandbox.createTopic(target, 2)
    const every = Uint8Array.from({ length: 256 }, (_, i) => i)
    const records = Array.from({ length: 6 }, (_, i) => ({
      partition: i % 2,
      key: Uint8Array.from([0xff, 0x00, i]),
      value: i === 5 ? null : every.subarray(i * 10),
    }))
    await sandbox.produce(source, records)
    const search = await openSearch(page, source)
    await search.search('true')
    expect(await search.finishedCount()).toBe(6)
    await search.copyTo(target, 'Same partition')
    await expect(search.copyStatus).toHaveText('Copied 6 of 6 · 6 produced, 0 failed')
    for (const p of [0, 1]) {
      const back = await sandbox.readRecords(target, p, 0, 3)
      const sent = records.filter((r) => r.partition === p)
      expect(back.map((r) => [r.key && [...r.key], r.value && [...r.value]])).toEqual(
        sent.map((r) => [[...r.key], r.value && [...r.value]]),
      )
    }
  })
})
