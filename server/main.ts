import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ClientConfig } from './app.ts'
import { buildIfStale } from './build-if-stale.ts'
import { startConsoleServer } from './console-server.ts'
import { OptionsError, parseServerOptions, USAGE } from './cli-options.ts'
import { serverHostnames } from './proxy/guards.ts'
import { TargetPolicy } from './proxy/target-policy.ts'
import { startSandbox, type RunningSandbox } from './sandbox/sandbox-server.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const log = (line: string) => console.log(line)

async function main(): Promise<void> {
  let options
  try {
    options = parseServerOptions(process.argv.slice(2), process.env)
  } catch (err) {
    console.error(`error: ${(err as Error).message}\n\n${USAGE}`)
    process.exit(2)
  }
  if (options === 'help') {
    console.log(USAGE)
    return
  }
  // KRC_DIST_DIR serves (and builds) the SPA from another folder, e.g. for side-by-side test runs.
  const distDir = path.resolve(root, process.env.KRC_DIST_DIR ?? 'dist')
  if (options.build) buildIfStale(root, distDir, log)

  let sandbox: RunningSandbox | null = null
  if (options.sandbox.enabled) {
    sandbox = await startSandbox({
      port: options.sandbox.port,
      host: '127.0.0.1',
      apiKeys: options.sandbox.apiKeys.length ? options.sandbox.apiKeys : undefined,
      dataDir: options.sandbox.dataDir ? path.resolve(options.sandbox.dataDir) : null,
      demoData: options.sandbox.demoData,
      log,
    })
    log(
      `sandbox listening on ${sandbox.url}${sandbox.demoKeyGenerated ? ` (demo API key: ${sandbox.apiKeys[0]})` : ''}`,
    )
  }
  // The sandbox is ours: reachable through the proxy even when an allowlist names only real endpoints.
  const allow =
    options.allowTargets.length && sandbox ? [...options.allowTargets, sandbox.url] : options.allowTargets
  const clientConfig: ClientConfig = {
    proxy: true,
    sandbox: sandbox ? { endpoint: sandbox.url, apiKey: sandbox.apiKeys[0] } : null,
    maxResponseBytes: options.maxResponseBytes,
  }
  const running = await startConsoleServer({
    host: options.host,
    port: options.port,
    hostnames: serverHostnames(options.host, options.allowedHosts),
    proxy: {
      policy: new TargetPolicy(allow),
      maxBodyBytes: options.maxBodyBytes,
      maxResponseBytes: options.maxResponseBytes,
      timeoutMs: options.timeoutMs,
      log: options.verbose ? (line) => log(`proxy ${line}`) : undefined,
    },
    clientConfig: () => clientConfig,
    distDir,
  })
  log(`Kafka REST Console: ${running.url}`)
  if (!options.allowTargets.length)
    log('proxy: any http(s) endpoint allowed (loopback-only server); link-local/metadata addresses refused')
  else log(`proxy: allowed targets ${allow.join(', ')}`)

  let closing = false
  const shutdown = async () => {
    if (closing) return
    closing = true
    await running.close()
    await sandbox?.close()
    process.exit(0)
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

main().catch((err) => {
  if (err instanceof OptionsError) console.error(`error: ${err.message}`)
  else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(
      `error: ${(err as Error).message}. Another process uses that port: stop it or pass --port / --sandbox-port.`,
    )
  } else console.error(err)
  process.exit(1)
})
