import { expect, type Locator, type Page } from '@playwright/test'

export interface ResultRow {
  row: Locator
  status: Locator
  partition: Locator
  offset: Locator
  details: Locator
}

/** The produce form, its progress and its per-record results. */
export class ProducePage {
  readonly page: Page
  readonly heading: Locator
  readonly topic: Locator
  readonly partition: Locator
  readonly key: Locator
  readonly value: Locator
  /** The file input (a file input's role is button). */
  readonly file: Locator
  readonly headers: Locator
  readonly addHeader: Locator
  readonly addRecord: Locator
  readonly importNdjson: Locator
  readonly importPreview: Locator
  readonly produceButton: Locator
  /** The one-line "fix this first" message under the form. */
  readonly problem: Locator
  readonly results: Locator
  readonly resultSummary: Locator
  /** A produce that failed as a whole (HTTP error, size refused, network). */
  readonly error: Locator
  readonly copyCurl: Locator
  readonly includeApiKey: Locator
  /** Registry formats (Avro, Protobuf, JSON Schema): the schema's subject and version, and the sample button. */
  readonly subject: Locator
  readonly version: Locator
  readonly startFromSample: Locator

  constructor(page: Page) {
    this.page = page
    this.heading = page.getByRole('heading', { name: 'Produce', level: 1 })
    const form = page.getByRole('form', { name: 'Produce' })
    this.topic = form.getByLabel('Topic', { exact: true })
    this.partition = form.getByLabel('Partition', { exact: true })
    this.key = form.getByRole('textbox', { name: 'Key', exact: true })
    this.value = form.getByRole('textbox', { name: 'Value', exact: true })
    this.file = form.getByRole('button', { name: 'File', exact: true })
    this.headers = form.getByRole('group', { name: 'Headers' })
    this.addHeader = form.getByRole('button', { name: 'Add header' })
    this.addRecord = form.getByRole('button', { name: 'Add record' })
    this.importNdjson = form.getByLabel('Import NDJSON')
    this.importPreview = page.getByRole('region', { name: /^Import preview/ })
    this.produceButton = form.getByRole('button', { name: 'Produce', exact: true })
    this.problem = form.getByRole('alert')
    this.results = page.getByRole('table', { name: 'Produce results' })
    this.resultSummary = page.getByRole('region', { name: 'Result' }).getByRole('status').first()
    this.error = page.getByRole('alert').filter({ hasText: /^(Too large|Produce failed)/ })
    this.copyCurl = page.getByRole('button', { name: 'Copy as curl' })
    this.includeApiKey = page.getByRole('checkbox', { name: 'Include API key' })
    this.subject = form.getByRole('combobox', { name: 'Subject', exact: true })
    this.version = form.getByLabel('Version', { exact: true })
    this.startFromSample = form.getByRole('button', { name: 'Start from sample' })
  }

  /** Opens the form on a topic (the topic lives in the URL). */
  async open(topic: string) {
    await this.page.goto(`/#/produce?topic=${encodeURIComponent(topic)}`)
    await expect(this.heading).toBeVisible()
    await expect(this.topic).toHaveValue(topic)
  }

  /** Picks a format in the "Key format" / "Value format" radio group (scoped to a record when given). */
  async format(kind: 'Key' | 'Value', name: string, scope: Locator | Page = this.page) {
    await scope
      .getByRole('group', { name: `${kind} format` })
      .getByText(name, { exact: true })
      .click()
  }

  record(n: number): Locator {
    return this.page.getByRole('group', { name: `Record ${n}` })
  }

  async chooseFile(file: { name: string; mimeType: string; buffer: Buffer }) {
    await this.format('Value', 'File')
    await this.file.setInputFiles(file)
  }

  async produce() {
    await this.produceButton.click()
  }

  /** The cells of result row `n` (1-based), by column. */
  resultRow(n: number): ResultRow {
    const row = this.results.getByRole('row').nth(n)
    const cells = row.getByRole('cell')
    return { row, status: cells.nth(0), partition: cells.nth(1), offset: cells.nth(2), details: cells.nth(3) }
  }

  /** Waits for record `n` to be delivered and returns where it went. */
  async delivered(n = 1, timeout?: number): Promise<{ partition: number; offset: number }> {
    const r = this.resultRow(n)
    await expect(r.status).toHaveText(/Delivered/, { timeout })
    return { partition: Number(await r.partition.innerText()), offset: Number(await r.offset.innerText()) }
  }
}
