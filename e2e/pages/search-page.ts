import { expect, type Locator, type Page } from '@playwright/test'
import { CopyPanel } from './copy-panel.ts'

/** The Search page: the search form, progress, the matches and Copy to topic. */
export class SearchPage {
  readonly page: Page
  readonly heading: Locator
  readonly form: Locator
  readonly topic: Locator
  readonly partitions: Locator
  readonly range: Locator
  readonly quickField: Locator
  readonly quickOp: Locator
  readonly quickText: Locator
  readonly expression: Locator
  readonly matchLimit: Locator
  readonly searchButton: Locator
  readonly stopButton: Locator
  readonly status: Locator
  readonly matches: Locator
  readonly detail: Locator
  readonly copy: CopyPanel
  readonly copyStatus: Locator

  constructor(page: Page) {
    this.page = page
    this.heading = page.getByRole('heading', { name: 'Search messages', level: 1 })
    this.form = page.getByRole('form', { name: 'Search messages' })
    this.topic = this.form.getByRole('combobox', { name: 'Topic', exact: true })
    this.partitions = this.form.getByRole('textbox', { name: 'Partitions', exact: true })
    this.range = this.form.getByRole('combobox', { name: 'Range', exact: true })
    this.quickField = this.form.getByRole('combobox', { name: 'Match in' })
    this.quickOp = this.form.getByRole('combobox', { name: 'Operator' })
    this.quickText = this.form.getByRole('textbox', { name: 'Quick match text' })
    this.expression = this.form.getByRole('textbox', { name: 'Filter expression' })
    this.matchLimit = this.form.getByRole('textbox', { name: 'Match limit' })
    this.searchButton = this.form.getByRole('button', { name: 'Search', exact: true })
    this.stopButton = this.form.getByRole('button', { name: 'Stop', exact: true })
    this.status = page.getByRole('status', { name: 'Search status' })
    this.matches = page.getByRole('list', { name: 'Matching messages' }).getByRole('listitem')
    this.detail = page.getByRole('region', { name: 'Match detail' })
    this.copy = new CopyPanel(page)
    this.copyStatus = this.copy.status
  }

  async openFromNav() {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click()
    await expect(this.heading).toBeVisible()
  }

  async chooseTopic(topic: string) {
    await this.topic.fill(topic)
    await this.page
      .getByRole('listbox', { name: 'Topic options' })
      .getByRole('option', { name: topic, exact: true })
      .click()
    await expect(this.topic).toHaveValue(topic)
  }

  /** Sets the expression (and optionally a quick match), presses Search and waits for the outcome. */
  async search(
    expression: string,
    quick?: { field: 'key' | 'value' | 'header-name' | 'header-value'; op: string; text: string },
  ) {
    await this.expression.fill(expression)
    if (quick) {
      await this.quickField.selectOption(quick.field)
      await this.quickOp.selectOption(quick.op)
      await this.quickText.fill(quick.text)
    } else await this.quickText.fill('')
    await this.searchButton.click()
  }

  /** Waits until the search ended and returns its match count. */
  async finishedCount(): Promise<number> {
    await expect(this.status).toHaveText(/^(Search finished|Stopped at)/, { timeout: 30_000 })
    const text = (await this.status.textContent()) ?? ''
    return Number(/· ([\d,]+) match/.exec(text)?.[1].replaceAll(',', '') ?? NaN)
  }

  async copyTo(topic: string, partition: 'Same partition' | 'Auto') {
    await this.copy.copyTo(topic, partition)
  }
}
