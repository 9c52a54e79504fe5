import { expect, test, uniqueTopic } from '../fixtures.ts'
import { expectNoAxeViolations } from '../support/axe.ts'
import type { BrowsePage } from '../pages/browse-page.ts'
import type { SandboxApi } from '../support/sandbox-api.ts'
import { installStallProbe, readStallProbe, resetStallProbe } from '../support/stall-probe.ts'

/** Issue 17: Copy to topic of a browse window (all of it, or what the quick filter keeps), byte-exact. */

const enc = (s: string) => new TextEncoder().encode(s)
const bytes = (b: Uint8Array | null) => (b === null ? null : [...b])

/** 8 records over 2 partitions: binary keys and values with bytes that are not UTF-8, 3 "keep" keys, a tombstone. */
function sourceRecords() {
  return Array.from({ length: 8 }, (_, i) => ({
    partition: i % 2,
    key: i % 3 === 0 ? enc(`keep-${i}`) : Uint8Array.from([0xff, 0x00, 0xc3, 0x28, i]),
    value: i === 7 ? null : Uint8Array.from({ length: 40 + i }, (_, k) => (k * 37 + i * 11) & 0xff),
  }))
}

async function readAll(sandbox: SandboxApi, topic: string) {
  const out = []
  for (const p of [0, 1]) out.push(...(await sandbox.readRecords(topic, p, 0, 20)).map((r) => ({ ...r, p })))
  return out
}

/** Opens Browse on the whole of `topic` in a fresh load (so the topic list holds the topics the test created). */
async function openWindow(browsePage: BrowsePage, topic: string, messages: number) {
  await browsePage.open({ topic, partition: 'all', start: 'beginning', count: 50 })
  await browsePage.page.reload()
  await expect(browsePage.summary).toContainText(`${messages} messages from 2 partitions`)
}

test.describe('Copy to topic from Browse', () => {
  test('copies the loaded window, then only the filtered records, byte-exact', async ({
    browsePage,
    sandbox,
  }) => {
    const source = uniqueTopic('e2e-bcopy-src')
    const whole = uniqueTopic('e2e-bcopy-all')
    const some = uniqueTopic('e2e-bcopy-some')
    for (const t of [source, whole, some]) await sandbox.createTopic(t, 2)
    const records = sourceRecords()
    await sandbox.produce(source, records)
    await openWindow(browsePage, source, 8)

    await browsePage.copyToggle.click()
    await expect(browsePage.copy.form).toContainText('Copies all 8 messages of the loaded window')
    await browsePage.copy.copyTo(whole, 'Same partition')
    await expect(browsePage.copy.status).toHaveText('Copied 8 of 8 · 8 produced, 0 failed')
    await expectNoAxeViolations(browsePage.page)
    for (const p of [0, 1]) {
      const back = await sandbox.readRecords(whole, p, 0, 10)
      const sent = records.filter((r) => r.partition === p)
      expect(back.map((r) => [bytes(r.key), bytes(r.value)])).toEqual(
        sent.map((r) => [bytes(r.key), bytes(r.value)]),
      )
    }

    // With a filter, only what it keeps (the panel says which, with the count).
    await browsePage.filter.fill('keep-')
    await expect(browsePage.copy.form).toContainText(
      'Copies the 3 messages matching the filter (of 8 loaded)',
    )
    await browsePage.copy.copyTo(some, 'Auto')
    await expect(browsePage.copy.status).toHaveText('Copied 3 of 3 · 3 produced, 0 failed')
    const back = await readAll(sandbox, some)
    const kept = records.filter((r) => new TextDecoder().decode(r.key).startsWith('keep-'))
    const pairs = (list: Array<{ key: Uint8Array | null; value: Uint8Array | null }>) =>
      list.map((r) => JSON.stringify([bytes(r.key), bytes(r.value)])).sort()
    expect(pairs(back)).toEqual(pairs(kept))
  })
})

test.describe('Copy to topic from Browse, a full window', () => {
  test('a window of 10,000 copies in batches while the page stays responsive', async ({
    page,
    browsePage,
    sandbox,
  }) => {
    test.setTimeout(180_000)
    const source = uniqueTopic('e2e-bcopy-big')
    const target = uniqueTopic('e2e-bcopy-bigdst')
    await sandbox.createTopic(source, 1)
    await sandbox.createTopic(target, 1)
    const value = (i: number) => Uint8Array.from({ length: 200 }, (_, k) => (k + i) & 0xff)
    for (let from = 0; from < 10_000; from += 2_000)
      await sandbox.produce(
        source,
        Array.from({ length: 2_000 }, (_, k) => ({
          partition: 0,
          key: enc(`k${from + k}`),
          value: value(from + k),
        })),
      )
    await installStallProbe(page)
    await browsePage.open({ topic: source, partition: 0, start: 'beginning', count: 10_000 })
    await page.reload()
    await expect(browsePage.summary).toContainText('10,000 messages of partition 0', { timeout: 60_000 })
    await browsePage.copyToggle.click()
    await expect(browsePage.copy.form).toContainText('Copies all 10,000 messages of the loaded window')
    await resetStallProbe(page)
    const started = Date.now()
    await browsePage.copy.copyTo(target, 'Same partition')
    await expect(browsePage.copy.status).toHaveText('Copied 10,000 of 10,000 · 10,000 produced, 0 failed', {
      timeout: 120_000,
    })
    const stall = await readStallProbe(page)
    console.log(
      `browse copy of 10,000 x 200 B: ${Date.now() - started} ms, longest task ${stall.longestTaskMs} ms, longest gap ${stall.longestGapMs} ms`,
    )
    // Batches of 100 between network waits: no long task (generous bound on a shared 2-core machine).
    expect(stall.longestTaskMs).toBeLessThan(250)
    const tail = await sandbox.readRecords(target, 0, 9_995, 5)
    expect(tail.map((r) => [new TextDecoder().decode(r.key ?? undefined), bytes(r.value)])).toEqual(
      [9_995, 9_996, 9_997, 9_998, 9_999].map((i) => [`k${i}`, bytes(value(i))]),
    )
  })
})

test.describe('Copy to topic from Browse, production guard', () => {
  test.use({ startConnected: false })

  test('in production the copy waits for the topic name; cancelled, nothing is written', async ({
    connectPage,
    browsePage,
    sandbox,
  }) => {
    const source = uniqueTopic('e2e-bcopy-psrc')
    const target = uniqueTopic('e2e-bcopy-pdst')
    for (const t of [source, target]) await sandbox.createTopic(t, 2)
    const records = sourceRecords()
    await sandbox.produce(source, records)
    await connectPage.open()
    await connectPage.environment.selectOption('production')
    await connectPage.connectButton.click()
    await connectPage.expectConnected('Confluent REST Proxy API v3')
    await openWindow(browsePage, source, 8)

    await browsePage.copyToggle.click()
    await browsePage.copy.copyTo(target, 'Same partition')
    const dialog = browsePage.copy.guard(target)
    await expect(dialog).toContainText('8 records are written to a live topic')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toBeHidden()
    await expect(browsePage.copy.status).toBeHidden()
    expect(await readAll(sandbox, target)).toEqual([])

    await browsePage.copy.form.getByRole('button', { name: 'Copy to topic' }).click()
    await dialog.getByRole('textbox', { name: 'Type the topic name to confirm' }).fill(target)
    await dialog.getByRole('button', { name: 'Copy to production' }).click()
    await expect(browsePage.copy.status).toHaveText('Copied 8 of 8 · 8 produced, 0 failed')
    expect((await readAll(sandbox, target)).length).toBe(8)
  })
})
