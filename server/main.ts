import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildIfStale } from './build-if-stale.ts'
import { OptionsError, parseServerOptions, USAGE } from './cli-options.ts'
import { composeConsole } from './compose.ts'
import { startConsoleServer } from './console-server.ts'

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
  const distDir = path.resolve(root, options.distDir)
  if (options.build) buildIfStale(root, distDir, log)

  const composed = await composeConsole(options, { log })
  const running = await startConsoleServer({
    ...composed.handler,
    host: options.host,
    port: options.port,
    distDir,
  })
  log(`Kafka REST Console: ${running.url}`)

  let closing = false
  const shutdown = async () => {
    if (closing) return
    closing = true
    await running.close()
    await composed.close()
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
