import { chromium, type Page } from '@playwright/test'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DEFAULT_BLOB_CHUNK_SIZE } from '../src/lib/encode/encode-blob.ts'
import { b64, json1k, largeJson } from './support/data.ts'
import { pageLibSource } from './support/page-lib.ts'
import { installPageProbes, type BenchWindow } from './support/page-probes.ts'
import { startConsoleProcess, startSandboxProcess } from './support/processes.ts'

const KEY = 'bench-browser-key'
const V1_BINARY = 'application/vnd.kafka.binary.v1+json'
const BROWSE_TOPIC = 'bench-browse'
const LARGE_TOPIC = 'bench-large'
const UPLOAD_TOPIC = 'bench-upload'
/** 100,000 × ~1 KB (issue 17's "100,000 messages loaded into the browse list"); 20,000 in a smoke run. */
const BROWSE_LARGE_TOPIC = 'bench-browse-large'
const MiB = 1024 * 1024

export interface BrowseResult {
  messages: number
  /** Records requests the window took (the v1 adapter reads 1,000 per request, one after another). */
  requests: number
  runs: number
  /** Medians over the runs, in ms. From the last records response (Resource Timing responseEnd: its last byte
   * in the browser) to `krc:list-rendered` (the list committed). */
  afterResponseMs: number
  /** The same, to the first animation frame after the commit (the list on screen). */
  afterResponseFrameMs: number
  /** Σ over the records responses: responseEnd → the body in the page as text (`Response.text()` resolved). */
  bodyDeliveryMs: number
  /**
   * The app's main-thread share: Σ over the records responses of body in the page → the next records request
   * sent (parse, wrap, bookkeeping), plus the last body in the page → list committed (merge, render).
   */
  appWorkMs: number
  /** Of that: the last body in the page → `krc:records-received` (JSON.parse and wrapping of the last chunk). */
  lastBodyToReceivedMs: number
  /** JSON.parse of the same bodies plus native base64 decoding of every key and value, in the same page. */
  floorMs: number
  floorDecoder: string
  /** appWorkMs ÷ floorMs. */
  ratio: number
  /** The longest main-thread task (≥ 50 ms, Long Tasks API) from navigation to the list on screen; null = none. */
  longestTaskMs: number | null
  /** Rows in the DOM at the top, middle and end of the list (the most seen over the runs). */
  domRows: { top: number; middle: number; end: number }
  /**
   * With `measureHeap`: the page's JS heap after GC with the window loaded, minus before the navigation, per byte
   * of payload (keys + values) in the window. Goal for 100,000 messages: ≤ 3.
   */
  heap?: { beforeMiB: number; afterMiB: number; payloadMiB: number; perPayloadByte: number }
}

export interface DecodeRow {
  name: string
  /** What is timed. */
  what: string
  ms: number
  mbPerSecond: number
  /** mbPerSecond ÷ the native base64 decoder's MB/s. */
  ratio: number
  /** For views in the app: the longest main-thread task; null = none ≥ 50 ms. */
  longestTaskMs?: number | null
}

export interface EncodeResult {
  fileMiB: number
  /** `krc:encode-start` → `krc:encode-done`: the Web Worker's base64 Blob, and the file's bytes read. */
  encodeMs: number
  mbPerSecond: number
  /** Baseline (the floor): the same file read whole and encoded by `Uint8Array.prototype.toBase64`, on the
   * main thread (blocking it for as long). */
  readAndEncodeMs: number
  readAndEncodeMbPerSecond: number
  /** mbPerSecond ÷ readAndEncodeMbPerSecond. */
  ratio: number
  /** Of the baseline: `toBase64` alone, on bytes in memory. */
  encodeOnlyMs: number
  /** Reading the file in the app's slices (`sliceBytes`), nothing else. */
  sliceReadMs: number
  sliceBytes: number
  longestTaskMs: number | null
  /** From encoding start until the produce finished (upload through the proxy included). */
  longestTaskWithUploadMs: number | null
  uploadOutcome: string
}

