import { expect, type Locator, type Page } from '@playwright/test'
import { CopyPanel } from './copy-panel.ts'

export interface WindowChoice {
  partition?: number | 'all'
  start?: 'beginning' | 'newest' | 'offset' | 'time'
  offset?: string | number
  time?: string
  count?: number
}

/** The message browser: window controls, the virtualized message list and the detail panel. */
export class BrowsePage {
  readonly page: Page
  readonly heading: Locator
  readonly form: Locator
  readonly topic: Locator
  readonly partition: Locator
  readonly count: Locator
  readonly offset: Locator
  readonly timestamp: Locator
  readonly fetchButton: Locator
  readonly bounds: Locator
  readonly summary: Locator
  readonly notes: Locator
  readonly previous: Locator
  readonly next: Locator
  readonly list: Locator
  readonly options: Locator
  readonly filter: Locator
  readonly exportNdjson: Locator
  readonly exportCsv: Locator
  readonly detail: Locator
  readonly detailHeading: Locator
  readonly key: Locator
  readonly value: Locator
  readonly valueDecoder: Locator
  readonly keyDecoder: Locator
  readonly download: Locator
  readonly copyLink: Locator
  readonly produceAgain: Locator
  readonly liveTail: Locator
  /** Opens (and hides) Copy to topic of the loaded window. */
  readonly copyToggle: Locator
  readonly copy: CopyPanel

  constructor(page: Page) {
    this.page = page
    this.heading = page.getByRole('heading', { name: 'Browse messages', level: 1 })
    this.form = page.getByRole('form', { name: 'Choose messages' })
    this.topic = this.form.getByRole('combobox', { name: 'Topic', exact: true })
    this.partition = this.form.getByRole('combobox', { name: 'Partition', exact: true })
    this.count = this.form.getByRole('textbox', { name: 'Count', exact: true })
    this.offset = this.form.getByRole('textbox', { name: 'Offset', exact: true })
    this.timestamp = this.form.getByRole('textbox', { name: 'Timestamp', exact: true })
    this.fetchButton = this.form.getByRole('button', { name: 'Fetch', exact: true })
    this.bounds = page.getByRole('list', { name: 'Partition offsets' })
    this.summary = page.getByText(/^(\d[\d,]* messages? (of|from) |No messages in this window)/)
    this.notes = page.getByRole('status').filter({ hasText: /Offset \d+ is|no messages at or after/ })
    this.previous = page.getByRole('button', { name: /^← Previous/ })
    this.next = page.getByRole('button', { name: /^Next \d+/ })
    this.list = page.getByRole('listbox', { name: 'Messages' })
    this.options = this.list.getByRole('option')
    this.filter = page.getByRole('searchbox', { name: 'Filter messages' })
    this.exportNdjson = page.getByRole('button', { name: 'Export NDJSON' })
    this.exportCsv = page.getByRole('button', { name: 'Export CSV' })
    this.detailHeading = page.getByRole('heading', { level: 2, name: /^Partition \d+ · offset \d+$/ })
    this.detail = page.locator('section[aria-labelledby="message-title"]')
    this.key = this.detail.getByRole('region', { name: 'Key', exact: true })
    this.value = this.detail.getByRole('region', { name: 'Value', exact: true })
    this.valueDecoder = this.detail.getByRole('combobox', { name: 'Value decoder' })
    this.keyDecoder = this.detail.getByRole('combobox', { name: 'Key decoder' })
    this.download = this.detail.getByRole('button', { name: 'Download', exact: true })
    this.copyLink = this.detail.getByRole('button', { name: 'Copy link' })
    this.produceAgain = this.detail.getByRole('button', { name: 'Produce again' })
    this.liveTail = page.getByRole('button', { name: 'Live tail' })
    this.copyToggle = page.getByRole('button', { name: 'Copy window to topic…' })
    this.copy = new CopyPanel(page)
  }

  /** Opens the browser at a URL state (e.g. `{ topic: 'demo.orders', partition: '0' }`). */
  async open(params: Record<string, string | number> = {}) {
    const q = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()
    await this.page.goto(`/#/browse${q ? `?${q}` : ''}`)
    await expect(this.heading).toBeVisible()
  }

  /** Navigates inside the app (keeps the connection), e.g. with the main navigation. */
  async openFromNav() {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Browse' }).click()
    await expect(this.heading).toBeVisible()
  }

  /** Types the name into the topic combobox and picks the matching option. */
  async chooseTopic(topic: string) {
    await this.topic.fill(topic)
    await this.page
      .getByRole('listbox', { name: 'Topic options' })
      .getByRole('option', { name: topic, exact: true })
      .click()
    await expect(this.topic).toHaveValue(topic)
  }

  /** Fills the controls and presses Fetch. */
  async fetchWindow(choice: WindowChoice) {
    if (choice.partition !== undefined) await this.partition.selectOption(String(choice.partition))
    if (choice.count !== undefined) await this.count.fill(String(choice.count))
    if (choice.start === 'beginning') await this.form.getByRole('radio', { name: 'Beginning' }).check()
    if (choice.start === 'newest') await this.form.getByRole('radio', { name: /^Newest/ }).check()
    if (choice.offset !== undefined) await this.offset.fill(String(choice.offset))
    if (choice.time !== undefined) await this.timestamp.fill(choice.time)
    await this.fetchButton.click()
  }

  row(partition: number, offset: string | number): Locator {
    return this.page.locator(`[id="msg-${partition}:${offset}"]`)
  }

  /** The partition/offset of every rendered row, top to bottom. */
  async renderedIds(): Promise<string[]> {
    const ids = await this.options.evaluateAll((els) =>
      els
        .map((el) => ({ id: el.id.slice(4), top: el.getBoundingClientRect().top }))
        .sort((a, b) => a.top - b.top)
        .map((x) => x.id),
    )
    return ids
  }

  async select(partition: number, offset: string | number) {
    await this.row(partition, offset).click()
    await expect(this.detailHeading).toHaveText(`Partition ${partition} · offset ${offset}`)
  }

  /** The text of the value's view (text, JSON or base64 <pre>). */
  valueView(kind: 'text' | 'JSON' | 'base64'): Locator {
    return this.value.getByLabel(`Value as ${kind}`)
  }

  valueHex(): Locator {
    return this.value.getByRole('region', { name: 'Value hex dump' })
  }
}
