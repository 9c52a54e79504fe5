import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'
import type { ClientConfig, ConsoleAppOptions } from './app.ts'
import type { ServerOptions } from './cli-options.ts'
import { consoleListener } from './console-server.ts'
import { serverHostnames } from './proxy/guards.ts'
import { isProxyPath, type ProxyOptions } from './proxy/proxy-handler.ts'
import { TargetPolicy } from './proxy/target-policy.ts'
import type { RunningSandbox } from './sandbox/sandbox-server.ts'
import { contentSecurityPolicy, SECURITY_HEADERS } from './security-headers.ts'

/**
 * From parsed options to a running console: the one composition used by `npm start` (server/main.ts) and
 * `npm run dev` (server/vite-plugin.ts), so both serve the same proxy, allowlist and /api routes.
 */

/** The sandbox as the console sees it. */
export interface SandboxAddress {
  url: string
  apiKey: string
}

/** What the console server is built from, as plain data (so the two entry points can be compared). */
export interface ConsoleSetup {
  /** Host names the server answers to (DNS-rebinding guard). */
  hostnames: string[]
  /** The proxy's allowlist; empty means any http(s) endpoint (loopback-only server). */
  allowTargets: string[]
  maxBodyBytes: number
  maxResponseBytes: number
  timeoutMs: number
  verbose: boolean
  clientConfig: ClientConfig
}

export type ConsoleHandlerOptions = ConsoleAppOptions & { proxy: ProxyOptions }

export function consoleSetup(options: ServerOptions, sandbox: SandboxAddress | null): ConsoleSetup {
  return {
    hostnames: [...serverHostnames(options.host, options.allowedHosts)],
    // The sandbox is ours: reachable through the proxy even when an allowlist names only real endpoints.
    allowTargets:
      options.allowTargets.length && sandbox
        ? [...options.allowTargets, sandbox.url]
        : [...options.allowTargets],
    maxBodyBytes: options.maxBodyBytes,
    maxResponseBytes: options.maxResponseBytes,
    timeoutMs: options.timeoutMs,
    verbose: options.verbose,
    clientConfig: {
      proxy: true,
      sandbox: sandbox ? { endpoint: sandbox.url, apiKey: sandbox.apiKey } : null,
      maxResponseBytes: options.maxResponseBytes,
    },
  }
}

/** The options of the console's request listener (see console-server.ts) for a setup. */
export function handlerOptions(setup: ConsoleSetup, log: (line: string) => void): ConsoleHandlerOptions {
  const clientConfig = setup.clientConfig
  return {
    hostnames: new Set(setup.hostnames),
    proxy: {
      policy: new TargetPolicy(setup.allowTargets),
      maxBodyBytes: setup.maxBodyBytes,
      maxResponseBytes: setup.maxResponseBytes,
      timeoutMs: setup.timeoutMs,
      log: setup.verbose ? (line) => log(`proxy ${line}`) : undefined,
    },
    clientConfig: () => clientConfig,
  }
}

export interface ComposedConsole {
  setup: ConsoleSetup
  handler: ConsoleHandlerOptions
  sandbox: RunningSandbox | null
  /** Stops the sandbox (idempotent). */
  close(): Promise<void>
}

export interface ComposeHooks {
  log: (line: string) => void
  /**
   * Called when the sandbox cannot start; without it the error is thrown. `npm run dev` warns and goes on
   * without the sandbox (e.g. `npm start` already holds its port).
   */
  onSandboxError?: (err: Error) => void
}

/** Starts the sandbox (when enabled) and builds the console's handler options around it. */
export async function composeConsole(options: ServerOptions, hooks: ComposeHooks): Promise<ComposedConsole> {
  const { log } = hooks
  let sandbox: RunningSandbox | null = null
  if (options.sandbox.enabled) {
    // Imported here so loading vite.config.ts (vite build, Vitest) does not load the sandbox.
    const { startSandbox } = await import('./sandbox/sandbox-server.ts')
    try {
      sandbox = await startSandbox({
        port: options.sandbox.port,
        host: '127.0.0.1',
        apiKeys: options.sandbox.apiKeys.length ? options.sandbox.apiKeys : undefined,
        users: options.sandbox.users,
        dataDir: options.sandbox.dataDir ? path.resolve(options.sandbox.dataDir) : null,
        demoData: options.sandbox.demoData,
        log,
      })
    } catch (err) {
      if (!hooks.onSandboxError) throw err
      hooks.onSandboxError(err as Error)
    }
    if (sandbox)
      log(
        `sandbox listening on ${sandbox.url}${sandbox.demoKeyGenerated ? ` (demo API key: ${sandbox.apiKeys[0]})` : ''}`,
      )
  }
  const setup = consoleSetup(options, sandbox && { url: sandbox.url, apiKey: sandbox.apiKeys[0] })
  if (!setup.allowTargets.length)
    log('proxy: any http(s) endpoint allowed (loopback-only server); link-local/metadata addresses refused')
  else log(`proxy: allowed targets ${setup.allowTargets.join(', ')}`)
  let closing: Promise<void> | null = null
  return {
    setup,
    handler: handlerOptions(setup, log),
    sandbox,
    close: () => (closing ??= sandbox ? sandbox.close() : Promise.resolve()),
  }
}

/** The paths the console server answers itself; under Vite dev everything else is Vite's. */
export function isConsolePath(url: string | undefined): boolean {
  return isProxyPath(url) || (!!url && (url === '/api' || url.startsWith('/api/') || url.startsWith('/api?')))
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

/**
 * The console server as connect middleware for Vite dev: the same listener as `npm start` for /proxy and
 * /api, and the same security headers on Vite's answers, with the CSP allowances HMR needs on the page.
 */
export function consoleMiddleware(handler: ConsoleHandlerOptions): Middleware {
  const listener = consoleListener(handler)
  const csp = contentSecurityPolicy({ dev: true })
  return (req, res, next) => {
    if (isConsolePath(req.url)) return listener(req, res)
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
    // As `npm start` does, the policy goes on pages (navigations ask for HTML), not on scripts or workers.
    if (req.headers.accept?.includes('text/html')) res.setHeader('content-security-policy', csp)
    next()
  }
}