export interface BrowserResult {
  browser: string
  browse: BrowseResult[]
  decode: { valueMiB: number; nativeDecoder: string; rows: DecodeRow[] }
  encode: EncodeResult
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN
}
const maxOrNull = (xs: Array<number | null>) => {
  const v = xs.filter((x): x is number => x !== null)
  return v.length ? Math.max(...v) : null
}

async function rest(base: string, p: string, init: RequestInit & { headers?: Record<string, string> }) {
  const res = await fetch(base + p, { ...init, headers: { 'x-auth-token': KEY, ...init.headers } })
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${p}: ${res.status} ${await res.text()}`)
  return res
}

async function seed(sandbox: string, largeValue: Buffer, largeWindow: number) {
  for (const name of [BROWSE_TOPIC, LARGE_TOPIC, UPLOAD_TOPIC, BROWSE_LARGE_TOPIC]) {
    // The large value and the uploads are over Kafka's default max.message.bytes, which the sandbox enforces.
    const configs =
      name === LARGE_TOPIC || name === UPLOAD_TOPIC ? { configs: { maxMessageBytes: 2_000_000_000 } } : {}
    await rest(sandbox, '/admin/topics', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, partitions: 1, ...configs }),
    })
  }
  const produce = (topic: string, values: string[]) =>
    rest(sandbox, `/topics/${topic}`, {
      method: 'POST',
      headers: { 'content-type': V1_BINARY, accept: 'application/vnd.kafka.v1+json' },
      body: JSON.stringify({ records: values.map((value) => ({ value })) }),
    })
  for (let i = 0; i < 10_000; i += 1000)
    await produce(
      BROWSE_TOPIC,
      Array.from({ length: 1000 }, (_, k) => b64(json1k(i + k))),
    )
  await produce(LARGE_TOPIC, [b64(largeValue)])
  for (let i = 0; i < largeWindow; i += 1000)
    await produce(
      BROWSE_LARGE_TOPIC,
      Array.from({ length: 1000 }, (_, k) => b64(json1k(i + k))),
    )
}

/** Fresh document (the query cache and JIT state of the last run gone), still connected from sessionStorage. */
async function freshPage(page: Page, base: string) {
  await page.goto(`${base}/#/topics`)
  await page.reload()
  await page.getByRole('heading', { name: 'Topics', level: 1 }).waitFor()
}

/** Connects with the v1 dialect through the proxy; `registry`: the sandbox's Schema Registry too (Bearer key). */
export async function connect(page: Page, base: string, sandbox: string, key = KEY, registry = false) {
  await page.goto(`${base}/#/connect`)
  const endpoint = page.getByRole('textbox', { name: 'Endpoint URL' })
  await endpoint.waitFor()
  await endpoint.fill(sandbox)
  await page.getByLabel('API key', { exact: true }).fill(key)
  if (registry) {
    await page.getByLabel('Schema Registry URL').fill(sandbox)
    await page.getByLabel('Registry auth').selectOption('bearer')
    await page.getByLabel('Registry token', { exact: true }).fill(key)
  }
  // v1's simple consumer reads a window in a known number of plain GETs (v2/v3 poll a consumer instance).
  await page.getByRole('combobox', { name: 'API dialect' }).selectOption('confluent-v1')
  await page.getByRole('checkbox', { name: 'Use proxy' }).check()
  await page.getByRole('button', { name: 'Connect', exact: true }).click()
  await page.getByRole('status', { name: 'Connection status' }).getByText('Connected to').waitFor()
}

type BrowseSample = Omit<BrowseResult, 'messages' | 'runs' | 'ratio'>

export interface BrowseOptions {
  topic: string
  key: string
  /** The list counts as rendered once its first row's text contains this (e.g. a decoded preview). */
  firstRowShows?: string
  /** Heap after GC before and after the window (needs Chromium started with `--js-flags=--expose-gc`). */
  measureHeap?: boolean
}

