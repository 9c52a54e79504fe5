import { expect, type Locator, type Page } from '@playwright/test'

/** The Generate page: templates, run fields, preview, progress and summary. */
export class GeneratePage {
  readonly page: Page
  readonly heading: Locator
  readonly preset: Locator
  readonly topic: Locator
  readonly keyTemplate: Locator
  readonly valueTemplate: Locator
  readonly count: Locator
  readonly rate: Locator
  readonly seed: Locator
  readonly batchSize: Locator
  readonly partitions: Locator
  readonly previewButton: Locator
  readonly generateButton: Locator
  readonly preview: Locator
  readonly progress: Locator
  readonly progressStatus: Locator
  readonly pause: Locator
  readonly stop: Locator
  readonly summary: Locator
  readonly problem: Locator
  readonly fromSchema: Locator
  readonly subject: Locator
  readonly version: Locator
  readonly message: Locator

  constructor(page: Page) {
    this.page = page
    this.heading = page.getByRole('heading', { name: 'Generate', level: 1 })
    this.preset = page.getByLabel('Preset', { exact: true })
    this.topic = page.getByRole('combobox', { name: 'Topic', exact: true })
    this.keyTemplate = page.getByRole('textbox', { name: 'Key template' })
    this.valueTemplate = page.getByRole('textbox', { name: 'Value template' })
    this.count = page.getByRole('textbox', { name: 'Count', exact: true })
    this.rate = page.getByRole('textbox', { name: 'Rate', exact: true })
    this.seed = page.getByRole('textbox', { name: 'Seed', exact: true })
    this.batchSize = page.getByRole('textbox', { name: 'Batch size', exact: true })
    this.partitions = page.getByLabel('Partitions', { exact: true })
    this.previewButton = page.getByRole('button', { name: 'Preview', exact: true })
    this.generateButton = page.getByRole('button', { name: 'Generate', exact: true })
    this.preview = page.getByRole('region', { name: 'Preview' })
    this.progress = page.getByRole('region', { name: 'Progress' })
    this.progressStatus = this.progress.getByRole('status')
    this.pause = page.getByRole('button', { name: 'Pause', exact: true })
    this.stop = page.getByRole('button', { name: 'Stop', exact: true })
    this.summary = page.getByRole('region', { name: 'Summary' })
    this.problem = page.getByRole('alert')
    this.fromSchema = page
      .getByRole('group', { name: 'Value source' })
      .getByRole('radio', { name: 'From schema' })
    this.subject = page.getByRole('combobox', { name: 'Subject', exact: true })
    this.version = page.getByLabel('Version', { exact: true })
    this.message = page.getByRole('combobox', { name: 'Message', exact: true })
  }

  /** Opens the page from the main navigation. */
  async open() {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Generate' }).click()
    await expect(this.heading).toBeVisible()
  }

  async fill(fields: { topic: string; count: number; seed: number; batchSize?: number; rate?: number }) {
    await this.topic.fill(fields.topic)
    await this.count.fill(String(fields.count))
    await this.seed.fill(String(fields.seed))
    if (fields.batchSize !== undefined) await this.batchSize.fill(String(fields.batchSize))
    await this.rate.fill(fields.rate === undefined ? '' : String(fields.rate))
  }

  /** "From schema" with this subject (picked from the subjects list). */
  async chooseSubject(subject: string) {
    await this.fromSchema.check()
    await this.subject.fill(subject)
    await this.page.getByRole('option', { name: subject, exact: true }).click()
    await expect(this.subject).toHaveValue(subject)
  }

  /** The text of the preview's n-th record value (0-based). */
  previewValue(n: number): Locator {
    return this.preview.getByRole('listitem').nth(n).locator('pre')
  }
}
