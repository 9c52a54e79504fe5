import { readFileSync } from 'node:fs'
import { expect, test } from '../fixtures.ts'
import { E2E, sandboxUrl } from '../support/ports.ts'

// Browse decodes registry-framed keys and values with the sandbox's Schema Registry (issue 15): the sandbox's demo
// topics are encoded by the sandbox's own Avro/Protobuf encoders, so each side checks the other.
test.describe('registry-encoded messages in the browser', () => {
  test('Avro, Protobuf and JSON Schema values are shown as exact JSON with a format and schema badge', async ({
    page,
    browsePage,
  }) => {
    await browsePage.open({ topic: 'demo.avro.payments', partition: 0, offset: 0, sel: '0:0' })
    const value = browsePage.value
    await expect(value.getByLabel('Value schema')).toContainText(/^Avro · schema \d+$/)
    const avro = value.getByLabel(/^Value decoded with schema \d+$/)
    await expect(avro).toContainText('"paymentId": "pay-7002"')
    // A long beyond 2^53 keeps every digit; a timestamp-millis reads as ISO time, a decimal as an exact string.
    await expect(avro).toContainText('"ledgerSequence": 9007199255740996')
    await expect(avro).toContainText(/"createdAt": "\d{4}-\d\d-\d\dT[\d:.]+Z"/)
    await expect(avro).toContainText(/"amount": "\d+\.\d\d"/)
    await expect(value).toContainText(/createdAt: timestamp-millis \d+/)
    await expect(value).not.toContainText('needs schema')
    // The key has its own schema (an Avro string); the hex stays below for the bytes.
    const key = browsePage.key
    await expect(key.getByLabel(/^Key decoded with schema \d+$/)).toHaveText('"pay-7002"')
    await expect(key).toContainText('00 00 00 00')

    await browsePage.open({ topic: 'demo.protobuf.orders', partition: 0, offset: 0, sel: '0:0' })
    await expect(value.getByLabel('Value schema')).toContainText(/^Protobuf · schema \d+ · /)
    const proto = value.getByLabel(/^Value decoded with schema \d+$/)
    await expect(proto).toContainText('"order_id": "po-5001"')
    // int64 as an exact string, a message from the referenced .proto, a repeated field.
    await expect(proto).toContainText(/"placed_at_ms": "\d+"/)
    await expect(proto).toContainText('"currency_code": "EUR"')
    await expect(proto).toContainText('"tags": [')

    await browsePage.open({ topic: 'demo.jsonschema.events', partition: 0, offset: 0, sel: '0:0' })
    await expect(value.getByLabel('Value schema')).toContainText(/^JSON Schema · schema \d+$/)
    await expect(value.getByLabel(/^Value decoded with schema \d+$/)).toContainText('"eventId": "evt-3001"')

    // The badge names the subject and version and links to it on the Schemas page.
    await browsePage.open({ topic: 'demo.avro.payments', partition: 0, offset: 0, sel: '0:0' })
    await value.getByRole('link', { name: 'demo.avro.payments-value v1' }).click()
    await expect(page.getByRole('heading', { name: 'demo.avro.payments-value', level: 2 })).toBeVisible()

    // The quick filter sees decoded values (an Avro enum is only an index on the wire), and Export NDJSON adds
    // the decoded JSON, exact, beside the base64 bytes.
    await browsePage.open({ topic: 'demo.avro.payments', partition: 0, offset: 0 })
    // The rows in view show their decoded JSON with the format, not the framed bytes.
    const firstRow = page.getByRole('listbox', { name: 'Messages' }).getByRole('option').first()
    await expect(firstRow).toContainText('Avro{"paymentId":"pay-7002","ledgerSequence":9007199255740996,')
    await expect(firstRow).toContainText('Avro"pay-7002"')
    await page.getByRole('searchbox', { name: 'Filter messages' }).fill('settled')
    await expect(page.getByText(/^[1-9]\d* of \d+ match$/)).toBeVisible()
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export NDJSON' }).click()
    const text = readFileSync((await (await download).path())!, 'utf8')
    expect(text).toContain('"valueDecoded":{"paymentId":"pay-7002","ledgerSequence":9007199255740996,')
    expect(text).toContain('"keyDecoded":"pay-7002"')
  })
})

test.describe('without the registry', () => {
  test.use({ startConnected: false })

  test('a registry that refuses the key: the reason is shown and the bytes stay visible', async ({
    page,
    connectPage,
    browsePage,
    dialect,
  }) => {
    await connectPage.open()
    await connectPage.fill(sandboxUrl(dialect.port), E2E.apiKey)
    await page.getByLabel('Registry token', { exact: true }).fill('not-the-key')
    await connectPage.connectButton.click()
    await connectPage.expectConnected(dialect.expectedName)
    await browsePage.open({ topic: 'demo.avro.payments', partition: 0, offset: 0, sel: '0:0' })
    const value = browsePage.value
    await expect(value).toContainText(/Schema \d+: could not get it from the Schema Registry: .*401/)
    await expect(value).toContainText('The bytes are shown below.')
    await expect(value).toContainText('00 00 00 00')
    await expect(value.getByLabel(/decoded with schema/)).toHaveCount(0)
  })
})
