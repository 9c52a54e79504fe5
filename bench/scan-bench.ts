import { chromium, type Page } from '@playwright/test'
import { loadavg } from 'node:os'
import { json1k, b64 } from './support/data.ts'
import { DEFAULT_POLL_BYTES } from '../src/lib/search-scan/scan-runner.ts'
import { installPageProbes, type BenchWindow } from './support/page-probes.ts'
import { startConsoleProcess, startSandboxProcess } from './support/processes.ts'

/**
 * Topic search (issue 17): a sandbox topic of `messages` × ~1 KB JSON over `partitions` partitions, a filter
 * matching 0.1%, run on the Search page through the proxy with the Auto dialect (v3, browsing through v2
 * consumer instances). Beside it, in the same page and run: the raw fetch rate of the same endpoint — one v2
 * consumer per partition polled to the end, JSON.parse of each answer and nothing else, same partition
 * concurrency (2). Also the longest main-thread task during the scan and the heap growth (after GC).
 */
export interface ScanBenchResult {
  messages: number
  partitions: number
  valueBytes: number
  expression: string
  matches: number
  scanMs: number
  scanMessagesPerSecond: number
  /** The faster of two raw reads, one before and one after the scan. */
  rawFetchMs: number
  rawFetchRunsMs: number[]
  /** Raw fetch with the scan's poll size (max_bytes), and scan ÷ that. */
  rawSamePollsMs: number
  ratioSamePolls: number
  rawMessagesPerSecond: number
  /** scan ÷ raw. Goal ≥ 50%. */
  ratio: number
  longestTaskMs: number | null
  heapBeforeMiB: number
  heapPeakMiB: number
  heapAfterMiB: number
  /** After GC, matches still held, minus before. */
  heapGrowthMiB: number
  /** 1-minute load average when the scan started: the machine is shared, and the figures move with it. */
  loadAverage: number
}

const KEY = 'bench-scan-key'
const TOPIC = 'bench-scan'
const EXPRESSION = 'value.id % 1000 == 7'
const V2 = 'application/vnd.kafka.v2+json'
const MiB = 1024 * 1024

