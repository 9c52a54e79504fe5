import { expect, type Locator, type Page } from '@playwright/test'

/** The topic list and the topic detail page. */
export class TopicsPage {
  readonly page: Page
  readonly heading: Locator
  readonly filter: Locator
  readonly list: Locator

  constructor(page: Page) {
    this.page = page
    this.heading = page.getByRole('heading', { name: 'Topics', level: 1 })
    this.filter = page.getByRole('searchbox', { name: 'Filter topics' })
    this.list = page.getByRole('list', { name: 'Topics' })
  }

  async open() {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Topics' }).click()
    await expect(this.heading).toBeVisible()
  }

  topicLink(name: string): Locator {
    return this.list.getByRole('link', { name, exact: true })
  }

  async openTopic(name: string) {
    await this.filter.fill(name)
    await this.topicLink(name).click()
    await expect(this.page.getByRole('heading', { name, level: 1 })).toBeVisible()
  }

  partitionsTable(topic: string): Locator {
    return this.page.getByRole('table', { name: `Partitions of ${topic}` })
  }

  /** The cells of a partition's row, by column name. */
  async partitionRow(topic: string, partition: number) {
    const row = this.partitionsTable(topic)
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: String(partition), exact: true }) })
    const cells = row.getByRole('cell')
    return {
      row,
      leader: cells.nth(0),
      replicas: cells.nth(1),
      inSync: cells.nth(2),
      beginning: cells.nth(3),
      end: cells.nth(4),
      messages: cells.nth(5),
    }
  }
}
