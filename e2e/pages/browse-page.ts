import type { Page } from '@playwright/test'

/** The message browser (filled in with its locators by the browse feature's specs). */
export class BrowsePage {
  readonly page: Page

  constructor(page: Page) {
    this.page = page
  }
}
