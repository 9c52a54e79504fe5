import { expect, type Locator, type Page } from '@playwright/test'

/** The connection screen. */
export class ConnectPage {
  readonly page: Page
  readonly endpoint: Locator
  readonly apiKey: Locator
  readonly useProxy: Locator
  readonly dialect: Locator
  readonly connectButton: Locator
  readonly pasteCredentials: Locator
  readonly status: Locator
  readonly error: Locator

  constructor(page: Page) {
    this.page = page
    this.endpoint = page.getByRole('textbox', { name: 'Endpoint URL' })
    this.apiKey = page.getByLabel('API key', { exact: true })
    this.useProxy = page.getByRole('checkbox', { name: 'Use proxy' })
    this.dialect = page.getByRole('combobox', { name: 'API dialect' })
    this.connectButton = page.getByRole('button', { name: 'Connect', exact: true })
    this.pasteCredentials = page.getByRole('button', { name: 'Paste credentials' })
    this.status = page.getByRole('status', { name: 'Connection status' })
    this.error = page.getByRole('alert')
  }

  async open() {
    await this.page.goto('/#/connect')
    await expect(this.endpoint).toBeVisible()
    // The form is filled from /api/config on a first visit; wait for it so our values are not overwritten.
    await expect(this.endpoint).not.toHaveValue('')
  }

  async fill(endpoint: string, apiKey: string) {
    await this.endpoint.fill(endpoint)
    await this.apiKey.fill(apiKey)
  }

  async connectTo(endpoint: string, apiKey: string) {
    await this.fill(endpoint, apiKey)
    await this.connectButton.click()
  }

  async expectConnected(dialectName: string) {
    await expect(this.status).toContainText('Connected to')
    await expect(this.status).toContainText(dialectName)
  }

  async expectError(pattern: RegExp) {
    await expect(this.error).toContainText(pattern)
  }
}
