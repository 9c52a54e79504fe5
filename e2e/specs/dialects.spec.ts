import { expect, test } from '../fixtures.ts'
import { E2E, sandboxUrl } from '../support/ports.ts'
import { SandboxProcess } from '../support/sandbox-process.ts'

// The console's own sandbox serves every Confluent API, so each hand-picked dialect must be honoured as chosen.
const forced = [
  {
    dialect: 'confluent-v1',
    name: 'Confluent REST Proxy API v1, binary',
    words: 'produce, browse by offset, no headers',
  },
  {
    dialect: 'confluent-v2',
    name: 'Confluent REST Proxy API v2, binary',
    words: 'produce, browse by offset (temporary consumer), no headers',
  },
  {
    dialect: 'confluent-v3',
    name: 'Confluent REST Proxy API v3',
    words: 'produce, browse by offset (temporary consumer), headers on produce only',
  },
] as const

test('Auto detection describes the endpoint in words', async ({ page }) => {
  const summary = page.getByLabel('Endpoint capabilities')
  await expect(summary).toContainText(
    'Confluent REST Proxy API v3 — produce, browse by offset (temporary consumer), headers on produce only, create/delete topics, consumer groups',
  )
})

test.describe('connecting by hand', () => {
  test.use({ startConnected: false })

  for (const f of forced) {
    test(`API dialect chosen by hand: ${f.dialect}`, async ({ page, connectPage }) => {
      await connectPage.open()
      await connectPage.dialect.selectOption(f.dialect)
      await connectPage.connectTo(sandboxUrl(E2E.sandboxPort), E2E.apiKey)
      await connectPage.expectConnected(f.name)
      const summary = page.getByLabel('Endpoint capabilities')
      await expect(summary).toContainText(f.name)
      await expect(summary).toContainText(f.words)
    })
  }

  test('the topic list stays quick with 5,000 topics', async ({ page, connectPage }) => {
    test.setTimeout(120_000)
    // A sandbox of this test's own (port base+6: base+8 is the hostile endpoint, and fetch refuses base+10, 4190), so the shared one keeps a short
    // topic list.
    const sandbox = new SandboxProcess(E2E.consolePort + 6, E2E.apiKey)
    await sandbox.start()
    try {
      const names = Array.from({ length: 5000 }, (_, i) => `load.topic-${String(i).padStart(4, '0')}`)
      for (let i = 0; i < names.length; i += 50) {
        await Promise.all(
          names.slice(i, i + 50).map((name) =>
            fetch(`${sandbox.url}/admin/topics`, {
              method: 'POST',
              headers: { 'X-Auth-Token': E2E.apiKey, 'Content-Type': 'application/json' },
              body: JSON.stringify({ name, partitions: 1 }),
            }).then((r) => {
              if (!r.ok) throw new Error(`create ${name}: ${r.status}`)
            }),
          ),
        )
      }
      await connectPage.open()
      await connectPage.connectTo(sandbox.url, E2E.apiKey)
      const list = page.getByRole('list', { name: 'Topics' })
      await expect(list.getByRole('link', { name: 'load.topic-0000', exact: true })).toBeVisible()
      await expect(page.getByText(/^50\d\d$/)).toBeVisible()
      // Virtualized: a few dozen rows in the DOM, not 5,000.
      const rows = await list.getByRole('listitem').count()
      expect(rows).toBeGreaterThan(5)
      expect(rows).toBeLessThan(100)
      const filter = page.getByRole('searchbox', { name: 'Filter topics' })
      const started = Date.now()
      await filter.fill('topic-4321')
      await expect(list.getByRole('listitem')).toHaveCount(1)
      expect(Date.now() - started).toBeLessThan(2_000)
      // Scroll to the end: still a bounded number of rows, and the last topic is reachable.
      await filter.fill('')
      await page
        .getByRole('region', { name: 'Topic list' })
        .evaluate((el) => (el.scrollTop = el.scrollHeight))
      await expect(list.getByRole('link', { name: 'load.topic-4999', exact: true })).toBeVisible()
      expect(await list.getByRole('listitem').count()).toBeLessThan(100)
    } finally {
      await sandbox.stop()
    }
  })
})
