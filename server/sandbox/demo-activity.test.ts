import { afterEach, describe, expect, it } from 'vitest'
import { ConsumerRegistry } from './consumer-groups.ts'
import {
  CAUGHT_UP_GROUP,
  DEMO_ACTIVITY_TOPIC,
  LAGGING_GROUP,
  startDemoActivity,
  type DemoActivity,
} from './demo-activity.ts'
import { DEFAULT_RETENTION, LogStore } from './log-store.ts'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function lagOf(store: LogStore, registry: ConsumerRegistry, group: string): number {
  const g = registry.getGroup(group)
  if (g === undefined) return -1
  return g.committedOffsets().reduce((sum, c) => {
    const end = store.getTopic(c.topic)!.partitions[c.partition].logEndOffset
    return sum + (end - c.offset)
  }, 0)
}

describe('demo activity', () => {
  let activity: DemoActivity | null = null
  afterEach(() => activity?.stop())

  it('keeps one group caught up and lets the other lag, both through real commits', async () => {
    const store = new LogStore(null, DEFAULT_RETENTION)
    store.open()
    const orders = store.createTopic('demo.orders', 3)
    store.append(
      orders,
      Array.from({ length: 30 }, (_, i) => ({
        key: Buffer.from(`k${i}`),
        value: Buffer.from('v'),
        timestamp: 0,
      })),
    )
    store.createTopic(DEMO_ACTIVITY_TOPIC, 3)
    const registry = new ConsumerRegistry(store, 300_000)
    activity = startDemoActivity(store, registry, { tickMs: 5, slowReadsPerTick: 1 })
    await sleep(150)
    expect(registry.getGroup(LAGGING_GROUP)!.committedOffsets()).toHaveLength(3)
    const committedOrders = registry.getGroup(CAUGHT_UP_GROUP)!.committedOffsets()
    expect(committedOrders.reduce((n, c) => n + c.offset, 0)).toBe(30)
    expect(lagOf(store, registry, CAUGHT_UP_GROUP)).toBe(0)
    const lag = lagOf(store, registry, LAGGING_GROUP)
    expect(lag).toBeGreaterThan(0)
    expect(registry.getGroup(LAGGING_GROUP)!.instances.size).toBe(1)
    activity.stop()
    expect(registry.getGroup(LAGGING_GROUP)!.instances.size).toBe(0)
    activity = null
    store.close()
  })
})
