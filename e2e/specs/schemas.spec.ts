import { expect, test } from '../fixtures.ts'
import { SchemasPage } from '../pages/schemas-page.ts'
import { expectNoAxeViolations } from '../support/axe.ts'
import { E2E, sandboxUrl } from '../support/ports.ts'
import { RegistryApi } from '../support/registry-api.ts'

/** Two versions of an Avro record: the second adds a field with a default (BACKWARD compatible). */
const V1 = { type: 'record', name: 'Order', fields: [{ name: 'id', type: 'long' }] }
const V2 = { ...V1, fields: [...V1.fields, { name: 'note', type: 'string', default: '' }] }

function uniqueSubject(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}-value`
}

test.describe('Schemas page against the sandbox registry', () => {
  test('connects with the default sandbox registry, filters subjects, opens versions and diffs them', async ({
    page,
    dialect,
  }) => {
    const registry = new RegistryApi(sandboxUrl(dialect.port), E2E.apiKey)
    const subject = uniqueSubject('e2e-orders')
    const other = uniqueSubject('e2e-other')
    await registry.register(subject, JSON.stringify(V1))
    await registry.register(subject, JSON.stringify(V2))
    await registry.register(other, JSON.stringify({ type: 'string' }))

    const schemas = new SchemasPage(page)
    await schemas.expectRegistryConnected()
    await schemas.open()
    await expect(schemas.globalCompatibility).toContainText(/[A-Z_]+/)

    await schemas.filter.fill(subject.slice(0, -6))
    await expect(schemas.subjectLink(subject)).toBeVisible()
    await expect(schemas.subjectLink(other)).toHaveCount(0)
    await schemas.subjectLink(subject).click()
    await expect(page.getByRole('heading', { name: subject, level: 2 })).toBeVisible()

    // The latest version is shown first, pretty-printed and coloured.
    await expect(schemas.version).toHaveValue('2')
    await expect(schemas.version.getByRole('option')).toHaveText(['1', '2 (latest)'])
    await expect(schemas.schemaText(2)).toContainText('"note"')
    await expect(schemas.subjectCompatibility).toBeVisible()
    await expectNoAxeViolations(page)

    await schemas.version.selectOption('1')
    await expect(schemas.schemaText(1)).not.toContainText('"note"')

    await schemas.version.selectOption('2')
    await schemas.compareWith.selectOption('1')
    const diff = schemas.diff(1, 2)
    await expect(diff).toBeVisible()
    await expect(page.getByRole('status').filter({ hasText: /lines? added, \d+ removed/ })).toBeVisible()
    await expect(diff.locator('[data-op="added"]').filter({ hasText: '"note"' })).toHaveCount(1)
    await expect(diff.locator('[data-op="removed"]').filter({ hasText: '"note"' })).toHaveCount(0)
    await expectNoAxeViolations(page)

    // A deep link opens the same view.
    await page.reload()
    await expect(schemas.diff(1, 2)).toBeVisible()
  })

  test('the soft-deleted checkbox stays put while the subjects load', async ({ page }) => {
    // A control that moves as an answer arrives can lose a click pressed before it and released after.
    const schemas = new SchemasPage(page)
    await schemas.expectRegistryConnected()
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route(/\/subjects(\?|$)/, async (route) => (await held, route.continue()))
    await schemas.open()
    await expect(page.getByRole('status').filter({ hasText: 'Loading subjects' })).toBeVisible()
    const checkbox = page.getByRole('checkbox', { name: 'Show soft-deleted subjects and versions' })
    const before = (await checkbox.boundingBox())?.y
    expect(before).toBeGreaterThan(0)
    release()
    await expect(schemas.subjectLink('demo.avro.payments-value')).toBeVisible()
    expect((await checkbox.boundingBox())?.y).toBe(before)
  })
})

test('changes a subject’s compatibility level, soft-deletes a version and shows it again on request', async ({
  page,
  dialect,
}) => {
  const registry = new RegistryApi(sandboxUrl(dialect.port), E2E.apiKey)
  const subject = uniqueSubject('e2e-levels')
  await registry.register(subject, JSON.stringify(V1))
  await registry.register(subject, JSON.stringify(V2))
  const schemas = new SchemasPage(page)
  await schemas.expectRegistryConnected()
  await schemas.open()
  await schemas.openSubject(subject)

  // The subject has no level of its own; setting one is a PUT /config/{subject}.
  await expect(schemas.subjectCompatibility).toHaveText(
    'Subject compatibility: the global level (none of its own)',
  )
  await page.getByRole('button', { name: 'Change subject compatibility' }).click()
  await page.getByRole('combobox', { name: 'New subject level' }).selectOption('FULL_TRANSITIVE')
  await page
    .getByRole('form', { name: 'Subject compatibility level' })
    .getByRole('button', { name: 'Save' })
    .click()
  await expect(schemas.subjectCompatibility).toHaveText('Subject compatibility: FULL_TRANSITIVE')
  expect(await registry.subjectLevel(subject)).toBe('FULL_TRANSITIVE')

  // A soft delete of version 1, confirmed by typing the subject.
  await schemas.version.selectOption('1')
  await page.getByRole('button', { name: 'Delete version' }).click()
  const dialog = page.getByRole('dialog', { name: `Delete version 1 of ${subject}?` })
  await dialog.getByLabel('Type the subject name to confirm').fill(subject)
  await dialog.getByRole('button', { name: 'Delete version' }).click()
  await expect(schemas.version.getByRole('option')).toHaveText(['2 (latest)'])

  // Shown again on request, marked and readable, and the view survives a reload (deleted=1 in the URL).
  await page.getByRole('checkbox', { name: 'Show soft-deleted subjects and versions' }).check()
  await expect(schemas.version.getByRole('option')).toHaveText(['1 (deleted)', '2 (latest)'])
  await schemas.version.selectOption('1')
  await expect(schemas.schemaText(1)).toContainText('"id"')
  await expect(page.getByRole('button', { name: 'Delete version' })).toBeDisabled()
  await page.reload()
  await expect(schemas.schemaText(1)).toContainText('"id"')
  await expectNoAxeViolations(page)
})

test('shows a demo Protobuf subject with its reference, which links to the referenced subject', async ({
  page,
}) => {
  const schemas = new SchemasPage(page)
  await schemas.expectRegistryConnected()
  await schemas.open()
  await schemas.openSubject('demo.protobuf.orders-value')
  const text = schemas.schemaText(1)
  await expect(text).toContainText('syntax = "proto3";')
  // .proto keywords are coloured (a span of their own), the text is never markup.
  await expect(text.locator('span', { hasText: /^message$/ }).first()).toBeVisible()
  const references = page.getByRole('region', { name: 'References' })
  await expect(references).toContainText('demo/money.proto')
  await references.getByRole('link', { name: 'demo.protobuf.money v1' }).click()
  await expect(page.getByRole('heading', { name: 'demo.protobuf.money', level: 2 })).toBeVisible()
  await expect(schemas.schemaText(1)).toContainText('message')
})

test.describe('a wrong registry key', () => {
  test.use({ startConnected: false })

  test('shows the specific registry error while Kafka stays connected', async ({
    page,
    connectPage,
    dialect,
  }) => {
    await connectPage.open()
    await connectPage.fill(sandboxUrl(dialect.port), E2E.apiKey)
    await expect(page.getByRole('textbox', { name: 'Schema Registry URL' })).toHaveValue(
      sandboxUrl(dialect.port),
    )
    await expect(page.getByRole('combobox', { name: 'Registry auth' })).toHaveValue('bearer')
    await page.getByLabel('Registry token', { exact: true }).fill('not-the-key')
    await connectPage.connectButton.click()
    await connectPage.expectConnected(dialect.expectedName)
    const schemas = new SchemasPage(page)
    await expect(schemas.registryStatus).toContainText(
      'The Schema Registry rejected the credentials (HTTP 401',
    )
    await expect(schemas.navLink).toHaveCount(0)
    await expect(page.getByRole('heading', { name: 'Topics', level: 1 })).toBeVisible()

    // The registry secret is held like the API key: this tab's session only, never the URL, localStorage or the log.
    expect(page.url()).not.toContain('not-the-key')
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain('not-the-key')
    expect(await page.evaluate(() => JSON.stringify({ ...sessionStorage }))).toContain('not-the-key')
    await page.getByRole('button', { name: 'Request log' }).click()
    const log = page.getByRole('region', { name: 'Request log' })
    const check = log.getByRole('listitem').filter({ hasText: `${sandboxUrl(dialect.port)}/subjects` })
    await expect(check).toHaveCount(1)
    await expect(check).toContainText('401')
    await expect(log).not.toContainText('not-the-key')
  })
})