async function browseOnce(
  page: Page,
  base: string,
  sandbox: string,
  messages: number,
  floorReps: number,
  options: BrowseOptions,
) {
  await freshPage(page, base)
  const hash = `#/browse?topic=${encodeURIComponent(options.topic)}&partition=0&start=beginning&count=${messages}`
  const sample = await page.evaluate(
    async ({ hash, sandbox, key, accept, floorReps, firstRowShows, measureHeap }): Promise<BrowseSample> => {
      const w = window as unknown as BenchWindow
      const heapNow = async () => {
        ;(globalThis as { gc?: () => void }).gc?.()
        await w.krcProbe.sleep(50)
        ;(globalThis as { gc?: () => void }).gc?.()
        return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize
      }
      const heapBefore = measureHeap ? await heapNow() : 0
      performance.clearMarks()
      performance.clearResourceTimings()
      // When the first row first shows `firstRowShows` (a mutation observer: exact, not rounded to a frame).
      let shownAt: number | undefined
      const observer =
        firstRowShows === undefined
          ? undefined
          : new MutationObserver(() => {
              const row = document.querySelector('[role="listbox"][aria-label="Messages"] [role="option"]')
              if (shownAt === undefined && row?.textContent?.includes(firstRowShows))
                shownAt = performance.now()
            })
      observer?.observe(document.body, { subtree: true, childList: true, characterData: true })
      const t0 = performance.now()
      location.hash = hash
      const last = (name: string) => performance.getEntriesByName(name).at(-1)?.startTime
      const frame = await w.krcProbe.untilFrame(() => {
        const received = last('krc:records-received')
        const rendered = last('krc:list-rendered')
        if (received === undefined || rendered === undefined || rendered < received) return false
        // Decoded rows come a step later (the schema is fetched once the window names it): count until then.
        return firstRowShows === undefined || shownAt !== undefined
      }, 120_000)
      observer?.disconnect()
      const received = last('krc:records-received')!
      const rendered = shownAt ?? last('krc:list-rendered')!
      // The records requests: the adapter's chunks. Its bound probes ask for count=1.
      const chunks = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => {
          const u = new URL(e.name)
          return u.pathname.endsWith('/messages') && Number(u.searchParams.get('count')) > 1
        })
        .sort((a, b) => a.startTime - b.startTime)
      const inPage = chunks.map((c) => {
        const seen = w.krcProbe.bodiesInPage.find(([url, at]) => url === c.name && at >= c.responseStart)
        if (!seen) throw new Error(`no body read for ${c.name}`)
        return seen[1]
      })
      const lastEnd = chunks.at(-1)!.responseEnd
      const lastInPage = inPage.at(-1)!
      // One partition: the adapter sends each chunk's request once the previous one is handled.
      let delivery = 0
      let work = rendered - lastInPage
      for (let i = 0; i < chunks.length; i++) {
        delivery += inPage[i] - chunks[i].responseEnd
        if (i + 1 < chunks.length) work += chunks[i + 1].startTime - inPage[i]
      }
      await w.krcProbe.sleep(200) // long task entries arrive asynchronously
      const longestTaskMs = w.krcProbe.longest(t0, frame)
      // Before the floor's fetches below: only the window and the page are held now.
      const heapAfter = measureHeap ? await heapNow() : 0

      // Rows in the DOM while scrolled.
      const list = document.querySelector<HTMLElement>('[role="listbox"][aria-label="Messages"]')!
      const rowsAt = async (top: number) => {
        list.scrollTop = top
        await w.krcProbe.frames(3)
        return list.querySelectorAll('[role="option"]').length
      }
      const domRows = {
        top: await rowsAt(0),
        middle: await rowsAt(list.scrollHeight / 2),
        end: await rowsAt(list.scrollHeight),
      }

      // The floor, in this page: the same bodies, fetched again through the proxy (not timed), then
      // JSON.parse + native base64 decoding of every key and value (timed).
      const bodies = await Promise.all(
        chunks.map((c) =>
          fetch(c.name, {
            headers: { 'X-Kafka-Rest-Endpoint': sandbox, 'X-Auth-Token': key, Accept: accept },
          }).then((r) => r.text()),
        ),
      )
      const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64
      const decode =
        native ??
        ((s: string) => {
          const bin = atob(s)
          const out = new Uint8Array(bin.length)
          for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
          return out
        })
      const floors: number[] = []
      let sink = 0
      for (let r = 0; r < floorReps; r++) {
        const f0 = performance.now()
        for (const body of bodies) {
          const list = JSON.parse(body) as Array<{ key: string | null; value: string | null }>
          for (const m of list) {
            if (m.key !== null) sink += decode.call(Uint8Array, m.key).length
            if (m.value !== null) sink += decode.call(Uint8Array, m.value).length
          }
        }
        floors.push(performance.now() - f0)
      }
      if (sink === 0) throw new Error('floor decoded nothing')
      const payloadBytes = sink / floorReps
      floors.sort((a, b) => a - b)
      return {
        requests: chunks.length,
        afterResponseMs: rendered - lastEnd,
        afterResponseFrameMs: frame - lastEnd,
        bodyDeliveryMs: delivery,
        appWorkMs: work,
        lastBodyToReceivedMs: received - lastInPage,
        floorMs: floors[Math.floor((floors.length - 1) / 2)],
        floorDecoder: native ? 'Uint8Array.fromBase64' : 'atob + loop (no native fromBase64)',
        longestTaskMs,
        domRows,
        heap: measureHeap
          ? {
              beforeMiB: heapBefore / 2 ** 20,
              afterMiB: heapAfter / 2 ** 20,
              payloadMiB: payloadBytes / 2 ** 20,
              perPayloadByte: (heapAfter - heapBefore) / payloadBytes,
            }
          : undefined,
      }
    },
    {
      hash,
      sandbox,
      key: options.key,
      accept: V1_BINARY,
      floorReps,
      firstRowShows: options.firstRowShows,
      measureHeap: options.measureHeap ?? false,
    },
  )
  const summary = await page.getByText(new RegExp(`^${messages.toLocaleString('en-US')} messages of`)).count()
  if (summary !== 1)
    throw new Error(`browse ${messages}: the window summary did not show ${messages} messages`)
  return sample
}

