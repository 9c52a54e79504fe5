import { chromium } from '@playwright/test'
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { codec as avro } from '../src/lib/schema/avro-codec.ts'
import { buildWireFormat } from '../src/lib/schema/wire-format.ts'
import { browse, connect, type BrowseResult } from './browser-bench.ts'
import { installPageProbes } from './support/page-probes.ts'
import { b64 } from './support/data.ts'
import { root, startConsoleProcess, startSandboxProcess } from './support/processes.ts'

/**
 * Schema Registry decoding, 10,000 Avro records of about 1 KB.
 *
 * `list` (the figure): the records fetched, decoded and listed by the app — a v1 window of 10,000 from the
 * sandbox through the proxy, with the sandbox's registry connected — from the last records response to the first
 * row on screen showing its decoded JSON, against the floor of JSON.parse + Uint8Array.fromBase64 of the same
 * answers in the same page (browser-bench's browse measurement). Browse decodes only the rows in view (the quick
 * filter and the exports decode the rest on demand), so this is what a user waits for.
 *
 * `codec`: decoding every record, as the quick filter and the exports do: JSON.parse + fromBase64, then the
 * wire-format frame, the schema-cache lookup and the Avro decode to lossless JSON (src/lib/schema), against
 * JSON.parse + fromBase64 alone, in a blank page.
 */
export interface SchemaCodecResult {
  records: number
  avgRecordBytes: number
  floorMs: number
  appMs: number
  decodeOnlyMs: number
  ratio: number
  runs: number
}

export interface SchemaBenchResult {
  records: number
  avgRecordBytes: number
  /** Fetched, decoded (rows in view) and listed by the app ÷ the floor. */
  ratio: number
  list: BrowseResult
  codec: SchemaCodecResult
}

const SCHEMA = JSON.stringify({
  type: 'record',
  name: 'Order',
  namespace: 'bench',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'createdAt', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'customer', type: 'string' },
    { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 12, scale: 2 } },
    { name: 'currency', type: { type: 'enum', name: 'Currency', symbols: ['EUR', 'USD', 'GBP'] } },
    { name: 'tags', type: { type: 'array', items: 'string' } },
    { name: 'attributes', type: { type: 'map', values: 'string' } },
    {
      name: 'lines',
      type: {
        type: 'array',
        items: {
          type: 'record',
          name: 'Line',
          fields: [
            { name: 'sku', type: 'string' },
            { name: 'qty', type: 'int' },
            { name: 'price', type: 'double' },
          ],
        },
      },
    },
    { name: 'note', type: ['null', 'string'] },
  ],
})

function record(i: number) {
  return {
    id: 9_007_199_254_740_993n + BigInt(i),
    createdAt: 1_796_566_233_123 + i,
    customer: `customer-${i % 97}`,
    amount: `${(i * 37) % 100000}.${String(i % 100).padStart(2, '0')}`,
    currency: ['EUR', 'USD', 'GBP'][i % 3],
    tags: ['priority', `t${i % 7}`],
    attributes: { region: 'eu-west', channel: 'web' },
    lines: Array.from({ length: 8 }, (_, k) => ({
      sku: `SKU-${i % 500}-${k}`,
      qty: k + 1,
      price: 9.99 * (k + 1),
    })),
    note: { string: 'n'.repeat(560 + (i % 40)) },
  }
}

async function pageCodecSource(): Promise<string> {
  const out = await build({
    stdin: {
      contents: `
        import { codec } from './src/lib/schema/avro-codec.ts'
        import { parseWireFormat } from './src/lib/schema/wire-format.ts'
        import { createSchemaCache } from './src/lib/schema/schema-cache.ts'
        globalThis.krcSchema = { codec, parseWireFormat, createSchemaCache }
      `,
      resolveDir: root,
      loader: 'ts',
      sourcefile: 'bench-schema-lib.ts',
    },
    bundle: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  })
  return out.outputFiles[0].text
}

