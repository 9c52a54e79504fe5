import { readFileSync } from 'node:fs'
import { b64, json1k } from './support/data.ts'
import { runLoad, type LoadRequest, type LoadResult } from './support/load.ts'
import { hasWrk, runWrk } from './support/wrk.ts'
import { startConsoleProcess, startSandboxProcess } from './support/processes.ts'

const KEY = 'bench-key'
const V2 = 'application/vnd.kafka.v2+json'
const PRODUCE_TOPIC = 'bench-produce'
const FETCH_TOPIC = 'bench-fetch'
// USER_HZ of /proc/<pid>/stat: 100 on every Linux this runs on.
const CLOCK_TICKS = 100

export interface ProxyRow {
  scenario: 'produce' | 'fetch'
  clients: number
  direct: LoadResult
  proxied: LoadResult
  /** proxied requests/s ÷ direct requests/s */
  ratio: number
  /** CPU time (user + system) per request of each server process, in µs; absent where /proc is not there. */
  cpuMicrosPerRequest?: { direct: { sandbox: number }; proxied: { sandbox: number; console: number } }
}

/** User + system CPU seconds of a process so far (Linux /proc), or NaN elsewhere. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS
  } catch {
    return NaN
  }
}

export interface SandboxResult {
  produceMessagesPerSecond: number
  produceRequest: string
  fetchMessagesPerSecond: number
  fetchRequest: string
}

/**
 * Proxy overhead and sandbox throughput. The sandbox and the console server run as separate processes, as with
 * `npm start`, and the load comes from this process; on a 2-core machine all three share the CPU, so the
 * figures are ratios measured side by side in the same run.
 */
