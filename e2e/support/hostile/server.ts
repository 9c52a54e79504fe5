import { readdirSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/**
 * A deliberately hostile Kafka REST endpoint for the e2e suite (issue 12). The console connects to
 * `http://127.0.0.1:<port>/<scenario>` and the first path segment picks the scenario; the rest of the path is what
 * the console asked for. Each scenario is a module in `scenarios/` (file name = scenario name) exporting
 * `handle(ctx)`; most forward to the suite's own sandbox and spoil one answer (see `upstream.ts`).
 * Usage: node --import tsx e2e/support/hostile/server.ts <port> <sandbox-port>
 */
export interface ScenarioContext {
  req: IncomingMessage
  res: ServerResponse
  /** The path the console asked for, without the scenario prefix, e.g. `/topics/demo.orders`. */
  path: string
  /** The query string with its `?`, or ''. */
  search: string
  /** Request body (already read in full). */
  body: Buffer
  /** The suite's own sandbox (http://127.0.0.1:<port>), for scenarios that spoil only some answers. */
  sandbox: string
}

export type Scenario = (ctx: ScenarioContext) => void | Promise<void>

const port = Number(process.argv[2] ?? 4188)
const sandbox = `http://127.0.0.1:${Number(process.argv[3] ?? 4182)}`
const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'scenarios')

const scenarios = new Map<string, Scenario>()
for (const file of readdirSync(dir)) {
  if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { handle?: Scenario }
  if (typeof mod.handle === 'function') scenarios.set(file.slice(0, -3), mod.handle)
}

const MAX_BODY = 64 * 1024 * 1024

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x')
  // Raw (still percent-encoded) path: scenarios must see exactly what the console sent.
  const raw = (req.url ?? '/').split('?')[0]
  const [, name = '', ...rest] = raw.split('/')
  if (name === 'health') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`ok: ${[...scenarios.keys()].join(', ')}`)
    return
  }
  const handle = scenarios.get(name)
  if (!handle) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end(`no hostile scenario "${name}"`)
    return
  }
  const chunks: Buffer[] = []
  let size = 0
  req.on('data', (c: Buffer) => {
    size += c.length
    if (size <= MAX_BODY) chunks.push(c)
  })
  req.on('end', () => {
    const ctx: ScenarioContext = {
      req,
      res,
      path: '/' + rest.join('/'),
      search: url.search,
      body: Buffer.concat(chunks),
      sandbox,
    }
    Promise.resolve(handle(ctx)).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(599, { 'content-type': 'text/plain' })
      res.end(`hostile scenario ${name} crashed: ${String(e)}`)
    })
  })
}).listen(port, '127.0.0.1', () =>
  console.log(`hostile endpoint on ${port}: ${[...scenarios.keys()].join(', ')}`),
)