async function runCodecBench(smoke: boolean): Promise<SchemaCodecResult> {
  const records = 10_000
  const runs = smoke ? 2 : 5
  const parsed = avro.parse(SCHEMA)
  if (!parsed.ok) throw new Error(parsed.message)
  let total = 0
  const bodies: string[] = []
  for (let start = 0; start < records; start += 1000) {
    const chunk = []
    for (let i = start; i < start + 1000; i++) {
      const encoded = avro.encode(parsed.schema, record(i))
      if (!encoded.ok) throw new Error(JSON.stringify(encoded.errors))
      const framed = buildWireFormat(1, encoded.bytes)
      total += framed.length
      chunk.push({ topic: 'orders', key: null, value: b64(framed), partition: 0, offset: i })
    }
    bodies.push(JSON.stringify(chunk))
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' })
  try {
    const page = await browser.newPage()
    await page.addInitScript('globalThis.__name ??= (fn) => fn')
    await page.goto('about:blank')
    await page.evaluate(await pageCodecSource())
    const timed = await page.evaluate(
      ({ bodies, schemaText, runs }) => {
        type Lib = {
          codec: {
            parse(t: string): { ok: true; schema: unknown }
            decode(s: unknown, b: Uint8Array, o: number): { ok: boolean }
          }
          parseWireFormat(b: Uint8Array): { ok: boolean; schemaId?: number; payloadOffset?: number }
          createSchemaCache(): {
            getOrParse(id: number, parse: () => unknown): { ok: boolean; schema?: unknown }
          }
        }
        const lib = (globalThis as unknown as { krcSchema: Lib }).krcSchema
        const fromBase64 = (Uint8Array as unknown as { fromBase64: (s: string) => Uint8Array }).fromBase64
        const median = (fn: () => void) => {
          fn()
          const xs: number[] = []
          for (let r = 0; r < runs; r++) {
            const t = performance.now()
            fn()
            xs.push(performance.now() - t)
          }
          xs.sort((a, b) => a - b)
          return xs[Math.floor((xs.length - 1) / 2)]
        }
        let sink = 0
        const floorMs = median(() => {
          for (const body of bodies) {
            for (const r of JSON.parse(body) as { value: string }[])
              sink += fromBase64.call(Uint8Array, r.value).length
          }
        })
        const appMs = median(() => {
          const cache = lib.createSchemaCache()
          for (const body of bodies) {
            for (const r of JSON.parse(body) as { value: string }[]) {
              const bytes = fromBase64.call(Uint8Array, r.value)
              const wire = lib.parseWireFormat(bytes)
              if (!wire.ok) throw new Error('not framed')
              const entry = cache.getOrParse(wire.schemaId!, () => {
                const p = lib.codec.parse(schemaText)
                return { ok: true, id: wire.schemaId, format: 'AVRO', schema: p.schema }
              })
              if (!lib.codec.decode(entry.schema, bytes, wire.payloadOffset!).ok)
                throw new Error('decode failed')
            }
          }
        })
        const values = bodies.flatMap((b) =>
          (JSON.parse(b) as { value: string }[]).map((r) => fromBase64.call(Uint8Array, r.value)),
        )
        const schema = lib.codec.parse(schemaText).schema
        const decodeOnlyMs = median(() => {
          for (const v of values) lib.codec.decode(schema, v, 5)
        })
        return { floorMs, appMs, decodeOnlyMs, sink }
      },
      { bodies, schemaText: SCHEMA, runs },
    )
    return {
      records,
      avgRecordBytes: Math.round(total / records),
      floorMs: timed.floorMs,
      appMs: timed.appMs,
      decodeOnlyMs: timed.decodeOnlyMs,
      ratio: timed.appMs / timed.floorMs,
      runs,
    }
  } finally {
    await browser.close()
  }
}

const KEY = 'bench-schema-key'
const TOPIC = 'bench-avro'

async function seedAvroTopic(sandbox: string): Promise<number> {
  const rest = async (p: string, init: RequestInit & { headers?: Record<string, string> }) => {
    const res = await fetch(sandbox + p, { ...init, headers: { 'x-auth-token': KEY, ...init.headers } })
    if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${p}: ${res.status} ${await res.text()}`)
    return res
  }
  await rest('/admin/topics', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: TOPIC, partitions: 1 }),
  })
  const registered = await rest(`/subjects/${TOPIC}-value/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
    body: JSON.stringify({ schema: SCHEMA }),
  })
  const { id } = (await registered.json()) as { id: number }
  const parsed = avro.parse(SCHEMA)
  if (!parsed.ok) throw new Error(parsed.message)
  let total = 0
  for (let start = 0; start < 10_000; start += 1000) {
    const values: string[] = []
    for (let i = start; i < start + 1000; i++) {
      const encoded = avro.encode(parsed.schema, record(i))
      if (!encoded.ok) throw new Error(JSON.stringify(encoded.errors))
      const framed = buildWireFormat(id, encoded.bytes)
      total += framed.length
      values.push(b64(framed))
    }
    await rest(`/topics/${TOPIC}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/vnd.kafka.binary.v1+json',
        accept: 'application/vnd.kafka.v1+json',
      },
      body: JSON.stringify({ records: values.map((value) => ({ value })) }),
    })
  }
  return Math.round(total / 10_000)
}

async function runListBench(distDir: string, smoke: boolean): Promise<{ list: BrowseResult; avg: number }> {
  const sandbox = await startSandboxProcess(KEY, { apis: 'v1,admin' })
  const consoleServer = await startConsoleProcess(distDir)
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' })
  try {
    const avg = await seedAvroTopic(sandbox.url)
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    await context.addInitScript('globalThis.__name ??= (fn) => fn')
    await context.addInitScript(installPageProbes)
    const page = await context.newPage()
    await connect(page, consoleServer.url, sandbox.url, KEY, true)
    const list = await browse(page, consoleServer.url, sandbox.url, 10_000, smoke ? 1 : 3, {
      topic: TOPIC,
      key: KEY,
      firstRowShows: 'Avro{"id":9007199254740993,',
    })
    return { list, avg }
  } finally {
    await browser.close()
    await consoleServer.stop()
    await sandbox.stop()
  }
}

export async function runSchemaBench(smoke: boolean, distDir: string): Promise<SchemaBenchResult> {
  const { list, avg } = await runListBench(distDir, smoke)
  const codec = await runCodecBench(smoke)
  return { records: 10_000, avgRecordBytes: avg, ratio: list.ratio, list, codec }
}

// `npx tsx bench/schema-bench.ts [--smoke]`: these figures alone (after a build into dist-bench/), merged into bench/results.json under `schema`.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dist = 'dist-bench'
  const built = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--logLevel',
      'warn',
      '--outDir',
      dist,
      '--emptyOutDir',
    ],
    { cwd: root, stdio: 'inherit' },
  )
  if (built.status !== 0) throw new Error('vite build failed')
  const result = await runSchemaBench(process.argv.includes('--smoke'), dist)
  const file = path.join(root, 'bench', 'results.json')
  const results = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {}
  writeFileSync(file, JSON.stringify({ ...results, schema: result }, null, 2) + '\n')
  console.log(JSON.stringify(result, null, 2))
}
