import { expect, test, uniqueTopic } from '../../fixtures.ts'

test.describe('topics and partitions', () => {
  test('connect → dialect shown → topics → partitions with leaders and offsets', async ({
    page,
    topicsPage,
    sandbox,
  }) => {
    const topic = uniqueTopic('e2e-parts')
    await sandbox.createTopic(topic, 3)
    const enc = new TextEncoder()
    await sandbox.produce(topic, [
      { value: enc.encode('a'), partition: 0 },
      { value: enc.encode('b'), partition: 0 },
      { value: enc.encode('c'), partition: 2 },
    ])
    await page.reload()
    await topicsPage.openTopic(topic)
    await expect(page.getByRole('heading', { name: 'Partitions (3)' })).toBeVisible()
    const p0 = await topicsPage.partitionRow(topic, 0)
    await expect(p0.leader).toHaveText('1')
    await expect(p0.beginning).toHaveText('0')
    await expect(p0.end).toHaveText('2')
    await expect(p0.messages).toHaveText('2')
    const p1 = await topicsPage.partitionRow(topic, 1)
    await expect(p1.end).toHaveText('0')
    const p2 = await topicsPage.partitionRow(topic, 2)
    await expect(p2.end).toHaveText('1')
  })

  test('the topic list filters', async ({ topicsPage }) => {
    await topicsPage.filter.fill('demo.ord')
    await expect(topicsPage.topicLink('demo.orders')).toBeVisible()
    await expect(topicsPage.topicLink('demo.logs')).toHaveCount(0)
  })
})
