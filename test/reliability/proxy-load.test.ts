import { afterAll, beforeAll, expect, it } from 'vitest'
import { spawnConsole, type SpawnedConsole } from './support/spawn-console.ts'

/**
 * 200 concurrent clients through the proxy to the sandbox for LOAD_SECONDS (default 30): no errors, and the
 * server's memory stays bounded. Figures are printed for docs/reliability.md.
 */
const SECONDS = Number(process.env.LOAD_SECONDS ?? 30)
const CLIENTS = 200
const KEY = 'load-key'

let server: SpawnedConsole
beforeAll(async () => {
  server = await spawnConsole(KEY)
}, 60_000)
afterAll(() => server?.stop())

it(
  `holds ${CLIENTS} concurrent clients for ${SECONDS} s with no errors and bounded memory`,
  { timeout: (SECONDS + 60) * 1000 },
  async () => {
    const headers = { 'X-Kafka-Rest-Endpoint': server.sandboxUrl, 'X-Auth-Token': KEY }
    const base = `${server.consoleUrl}/proxy`
    const body = JSON.stringify({ records: [{ value: Buffer.from('{"load":true}').toString('base64') }] })
    const latencies: number[] = []
    const failures: string[] = []
    const rss: number[] = []
    let requests = 0
    const deadline = Date.now() + SECONDS * 1000
    const sampler = setInterval(() => rss.push(server.rss()), 1000)

    async function client(i: number) {
      while (Date.now() < deadline) {
        const produce = i % 5 === 0
        const started = performance.now()
        try {
          const res = produce
            ? await fetch(`${base}/topics/demo.logs`, {
                method: 'POST',
                headers: {
                  ...headers,
                  'Content-Type': 'application/vnd.kafka.binary.v2+json',
                  Accept: 'application/vnd.kafka.v2+json',
                },
                body,
              })
            : await fetch(`${base}/topics/demo.orders/partitions/${i % 3}/offsets`, {
                headers: { ...headers, Accept: 'application/vnd.kafka.v2+json' },
              })
          const text = await res.text()
          if (res.status !== 200) failures.push(`${res.status} ${text.slice(0, 200)}`)
          else if (produce && !text.includes('"offset"'))
            failures.push(`produce without offset: ${text.slice(0, 200)}`)
        } catch (e) {
          failures.push(String((e as Error).cause ?? e))
        }
        latencies.push(performance.now() - started)
        requests++
      }
    }

    await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)))
    clearInterval(sampler)
    latencies.sort((a, b) => a - b)
    const p = (q: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1)
    const warm = rss[Math.min(4, rss.length - 1)]
    const peak = Math.max(...rss)
    const last = rss.at(-1)!
    console.log(
      `[proxy-load] ${CLIENTS} clients, ${SECONDS} s: ${requests} requests (${Math.round(requests / SECONDS)}/s), ` +
        `p50 ${p(0.5)} ms, p99 ${p(0.99)} ms, failures ${failures.length}; ` +
        `server RSS after 5 s ${(warm / 2 ** 20).toFixed(0)} MiB, peak ${(peak / 2 ** 20).toFixed(0)} MiB, end ${(last / 2 ** 20).toFixed(0)} MiB`,
    )
    expect(failures.slice(0, 5)).toEqual([])
    expect(requests).toBeGreaterThan(CLIENTS * SECONDS)
    // Bounded: after warm-up, memory may breathe (GC, sandbox log growth) but not grow without limit.
    expect(peak - warm).toBeLessThan(150 * 2 ** 20)
    expect(peak).toBeLessThan(600 * 2 ** 20)
  },
)
