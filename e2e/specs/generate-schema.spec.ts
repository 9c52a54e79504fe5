import { expect, test, uniqueTopic } from '../fixtures.ts'
import { GeneratePage } from '../pages/generate-page.ts'
import { expectNoAxeViolations } from '../support/axe.ts'

// Generate "from schema" (issue 18): random records that fit a registry subject of the sandbox, encoded and
// framed in the browser's worker, read back in Browse with the schema badge; the same seed gives the same bytes.
test.describe('generate from a registry schema', () => {
  test('Avro: preview decoded, generated, browsed as decoded records; the same seed gives the same bytes', async ({
    page,
    sandbox,
    browsePage,
  }) => {
    const [first, second] = [uniqueTopic('e2e-gen-avro'), uniqueTopic('e2e-gen-avro-again')]
    await sandbox.createTopic(first, 1)
    await sandbox.createTopic(second, 1)
    const gen = new GeneratePage(page)
    await gen.open()
    await gen.chooseSubject('demo.avro.payments-value')
    await expect(gen.version).toHaveValue('latest')
    await expect(gen.valueTemplate).toBeHidden()
    await gen.keyTemplate.fill('pay-{{seq}}')
    await gen.fill({ topic: first, count: 40, seed: 11, batchSize: 15 })
    await gen.previewButton.click()
    await expect(gen.preview.getByRole('listitem')).toHaveCount(5)
    await expect(gen.preview.getByRole('listitem').first()).toContainText(
      /Avro · demo\.avro\.payments-value v\d+ \(schema \d+\)/,
    )
    const previewed = await gen.previewValue(0).innerText()
    expect(Object.keys(JSON.parse(previewed))).toContain('ledgerSequence')
    await expectNoAxeViolations(page)

    await gen.generateButton.click()
    await expect(gen.summary.getByRole('heading')).toHaveText('Done: 40 records acknowledged, 0 failed')
    await expect(gen.summary).toContainText(`Topic ${first}`)
    await expectNoAxeViolations(page)
    await gen.topic.fill(second)
    // The second topic's check is held: meanwhile the first run's summary must not stand for this run's
    // outcome (CI once read it so), and Generate cannot be clicked twice.
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route(`**/topics/${second}*`, async (route) => (await held, route.continue()))
    await gen.generateButton.click()
    await expect(gen.summary).toHaveCount(0)
    await expect(gen.generateButton).toBeDisabled()
    release()
    await expect(gen.summary.getByRole('heading')).toHaveText('Done: 40 records acknowledged, 0 failed')
    await expect(gen.summary).toContainText(`Topic ${second}`)

    const a = await sandbox.readRecords(first, 0, 0, 40)
    const b = await sandbox.readRecords(second, 0, 0, 40)
    expect(a).toHaveLength(40)
    expect(a[0].value![0]).toBe(0) // the wire format's magic byte
    expect(b.map((r) => Buffer.from(r.value!).toString('hex'))).toEqual(
      a.map((r) => Buffer.from(r.value!).toString('hex')),
    )
    expect(new TextDecoder().decode(a[2].key!)).toBe('pay-3')

    await browsePage.open({ topic: first, partition: 0, offset: 0, sel: '0:0' })
    await expect(browsePage.value.getByLabel('Value schema')).toContainText(/^Avro · schema \d+/)
    await expect(browsePage.value.getByLabel(/^Value decoded with schema \d+$/)).toHaveText(previewed)
  })

  test('Protobuf: a message that is not the first, framed with its indexes and browsed as that message', async ({
    page,
    sandbox,
    browsePage,
  }) => {
    const topic = uniqueTopic('e2e-gen-proto')
    await sandbox.createTopic(topic, 1)
    const gen = new GeneratePage(page)
    await gen.open()
    await gen.chooseSubject('demo.protobuf.orders-value')
    await gen.message.selectOption('demo.orders.Order')
    await gen.keyTemplate.fill('')
    await gen.fill({ topic, count: 12, seed: 5, batchSize: 5 })
    await gen.previewButton.click()
    await expect(gen.preview.getByRole('listitem').first()).toContainText(
      /Protobuf · demo\.orders\.Order · demo\.protobuf\.orders-value v\d+/,
    )
    await expect(gen.previewValue(0)).toContainText('"order_id"')
    await gen.generateButton.click()
    await expect(gen.summary.getByRole('heading')).toHaveText('Done: 12 records acknowledged, 0 failed')

    const stored = await sandbox.readRecords(topic, 0, 0, 12)
    // Magic byte, 4-byte id, then the message indexes [1]: count 1 and index 1, both zig-zag (2, 2).
    expect([...stored[0].value!.subarray(5, 7)]).toEqual([2, 2])
    expect(stored[0].key).toBeNull()

    await browsePage.open({ topic, partition: 0, offset: 3, sel: '0:3' })
    await expect(browsePage.value.getByLabel('Value schema')).toContainText(
      /^Protobuf · schema \d+ · demo\.orders\.Order$/,
    )
    await expect(browsePage.value.getByLabel(/^Value decoded with schema \d+$/)).toContainText('"order_id"')
  })
})