export async function browse(
  page: Page,
  base: string,
  sandbox: string,
  messages: number,
  runs: number,
  options: BrowseOptions = { topic: BROWSE_TOPIC, key: KEY },
) {
  const samples: BrowseSample[] = []
  for (let r = 0; r < runs; r++)
    samples.push(await browseOnce(page, base, sandbox, messages, runs > 1 ? 5 : 1, options))
  const m = (f: (s: BrowseSample) => number) => median(samples.map(f))
  const appWorkMs = m((s) => s.appWorkMs)
  const floorMs = m((s) => s.floorMs)
  return {
    messages,
    requests: samples[0].requests,
    runs,
    afterResponseMs: m((s) => s.afterResponseMs),
    afterResponseFrameMs: m((s) => s.afterResponseFrameMs),
    bodyDeliveryMs: m((s) => s.bodyDeliveryMs),
    appWorkMs,
    lastBodyToReceivedMs: m((s) => s.lastBodyToReceivedMs),
    floorMs,
    floorDecoder: samples[0].floorDecoder,
    ratio: appWorkMs / floorMs,
    longestTaskMs: maxOrNull(samples.map((s) => s.longestTaskMs)),
    domRows: {
      top: Math.max(...samples.map((s) => s.domRows.top)),
      middle: Math.max(...samples.map((s) => s.domRows.middle)),
      end: Math.max(...samples.map((s) => s.domRows.end)),
    },
    // The largest growth over the runs: the stricter figure.
    heap: samples
      .map((s) => s.heap)
      .filter((h) => h !== undefined)
      .sort((a, b) => b.perPayloadByte - a.perPayloadByte)[0],
  } satisfies BrowseResult
}

