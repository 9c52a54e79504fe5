import type { Locator, Page } from '@playwright/test'

/** The Copy to topic form (Search's matches, Browse's window) and its production guard. */
export class CopyPanel {
  readonly page: Page
  readonly form: Locator
  readonly status: Locator
  readonly failures: Locator

  constructor(page: Page) {
    this.page = page
    this.form = page.getByRole('form', { name: 'Copy to topic' })
    this.status = page.getByRole('status', { name: 'Copy progress' })
    this.failures = page.getByRole('list', { name: 'Copy failures' })
  }

  /** Chooses the target topic and partition mode and presses Copy to topic. */
  async copyTo(topic: string, partition: 'Same partition' | 'Auto') {
    await this.form.getByRole('combobox', { name: 'Target topic' }).fill(topic)
    await this.page
      .getByRole('listbox', { name: 'Target topic options' })
      .getByRole('option', { name: topic, exact: true })
      .click()
    await this.form.getByRole('combobox', { name: 'Target partition' }).selectOption({ label: partition })
    await this.form.getByRole('button', { name: 'Copy to topic' }).click()
  }

  /** The production guard's dialog for a copy to `topic`. */
  guard(topic: string): Locator {
    return this.page.getByRole('dialog', { name: `Copy to ${topic} in production?` })
  }
}
