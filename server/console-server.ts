import { getRequestListener } from '@hono/node-server'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createConsoleApp, type ConsoleAppOptions } from './app.ts'
import { ProxyFailureLog } from './proxy/failure-log.ts'
import {
  createProxyHandler,
  isProxyPath,
  type NodeHandler,
  type ProxyOptions,
} from './proxy/proxy-handler.ts'

export interface ConsoleServerOptions extends ConsoleAppOptions {
  host: string
  port: number
  proxy: ProxyOptions
  /** Time allowed for a client to send its request headers (slowloris guard). */
  headersTimeoutMs?: number
  /** Time allowed for a whole request, body included; default: the proxy timeout plus 10 s. */
  requestTimeoutMs?: number
}

export interface RunningConsoleServer {
  server: Server
  url: string
  close(): Promise<void>
}

/** One request listener for the console: the proxy for `/proxy/*`, the Hono app for everything else. */
export function consoleListener(options: ConsoleAppOptions & { proxy: ProxyOptions }): NodeHandler {
  // One record of failed upstream bodies, written by the proxy and read through /api/proxy-failures/<id>.
  const failures = options.proxy.failures ?? new ProxyFailureLog()
  const app = createConsoleApp({ ...options, proxyFailures: failures })
  const honoListener = getRequestListener(app.fetch)
  const proxy = createProxyHandler({ ...options.proxy, failures, hostnames: options.hostnames })
  return (req, res) => (isProxyPath(req.url) ? proxy(req, res) : void honoListener(req, res))
}

/** The console's HTTP server, with timeouts that keep a slow or stuck client from holding sockets forever. */
export async function startConsoleServer(options: ConsoleServerOptions): Promise<RunningConsoleServer> {
  // A whole request (headers and body) may not take longer than the proxy would wait for the endpoint.
  const requestTimeout = options.requestTimeoutMs ?? options.proxy.timeoutMs + 10_000
  const server = createServer(
    {
      headersTimeout: Math.min(options.headersTimeoutMs ?? 20_000, requestTimeout),
      requestTimeout,
      keepAliveTimeout: 5_000,
      // Node checks those timeouts on this interval (30 s by default): check often enough to matter.
      connectionsCheckingInterval: 1_000,
    },
    consoleListener(options),
  )
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const host = options.host.includes(':') ? `[${options.host}]` : options.host
  return {
    server,
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
