import { expect, test } from '../fixtures.ts'

// Produce with registry formats (issue 15): the value is typed as JSON, checked against the sandbox registry's
// schema, encoded and framed in the browser, then read back by Browse's decoder as the same JSON.
test.describe('produce with a Schema Registry format', () => {
  test('an Avro key and value from the sample, with a long beyond 2^53, read back as the same JSON', async ({
    producePage,
    browsePage,
  }) => {
    await producePage.open('demo.avro.payments')
    await producePage.format('Key', 'Avro')
    const form = producePage.page.getByRole('form', { name: 'Produce' })
    await expect(form.getByRole('combobox', { name: 'Key subject' })).toHaveValue('demo.avro.payments-key')
    await form.getByRole('button', { name: 'Start key from sample' }).click()
    await producePage.key.fill('"pay-e2e-produce"')
    await producePage.format('Value', 'Avro')
    await expect(producePage.subject).toHaveValue('demo.avro.payments-value')
    await expect(producePage.version).toHaveValue('latest')
    await producePage.startFromSample.click()
    await expect(producePage.value).not.toHaveValue('')
    const sample = await producePage.value.inputValue()
    const edited = sample
      .replace(/"paymentId": "[^"]*"/, '"paymentId": "pay-e2e-produce"')
      .replace(/"ledgerSequence": [^,\n]+/, '"ledgerSequence": 9223372036854775807')
    expect(edited).toContain('"ledgerSequence": 9223372036854775807')
    await producePage.value.fill(edited)
    await expect(producePage.value).not.toHaveAttribute('aria-invalid', 'true')
    await producePage.produceButton.click()
    const at = await producePage.delivered()

    await browsePage.open({
      topic: 'demo.avro.payments',
      partition: at.partition,
      offset: at.offset,
      sel: `${at.partition}:${at.offset}`,
    })
    const decoded = browsePage.value.getByLabel(/^Value decoded with schema \d+$/)
    await expect(decoded).toHaveText(edited)
    await expect(browsePage.key.getByLabel(/^Key decoded with schema \d+$/)).toHaveText('"pay-e2e-produce"')
  })

  test('Protobuf: the message is chosen from the schema, encoded with its indexes and read back as that message', async ({
    producePage,
    browsePage,
  }) => {
    await producePage.open('demo.protobuf.orders')
    await producePage.format('Value', 'Protobuf')
    await expect(producePage.subject).toHaveValue('demo.protobuf.orders-value')
    const message = producePage.page.getByRole('combobox', { name: 'Message', exact: true })
    // The schema declares Address first, then Order with its nested Line.
    await expect(message.getByRole('option')).toHaveText([
      'demo.orders.Address (the first)',
      'demo.orders.Order',
      'demo.orders.Order.Line',
    ])
    await message.selectOption('demo.orders.Order')
    await producePage.startFromSample.click()
    await expect(producePage.value).toHaveValue(/"order_id"/)
    const edited = (await producePage.value.inputValue()).replace(
      /"order_id": "[^"]*"/,
      '"order_id": "po-e2e-1"',
    )
    await producePage.value.fill(edited)
    // A field of another message is refused with its path before anything is sent.
    await producePage.value.fill('{"street": "Main St"}')
    await expect(producePage.value).toHaveAttribute('aria-invalid', 'true')
    await producePage.value.fill(edited)
    await expect(producePage.value).not.toHaveAttribute('aria-invalid', 'true')
    await producePage.produceButton.click()
    const at = await producePage.delivered()

    await browsePage.open({
      topic: 'demo.protobuf.orders',
      partition: at.partition,
      offset: at.offset,
      sel: `${at.partition}:${at.offset}`,
    })
    await expect(browsePage.value.getByLabel('Value schema')).toContainText(
      /^Protobuf · schema \d+ · demo\.orders\.Order/,
    )
    await expect(browsePage.value.getByLabel(/^Value decoded with schema \d+$/)).toContainText(
      '"order_id": "po-e2e-1"',
    )
  })

  test('a pasted schema the registry refuses as incompatible shows its message and sends nothing', async ({
    producePage,
  }) => {
    await producePage.open('demo.avro.payments')
    await producePage.format('Value', 'Avro')
    await producePage.page.getByRole('checkbox', { name: /^Paste a new schema/ }).check()
    await producePage.page
      .getByRole('textbox', { name: 'New schema', exact: true })
      .fill(
        '{"type":"record","name":"Payment","namespace":"demo.payments","fields":[{"name":"x","type":"int"}]}',
      )
    await producePage.startFromSample.click()
    await expect(producePage.value).toHaveValue(/"x"/)
    await producePage.produceButton.click()
    await expect(producePage.problem).toContainText('demo.avro.payments-value')
    await expect(producePage.problem).toContainText(/incompatible/i)
    await expect(producePage.results).toHaveCount(0)
  })

  test('a value that does not fit shows the path of the error and sends nothing', async ({ producePage }) => {
    await producePage.open('demo.avro.payments')
    await producePage.format('Value', 'Avro')
    await producePage.startFromSample.click()
    const sample = await producePage.value.inputValue()
    await producePage.value.fill(sample.replace(/"ledgerSequence": [^,\n]+/, '"ledgerSequence": "twelve"'))
    await expect(producePage.value).toHaveAttribute('aria-invalid', 'true')
    await expect(producePage.page.getByText(/Does not fit the schema at \/ledgerSequence/)).toBeVisible()
    await producePage.produceButton.click()
    await expect(producePage.problem).toContainText('/ledgerSequence')
    await expect(producePage.results).toHaveCount(0)
  })

  test('a JSON Schema value to demo.jsonschema.events', async ({ producePage, browsePage }) => {
    await producePage.open('demo.jsonschema.events')
    await producePage.format('Value', 'JSON Schema')
    await expect(producePage.subject).toHaveValue('demo.jsonschema.events-value')
    await producePage.startFromSample.click()
    await expect(producePage.value).not.toHaveValue('')
    const sample = await producePage.value.inputValue()
    await producePage.produceButton.click()
    const at = await producePage.delivered()
    await browsePage.open({
      topic: 'demo.jsonschema.events',
      partition: at.partition,
      offset: at.offset,
      sel: `${at.partition}:${at.offset}`,
    })
    await expect(browsePage.value.getByLabel('Value schema')).toContainText(/^JSON Schema · schema \d+$/)
    await expect(browsePage.value.getByLabel(/^Value decoded with schema \d+$/)).toHaveText(sample)
  })
})
