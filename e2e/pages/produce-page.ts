import type { Page } from '@playwright/test'

/** The produce form (filled in with its locators by the produce feature's specs). */
export class ProducePage {
  readonly page: Page

  constructor(page: Page) {
    this.page = page
  }
}
