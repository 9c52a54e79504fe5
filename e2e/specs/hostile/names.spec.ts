// Hostile endpoints, names (issue 12): names are data, not URLs, and no render error leaves a blank page.
import { expect, test } from '../../fixtures.ts'
import { expectNoAxeViolations } from '../../support/axe.ts'
import { E2E, hostileUrl } from '../../support/ports.ts'

const SURROGATE_REASON =
  'This topic name contains an unpaired UTF-16 surrogate (U+D800) and cannot be put in a URL.'

test('a topic name with a lone surrogate is listed, marked and refused with the reason; a reload is not blank', async ({
  page,
  connectPage,
  topicsPage,
}) => {
  await connectPage.open()
  await connectPage.connectTo(hostileUrl('surrogate-topic'), E2E.apiKey)
  await expect(topicsPage.topicLink('demo.orders')).toBeVisible()
  const refused = topicsPage.list.getByRole('note')
  await expect(refused).toHaveText(`Cannot be opened: ${SURROGATE_REASON}`)
  await expect(topicsPage.list.getByText('U+D800', { exact: true })).toBeVisible()
  await expectNoAxeViolations(page)

  await page.reload()
  await expect(page.getByRole('button', { name: 'Disconnect' })).toBeVisible()
  await expect(topicsPage.topicLink('demo.orders')).toBeVisible()
  await expect(refused).toContainText(SURROGATE_REASON)
  // The rest of the list still works.
  await topicsPage.openTopic('demo.orders')
  await expect(topicsPage.partitionsTable('demo.orders')).toBeVisible()
})

test('a malformed deep link shows "Not a valid link" with the header and a working Disconnect', async ({
  page,
  connected: _connected,
  connectPage,
}) => {
  await page.goto('/#/topics/%E0%A4%A')
  await expect(page.getByRole('heading', { name: 'Not a valid link', level: 1 })).toBeVisible()
  await expect(page.getByRole('alert')).toContainText('"%E0%A4%A" is not valid percent-encoding')
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Not a valid link', level: 1 })).toBeVisible()
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Topics' }),
  ).toBeVisible()
  await page.getByRole('button', { name: 'Disconnect' }).click()
  await expect(connectPage.connectButton).toBeVisible()
})

test('topics "." and ".." are refused with the reason and never turn into GET / or GET /topics/', async ({
  page,
  request,
  connectPage,
  topicsPage,
}) => {
  const seenUrl = `${hostileUrl('dot-names')}/__seen`
  await connectPage.open()
  await connectPage.dialect.selectOption('confluent-v2')
  await connectPage.connectTo(hostileUrl('dot-names'), E2E.apiKey)
  await connectPage.expectConnected('Confluent REST Proxy API v2')
  await expect(topicsPage.topicLink('demo.orders')).toBeVisible()
  await expect(topicsPage.list.getByRole('note')).toHaveText([
    /A topic name "\." cannot be put in a URL path/,
    /A topic name "\.\." cannot be put in a URL path/,
  ])

  // A deep link can still name them: the topic page refuses before sending anything.
  await request.post(seenUrl)
  for (const name of ['..', '.']) {
    await page.goto(`/#/topics/${name}`)
    await expect(page.getByRole('heading', { name, exact: true, level: 1 })).toBeVisible()
    await expect(page.getByRole('alert')).toContainText(`A topic name "${name}" cannot be put in a URL path`)
  }
  const seen = (await (await request.get(seenUrl)).json()) as string[]
  // Before: `/topics/..` reached the endpoint as `GET /`, and `/topics/.` as `GET /topics/`.
  expect(seen.filter((s) => /^GET \/(topics\/?)?$/.test(s))).toEqual([])
})

test('bidi overrides, zero-width and control characters in topic names are shown as marks', async ({
  page,
  connectPage,
  topicsPage,
}) => {
  await connectPage.open()
  await connectPage.connectTo(hostileUrl('bidi-names'), E2E.apiKey)
  const bidi = topicsPage.list.getByRole('link', { name: 'invoiceU+202Etxt.exe', exact: true })
  await expect(bidi).toBeVisible()
  await expect(bidi.getByText('U+202E')).toHaveAttribute('title', /bidirectional override/)
  await expect(topicsPage.list.getByRole('link', { name: 'demo.U+200Borders', exact: true })).toBeVisible()
  await expect(topicsPage.list.getByRole('link', { name: 'bellBELtopic', exact: true })).toBeVisible()
  await expect(topicsPage.list.getByRole('link', { name: 'Browse invoice[U+202E]txt.exe' })).toBeVisible()
  await expectNoAxeViolations(page)
  await bidi.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('invoiceU+202Etxt.exe')
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('U+202E')
})

test('a page that fails to render shows what failed and keeps the header, navigation and Disconnect', async ({
  page,
  connected: _connected,
  topicsPage,
}) => {
  // The Browse page's code cannot be loaded (a redeploy mid-session): its render throws.
  await page.route(/browse-page[^/]*\.js(\?.*)?$/, (route) => route.abort())
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Browse' }).click()
  const failed = page.getByRole('alert').filter({ hasText: 'The Browse page could not be shown' })
  await expect(failed).toBeVisible()
  await expect(failed).toContainText(/TypeError: .*(dynamically imported module|Failed to fetch)/i)
  await expect(page.getByRole('button', { name: 'Disconnect' })).toBeVisible()
  await expectNoAxeViolations(page)
  await failed.getByRole('link', { name: 'Back to Topics' }).click()
  await expect(topicsPage.heading).toBeVisible()
  await expect(topicsPage.topicLink('demo.orders')).toBeVisible()
})
