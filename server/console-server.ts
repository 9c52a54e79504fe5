import { serve } from '@hono/node-server'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createConsoleApp, type ConsoleAppOptions } from './app.ts'

export interface ConsoleServerOptions extends ConsoleAppOptions {
  host: string
  port: number
  /** The proxy's answer timeout; slow clients get the same budget plus a margin. */
  timeoutMs: number
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

/** The console's HTTP server, with timeouts that keep a slow or stuck client from holding sockets forever. */
export async function startConsoleServer(options: ConsoleServerOptions): Promise<RunningConsoleServer> {
  const app = createConsoleApp(options)
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve(
      {
        fetch: app.fetch,
        port: options.port,
        hostname: options.host,
        // Node checks header/request timeouts on this interval (30 s by default): check often enough to matter.
        serverOptions: { connectionsCheckingInterval: 1_000 },
      },
      () => resolve(s as Server),
    )
    s.once('error', reject)
  })
  server.headersTimeout = options.headersTimeoutMs ?? 20_000
  // A whole request (headers and body) may not take longer than the proxy would wait for the endpoint.
  server.requestTimeout = options.requestTimeoutMs ?? options.timeoutMs + 10_000
  server.keepAliveTimeout = 5_000
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
