import { expect, test, uniqueTopic } from '../fixtures.ts'
import { expectNoAxeViolations } from '../support/axe.ts'
import { E2E, sandboxUrl } from '../support/ports.ts'

const bytes = (s: string) => new TextEncoder().encode(s)

/** A topic with `count` records on partition 0 and a group (one member) whose next offset is `next`. */
async function seedGroup(
  sandbox: import('../support/sandbox-api.ts').SandboxApi,
  prefix: string,
  count: number,
  next: number,
) {
  const topic = uniqueTopic(`${prefix}-t`)
  const group = uniqueTopic(`${prefix}-g`)
  await sandbox.createTopic(topic, 1)
  await sandbox.produce(
    topic,
    Array.from({ length: count }, (_, i) => ({ value: bytes(`record ${i}`), partition: 0 })),
  )
  await sandbox.commitGroupOffsets(group, topic, [{ partition: 0, offset: next }])
  return { topic, group }
}

test.describe('consumer groups (Confluent v3)', () => {
  test('the list shows state, members, coordinator and total lag; filters; sorts by lag', async ({
    consumerGroupsPage: groups,
    sandbox,
    page,
  }) => {
    const prefix = uniqueTopic('e2e-cg-list')
    const small = await seedGroup(sandbox, prefix, 5, 3)
    const big = await seedGroup(sandbox, prefix, 10, 1)
    await groups.open()
    // The demo's groups: one caught up, one behind (both consume in the sandbox's background).
    await expect(groups.row('demo.orders-billing').lag).toHaveText('0')
    await expect(groups.row('demo.clicks-slow').state).toHaveText('STABLE')
    await groups.filter.fill(prefix)
    await expect(groups.table.getByRole('rowheader')).toHaveCount(2)
    const row = groups.row(big.group)
    await expect(row.state).toHaveText('STABLE')
    await expect(row.members).toHaveText('1')
    await expect(row.coordinator).toHaveText('broker 1')
    await expect(row.lag).toHaveText('9')
    await expect(groups.row(small.group).lag).toHaveText('2')
    expect(await groups.groupNames()).toEqual([big.group, small.group].sort())
    await groups.sort.selectOption('lag')
    await expect.poll(() => groups.groupNames()).toEqual([big.group, small.group])
    await expect(page.getByRole('status').filter({ hasText: /^2 of \d+ groups/ })).toBeVisible()
  })

  test('a group: members with assignments, lag per partition, and lag that drops after consuming', async ({
    consumerGroupsPage: groups,
    sandbox,
  }) => {
    const { topic, group } = await seedGroup(sandbox, 'e2e-cg-detail', 10, 4)
    await groups.open()
    await groups.openGroup(group)
    await expect(groups.members.getByRole('row').filter({ hasText: 'e2e-member' })).toContainText(
      `${topic}-0`,
    )
    const p0 = groups.lagRow(topic, 0)
    await expect(p0.committed).toHaveText('4')
    await expect(p0.end).toHaveText('10')
    await expect(p0.lag).toHaveText('6')
    await expect(groups.totalLag).toContainText('6')
    await groups.interval.selectOption('2000')
    await expect(groups.lagFigure).toContainText('Polled every 2 s')
    // The group consumes the rest and commits: the next poll shows it caught up.
    await sandbox.commitGroupOffsets(group, topic, [{ partition: 0, offset: 10 }])
    await expect(p0.lag).toHaveText('0', { timeout: 15_000 })
    await expect(p0.committed).toHaveText('10')
    await expect(groups.totalLag).toContainText('0')
    // The chart holds both values, and its table says exactly what it drew.
    await expect(groups.lagChart).toBeVisible()
    const points = Number(await groups.lagChart.getAttribute('data-points'))
    expect(points).toBeGreaterThanOrEqual(2)
    await groups.pause.click()
    await expect(groups.pause).toHaveText('Resume')
    await expect(groups.lagFigure).toContainText('Paused')
    const rows = await groups.figureTable(groups.lagFigure)
    expect(rows.length).toBe(points)
    expect(rows[0][1]).toBe('6')
    expect(rows.at(-1)?.[1]).toBe('0')
    expect(rows.every((r) => /^\d\d:\d\d:\d\d$/.test(r[0]))).toBe(true)
  })

  test('a committed offset opens the browser at that offset', async ({
    consumerGroupsPage: groups,
    browsePage,
    sandbox,
    page,
  }) => {
    const { topic, group } = await seedGroup(sandbox, 'e2e-cg-link', 8, 3)
    await page.goto(`/#/consumer-groups?group=${encodeURIComponent(group)}`)
    await groups
      .lagRow(topic, 0)
      .committed.getByRole('link', { name: `Browse ${topic} partition 0 from offset 3` })
      .click()
    await expect(browsePage.heading).toBeVisible()
    await expect(browsePage.detailHeading).toHaveText('Partition 0 · offset 3')
    await expect(browsePage.value).toContainText('record 3')
  })

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the group pages are axe-clean (${colorScheme})`, async ({
      consumerGroupsPage: groups,
      sandbox,
      page,
    }) => {
      await page.emulateMedia({ colorScheme })
      const { group } = await seedGroup(sandbox, 'e2e-cg-axe', 4, 1)
      await groups.open()
      await expect(groups.row('demo.clicks-slow').lag).toHaveText(/^\d+$/)
      await expectNoAxeViolations(page)
      await groups.openGroup(group)
      await expect(groups.lagChart).toBeVisible()
      await expectNoAxeViolations(page)
      await groups.figureTable(groups.lagFigure)
      await expectNoAxeViolations(page)
    })
  }
})

test.describe('where the dialect has no group API', () => {
  test.use({ startConnected: false })

  test('the navigation item is disabled and says why', async ({ connectPage, page }) => {
    await connectPage.open()
    await connectPage.dialect.selectOption('confluent-v2')
    await connectPage.connectTo(sandboxUrl(E2E.sandboxPort), E2E.apiKey)
    await connectPage.expectConnected('Confluent REST Proxy API v2, binary')
    const item = page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /^Consumer groups/ })
    await expect(item).toHaveAttribute('aria-disabled', 'true')
    await expect(item).not.toHaveAttribute('href')
    await expect(item).toHaveAccessibleName(/has no consumer group API/)
    await page.goto('/#/consumer-groups')
    await expect(page.getByRole('note')).toContainText(
      'Confluent REST Proxy API v2, binary has no consumer group API',
    )
  })
})
