import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import path from 'node:path'
import { runBrowserBench } from './browser-bench.ts'
import { measureBundle } from './bundle.ts'
import { runGenerateBench, type GenerateBenchResult } from './generate-bench.ts'
import { runScanBench, type ScanBenchResult } from './scan-bench.ts'
import { runSchemaBench } from './schema-bench.ts'
import { runServerBench } from './server-bench.ts'
import { root } from './support/processes.ts'

/**
 * `npm run bench` (full) or `npm run bench -- --smoke` (a short run for CI). Prints Markdown tables and writes
 * bench/results.json. Every figure stands beside its baseline from the same run; compare ratios, not absolutes.
 */
const smoke = process.argv.includes('--smoke')
/**
 * `--only=scan` / `--only=generate`: just the topic-search or Generate figures, merged into an existing
 * bench/results.json under their own key.
 */
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length)
const seconds = Number(process.env.BENCH_SECONDS ?? (smoke ? 1 : 5))
// Its own build folder: building dist/ would pull the files from under a console server someone is running.
const DIST = 'dist-bench'

const fmt = (n: number, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : 'n/a'
const ms = (n: number) => `${fmt(n, n < 10 ? 1 : 0)} ms`
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
const pct = (n: number) => `${(n * 100).toFixed(0)}%`
const times = (n: number) => `${fmt(n, n < 10 ? 2 : 1)}×`
const task = (n: number | null | undefined) => (n === undefined ? '' : n === null ? '< 50 ms' : ms(n))
const verdict = (ok: boolean) => (ok ? 'met' : '**not met**')

function table(head: string[], rows: string[][]) {
  console.log(`| ${head.join(' | ')} |`)
  console.log(`|${head.map(() => '---').join('|')}|`)
  for (const r of rows) console.log(`| ${r.join(' | ')} |`)
  console.log('')
}

async function main() {
  const started = performance.now()
  const load = loadavg()[0]
  const build = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--logLevel',
      'warn',
      '--outDir',
      DIST,
      '--emptyOutDir',
    ],
    { cwd: root, stdio: 'inherit' },
  )
  if (build.status !== 0) throw new Error('vite build failed')
  if (only === 'scan' || only === 'generate') {
    console.log(only === 'scan' ? 'Topic search…' : 'Generate…')
    const figures = only === 'scan' ? await runScanBench(DIST, smoke) : await runGenerateBench(DIST, smoke)
    const file = path.join(root, 'bench', 'results.json')
    const previous = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}
    writeFileSync(
      file,
      JSON.stringify({ ...previous, [only]: { date: new Date().toISOString(), ...figures } }, null, 2) + '\n',
    )
    if (only === 'scan') scanTable(figures as ScanBenchResult)
    else generateTable(figures as GenerateBenchResult)
    console.log(`Written to bench/results.json (${only} only)`)
    return
  }
  if (only !== undefined) throw new Error(`--only=${only}: use --only=scan or --only=generate`)
  const bundle = measureBundle(path.join(root, DIST))
  console.log('Server figures…')
  const server = await runServerBench(seconds)
  console.log('Browser figures…')
  const browser = await runBrowserBench(DIST, smoke)
  console.log('Schema Registry decoding…')
  const schema = await runSchemaBench(smoke, DIST)
  console.log('Topic search…')
  const scan = await runScanBench(DIST, smoke)
  console.log('Generate…')
  const generate = await runGenerateBench(DIST, smoke)

  const results = {
    date: new Date().toISOString(),
    mode: smoke ? 'smoke' : 'full',
    secondsPerScenario: seconds,
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      loadAverageAtStart: load,
    },
    bundle,
    browser,
    loadGenerator: server.loadGenerator,
    proxy: server.proxy,
    sandbox: server.sandbox,
    schema,
    scan,
    generate,
    durationSeconds: Math.round((performance.now() - started) / 1000),
  }
  writeFileSync(path.join(root, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n')

  console.log(
    `\n## Benchmarks (${results.mode}; ${results.machine.cpus} cores ${results.machine.cpu}; Node ${process.version}; ` +
      `${browser.browser}; load average ${load.toFixed(2)} at start; ${results.durationSeconds} s)\n`,
  )

  const browse = browser.browse
  table(
    [
      'Browse, ~1 KB JSON values (v1, via proxy)',
      'requests',
      'last response → list committed (on screen)',
      'body delivery into the page',
      'app main-thread work',
      'floor: JSON.parse + fromBase64',
      'app ÷ floor',
      'longest task',
      'DOM rows top / middle / end',
      'heap ÷ payload bytes (after GC)',
    ],
    browse.map((b) => [
      `${fmt(b.messages)} messages (median of ${b.runs})`,
      String(b.requests),
      `${ms(b.afterResponseMs)} (${ms(b.afterResponseFrameMs)})`,
      ms(b.bodyDeliveryMs),
      ms(b.appWorkMs),
      ms(b.floorMs),
      times(b.ratio),
      task(b.longestTaskMs),
      `${b.domRows.top} / ${b.domRows.middle} / ${b.domRows.end}`,
      b.heap
        ? `${times(b.heap.perPayloadByte)} (${fmt(b.heap.afterMiB - b.heap.beforeMiB, 1)} MB for ${fmt(b.heap.payloadMiB, 1)} MB)`
        : '–',
    ]),
  )

  const dec = browser.decode
  table(
    [
      `Decoding a ${fmt(dec.valueMiB, 1)} MB JSON value`,
      'what is timed',
      'time',
      'MB/s',
      '÷ native base64',
      'longest task',
    ],
    dec.rows.map((r) => [
      r.name,
      r.what,
      ms(r.ms),
      fmt(r.mbPerSecond),
      times(r.ratio),
      task(r.longestTaskMs),
    ]),
  )

  const enc = browser.encode
  table(
    [
      `Encoding a ${enc.fileMiB} MB file (produce page)`,
      'time',
      'MB/s',
      'floor: file read whole + toBase64, main thread',
      'app ÷ floor',
      'of which toBase64 alone',
      `file read in the app's ${enc.sliceBytes / 1024} KB slices`,
      'longest task (encoding)',
      'longest task (with upload)',
      'upload',
    ],
    [
      [
        'Web Worker → Blob',
        ms(enc.encodeMs),
        fmt(enc.mbPerSecond),
        `${ms(enc.readAndEncodeMs)} (${fmt(enc.readAndEncodeMbPerSecond)} MB/s, blocking)`,
        times(enc.ratio),
        ms(enc.encodeOnlyMs),
        ms(enc.sliceReadMs),
        task(enc.longestTaskMs),
        task(enc.longestTaskWithUploadMs),
        enc.uploadOutcome,
      ],
    ],
  )

  console.log(`Load generator: ${server.loadGenerator}\n`)
  table(
    [
      'Proxy',
      'clients',
      'direct req/s',
      'proxied req/s',
      'proxied ÷ direct',
      'direct p50 / p99 ms',
      'proxied p50 / p99 ms',
      'CPU µs/request: direct (sandbox) → proxied (sandbox + console)',
    ],
    server.proxy.map((r) => [
      r.scenario === 'produce' ? 'produce (1 × 1 KB record)' : 'fetch (100 × 1 KB records, v1)',
      String(r.clients),
      fmt(r.direct.perSecond),
      fmt(r.proxied.perSecond),
      pct(r.ratio),
      `${fmt(r.direct.p50, 2)} / ${fmt(r.direct.p99, 1)}`,
      `${fmt(r.proxied.p50, 2)} / ${fmt(r.proxied.p99, 1)}`,
      r.cpuMicrosPerRequest
        ? `${r.cpuMicrosPerRequest.direct.sandbox} → ${r.cpuMicrosPerRequest.proxied.sandbox} + ${r.cpuMicrosPerRequest.proxied.console}`
        : 'n/a',
    ]),
  )

  table(
    ['Sandbox', 'messages/s', 'workload'],
    [
      ['produce', fmt(server.sandbox.produceMessagesPerSecond), server.sandbox.produceRequest],
      ['fetch', fmt(server.sandbox.fetchMessagesPerSecond), server.sandbox.fetchRequest],
    ],
  )

  table(
    [
      `Schema Registry: ${fmt(schema.records)} Avro records (~${schema.avgRecordBytes} B)`,
      'floor: JSON.parse + fromBase64',
      'app',
      'app ÷ floor',
      'goal',
    ],
    [
      [
        `fetched, decoded (rows in view) and listed (median of ${schema.list.runs})`,
        ms(schema.list.floorMs),
        ms(schema.list.appWorkMs),
        times(schema.ratio),
        `≤ 2× ${verdict(schema.ratio <= 2)}`,
      ],
      [
        `every record decoded, as the filter and exports do (median of ${schema.codec.runs})`,
        ms(schema.codec.floorMs),
        ms(schema.codec.appMs),
        times(schema.codec.ratio),
        '',
      ],
    ],
  )

  scanTable(scan)
  generateTable(generate)

  table(
    ['Bundle (initial)', 'raw', 'gzip', 'brotli'],
    [
      ['JS', kb(bundle.initialJs.raw), kb(bundle.initialJs.gzip), kb(bundle.initialJs.brotli)],
      ['CSS', kb(bundle.css.raw), kb(bundle.css.gzip), kb(bundle.css.brotli)],
    ],
  )

  const b10k = browse.find((b) => b.messages === 10_000)!
  const bLarge = browse.find((b) => b.heap !== undefined)!
  const hex = dec.rows.find((r) => r.name === 'hex view (app)')!
  const proxy32 = server.proxy.filter((r) => r.clients === 32)
  table(
    ['Target', 'figure', ''],
    [
      ['10,000 messages within 2× the floor', times(b10k.ratio), verdict(b10k.ratio <= 2)],
      [
        '10,000 messages ≤ 500 ms after the response',
        `${ms(b10k.afterResponseMs)} (on screen ${ms(b10k.afterResponseFrameMs)})`,
        verdict(b10k.afterResponseFrameMs <= 500),
      ],
      [
        `${fmt(bLarge.messages)} messages: commit within 3× the floor`,
        times(bLarge.ratio),
        verdict(bLarge.ratio <= 3),
      ],
      [
        `${fmt(bLarge.messages)} messages: heap ≤ 3× the payload bytes`,
        times(bLarge.heap!.perPayloadByte),
        verdict(bLarge.heap!.perPayloadByte <= 3),
      ],
      [`search ≥ 50% of the raw fetch rate`, pct(scan.ratio), verdict(scan.ratio >= 0.5)],
      [
        'search: no main-thread task over 50 ms',
        task(scan.longestTaskMs),
        verdict((scan.longestTaskMs ?? 0) <= 50),
      ],
      [
        // The page's heap after a GC, matches held, against before: what the scan keeps. The sampled peak also
        // counts garbage not collected yet (each poll's ~0.7 MB answer), so it is shown in the search table only.
        `search of ${fmt(scan.messages)}: heap growth ≤ 50 MB + matches`,
        `${fmt(scan.heapGrowthMiB, 1)} MB (peak, with garbage: ${fmt(scan.heapPeakMiB - scan.heapBeforeMiB, 1)} MB)`,
        verdict(scan.heapGrowthMiB <= 50 + scan.matches * (scan.valueBytes / 2 ** 20) * 4),
      ],
      ['Generate ≥ 80% of raw produce', pct(generate.ratio), verdict(generate.ratio >= 0.8)],
      [
        'Generate: no main-thread task over 50 ms',
        task(generate.longestTaskMs),
        verdict((generate.longestTaskMs ?? 0) <= 50),
      ],
      [
        `no task over 100 ms encoding ${enc.fileMiB} MB`,
        task(enc.longestTaskMs),
        verdict((enc.longestTaskMs ?? 0) <= 100),
      ],
      [
        `no task over 100 ms opening a ${fmt(dec.valueMiB, 1)} MB hex dump`,
        task(hex.longestTaskMs),
        verdict((hex.longestTaskMs ?? 0) <= 100),
      ],
      ...proxy32.map((r) => [
        `proxy ≥ 90% of direct at 32 clients (${r.scenario})`,
        pct(r.ratio),
        verdict(r.ratio >= 0.9),
      ]),
      ['initial JS ≤ 150 KB gzip', kb(bundle.initialJs.gzip), verdict(bundle.initialJs.gzip <= 150 * 1024)],
    ],
  )
  console.log('Written to bench/results.json')
}

function scanTable(scan: ScanBenchResult) {
  table(
    [
      `Search ${fmt(scan.messages)} × ~${scan.valueBytes} B JSON over ${scan.partitions} partitions (Auto → v2 consumers, via proxy)`,
      'matches',
      'scan',
      'raw fetch, same endpoint',
      'scan ÷ raw (goal ≥ 50%)',
      'raw with the scan’s 512 KB polls (scan ÷ it)',
      'longest task (goal ≤ 50 ms)',
      'heap before / peak / after (MB)',
    ],
    [
      [
        scan.expression,
        fmt(scan.matches),
        `${ms(scan.scanMs)} (${fmt(scan.scanMessagesPerSecond)} msg/s)`,
        `${ms(scan.rawFetchMs)} (${fmt(scan.rawMessagesPerSecond)} msg/s)`,
        pct(scan.ratio),
        `${ms(scan.rawSamePollsMs)} (${pct(scan.ratioSamePolls)})`,
        task(scan.longestTaskMs),
        `${fmt(scan.heapBeforeMiB, 1)} / ${fmt(scan.heapPeakMiB, 1)} / ${fmt(scan.heapAfterMiB, 1)}`,
      ],
    ],
  )
}

function generateTable(g: GenerateBenchResult) {
  table(
    [
      `Generate ${fmt(g.records)} × ~${g.recordBytes} B, batches of ${g.batchSize} (v1, via proxy)`,
      'records/s (runs)',
      'raw produce from the page, median of the faster body (string body runs; Blob body runs)',
      'generate ÷ raw, medians (goal ≥ 80%)',
      '÷ fastest raw run',
      'raw from Node',
      'longest task (goal ≤ 50 ms)',
    ],
    [
      [
        `template, worker (median of ${g.generateRunsPerSecond.length})`,
        `${fmt(g.generatePerSecond)} (${g.generateRunsPerSecond.map((n) => fmt(n)).join(', ')})`,
        `${fmt(g.rawPerSecond)} (${g.rawRunsPerSecond.map((n) => fmt(n)).join(', ')}; ${(g.rawBlobRunsPerSecond ?? []).map((n) => fmt(n)).join(', ')})`,
        pct(g.ratio),
        pct(g.ratioToFastest),
        fmt(g.rawNodePerSecond),
        task(g.longestTaskMs),
      ],
    ],
  )
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
