import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import path from 'node:path'
import { measureBundle } from './bundle.ts'
import { runServerBench } from './server-bench.ts'
import { root } from './support/processes.ts'

/**
 * `npm run bench` (full) or `npm run bench -- --smoke` (a short run for CI). Prints a table and writes
 * bench/results.json. Every figure stands beside its baseline from the same run; compare ratios, not absolutes.
 */
const smoke = process.argv.includes('--smoke')
const seconds = Number(process.env.BENCH_SECONDS ?? (smoke ? 1 : 5))

const fmt = (n: number, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : 'n/a'
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

async function main() {
  const build = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  )
  if (build.status !== 0) throw new Error('vite build failed')
  const bundle = measureBundle(path.join(root, 'dist'))
  const server = await runServerBench(seconds)

  const results = {
    date: new Date().toISOString(),
    mode: smoke ? 'smoke' : 'full',
    secondsPerScenario: seconds,
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    bundle,
    loadGenerator: server.loadGenerator,
    proxy: server.proxy,
    sandbox: server.sandbox,
  }
  mkdirSync(path.join(root, 'bench'), { recursive: true })
  writeFileSync(path.join(root, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n')

  console.log(
    `\nBenchmarks (${results.mode}, ${seconds} s per scenario, ${results.machine.cpus} cores, Node ${process.version})\n`,
  )
  console.log('| Bundle | raw | gzip | brotli |')
  console.log('|---|---|---|---|')
  console.log(
    `| initial JS | ${kb(bundle.initialJs.raw)} | ${kb(bundle.initialJs.gzip)} | ${kb(bundle.initialJs.brotli)} |`,
  )
  console.log(`| CSS | ${kb(bundle.css.raw)} | ${kb(bundle.css.gzip)} | ${kb(bundle.css.brotli)} |`)
  console.log(`\nLoad generator: ${server.loadGenerator}`)
  console.log(
    '\n| Proxy | clients | direct req/s | proxied req/s | ratio | direct p50 / p99 ms | proxied p50 / p99 ms |',
  )
  console.log('|---|---|---|---|---|---|---|')
  for (const r of server.proxy) {
    console.log(
      `| ${r.scenario} | ${r.clients} | ${fmt(r.direct.perSecond)} | ${fmt(r.proxied.perSecond)} | ${(r.ratio * 100).toFixed(0)}% | ${fmt(r.direct.p50, 1)} / ${fmt(r.direct.p99, 1)} | ${fmt(r.proxied.p50, 1)} / ${fmt(r.proxied.p99, 1)} |`,
    )
  }
  console.log('\n| Sandbox | messages/s | workload |')
  console.log('|---|---|---|')
  console.log(
    `| produce | ${fmt(server.sandbox.produceMessagesPerSecond)} | ${server.sandbox.produceRequest} |`,
  )
  console.log(`| fetch | ${fmt(server.sandbox.fetchMessagesPerSecond)} | ${server.sandbox.fetchRequest} |`)
  console.log('\nWritten to bench/results.json')
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
