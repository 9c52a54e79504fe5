import { expect, test, uniqueTopic } from '../fixtures.ts'
import { expectNoAxeViolations } from '../support/axe.ts'

const utf8 = (s: string) => new TextEncoder().encode(s)
const records = (n: number, partition: number) =>
  Array.from({ length: n }, (_, i) => ({ value: utf8(`m${i}`), partition }))

test.describe('charts, each with its table', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`topic page: messages per partition, the skewed one marked (${colorScheme})`, async ({
      page,
      sandbox,
      consumerGroupsPage: groups,
    }) => {
      await page.emulateMedia({ colorScheme })
      const topic = uniqueTopic('e2e-chart-skew')
      await sandbox.createTopic(topic, 3)
      await sandbox.produce(topic, [...records(2, 0), ...records(2, 1), ...records(10, 2)])
      await page.goto(`/#/topics/${encodeURIComponent(topic)}`)
      const figure = page.getByRole('figure', { name: 'Messages per partition' })
      const chart = figure.getByRole('img', {
        name: `Messages per partition of ${topic}: 3 partitions, 1 skewed`,
      })
      await expect(chart).toBeVisible()
      await expect(chart.locator('[data-marked="true"]')).toHaveAttribute('data-bar', '2')
      await expect(figure).toContainText('Skewed (over twice the median): partition 2.')
      await expectNoAxeViolations(page)
      expect(await groups.figureTable(figure)).toEqual([
        ['0', '2', ''],
        ['1', '2', ''],
        ['2', '10', 'skewed'],
      ])
      await expectNoAxeViolations(page)
    })
  }

  test('live tail: messages per second', async ({
    page,
    sandbox,
    browsePage,
    consumerGroupsPage: groups,
  }) => {
    const topic = uniqueTopic('e2e-chart-tail')
    await sandbox.createTopic(topic, 1)
    await browsePage.open({ topic })
    await browsePage.liveTail.click()
    const figure = page.getByRole('figure', { name: 'Live tail: messages per second' })
    const chart = figure.getByRole('img', { name: /^Live tail: messages per second/ })
    await expect(chart).toBeVisible()
    await sandbox.produce(topic, records(30, 0))
    await expect(page.getByText(/^30 new messages /)).toBeVisible()
    await page.getByRole('button', { name: 'Pause' }).click()
    const points = Number(await chart.getAttribute('data-points'))
    const rows = await groups.figureTable(figure)
    expect(rows).toHaveLength(points)
    const rates = rows.map((r) => Number(r[1]))
    expect(Math.max(...rates)).toBeGreaterThan(0)
    expect(rates.every((r) => Number.isFinite(r) && r >= 0)).toBe(true)
  })

  test('produce: records per second of a batch', async ({
    page,
    sandbox,
    producePage,
    consumerGroupsPage: groups,
  }) => {
    const topic = uniqueTopic('e2e-chart-produce')
    await sandbox.createTopic(topic, 1)
    await producePage.open(topic)
    const ndjson = Array.from({ length: 200 }, (_, i) => JSON.stringify({ value: `r${i}`, encoding: 'utf8' }))
    await producePage.importNdjson.setInputFiles({
      name: 'records.ndjson',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(ndjson.join('\n')),
    })
    await expect(producePage.importPreview).toContainText('200 records ready to produce')
    await producePage.produce()
    await producePage.delivered(200)
    const figure = page.getByRole('figure', { name: 'Produce: records per second' })
    const chart = figure.getByRole('img', { name: /^Produce: records per second/ })
    await expect(chart).toBeVisible()
    const points = Number(await chart.getAttribute('data-points'))
    const rows = await groups.figureTable(figure)
    expect(rows).toHaveLength(points)
    expect(Number(rows.at(-1)?.[1])).toBeGreaterThan(0)
  })
})
