/**
 * Demo activity: two consumer groups that really consume and commit through the sandbox's own consumer code, so
 * the v3 lag endpoints have something true to say. `demo.orders-billing` reads demo.orders to its end every tick
 * (caught up); `demo.clicks-slow` reads demo.clicks, which a producer fills in bursts faster than the group reads,
 * so its lag climbs and falls again about once a minute.
 */
import type { ConsumerInstance, ConsumerRegistry } from './consumer-groups.ts'
import type { LogStore } from './log-store.ts'

export const DEMO_ACTIVITY_TOPIC = 'demo.clicks'
export const CAUGHT_UP_GROUP = 'demo.orders-billing'
export const LAGGING_GROUP = 'demo.clicks-slow'

export interface DemoActivity {
  stop(): void
}

export interface DemoActivityOptions {
  /** Milliseconds between ticks (default 1000). */
  tickMs?: number
  /** Records the slow group reads per tick (default 2); the producer writes 3 a tick during a burst. */
  slowReadsPerTick?: number
}

const PAGES = ['/', '/cart', '/checkout', '/search', '/product/42', '/account']
/** Ticks per cycle and how many of them produce: 30 s of clicks, then 30 s of quiet. */
const CYCLE = 60
const BURST = 30

export function startDemoActivity(
  store: LogStore,
  consumers: ConsumerRegistry,
  options: DemoActivityOptions = {},
): DemoActivity {
  const tickMs = options.tickMs ?? 1000
  const slowReads = options.slowReadsPerTick ?? 2

  const members = new Map<string, ConsumerInstance>()
  /** The group's member, created again if it expired or was deleted over REST. */
  const member = (group: string, id: string, topic: string): ConsumerInstance => {
    let m = members.get(group)
    if (m === undefined || m.deleted) {
      m = consumers.create(group, 'v2', {
        id,
        format: 'binary',
        reset: 'earliest',
        autoCommit: false,
        requestTimeoutMs: 1000,
      })
      consumers.subscribe(m, [topic], null)
      // Commit a start on every partition, so each one reports its lag from the first tick on.
      for (const tp of consumers.assignment(m))
        if (consumers.committed(m.group, tp) === undefined) consumers.seekToEdge(m, tp, 'beginning')
      consumers.commitPositions(m)
      members.set(group, m)
    }
    m.lastUsed = Date.now()
    return m
  }

  let tick = 0
  let busy = false
  const step = async (): Promise<void> => {
    if (busy) return
    busy = true
    try {
      const clicks = store.getTopic(DEMO_ACTIVITY_TOPIC)
      if (clicks !== undefined && tick % CYCLE < BURST) {
        const now = Date.now()
        store.append(
          clicks,
          [0, 1, 2].map((partition) => ({
            partition,
            key: Buffer.from(`visitor-${(tick + partition) % 9}`),
            value: Buffer.from(
              JSON.stringify({ page: PAGES[(tick * 3 + partition) % PAGES.length], at: now }),
            ),
            timestamp: now,
          })),
        )
      }
      tick++
      // Zero timeout: take what is there now and never wait on the log (a tick must not outlive the server).
      const read = async (group: string, id: string, topic: string, maxRecords: number) => {
        if (!store.hasTopic(topic)) return
        const m = member(group, id, topic)
        await consumers.fetch(m, { maxBytes: 16 * 1024 * 1024, timeoutMs: 0, maxRecords })
        consumers.commitPositions(m)
      }
      await read(CAUGHT_UP_GROUP, 'billing-1', 'demo.orders', 10_000)
      await read(LAGGING_GROUP, 'slow-reader-1', DEMO_ACTIVITY_TOPIC, slowReads)
    } finally {
      busy = false
    }
  }

  const run = (): void => void step().catch(() => undefined)
  run()
  const timer = setInterval(run, tickMs)
  // Never keeps a process (a test, `npm start`) alive on its own.
  timer.unref()
  return {
    stop() {
      clearInterval(timer)
      for (const m of members.values()) if (!m.deleted) consumers.delete(m)
    },
  }
}
