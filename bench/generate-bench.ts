/**
 * Generate bench (issue 18): the Generate page's throughput against raw produce of the same number of ~1 KB
 * records in the same batches, through the same console proxy to the same sandbox, in the same run (the page's
 * records/s, and the wall clock from the click, which adds starting the worker); and the
 * longest main-thread task during the Generate run. Part of `npm run bench`; alone: `npm run bench -- --only=generate`.
 */
import { chromium, type Page } from '@playwright/test'
import { loadavg } from 'node:os'
import { connect } from './browser-bench.ts'
import { b64, json1k } from './support/data.ts'
import { installPageProbes, type BenchWindow } from './support/page-probes.ts'
import { startConsoleProcess, startSandboxProcess } from './support/processes.ts'

const KEY = 'bench-generate-key'
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

/** The same raw produce from inside the page: the browser's own fetch through the proxy, no app code. */
async function rawProduceInPage(
  page: Page,
  sandboxUrl: string,
  topic: string,
  count: number,
): Promise<number> {
  return page.evaluate(
    async ({ sandboxUrl, topic, count, batch, key, type }) => {
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
          body: JSON.stringify({ records }),
        })
        if (!res.ok) throw new Error(`raw produce in the page: ${res.status}`)
        await res.arrayBuffer()
      }
      return count / ((performance.now() - started) / 1000)
    },
    { sandboxUrl, topic, count, batch: BATCH, key: KEY, type: V1_BINARY },
  )
}

export interface GenerateBenchResult {
  records: number
  batchSize: number
  recordBytes: number
  /** Raw produce from Node through the same proxy (for scale). */
  rawNodePerSecond: number
  /** Raw produce from the page's own fetch (the baseline of `ratio`): the faster of the runs before and after. */
  rawPerSecond: number
  rawRunsPerSecond: number[]
  /** The page's own figure: acknowledged records per second of running time (median of the runs). */
  generatePerSecond: number
  generateRunsPerSecond: number[]
  /** From the click to the summary, worker start included. */
  wallPerSecond: number
  /** generate ÷ raw in the page. Goal ≥ 80%. */
  ratio: number
  ratioToNode: number
  /** The longest main-thread task over every Generate run; null = none ≥ 50 ms. Goal ≤ 50 ms. */
  longestTaskMs: number | null
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
  const from = await page.evaluate(() => performance.now())
  const started = performance.now()
  await page.getByRole('button', { name: 'Generate', exact: true }).click()
  // The last run's summary reads the same "Done: …": wait until this run has replaced it. Then a plain DOM poll
  // every 250 ms: Playwright's role locators poll in the page's main thread and would add tasks to what is timed.
  await page.getByRole('region', { name: 'Summary' }).waitFor({ state: 'hidden' })
  await page.waitForFunction(
    (heading) => document.querySelector('[aria-label="Summary"] h2')?.textContent === heading,
    `Done: ${count} records acknowledged, 0 failed`,
    { polling: 250, timeout: 300_000 },
  )
  const wallPerSecond = count / ((performance.now() - started) / 1000)
  const status = await page.getByRole('region', { name: 'Progress' }).getByRole('status').innerText()
  const perSecond = Number(/(\d+) records\/s/.exec(status)?.[1] ?? NaN)
  await page.evaluate(() => (window as unknown as BenchWindow).krcProbe.sleep(200)) // long tasks come late
  const longestTaskMs = await page.evaluate(
    (f) => (window as unknown as BenchWindow).krcProbe.longest(f, performance.now()),
    from,
  )
  return { perSecond, wallPerSecond, longestTaskMs }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]

export async function runGenerateBench(distDir: string, smoke: boolean): Promise<GenerateBenchResult> {
  const count = smoke ? 5_000 : 50_000
  const runs = smoke ? 1 : 3
  const sandbox = await startSandboxProcess(KEY, { apis: 'v1,admin' })
  const consoleServer = await startConsoleProcess(distDir)
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' })
  try {
    const topics = Array.from({ length: runs }, (_, r) => [`bench-gen-raw-${r}`, `bench-gen-${r}`]).flat()
    for (const name of ['bench-gen-raw', 'bench-gen-raw-after', ...topics])
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
    const gen: Array<Awaited<ReturnType<typeof generateOnce>>> = []
    for (let r = 0; r < runs; r++) {
      raw.push(await rawProduceInPage(page, sandbox.url, `bench-gen-raw-${r}`, count))
      gen.push(await generateOnce(page, `bench-gen-${r}`, count))
    }
    raw.push(await rawProduceInPage(page, sandbox.url, 'bench-gen-raw-after', count))
    const rawPerSecond = Math.max(...raw)
    const generatePerSecond = median(gen.map((g) => g.perSecond))
    const tasks = gen.map((g) => g.longestTaskMs).filter((t): t is number => t !== null)
    return {
      records: count,
      batchSize: BATCH,
      recordBytes: json1k(0).length,
      rawNodePerSecond: Math.round(rawNodePerSecond),
      rawPerSecond: Math.round(rawPerSecond),
      rawRunsPerSecond: raw.map(Math.round),
      generatePerSecond: Math.round(generatePerSecond),
      generateRunsPerSecond: gen.map((g) => Math.round(g.perSecond)),
      wallPerSecond: Math.round(median(gen.map((g) => g.wallPerSecond))),
      ratio: Number((generatePerSecond / rawPerSecond).toFixed(3)),
      ratioToNode: Number((generatePerSecond / rawNodePerSecond).toFixed(3)),
      longestTaskMs: tasks.length ? Math.round(Math.max(...tasks)) : null,
      loadAverage: Number(load.toFixed(2)),
    }
  } finally {
    await browser.close()
    await consoleServer.stop()
    await sandbox.stop()
  }
}
