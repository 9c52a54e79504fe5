import { expect, test, uniqueTopic } from '../../real-fixtures.ts'
import { trackConsumerInstances } from '../../support/consumer-tracker.ts'
import { laneCommand } from '../../support/real-servers.ts'

/**
 * Faults on the real servers. These stop and restart processes of the shared lane, so they run in their own
 * projects (`strimzi-faults`, `karapace-faults`) after the journeys, one test at a time.
 */
const utf8 = (text: string) => new TextEncoder().encode(text)

test.describe('faults on a real server', () => {
  test.describe.configure({ mode: 'serial' })

  test('the REST server killed in the middle of a browse: a clear error, Retry works once it is back, no consumer left', async ({
    page,
    connected,
    browsePage,
    real,
    server,
  }) => {
    void connected
    test.setTimeout(180_000)
    const processName = server.id === 'strimzi' ? 'bridge' : 'karapace'
    const topic = uniqueTopic('real-fault-browse')
    await real.createTopic(topic, 1)
    await real.produce(
      topic,
      Array.from({ length: 30 }, (_, i) => ({ value: utf8(`value-${i}`), partition: 0 })),
    )
    const consumers = trackConsumerInstances(page)
    // The first poll is held until the server is dead (SIGKILL): the consumer instance exists, then it is gone.
    let killed = false
    await page.route('**/records?*', async (route) => {
      if (!killed) {
        killed = true
        await laneCommand('stop', processName, '--kill')
      }
      await route.continue().catch(() => undefined)
    })
    try {
      await browsePage.open({ topic, partition: 0, start: 'beginning', count: 10 })
      const alert = page.getByRole('alert').filter({ has: page.getByRole('button', { name: 'Retry' }) })
      await expect(alert).toBeVisible({ timeout: 60_000 })
      await expect(alert).toContainText(/ECONNREFUSED|refused|unreachable/i)
      expect(killed).toBe(true)
      await page.unroute('**/records?*')
      await laneCommand('start', processName)
      await alert.getByRole('button', { name: 'Retry' }).click()
      await expect(browsePage.summary).toHaveText('10 messages of partition 0, offsets 0–9', {
        timeout: 60_000,
      })
      await expect(browsePage.row(0, 9)).toContainText('value-9')
      await expect(page.getByRole('alert').filter({ hasText: /ECONNREFUSED|refused/ })).toHaveCount(0)
    } finally {
      // Whatever happened above, the next test needs the server.
      await laneCommand('start', processName)
    }
    expect(consumers.created.length).toBeGreaterThanOrEqual(2)
    await expect
      .poll(async () => {
        const alive = await Promise.all(consumers.created.map((p) => real.consumerInstanceExists(p)))
        return consumers.created.filter((_, i) => alive[i])
      })
      .toEqual([])
    test.info().annotations.push({
      type: 'figures',
      description: `${server.id}: ${consumers.created.length} consumer instances created, 0 left on the server`,
    })
  })

  test('the broker restarted during a 1,000-record produce: every record reported stored reads back, every other one is reported failed', async ({
    page,
    connected,
    producePage,
    real,
    server,
  }) => {
    void connected
    test.setTimeout(300_000)
    const topic = uniqueTopic('real-fault-produce')
    await real.createTopic(topic, 1)
    const N = 1000
    const pad = 'x'.repeat(1000) // ~1 KB each: the batch takes long enough for the restart to land inside it
    const valueOf = (i: number) => `rec-${String(i).padStart(4, '0')}-${pad}`
    const ndjson = Array.from({ length: N }, (_, i) =>
      JSON.stringify({ value: valueOf(i), encoding: 'utf8' }),
    ).join('\n')
    await producePage.open(topic)
    await producePage.importNdjson.setInputFiles({
      name: 'batch.ndjson',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(ndjson),
    })
    await expect(producePage.importPreview).toContainText(`${N} records ready to produce`)

    // Hold the produce request, start killing the broker, let the request go 150 ms later, restart the broker.
    let restart: Promise<unknown> | null = null
    const restartStarted = Date.now()
    await page.route(`**/topics/${topic}*`, async (route) => {
      if (route.request().method() !== 'POST' || restart) return route.fallback()
      restart = laneCommand('stop', 'broker', '--kill').then(() => laneCommand('start', 'broker'))
      await new Promise((r) => setTimeout(r, 150))
      await route.fallback()
    })
    try {
      await producePage.produce()
      // Per-record results, or the request failed as a whole (Karapace may answer 503 while the broker is down).
      await expect(producePage.resultSummary.or(producePage.error).first()).toBeVisible({ timeout: 180_000 })
    } finally {
      await (restart ?? laneCommand('start', 'broker'))
    }
    expect(restart).not.toBeNull()
    const restartMs = Date.now() - restartStarted

    if (await producePage.error.isVisible()) {
      // Nothing was confirmed, and the console says so for the whole batch: every record counts as failed.
      await expect(producePage.error).toContainText('Produce failed: nothing was confirmed')
      await expect(producePage.error).toContainText(/HTTP \d{3}|ECONNRESET|timed out/)
      await expect(producePage.resultSummary).toHaveCount(0)
      const stored = await real.readRecords(topic, 0, 0, N + 10)
      expect(stored.length).toBeLessThanOrEqual(N)
      test.info().annotations.push({
        type: 'figures',
        description:
          `${server.id}: the request failed as a whole (reported: 0 delivered, ${N} failed), ${stored.length} ` +
          `stored anyway (unconfirmed); broker kill + restart ${restartMs} ms`,
      })
      console.log(test.info().annotations.at(-1)?.description)
      return
    }

    const summary = (await producePage.resultSummary.innerText()).trim()
    const m = /^(\d+) of 1000 records failed; (\d+) delivered/.exec(summary)
    const delivered = m ? Number(m[2]) : /^Delivered all 1000/.test(summary) ? N : 0
    const failed = N - delivered
    expect(m || /^(Delivered all|All) 1000 records/.test(summary), summary).toBeTruthy()

    // What the console reported for the rows it shows (the first 500), by NDJSON line.
    const rows = await producePage.results
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (c) => (c.textContent ?? '').trim())))
    expect(rows.length).toBe(500)

    // What the broker has, read back once it is up again.
    const stored = await real.readRecords(topic, 0, 0, N + 10)
    const offsetByValue = new Map<string, number>()
    for (const r of stored) offsetByValue.set(new TextDecoder().decode(r.value!), r.offset)
    expect(offsetByValue.size).toBe(stored.length) // no duplicates
    expect(stored.length).toBeGreaterThanOrEqual(delivered)

    let storedButFailed = 0
    for (const [label, status, partition, offset] of rows) {
      const i = Number(/\d+/.exec(label)![0]) - 1
      const at = offsetByValue.get(valueOf(i))
      if (/Delivered/.test(status)) {
        expect(partition).toBe('0')
        expect(at, `line ${i + 1} reported at offset ${offset}`).toBe(Number(offset))
      } else {
        expect(status).toMatch(/Failed/)
        if (at !== undefined) storedButFailed++
      }
    }
    // Every record not stored is reported failed: the stored ones outside the reported-delivered are only those
    // a timeout could not confirm.
    expect(stored.length - delivered).toBeGreaterThanOrEqual(0)
    test.info().annotations.push({
      type: 'figures',
      description:
        `${server.id}: ${delivered} reported delivered, ${failed} reported failed, ${stored.length} stored; ` +
        `in the 500 rows shown, ${storedButFailed} reported failed but stored; broker kill + restart ${restartMs} ms`,
    })
    console.log(test.info().annotations.at(-1)?.description)
  })
})
