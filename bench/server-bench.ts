import { runLoad, type LoadRequest, type LoadResult } from './support/load.ts'
import { hasWrk, runWrk } from './support/wrk.ts'
import { startConsoleProcess, startSandboxProcess } from './support/processes.ts'

const KEY = 'bench-key'
const V2 = 'application/vnd.kafka.v2+json'

export interface ProxyRow {
  scenario: 'produce' | 'fetch'
  clients: number
  direct: LoadResult
  proxied: LoadResult
  /** proxied requests/s ÷ direct requests/s */
  ratio: number
}

export interface SandboxResult {
  produceMessagesPerSecond: number
  produceRequest: string
  fetchMessagesPerSecond: number
  fetchRequest: string
}

function json1k(i: number): string {
  const filler = 'x'.repeat(900)
  return JSON.stringify({ id: i, customer: `c-${i % 97}`, amount: (i * 37) % 1000, note: filler })
}

const b64 = (s: string) => Buffer.from(s).toString('base64')

/**
 * Proxy overhead and sandbox throughput. The sandbox and the console server run as separate processes, as with
 * `npm start`, and the load comes from this process; on a 2-core machine all three share the CPU, so the
 * figures are ratios measured side by side in the same run.
 */
export async function runServerBench(
  seconds: number,
): Promise<{ proxy: ProxyRow[]; sandbox: SandboxResult; loadGenerator: string }> {
  const wrk = hasWrk()
  const load = (origin: string, clients: number, next: () => LoadRequest) =>
    wrk ? Promise.resolve(runWrk(origin, clients, seconds, next())) : runLoad(origin, clients, seconds, next)
  const sandbox = await startSandboxProcess(KEY)
  const consoleServer = await startConsoleProcess()
  try {
    const auth = { 'x-auth-token': KEY }
    const create = await fetch(`${sandbox.url}/admin/topics`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'bench', partitions: 1 }),
    })
    if (!create.ok) throw new Error(`create topic: ${create.status}`)
    const seed = JSON.stringify({
      records: Array.from({ length: 1000 }, (_, i) => ({ value: b64(json1k(i)) })),
    })
    await fetch(`${sandbox.url}/topics/bench`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/vnd.kafka.binary.v2+json', accept: V2 },
      body: seed,
    })

    const produceOne = JSON.stringify({ records: [{ value: b64(json1k(1)) }] })
    const scenarios: Record<
      ProxyRow['scenario'],
      (prefix: string, extra: Record<string, string>) => () => LoadRequest
    > = {
      produce: (prefix, extra) => () => ({
        method: 'POST',
        path: `${prefix}/topics/bench`,
        headers: { ...auth, ...extra, 'content-type': 'application/vnd.kafka.binary.v2+json', accept: V2 },
        body: produceOne,
      }),
      fetch: (prefix, extra) => () => ({
        method: 'GET',
        path: `${prefix}/topics/bench/partitions/0/messages?offset=0&count=100`,
        headers: { ...auth, ...extra, accept: 'application/vnd.kafka.binary.v1+json' },
      }),
    }
    const proxy: ProxyRow[] = []
    for (const scenario of ['produce', 'fetch'] as const) {
      for (const clients of [1, 32]) {
        const direct = await load(sandbox.url, clients, scenarios[scenario]('', {}))
        const proxied = await load(
          consoleServer.url,
          clients,
          scenarios[scenario]('/proxy', { 'x-kafka-rest-endpoint': sandbox.url }),
        )
        if (direct.errors || proxied.errors)
          throw new Error(`${scenario}: ${direct.errors} direct / ${proxied.errors} proxied errors`)
        proxy.push({ scenario, clients, direct, proxied, ratio: proxied.perSecond / direct.perSecond })
      }
    }

    const batch = JSON.stringify({
      records: Array.from({ length: 100 }, (_, i) => ({ value: b64(json1k(i)) })),
    })
    const produce = await load(sandbox.url, 32, () => ({
      method: 'POST',
      path: '/topics/bench',
      headers: { ...auth, 'content-type': 'application/vnd.kafka.binary.v2+json', accept: V2 },
      body: batch,
    }))
    const fetchBig = await load(sandbox.url, 8, () => ({
      method: 'GET',
      path: '/topics/bench/partitions/0/messages?offset=0&count=1000',
      headers: { ...auth, accept: 'application/vnd.kafka.binary.v1+json' },
    }))
    if (produce.errors || fetchBig.errors)
      throw new Error(`sandbox bench: ${produce.errors} produce / ${fetchBig.errors} fetch errors`)
    return {
      loadGenerator: wrk
        ? 'wrk (C, one thread)'
        : 'Node (undici Pool); install wrk for lower load-generator overhead',
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