/** The app's decoders on the large value, in the page: MB/s beside the native base64 decoder's. */
async function decodeLibrary(page: Page, value: Buffer, reps: number) {
  await page.evaluate(await pageLibSource())
  return page.evaluate(
    async ({ base64, reps }) => {
      const w = window as unknown as BenchWindow
      const lib = w.krcLib
      const time = (fn: () => unknown) => {
        fn() // warm-up
        const xs: number[] = []
        for (let r = 0; r < reps; r++) {
          const t = performance.now()
          fn()
          xs.push(performance.now() - t)
        }
        xs.sort((a, b) => a - b)
        return xs[Math.floor((xs.length - 1) / 2)]
      }
      const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64
      const bytes = lib.base64ToBytes(base64)
      const atobLoop = () => {
        const bin = atob(base64)
        const out = new Uint8Array(bin.length)
        for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
        return out
      }
      return {
        nativeDecoder: native ? 'Uint8Array.fromBase64' : 'atob + loop',
        bytes: bytes.length,
        native: time(() => (native ? native.call(Uint8Array, base64) : atobLoop())),
        app: time(() => lib.base64ToBytes(base64)),
        portable: time(() => lib.parseBase64(base64)),
        atob: time(atobLoop),
        hexDumpText: time(() => lib.hexDumpText(bytes)),
        prettyJson: time(() => lib.prettyJson(bytes)),
        detect: time(() => lib.detectPayload(bytes)),
      }
    },
    { base64: b64(value), reps },
  )
}

/** Click → the first frame that shows `selector` (with `text`), and the longest task meanwhile. */
async function timeView(page: Page, click: string, selector: string, text?: string) {
  return page.evaluate(
    async ({ click, selector, text }) => {
      const w = window as unknown as BenchWindow
      const target = document.querySelector<HTMLElement>(click)
      if (!target) throw new Error(`nothing to click: ${click}`)
      await w.krcProbe.sleep(300) // let the window's own work settle
      const t0 = performance.now()
      target.click()
      const t1 = await w.krcProbe.untilFrame(() => {
        const el = document.querySelector(selector)
        return !!el && (text === undefined || !!el.textContent?.includes(text))
      }, 120_000)
      await w.krcProbe.sleep(200)
      return { ms: t1 - t0, longestTaskMs: w.krcProbe.longest(t0, t1) }
    },
    { click, selector, text },
  )
}

async function decodeViews(page: Page, base: string, runs: number) {
  const open = async (decoder: 'hex' | 'json') => {
    await freshPage(page, base)
    await page.evaluate(
      (hash) => (location.hash = hash),
      `#/browse?topic=${LARGE_TOPIC}&partition=0&start=beginning&count=1&decoder=${decoder}`,
    )
    await page.locator('[id="msg-0:0"]').waitFor({ timeout: 60_000 })
  }
  const hex: Array<{ ms: number; longestTaskMs: number | null }> = []
  const json: typeof hex = []
  const pretty: typeof hex = []
  for (let r = 0; r < runs; r++) {
    await open('hex')
    hex.push(await timeView(page, '[id="msg-0:0"]', '[aria-label="Value hex dump"]', '00000000'))
    await open('json')
    // Up to 4 MB the JSON view pretty-prints at once; over that it opens with the text of the first 256 KB and
    // a "Pretty-print anyway" button.
    json.push(
      await timeView(page, '[id="msg-0:0"]', '[aria-label="Value as text"], [aria-label="Value as JSON"]'),
    )
    const anyway = page.getByRole('button', { name: 'Pretty-print anyway' })
    if (await anyway.count()) {
      await anyway.evaluate((b) => b.setAttribute('data-bench', 'pretty'))
      pretty.push(await timeView(page, 'button[data-bench="pretty"]', '[aria-label="Value as JSON"]'))
    }
  }
  const summarize = (xs: typeof hex) =>
    xs.length
      ? { ms: median(xs.map((x) => x.ms)), longestTaskMs: maxOrNull(xs.map((x) => x.longestTaskMs)) }
      : null
  return { hex: summarize(hex)!, json: summarize(json)!, pretty: summarize(pretty) }
}

