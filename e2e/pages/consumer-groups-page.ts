import { expect, type Locator, type Page } from '@playwright/test'

/** The consumer group list and one group's page. */
export class ConsumerGroupsPage {
  readonly page: Page
  readonly navItem: Locator
  readonly heading: Locator
  readonly filter: Locator
  readonly sort: Locator
  readonly table: Locator
  readonly members: Locator
  readonly lags: Locator
  readonly totalLag: Locator
  readonly lagChart: Locator
  readonly lagFigure: Locator
  readonly pause: Locator
  readonly interval: Locator

  constructor(page: Page) {
    this.page = page
    this.navItem = page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /^Consumer groups/ })
    this.heading = page.getByRole('heading', { name: 'Consumer groups', level: 1 })
    this.filter = page.getByRole('textbox', { name: 'Filter groups' })
    this.sort = page.getByRole('combobox', { name: 'Sort by' })
    this.table = page.getByRole('table', { name: 'Consumer groups' })
    this.members = page.getByRole('table', { name: 'Members and their assignments' })
    this.lags = page.getByRole('table', { name: 'Committed offset, end offset and lag per partition' })
    this.totalLag = page.getByLabel('Total lag', { exact: true })
    this.lagFigure = page.getByRole('figure', { name: 'Total lag over time' })
    this.lagChart = this.lagFigure.getByRole('img', { name: /^Total lag over time/ })
    this.pause = this.lagFigure.getByRole('button', { name: /^(Pause|Resume)$/ })
    this.interval = this.lagFigure.getByRole('combobox', { name: 'Poll every' })
  }

  async open() {
    await this.navItem.click()
    await expect(this.heading).toBeVisible()
  }

  /** A group's row cells in the list, by column. */
  row(group: string) {
    const row = this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: group, exact: true }) })
    const cells = row.getByRole('cell')
    return { row, state: cells.nth(0), members: cells.nth(1), coordinator: cells.nth(2), lag: cells.nth(3) }
  }

  groupNames(): Promise<string[]> {
    return this.table.getByRole('rowheader').allInnerTexts()
  }

  async openGroup(group: string) {
    await this.filter.fill(group)
    await this.table.getByRole('link', { name: group, exact: true }).click()
    await expect(this.page.getByRole('heading', { name: group, level: 1 })).toBeVisible()
  }

  /** One partition's row of the lag table. */
  lagRow(topic: string, partition: number) {
    const row = this.lags
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: topic, exact: true }) })
      .filter({ has: this.page.getByRole('cell', { name: String(partition), exact: true }) })
    const cells = row.getByRole('cell')
    return { row, partition: cells.nth(0), committed: cells.nth(1), end: cells.nth(2), lag: cells.nth(3) }
  }

  /** A figure's data table (after "Show as table"), as rows of cell texts. */
  async figureTable(figure: Locator): Promise<string[][]> {
    const toggle = figure.getByRole('button', { name: 'Show as table' })
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click()
    const rows = figure.getByRole('table').getByRole('row')
    const out: string[][] = []
    for (const r of await rows.all()) {
      const cells = await r.getByRole('cell').allInnerTexts()
      if (cells.length > 0) out.push(cells.map((c) => c.trim()))
    }
    return out
  }
}