export async function runServerBench(
  seconds: number,
): Promise<{ proxy: ProxyRow[]; sandbox: SandboxResult; loadGenerator: string }> {
  // BENCH_NO_WRK=1 uses the Node load generator even where wrk is installed (e.g. to compare the two).
  const wrk = !process.env.BENCH_NO_WRK && hasWrk()
  const load = (origin: string, clients: number, next: () => LoadRequest, forSeconds = seconds) =>
    wrk ? runWrk(origin, clients, forSeconds, next()) : runLoad(origin, clients, forSeconds, next)
  const sandbox = await startSandboxProcess(KEY)
  const consoleServer = await startConsoleProcess()
  try {
    const auth = { 'x-auth-token': KEY }
    // Produce and fetch use separate topics: the produce scenarios append hundreds of megabytes, so retention
    // (128 MiB per partition) moves the start of a shared log past offset 0 and every fetch from 0 would fail
    // with OFFSET_OUT_OF_RANGE. The fetch topic only ever holds its 1,000 seeded records.
    for (const name of [PRODUCE_TOPIC, FETCH_TOPIC]) {
      const create = await fetch(`${sandbox.url}/admin/topics`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ name, partitions: 1 }),
      })
      if (!create.ok) throw new Error(`create topic ${name}: ${create.status} ${await create.text()}`)
    }
    const seed = JSON.stringify({
      records: Array.from({ length: 1000 }, (_, i) => ({ value: b64(json1k(i)) })),
    })
    const seeded = await fetch(`${sandbox.url}/topics/${FETCH_TOPIC}`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/vnd.kafka.binary.v2+json', accept: V2 },
      body: seed,
    })
    if (!seeded.ok) throw new Error(`seed ${FETCH_TOPIC}: ${seeded.status} ${await seeded.text()}`)

    const produceOne = JSON.stringify({ records: [{ value: b64(json1k(1)) }] })
    const scenarios: Record<
      ProxyRow['scenario'],
      (prefix: string, extra: Record<string, string>) => () => LoadRequest
    > = {
      produce: (prefix, extra) => () => ({
        method: 'POST',
        path: `${prefix}/topics/${PRODUCE_TOPIC}`,
        headers: { ...auth, ...extra, 'content-type': 'application/vnd.kafka.binary.v2+json', accept: V2 },
        body: produceOne,
      }),
      fetch: (prefix, extra) => () => ({
        method: 'GET',
        path: `${prefix}/topics/${FETCH_TOPIC}/partitions/0/messages?offset=0&count=100`,
        headers: { ...auth, ...extra, accept: 'application/vnd.kafka.binary.v1+json' },
      }),
    }
    const proxy: ProxyRow[] = []
    const pids = { sandbox: sandbox.child.pid, console: consoleServer.child.pid }
    /** A load, and how much CPU each server spent on it per request. */
    const measured = async (origin: string, clients: number, next: () => LoadRequest) => {
      const before = { sandbox: cpuSeconds(pids.sandbox), console: cpuSeconds(pids.console) }
      const result = await load(origin, clients, next)
      const per = (who: 'sandbox' | 'console') =>
        Math.round(((cpuSeconds(pids[who]) - before[who]) / Math.max(1, result.requests)) * 1e6)
      return { result, sandbox: per('sandbox'), console: per('console') }
    }
    const proxiedRequest = (scenario: ProxyRow['scenario']) =>
      scenarios[scenario]('/proxy', { 'x-kafka-rest-endpoint': sandbox.url })
    // wrk has no warm-up of its own: give both servers' JIT a second of each request first.
    if (seconds >= 3)
      for (const scenario of ['produce', 'fetch'] as const) {
        await load(sandbox.url, 8, scenarios[scenario]('', {}), 1)
        await load(consoleServer.url, 8, proxiedRequest(scenario), 1)
      }
    for (const scenario of ['produce', 'fetch'] as const) {
      for (const clients of [1, 32]) {
        const direct = await measured(sandbox.url, clients, scenarios[scenario]('', {}))
        const proxied = await measured(consoleServer.url, clients, proxiedRequest(scenario))
        if (direct.result.errors || proxied.result.errors)
          throw new Error(
            `${scenario}: ${direct.result.errors} direct / ${proxied.result.errors} proxied errors`,
          )
        proxy.push({
          scenario,
          clients,
          direct: direct.result,
          proxied: proxied.result,
          ratio: proxied.result.perSecond / direct.result.perSecond,
          ...(Number.isFinite(direct.sandbox) && {
            cpuMicrosPerRequest: {
              direct: { sandbox: direct.sandbox },
              proxied: { sandbox: proxied.sandbox, console: proxied.console },
            },
          }),
        })
      }
    }

    const batch = JSON.stringify({
      records: Array.from({ length: 100 }, (_, i) => ({ value: b64(json1k(i)) })),
    })
    const produce = await load(sandbox.url, 32, () => ({
      method: 'POST',
      path: `/topics/${PRODUCE_TOPIC}`,
      headers: { ...auth, 'content-type': 'application/vnd.kafka.binary.v2+json', accept: V2 },
      body: batch,
    }))
    const fetchBig = await load(sandbox.url, 8, () => ({
      method: 'GET',
      path: `/topics/${FETCH_TOPIC}/partitions/0/messages?offset=0&count=1000`,
      headers: { ...auth, accept: 'application/vnd.kafka.binary.v1+json' },
    }))
    if (produce.errors || fetchBig.errors)
      throw new Error(`sandbox bench: ${produce.errors} produce / ${fetchBig.errors} fetch errors`)
    return {
      loadGenerator: wrk
        ? 'wrk (C, one thread)'
        : 'Node (undici Pool, in the bench process): wrk not found (or BENCH_NO_WRK set); install wrk for a load generator that takes less of the CPU the servers share',
      proxy,
      sandbox: {
        produceMessagesPerSecond: produce.perSecond * 100,
        produceRequest: '32 clients, 100 × 1 KB records per request (v2 binary)',
        fetchMessagesPerSecond: fetchBig.perSecond * 1000,
        fetchRequest: '8 clients, 1,000 × 1 KB records per request (v1 simple consumer)',
      },
    }
  } finally {
    await consoleServer.stop()
    await sandbox.stop()
  }
}
