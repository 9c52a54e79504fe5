import { expect, test, uniqueTopic } from '../fixtures.ts'
import { GeneratePage } from '../pages/generate-page.ts'

// Generate test data (issue 18): a preset run on the sandbox, read back in the browser and byte for byte.
test.describe('generate test data', () => {
  test('preview, generate round-robin, summary offsets, browse link, same bytes as the preview', async ({
    page,
    sandbox,
    browsePage,
  }) => {
    const topic = uniqueTopic('e2e-generate')
    await sandbox.createTopic(topic, 2)
    const gen = new GeneratePage(page)
    await gen.open()
    await gen.preset.selectOption({ label: 'Orders' })
    await gen.fill({ topic, count: 30, seed: 7, batchSize: 10 })
    await gen.partitions.selectOption('round-robin')
    await gen.previewButton.click()
    await expect(gen.preview.getByRole('listitem')).toHaveCount(5)
    const first = await gen.previewValue(0).innerText()
    expect(JSON.parse(first)).toMatchObject({ seq: 1 })

    await gen.generateButton.click()
    await expect(gen.summary.getByRole('heading')).toHaveText('Done: 30 records acknowledged, 0 failed')
    const rows = gen.summary.getByRole('row')
    await expect(rows.nth(1)).toContainText('0–19')
    await expect(rows.nth(2)).toContainText('0–9')

    // Same seed, same bytes: the preview's first record is the one stored at partition 0, offset 0.
    const [stored] = await sandbox.readRecords(topic, 0, 0, 1)
    expect(new TextDecoder().decode(stored.value!)).toBe(first)

    await gen.summary.getByRole('link', { name: 'Browse partition 1' }).click()
    await expect(browsePage.heading).toBeVisible()
    await expect(browsePage.options).toHaveCount(10)
    await expect(browsePage.row(1, 0)).toContainText('"seq": 11')
  })

  test('Stop ends a paced run with every sent record accounted for', async ({ page, sandbox }) => {
    const topic = uniqueTopic('e2e-generate-stop')
    await sandbox.createTopic(topic, 1)
    const gen = new GeneratePage(page)
    await gen.open()
    await gen.fill({ topic, count: 100000, seed: 1, batchSize: 5, rate: 50 })
    await gen.generateButton.click()
    await expect(gen.progressStatus).toContainText(/acknowledged [1-9]/)
    await gen.stop.click()
    const heading = gen.summary.getByRole('heading')
    await expect(heading).toHaveText(/^Stopped: \d+ records acknowledged, 0 failed$/)
    const acked = Number(/(\d+) records/.exec(await heading.innerText())![1])
    expect(acked).toBeGreaterThan(0)
    expect(acked).toBeLessThan(1000)
    await expect(gen.progressStatus).toContainText(`Sent ${acked} · acknowledged ${acked} · failed 0`)
    const end = await sandbox.readRecords(topic, 0, 0, 2000)
    expect(end).toHaveLength(acked)
  })

  test('a paced run keeps to its rate (within 10%)', async ({ page, sandbox }) => {
    const topic = uniqueTopic('e2e-generate-rate')
    await sandbox.createTopic(topic, 1)
    const gen = new GeneratePage(page)
    await gen.open()
    await gen.fill({ topic, count: 300, seed: 3, batchSize: 10, rate: 100 })
    await gen.generateButton.click()
    await expect(gen.summary.getByRole('heading')).toHaveText('Done: 300 records acknowledged, 0 failed', {
      timeout: 15_000,
    })
    const perSecond = Number(/(\d+) records\/s/.exec(await gen.progressStatus.innerText())![1])
    expect(perSecond).toBeGreaterThanOrEqual(90)
    expect(perSecond).toBeLessThanOrEqual(110)
  })

  test('a template mistake is shown with its line and column, and nothing is sent', async ({ page }) => {
    const gen = new GeneratePage(page)
    await gen.open()
    await gen.valueTemplate.fill('{\n  "a": "{{nope}}"\n}')
    await gen.previewButton.click()
    await expect(gen.problem).toHaveText('Value template: Unknown placeholder "nope" (line 2, column 9)')
    await expect(gen.preview).toBeHidden()
  })

  test('a topic that does not exist is named before anything is sent', async ({ page }) => {
    const gen = new GeneratePage(page)
    await gen.open()
    const topic = uniqueTopic('e2e-gen-missing')
    await gen.fill({ topic, count: 20, seed: 1, batchSize: 5 })
    await gen.generateButton.click()
    await expect(gen.problem).toHaveText(
      `Topic “${topic}” does not exist. Create it on the Topics page (or pick another), then generate.`,
    )
    await expect(gen.summary).toBeHidden()
    await expect(gen.progress).toBeHidden()
  })
})
