import type { IncomingMessage } from 'node:http'
import { Hono } from 'hono'
import { createProxyApp, type ProxyOptions } from './proxy/proxy-app.ts'
import { hostGuard, sameOriginGuard } from './proxy/request-guard.ts'
import { serveDist } from './static-files.ts'

/** What the SPA learns from `GET /api/config`: that the proxy exists, and the sandbox to default to. */
export interface ClientConfig {
  proxy: boolean
  sandbox: { endpoint: string; apiKey: string } | null
}

export interface ConsoleAppOptions {
  hostnames: ReadonlySet<string>
  proxy: ProxyOptions
  clientConfig: () => ClientConfig
  /** Folder of the built SPA; omitted under `vite` dev, where Vite serves it. */
  distDir?: string
}

/** The console server: guards, the CORS proxy, the client config, and (in production) the built SPA. */
export function createConsoleApp(
  options: ConsoleAppOptions,
): Hono<{ Bindings: { incoming?: IncomingMessage } }> {
  const app = new Hono<{ Bindings: { incoming?: IncomingMessage } }>()
  app.use('*', hostGuard({ hostnames: options.hostnames }))
  app.use('*', async (c, next) => {
    await next()
    c.res.headers.set('x-content-type-options', 'nosniff')
    c.res.headers.set('referrer-policy', 'no-referrer')
    c.res.headers.set('x-frame-options', 'DENY')
  })
  app.use('/proxy/*', sameOriginGuard())
  app.use('/api/*', sameOriginGuard())
  app.get('/api/config', (c) => {
    c.header('cache-control', 'no-store')
    return c.json(options.clientConfig())
  })
  app.all('/api/*', (c) => c.json({ error: 'not_found', message: `No such API route: ${c.req.path}` }, 404))
  app.route('/', createProxyApp(options.proxy))
  if (options.distDir) {
    const serve = serveDist(options.distDir)
    app.on(['GET', 'HEAD'], '*', (c) => serve(c))
  }
  return app
}
