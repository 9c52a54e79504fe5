import { Hono } from 'hono'
import type { ProxyFailureLog } from './proxy/failure-log.ts'
import { hostGuard, sameOriginGuard } from './proxy/request-guard.ts'
import { SECURITY_HEADERS } from './security-headers.ts'
import { serveDist } from './static-files.ts'

/** What the SPA learns from `GET /api/config`: that the proxy exists, and the sandbox to default to. */
export interface ClientConfig {
  proxy: boolean
  sandbox: { endpoint: string; apiKey: string } | null
  /** The largest answer the console reads (the proxy's --max-response), in bytes. */
  maxResponseBytes?: number
}

export interface ConsoleAppOptions {
  hostnames: ReadonlySet<string>
  clientConfig: () => ClientConfig
  /** Folder of the built SPA; omitted under `vite` dev, where Vite serves it. */
  distDir?: string
  /** Failed upstream bodies the proxy recorded (served at /api/proxy-failures/<id>). */
  proxyFailures?: ProxyFailureLog
}

/**
 * The console's Hono app: Host guard, `/api/config`, and (in production) the built SPA with its CSP. The proxy
 * (`/proxy/*`) is a plain Node handler mounted beside it (see console-server.ts), so bytes stream socket to
 * socket without web-stream conversions.
 */
export function createConsoleApp(options: ConsoleAppOptions): Hono {
  const app = new Hono()
  app.use('*', hostGuard({ hostnames: options.hostnames }))
  app.use('*', async (c, next) => {
    await next()
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value)
  })
  app.use('/api/*', sameOriginGuard())
  app.get('/api/config', (c) => {
    c.header('cache-control', 'no-store')
    return c.json(options.clientConfig())
  })
  app.get('/api/proxy-failures/:id', (c) => {
    c.header('cache-control', 'no-store')
    const failure = options.proxyFailures?.get(c.req.param('id').slice(0, 100)) ?? null
    if (!failure)
      return c.json(
        { error: 'not_found', message: 'No body failure is recorded for this request (or it has expired).' },
        404,
      )
    return c.json(failure)
  })
  app.all('/api/*', (c) => c.json({ error: 'not_found', message: `No such API route: ${c.req.path}` }, 404))
  if (options.distDir) {
    const serve = serveDist(options.distDir)
    app.on(['GET', 'HEAD'], '*', (c) => serve(c))
  }
  return app
}
