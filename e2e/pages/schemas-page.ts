import { expect, type Locator, type Page } from '@playwright/test'

/** The Schemas page (subjects, versions, schema text, diff) and the registry status in the header. */
export class SchemasPage {
  readonly page: Page
  readonly navLink: Locator
  readonly registryStatus: Locator
  readonly heading: Locator
  readonly filter: Locator
  readonly subjects: Locator
  readonly version: Locator
  readonly compareWith: Locator
  readonly globalCompatibility: Locator
  readonly subjectCompatibility: Locator

  constructor(page: Page) {
    this.page = page
    this.navLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schemas' })
    this.registryStatus = page.getByRole('status', { name: 'Schema Registry status' })
    this.heading = page.getByRole('heading', { name: 'Schemas', level: 1 })
    this.filter = page.getByRole('searchbox', { name: 'Filter subjects' })
    this.subjects = page.getByRole('list', { name: 'Subjects' })
    this.version = page.getByRole('combobox', { name: 'Version' })
    this.compareWith = page.getByRole('combobox', { name: 'Compare with' })
    this.globalCompatibility = page.getByLabel('Global compatibility', { exact: true })
    this.subjectCompatibility = page.getByLabel('Subject compatibility', { exact: true })
  }

  async expectRegistryConnected() {
    await expect(this.registryStatus).toHaveText('Schema Registry: connected')
  }

  async open() {
    await this.navLink.click()
    await expect(this.heading).toBeVisible()
  }

  subjectLink(name: string): Locator {
    return this.subjects.getByRole('link', { name, exact: true })
  }

  async openSubject(name: string) {
    await this.filter.fill(name)
    await this.subjectLink(name).click()
    await expect(this.page.getByRole('heading', { name, level: 2 })).toBeVisible()
  }

  schemaText(version: number): Locator {
    return this.page.getByLabel(`Schema of version ${version}`)
  }

  diff(from: number, to: number): Locator {
    return this.page.getByLabel(`Changes from version ${from} to version ${to}`)
  }
}
