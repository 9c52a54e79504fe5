/**
 * Generate bench (issue 18): the Generate page's throughput against raw produce of the same number of ~1 KB
 * records in the same batches, through the same console proxy to the same sandbox, in the same run (the page's
 * records/s, and the wall clock from the click, which adds starting the worker); and the
 * longest main-thread task during the Generate run. Writes only its own key, `generate`, into bench/results.json.
 *
 *   npx tsx bench/generate-bench.ts [--smoke]     (after `npm run build`, which it serves from dist/)
 */
import { chromium, type Page } from '@playwright/test'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { connect } from './browser-bench.ts'
import { b64, json1k } from './support/data.ts'
import { installPageProbes, type BenchWindow } from './support/page-probes.ts'
import { root, startConsoleProcess, startSandboxProcess } from './support/processes.ts'

const KEY = 'bench-generate-key'
const V1_BINARY = 'application/vnd.kafka.binary.v1+json'
const smoke = process.argv.includes('--smoke')
const COUNT = smoke ? 5_000 : 50_000
const BATCH = 500
// About 1 KB of JSON per record, like json1k: 900 random letters and digits plus a few fields.
const TEMPLATE =
  process.env.GEN_TEMPLATE ??
  '{"id":{{seq}},"customer":"c-{{int 0 96}}","amount":{{int 0 999}},"note":"{{alnum 900}}"}'

async function rawProduce(consoleUrl: string, sandboxUrl: string, topic: string): Promise<number> {
  const started = performance.now()
  for (let i = 0; i < COUNT; i += BATCH) {
    const records = Array.from({ length: Math.min(BATCH, COUNT - i) }, (_, k) => ({
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
  return COUNT / ((performance.now() - started) / 1000)
}

/** The same raw produce from inside the page: the browser's own fetch through the proxy, no app code. */
async function rawProduceInPage(page: Page, sandboxUrl: string, topic: string): Promise<number> {
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
    { sandboxUrl, topic, count: COUNT, batch: BATCH, key: KEY, type: V1_BINARY },
  )
}

async function main() {
  if (!existsSync(path.join(root, 'dist/index.html'))) throw new Error('Run `npm run build` first.')
  const sandbox = await startSandboxProcess(KEY, { apis: 'v1,admin' })
  const consoleServer = await startConsoleProcess(path.join(root, 'dist'))
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' })
  try {
    for (const name of ['bench-gen-raw', 'bench-gen-raw-page', 'bench-gen'])
      await fetch(`${sandbox.url}/admin/topics`, {
        method: 'POST',
        headers: { 'x-auth-token': KEY, 'content-type': 'application/json' },
        body: JSON.stringify({ name, partitions: 1 }),
      })
    const rawPerSecond = await rawProduce(consoleServer.url, sandbox.url, 'bench-gen-raw')

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    await context.addInitScript('globalThis.__name ??= (fn) => fn')
    await context.addInitScript(installPageProbes)
    const page = await context.newPage()
    await connect(page, consoleServer.url, sandbox.url, KEY)
    const rawInPagePerSecond = await rawProduceInPage(page, sandbox.url, 'bench-gen-raw-page')
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Generate' }).click()
    await page.getByRole('combobox', { name: 'Topic', exact: true }).fill('bench-gen')
    await page.getByRole('textbox', { name: 'Key template' }).fill('')
    await page.getByRole('textbox', { name: 'Value template' }).fill(TEMPLATE)
    await page.getByRole('textbox', { name: 'Count', exact: true }).fill(String(COUNT))
    await page.getByRole('textbox', { name: 'Seed', exact: true }).fill('1')
    await page.getByRole('textbox', { name: 'Batch size', exact: true }).fill(String(BATCH))
    const from = await page.evaluate(() => performance.now())
    const started = performance.now()
    await page.getByRole('button', { name: 'Generate', exact: true }).click()
    await page
      .getByRole('region', { name: 'Summary' })
      .getByRole('heading', { name: `Done: ${COUNT} records acknowledged, 0 failed` })
      .waitFor({ timeout: 300_000 })
    const wallPerSecond = COUNT / ((performance.now() - started) / 1000)
    // The page's own figure: acknowledged records per second of the run (the worker's start-up excluded).
    const status = await page.getByRole('region', { name: 'Progress' }).getByRole('status').innerText()
    const generatePerSecond = Number(/(\d+) records\/s/.exec(status)?.[1] ?? NaN)
    const longestTaskMs = await page.evaluate(
      (f) => (window as unknown as BenchWindow).krcProbe.longest(f, performance.now()),
      from,
    )
    const result = {
      date: new Date().toISOString(),
      records: COUNT,
      batchSize: BATCH,
      recordBytes: json1k(0).length,
      /** Raw produce from Node, and from the page's own fetch (the baseline of `ratio`), through the same proxy. */
      rawNodePerSecond: Math.round(rawPerSecond),
      rawPerSecond: Math.round(rawInPagePerSecond),
      generatePerSecond: Math.round(generatePerSecond),
      wallPerSecond: Math.round(wallPerSecond),
      ratio: Number((generatePerSecond / rawInPagePerSecond).toFixed(3)),
      ratioToNode: Number((generatePerSecond / rawPerSecond).toFixed(3)),
      longestTaskMs,
      targets: { ratio: 0.8, longestTaskMs: 50 },
    }
    const file = path.join(root, 'bench', 'results.json')
    const all = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}
    all.generate = result
    writeFileSync(file, JSON.stringify(all, null, 2) + '\n')
    console.log(JSON.stringify(result, null, 2))
  } finally {
    await browser.close()
    await consoleServer.stop()
    await sandbox.stop()
  }
}

await main()