async function seed(sandbox: string, messages: number, partitions: number) {
  const call = async (
    path: string,
    body: unknown,
    type = 'application/json',
    accept = 'application/json',
  ) => {
    const res = await fetch(sandbox + path, {
      method: 'POST',
      headers: { 'x-auth-token': KEY, 'content-type': type, accept },
      body: JSON.stringify(body),
    })
    if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`)
  }
  await call('/admin/topics', { name: TOPIC, partitions })
  for (let i = 0; i < messages; i += 1000)
    await call(
      `/topics/${TOPIC}`,
      {
        records: Array.from({ length: Math.min(1000, messages - i) }, (_, k) => ({
          partition: (i + k) % partitions,
          value: b64(json1k(i + k)),
        })),
      },
      'application/vnd.kafka.binary.v2+json',
      V2,
    )
}

async function connect(page: Page, base: string, sandbox: string) {
  await page.goto(`${base}/#/connect`)
  const endpoint = page.getByRole('textbox', { name: 'Endpoint URL' })
  await endpoint.waitFor()
  await endpoint.fill(sandbox)
  await page.getByLabel('API key', { exact: true }).fill(KEY)
  await page.getByRole('checkbox', { name: 'Use proxy' }).check()
  await page.getByRole('button', { name: 'Connect', exact: true }).click()
  await page.getByRole('status', { name: 'Connection status' }).getByText('Connected to').waitFor()
}

/** The same endpoint read raw from the page: one consumer per partition, JSON.parse of every answer. */
async function rawFetch(
  page: Page,
  base: string,
  sandbox: string,
  partitions: number,
  perPartition: number,
  maxBytes?: number,
) {
  return page.evaluate(
    async ({ base, sandbox, key, topic, partitions, perPartition, v2, maxBytes }) => {
      const call = async (method: string, path: string, body?: unknown, accept = v2) => {
        const res = await fetch(`${base}/proxy${path}`, {
          method,
          headers: {
            'X-Kafka-Rest-Endpoint': sandbox,
            'X-Auth-Token': key,
            Accept: accept,
            'Content-Type': v2,
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        })
        const text = await res.text()
        return text ? JSON.parse(text) : null
      }
      const readPartition = async (p: number) => {
        const group = `bench-raw-${p}-${Math.random().toString(36).slice(2)}`
        const created = await call('POST', `/consumers/${group}`, {
          name: 'c',
          format: 'binary',
          'auto.offset.reset': 'earliest',
          'auto.commit.enable': 'false',
        })
        const baseUri = new URL(created.base_uri).pathname
        await call('POST', `${baseUri}/assignments`, { partitions: [{ topic, partition: p }] })
        await call('POST', `${baseUri}/positions`, { offsets: [{ topic, partition: p, offset: 0 }] })
        let n = 0
        for (let polls = 0; n < perPartition && polls < 100_000; polls++) {
          const records = await call(
            'GET',
            `${baseUri}/records?timeout=1000${maxBytes ? `&max_bytes=${maxBytes}` : ''}`,
            undefined,
            'application/vnd.kafka.binary.v2+json',
          )
          n += records.length
        }
        await call('DELETE', baseUri)
        return n
      }
      const t0 = performance.now()
      let next = 0
      let total = 0
      const lane = async () => {
        while (next < partitions) {
          const n = await readPartition(next++)
          total += n
        }
      }
      await Promise.all([lane(), lane()])
      return { ms: performance.now() - t0, total }
    },
    { base, sandbox, key: KEY, topic: TOPIC, partitions, perPartition, v2: V2, maxBytes },
  )
}

const heapMiB = (page: Page) =>
  page.evaluate(() => {
    ;(globalThis as { gc?: () => void }).gc?.()
    return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize / 2 ** 20
  })

export async function runScanBench(distDir: string, smoke: boolean): Promise<ScanBenchResult> {
  const messages = Number(process.env.BENCH_SCAN_MESSAGES ?? (smoke ? 10_000 : 1_000_000))
  const partitions = 4
  // 1,000,000 × 1 KB is ~256 MB per partition: over the sandbox's default retention, which would drop the oldest.
  const sandbox = await startSandboxProcess(KEY, {
    maxBodyBytes: 64 * MiB,
    retentionBytes: 4 * 1024 * MiB,
    retentionRecords: messages,
  })
  const consoleServer = await startConsoleProcess(distDir)
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--enable-precise-memory-info', '--js-flags=--expose-gc'],
  })
  try {
    const phase = (what: string) =>
      console.log(`  scan bench: ${what} (${((performance.now() - benchStart) / 1000).toFixed(0)} s)`)
    const benchStart = performance.now()
    await seed(sandbox.url, messages, partitions)
    phase(`seeded ${messages.toLocaleString('en-US')} records`)
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    await context.addInitScript('globalThis.__name ??= (fn) => fn')
    await context.addInitScript(installPageProbes)
    const page = await context.newPage()
    await connect(page, consoleServer.url, sandbox.url)

    // Raw reads before and after the scan: the machine's load drifts, and the faster one is the stricter baseline.
    const rawRead = async (maxBytes?: number) => {
      const r = await rawFetch(
        page,
        consoleServer.url,
        sandbox.url,
        partitions,
        messages / partitions,
        maxBytes,
      )
      if (r.total !== messages) throw new Error(`raw fetch read ${r.total} of ${messages}`)
      return r
    }
    const rawBefore = await rawRead()
    phase('raw read before the scan')

    await page.goto(`${consoleServer.url}/#/search?topic=${TOPIC}`)
    await page.reload()
    await page.getByRole('heading', { name: 'Search messages', level: 1 }).waitFor()
    await page.getByRole('textbox', { name: 'Filter expression' }).fill(EXPRESSION)
    // The default bytes limit (1024 MB) would stop a 1,000,000 × 1 KB scan just before its end.
    await page.getByRole('textbox', { name: 'Bytes limit (MB)' }).fill('8192')
    // 0.1% of 1,000,000 is 1,000 matches: over the default limit of 500.
    await page.getByRole('textbox', { name: 'Match limit' }).fill('100000')
    const before = await heapMiB(page)
    const status = page.getByRole('status', { name: 'Search status' })
    const load = loadavg()[0]
    const t0 = await page.evaluate(() => performance.now())
    let peak = before
    const sampler = setInterval(() => {
      page
        .evaluate(
          () =>
            (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize /
            2 ** 20,
        )
        .then((h) => (peak = Math.max(peak, h)))
        .catch(() => undefined)
    }, 250)
    await page.getByRole('button', { name: 'Search', exact: true }).click()
    // A plain DOM poll: Playwright's role locators poll in the page's main thread and would add tasks to what is timed.
    await page.waitForFunction(
      () =>
        /^(Search finished|Stopped|Search failed)/.test(
          document.querySelector('[aria-label="Search status"]')?.textContent ?? '',
        ),
      null,
      { polling: 250, timeout: 30 * 60_000 },
    )
    clearInterval(sampler)
    const t1 = await page.evaluate(() => performance.now())
    const text = (await status.textContent()) ?? ''
    if (!text.startsWith('Search finished')) throw new Error(`the search did not finish: ${text}`)
    const matches = Number(/· ([\d,]+) match/.exec(text)?.[1].replaceAll(',', '') ?? NaN)
    const longestTaskMs = await page.evaluate(
      ([from, to]) => {
        const w = window as unknown as BenchWindow
        return w.krcProbe.longest(from, to)
      },
      [t0, t1],
    )
    const after = await heapMiB(page)
    phase('scan')
    const rawAfter = await rawRead()
    phase('raw read after the scan')
    const raw = rawBefore.ms <= rawAfter.ms ? rawBefore : rawAfter
    // The same polls as the scan's (512 KB each): what the scan adds over reading the same answers.
    const rawSmall = await rawRead(DEFAULT_POLL_BYTES)
    const scanMs = t1 - t0
    const scanRate = messages / (scanMs / 1000)
    const rawRate = messages / (raw.ms / 1000)
    return {
      messages,
      partitions,
      valueBytes: json1k(0).length,
      expression: EXPRESSION,
      matches,
      scanMs: Math.round(scanMs),
      scanMessagesPerSecond: Math.round(scanRate),
      rawFetchMs: Math.round(raw.ms),
      rawFetchRunsMs: [Math.round(rawBefore.ms), Math.round(rawAfter.ms)],
      rawSamePollsMs: Math.round(rawSmall.ms),
      ratioSamePolls: Number((rawSmall.ms / scanMs).toFixed(3)),
      rawMessagesPerSecond: Math.round(rawRate),
      ratio: Number((scanRate / rawRate).toFixed(3)),
      longestTaskMs: longestTaskMs === null ? null : Math.round(longestTaskMs),
      heapBeforeMiB: Number(before.toFixed(1)),
      heapPeakMiB: Number(peak.toFixed(1)),
      heapAfterMiB: Number(after.toFixed(1)),
      heapGrowthMiB: Number((after - before).toFixed(1)),
      loadAverage: Number(load.toFixed(2)),
    }
  } finally {
    await browser.close()
    await consoleServer.stop()
    await sandbox.stop()
  }
}
