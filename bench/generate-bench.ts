/**
 * Generate bench (issue 18): the Generate page's throughput against raw produce of the same number of ~1 KB
 * records in the same batches, through the same console proxy to the same sandbox, in the same run (the page's
 * records/s, and the wall clock from the click, which adds starting the worker); and the
 * longest main-thread task during the Generate run. Part of `npm run bench`; alone: `npm run bench -- --only=generate`.
 */
import { chromium, type Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { loadavg } from 'node:os'
import path from 'node:path'
import { connect } from './browser-bench.ts'
import { b64, json1k } from './support/data.ts'
import { installPageProbes, type BenchWindow } from './support/page-probes.ts'
import { startConsoleProcess, startSandboxProcess } from './support/processes.ts'

const KEY = 'bench-generate-key'
const traceDir = process.env.BENCH_TRACE
const TRACE_CATEGORIES = (
  process.env.BENCH_TRACE_CATEGORIES ??
  'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing'
).split(',')
const V1_BINARY = 'application/vnd.kafka.binary.v1+json'
const BATCH = 500
// About 1 KB of JSON per record, like json1k: 900 random letters and digits plus a few fields.
const TEMPLATE =
  process.env.GEN_TEMPLATE ??
  '{"id":{{seq}},"customer":"c-{{int 0 96}}","amount":{{int 0 999}},"note":"{{alnum 900}}"}'

async function rawProduce(
  consoleUrl: string,
  sandboxUrl: string,
  topic: string,
  count: number,
): Promise<number> {
  const started = performance.now()
  for (let i = 0; i < count; i += BATCH) {
    const records = Array.from({ length: Math.min(BATCH, count - i) }, (_, k) => ({
      value: b64(json1k(i + k)),
    }))
    const res = await fetch(`${consoleUrl}/proxy/topics/${topic}`, {
      method: 'POST',
      headers: {
        'x-kafka-rest-endpoint': sandboxUrl,
        'x-auth-token': KEY,
        'content-type': V1_BINARY,
        accept: 'application/vnd.kafka.v1+json',
      },
      body: JSON.stringify({ records }),
    })
    if (!res.ok) throw new Error(`raw produce: ${res.status} ${await res.text()}`)
    await res.arrayBuffer()
  }
  return count / ((performance.now() - started) / 1000)
}

/**
 * The same raw produce from inside the page: the browser's own fetch through the proxy, no app code. The body as
 * a string, or as a Blob (Chromium sends a Blob body faster: the baseline is whichever is faster).
 */
async function rawProduceInPage(
  page: Page,
  sandboxUrl: string,
  topic: string,
  count: number,
  asBlob: boolean,
): Promise<number> {
  return page.evaluate(
    async ({ sandboxUrl, topic, count, batch, key, type, asBlob }) => {
      const filler = 'x'.repeat(900)
      const started = performance.now()
      for (let i = 0; i < count; i += batch) {
        const records = []
        for (let k = i; k < Math.min(i + batch, count); k++)
          records.push({
            value: btoa(
              JSON.stringify({ id: k, customer: `c-${k % 97}`, amount: (k * 37) % 1000, note: filler }),
            ),
          })
        const res = await fetch(`/proxy/topics/${topic}`, {
          method: 'POST',
          headers: {
            'x-kafka-rest-endpoint': sandboxUrl,
            'x-auth-token': key,
            'content-type': type,
            accept: 'application/vnd.kafka.v1+json',
          },
          body: asBlob ? new Blob([JSON.stringify({ records })]) : JSON.stringify({ records }),
        })
        if (!res.ok) throw new Error(`raw produce in the page: ${res.status}`)
        await res.arrayBuffer()
      }
      return count / ((performance.now() - started) / 1000)
    },
    { sandboxUrl, topic, count, batch: BATCH, key: KEY, type: V1_BINARY, asBlob },
  )
}

export interface GenerateBenchResult {
  records: number
  batchSize: number
  recordBytes: number
  /** Raw produce from Node through the same proxy (for scale). */
  rawNodePerSecond: number
  /**
   * Raw produce from the page's own fetch (the baseline of `ratio`): the median run of the faster body (string or
   * Blob), so that generate and raw are both medians of their alternating runs.
   */
  rawPerSecond: number
  /** The single fastest raw run, either body. */
  rawFastestPerSecond: number
  /** Body as a string, then as a Blob, before each Generate run and after the last. */
  rawRunsPerSecond: number[]
  rawBlobRunsPerSecond: number[]
  /** The page's own figure: acknowledged records per second of running time (median of the runs). */
  generatePerSecond: number
  generateRunsPerSecond: number[]
  /** From the click to the summary, worker start included. */
  wallPerSecond: number
  /** generate ÷ raw in the page, median ÷ median. Goal ≥ 80%. */
  ratio: number
  /** generate's median ÷ the fastest raw run (a stricter reading, for the record). */
  ratioToFastest: number
  ratioToNode: number
  /** The longest main-thread task over every Generate run; null = none ≥ 50 ms. Goal ≤ 50 ms. */
  longestTaskMs: number | null
  /** Per Generate run: its length and each task ≥ 50 ms as [ms after the click, duration]. */
  runs: Array<{ runMs: number; longTasks: Array<[number, number]> }>
  loadAverage: number
}

async function generateOnce(page: Page, topic: string, count: number) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Generate' }).click()
  await page.getByRole('combobox', { name: 'Topic', exact: true }).fill(topic)
  await page.getByRole('textbox', { name: 'Key template' }).fill('')
  await page.getByRole('textbox', { name: 'Value template' }).fill(TEMPLATE)
  await page.getByRole('textbox', { name: 'Count', exact: true }).fill(String(count))
  await page.getByRole('textbox', { name: 'Seed', exact: true }).fill('1')
  await page.getByRole('textbox', { name: 'Batch size', exact: true }).fill(String(BATCH))
  // Found before the clock starts: resolving a role locator computes ARIA roles over the whole page, in its main
  // thread (a trace showed it as a 45–100 ms task of the timed run); the handle's click does not.
  const button = await page.getByRole('button', { name: 'Generate', exact: true }).elementHandle()
  const from = await page.evaluate(() => performance.now())
  const started = performance.now()
  await button!.click()
  // The last run's summary reads the same "Done: …": wait until this run has replaced it, then for the end. Plain
  // DOM polls, every 250 ms, for the same reason.
  await page.waitForFunction(() => !document.querySelector('[aria-label="Summary"]'), undefined, {
    polling: 250,
    timeout: 60_000,
  })
  await page.waitForFunction(
    (heading) => document.querySelector('[aria-label="Summary"] h2')?.textContent === heading,
    `Done: ${count} records acknowledged, 0 failed`,
    { polling: 250, timeout: 300_000 },
  )
  const wallPerSecond = count / ((performance.now() - started) / 1000)
  const to = await page.evaluate(() => performance.now())
  const status = await page.locator('[aria-label="Progress"] [role="status"]').innerText()
  const perSecond = Number(/(\d+) records\/s/.exec(status)?.[1] ?? NaN)
  await page.evaluate(() => (window as unknown as BenchWindow).krcProbe.sleep(200)) // long tasks come late
  const { longestTaskMs, longTasks } = await page.evaluate(
    ([f, t]) => {
      const probe = (window as unknown as BenchWindow).krcProbe
      return {
        longestTaskMs: probe.longest(f, t),
        // When in the run (ms after the click) and how long: a task at 0 is the click, at the end the summary.
        longTasks: probe.longTasks
          .filter(([start, d]) => start + d > f && start < t)
          .map(([start, d]) => [Math.round(start - f), Math.round(d)] as [number, number]),
      }
    },
    [from, to] as const,
  )
  return { perSecond, wallPerSecond, longestTaskMs, longTasks, runMs: Math.round(to - from) }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

export async function runGenerateBench(distDir: string, smoke: boolean): Promise<GenerateBenchResult> {
  const count = smoke ? 5_000 : 50_000
  const runs = smoke ? 1 : 3
  const sandbox = await startSandboxProcess(KEY, { apis: 'v1,admin' })
  const consoleServer = await startConsoleProcess(distDir)
  if (traceDir) mkdirSync(traceDir, { recursive: true })
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' })
  try {
    const topics = Array.from({ length: runs + 1 }, (_, r) => [
      `bench-gen-raw-${r}`,
      `bench-gen-blob-${r}`,
      `bench-gen-${r}`,
    ]).flat()
    for (const name of ['bench-gen-raw', ...topics])
      await fetch(`${sandbox.url}/admin/topics`, {
        method: 'POST',
        headers: { 'x-auth-token': KEY, 'content-type': 'application/json' },
        body: JSON.stringify({ name, partitions: 1 }),
      })
    const rawNodePerSecond = await rawProduce(consoleServer.url, sandbox.url, 'bench-gen-raw', count)

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    await context.addInitScript('globalThis.__name ??= (fn) => fn')
    await context.addInitScript(installPageProbes)
    const page = await context.newPage()
    await connect(page, consoleServer.url, sandbox.url, KEY)
    const load = loadavg()[0]
    // Raw and Generate runs alternate: the machine's load drifts, and each pair sees about the same.
    const raw: number[] = []
    const rawBlob: number[] = []
    const gen: Array<Awaited<ReturnType<typeof generateOnce>>> = []
    for (let r = 0; r < runs; r++) {
      raw.push(await rawProduceInPage(page, sandbox.url, `bench-gen-raw-${r}`, count, false))
      rawBlob.push(await rawProduceInPage(page, sandbox.url, `bench-gen-blob-${r}`, count, true))
      // BENCH_TRACE=<dir>: a Chromium trace of each Generate run, to find what a long task was.
      if (traceDir)
        await browser.startTracing(page, {
          path: path.join(traceDir, `generate-${r}.json`),
          categories: TRACE_CATEGORIES,
        })
      gen.push(await generateOnce(page, `bench-gen-${r}`, count))
      if (traceDir) await browser.stopTracing()
    }
    raw.push(await rawProduceInPage(page, sandbox.url, `bench-gen-raw-${runs}`, count, false))
    rawBlob.push(await rawProduceInPage(page, sandbox.url, `bench-gen-blob-${runs}`, count, true))
    const rawPerSecond = Math.max(median(raw), median(rawBlob))
    const rawFastestPerSecond = Math.max(...raw, ...rawBlob)
    const generatePerSecond = median(gen.map((g) => g.perSecond))
    const tasks = gen.map((g) => g.longestTaskMs).filter((t): t is number => t !== null)
    return {
      records: count,
      batchSize: BATCH,
      recordBytes: json1k(0).length,
      rawNodePerSecond: Math.round(rawNodePerSecond),
      rawPerSecond: Math.round(rawPerSecond),
      rawFastestPerSecond: Math.round(rawFastestPerSecond),
      rawRunsPerSecond: raw.map(Math.round),
      rawBlobRunsPerSecond: rawBlob.map(Math.round),
      generatePerSecond: Math.round(generatePerSecond),
      generateRunsPerSecond: gen.map((g) => Math.round(g.perSecond)),
      wallPerSecond: Math.round(median(gen.map((g) => g.wallPerSecond))),
      ratio: Number((generatePerSecond / rawPerSecond).toFixed(3)),
      ratioToFastest: Number((generatePerSecond / rawFastestPerSecond).toFixed(3)),
      ratioToNode: Number((generatePerSecond / rawNodePerSecond).toFixed(3)),
      longestTaskMs: tasks.length ? Math.round(Math.max(...tasks)) : null,
      runs: gen.map((g) => ({ runMs: g.runMs, longTasks: g.longTasks })),
      loadAverage: Number(load.toFixed(2)),
    }
  } finally {
    await browser.close()
    await consoleServer.stop()
    await sandbox.stop()
  }
}