async function encode(page: Page, base: string, fileMiB: number, dir: string): Promise<EncodeResult> {
  const file = path.join(dir, 'upload.bin')
  // Incompressible bytes in a file: setInputFiles refuses in-memory buffers over 50 MB.
  const buf = Buffer.alloc(fileMiB * MiB)
  for (let i = 0; i < buf.length; i++) buf[i] = (i * 2654435761) >>> 24
  writeFileSync(file, buf)
  await freshPage(page, base)
  await page.evaluate((hash) => (location.hash = hash), `#/produce?topic=${UPLOAD_TOPIC}`)
  const form = page.getByRole('form', { name: 'Produce' })
  await form.getByRole('group', { name: 'Value format' }).getByText('File', { exact: true }).click()
  await form.getByRole('button', { name: 'File', exact: true }).setInputFiles(file)
  await page.getByLabel('File size').waitFor()
  await page.evaluate(() => performance.clearMarks())
  await form.getByRole('button', { name: 'Produce', exact: true }).click()
  const outcome = page
    .getByRole('table', { name: 'Produce results' })
    .or(page.getByRole('alert').filter({ hasText: /^(Too large|Produce failed)/ }))
  await outcome.first().waitFor({ timeout: 180_000 })
  const uploadOutcome = (await page.getByRole('table', { name: 'Produce results' }).count())
    ? 'delivered'
    : `refused: ${(await outcome.first().innerText()).split('\n')[0]}`
  const marks = await page.evaluate(async () => {
    const w = window as unknown as BenchWindow
    const end = performance.now()
    await w.krcProbe.sleep(200)
    const start = performance.getEntriesByName('krc:encode-start').at(-1)!.startTime
    const done = performance.getEntriesByName('krc:encode-done').at(-1)!.startTime
    return {
      encodeMs: done - start,
      longestTaskMs: w.krcProbe.longest(start, done),
      longestTaskWithUploadMs: w.krcProbe.longest(start, end),
    }
  })
  // Baselines from the same file on disk, on the main thread: read whole and encoded by the platform (the floor),
  // the platform's encoder alone, and reading the file in the app's slices without encoding anything.
  await page.evaluate(() => {
    const input = document.createElement('input')
    input.type = 'file'
    input.id = 'krc-bench-file'
    input.hidden = true
    document.body.append(input)
  })
  await page.setInputFiles('#krc-bench-file', file)
  const baseline = await page.evaluate(async (sliceBytes) => {
    const f = (document.getElementById('krc-bench-file') as HTMLInputElement).files![0]
    const toBase64 = (Uint8Array.prototype as unknown as { toBase64?: () => string }).toBase64
    if (!toBase64) return null
    const median3 = async (fn: () => Promise<unknown>) => {
      const xs: number[] = []
      for (let r = 0; r < 3; r++) {
        const t = performance.now()
        await fn()
        xs.push(performance.now() - t)
      }
      return xs.sort((a, b) => a - b)[1]
    }
    const bytes = new Uint8Array(await f.arrayBuffer())
    return {
      readAndEncodeMs: await median3(async () => toBase64.call(new Uint8Array(await f.arrayBuffer()))),
      encodeOnlyMs: await median3(async () => toBase64.call(bytes)),
      sliceReadMs: await median3(async () => {
        for (let at = 0; at < f.size; at += sliceBytes) await f.slice(at, at + sliceBytes).arrayBuffer()
      }),
    }
  }, DEFAULT_BLOB_CHUNK_SIZE)
  const mbps = (ms: number) => fileMiB / (ms / 1000)
  const mbPerSecond = mbps(marks.encodeMs)
  return {
    fileMiB,
    encodeMs: marks.encodeMs,
    mbPerSecond,
    readAndEncodeMs: baseline?.readAndEncodeMs ?? NaN,
    readAndEncodeMbPerSecond: mbps(baseline?.readAndEncodeMs ?? NaN),
    ratio: mbPerSecond / mbps(baseline?.readAndEncodeMs ?? NaN),
    encodeOnlyMs: baseline?.encodeOnlyMs ?? NaN,
    sliceReadMs: baseline?.sliceReadMs ?? NaN,
    sliceBytes: DEFAULT_BLOB_CHUNK_SIZE,
    longestTaskMs: marks.longestTaskMs,
    longestTaskWithUploadMs: marks.longestTaskWithUploadMs,
    uploadOutcome,
  }
}

/**
 * The browser figures, in headless Chromium against the built SPA served by the console server (`distDir`),
 * reaching a v1-only sandbox through the proxy.
 */
