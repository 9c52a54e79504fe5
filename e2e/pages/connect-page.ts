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
  readonly authScheme: Locator
  readonly username: Locator
  readonly password: Locator
  readonly environment: Locator
  /** The saved-connection picker on the connection screen. */
  readonly savedConnection: Locator
  readonly saveConnection: Locator

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
    this.authScheme = page.getByRole('combobox', { name: 'Auth scheme' })
    this.username = page.getByRole('textbox', { name: 'Username' })
    this.password = page.getByLabel('Password', { exact: true })
    this.environment = page.getByRole('combobox', { name: 'Environment' })
    this.savedConnection = page.getByRole('combobox', { name: 'Saved connection' })
    this.saveConnection = page.getByRole('button', { name: 'Save connection' })
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

  /** Save connection under a name (the form's environment is saved with it). */
  async save(name: string) {
    await this.saveConnection.click()
    const dialog = this.page.getByRole('dialog', { name: 'Save connection' })
    await dialog.getByRole('textbox', { name: 'Connection name' }).fill(name)
    await dialog.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(dialog).toBeHidden()
  }

  /** Basic user:password auth. */
  async useBasic(username: string, password: string) {
    await this.authScheme.selectOption('basic')
    await this.username.fill(username)
    await this.password.fill(password)
  }

  async expectConnected(dialectName: string) {
    await expect(this.status).toContainText('Connected to')
    await expect(this.status).toContainText(dialectName)
  }

  async expectError(pattern: RegExp) {
    await expect(this.error).toContainText(pattern)
  }
}