export async function runBrowserBench(distDir: string, smoke: boolean): Promise<BrowserResult> {
  const runs = smoke ? 1 : 3
  const valueMiB = smoke ? 2 : 10
  const fileMiB = smoke ? 8 : 50
  const largeValue = largeJson(valueMiB * MiB)
  const sandbox = await startSandboxProcess(KEY, { apis: 'v1,admin', maxBodyBytes: 160 * MiB })
  const consoleServer = await startConsoleProcess(distDir)
  const dir = mkdtempSync(path.join(tmpdir(), 'krc-bench-'))
  const largeWindow = smoke ? 20_000 : 100_000
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // Heap figures: performance.memory unrounded, and gc() before each reading.
    args: ['--enable-precise-memory-info', '--js-flags=--expose-gc'],
  })
  try {
    await seed(sandbox.url, largeValue, largeWindow)
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    // tsx compiles this file with esbuild's keepNames, which wraps named functions in `__name(…)`; functions
    // sent to the page (evaluate, addInitScript) need that helper there.
    await context.addInitScript('globalThis.__name ??= (fn) => fn')
    await context.addInitScript(installPageProbes)
    const page = await context.newPage()
    await connect(page, consoleServer.url, sandbox.url)

    const browseResults: BrowseResult[] = []
    for (const messages of [1000, 10_000])
      browseResults.push(await browse(page, consoleServer.url, sandbox.url, messages, runs))
    browseResults.push(
      await browse(page, consoleServer.url, sandbox.url, largeWindow, smoke ? 1 : 2, {
        topic: BROWSE_LARGE_TOPIC,
        key: KEY,
        measureHeap: true,
      }),
    )

    const lib = await decodeLibrary(page, largeValue, smoke ? 2 : 5)
    const views = await decodeViews(page, consoleServer.url, runs)
    const mb = lib.bytes / MiB
    const nativeMbs = mb / (lib.native / 1000)
    const row = (name: string, what: string, ms: number, longestTaskMs?: number | null): DecodeRow => ({
      name,
      what,
      ms,
      mbPerSecond: mb / (ms / 1000),
      ratio: mb / (ms / 1000) / nativeMbs,
      ...(longestTaskMs === undefined ? {} : { longestTaskMs }),
    })
    const decodeRows = [
      row('native base64 → bytes', `${lib.nativeDecoder} (baseline)`, lib.native),
      row('app base64 → bytes', 'base64ToBytes (native when present)', lib.app),
      row('portable base64 → bytes', 'parseBase64 (validating, no native)', lib.portable),
      row('atob base64 → bytes', 'atob + charCodeAt loop (what many apps do)', lib.atob),
      row('payload detection', 'detectPayload (scans up to 8 MB)', lib.detect),
      row('hex dump text', 'hexDumpText of the whole value (Copy)', lib.hexDumpText),
      row('JSON pretty-print', 'prettyJson of the whole value', lib.prettyJson),
      row('hex view (app)', 'click the message → hex dump on screen', views.hex.ms, views.hex.longestTaskMs),
      row(
        'JSON view (app)',
        valueMiB > 4
          ? 'click the message → JSON view on screen (over 4 MB: the first 256 KB as text)'
          : 'click the message → JSON view on screen (pretty-printed)',
        views.json.ms,
        views.json.longestTaskMs,
      ),
      ...(views.pretty
        ? [
            row(
              'JSON view, pretty-print anyway (app)',
              'click → the whole value pretty-printed on screen',
              views.pretty.ms,
              views.pretty.longestTaskMs,
            ),
          ]
        : []),
    ]

    const encodeResult = await encode(page, consoleServer.url, fileMiB, dir)
    return {
      browser: `Chromium ${browser.version()} (headless)`,
      browse: browseResults,
      decode: { valueMiB: mb, nativeDecoder: lib.nativeDecoder, rows: decodeRows },
      encode: encodeResult,
    }
  } finally {
    await browser.close()
    rmSync(dir, { recursive: true, force: true })
    await consoleServer.stop()
    await sandbox.stop()
  }
}
