import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createServer as createViteServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseDevServerOptions, parseServerOptions, type ServerOptions } from './cli-options.ts'
import { composeConsole, consoleSetup, type ComposedConsole, type ConsoleSetup } from './compose.ts'
import { startConsoleServer, type RunningConsoleServer } from './console-server.ts'
import { consoleServerPlugin, type ConsoleServerPluginApi } from './vite-plugin.ts'

const KEY = 'compose-test-key'
/** The environment of the issue: every proxy knob set, an allowlist of real endpoints only, the sandbox on. */
const ENV = {
  KRC_MAX_BODY: '5mb',
  KRC_TIMEOUT: '30',
  KRC_ALLOWED_HOSTS: 'console.example.test',
  KRC_MAX_RESPONSE: '64mb',
  KRC_ALLOW_TARGETS: 'https://kafka.example.test',
  KRC_PORT: '4480',
  SANDBOX_PORT: '0',
  SANDBOX_API_KEYS: KEY,
}

function startOptions(env: NodeJS.ProcessEnv, argv: string[] = []): ServerOptions {
  const o = parseServerOptions(argv, env)
  if (o === 'help') throw new Error('unexpected help')
  return o
}

describe('npm start and npm run dev read the same options', () => {
  it('parses the same options from the same environment', () => {
    expect(parseDevServerOptions(ENV)).toEqual(startOptions(ENV))
    // Only the default port differs (Vite's 5173 beside npm start's 8080).
    const { KRC_PORT: _, ...noPort } = ENV
    expect({ ...parseDevServerOptions(noPort), port: 0 }).toEqual({ ...startOptions(noPort), port: 0 })
    expect(parseDevServerOptions(noPort).port).toBe(5173)
  })

  it('takes npm start flags from KRC_ARGS', () => {
    const argv = ['--max-body', '1mb', '--verbose', '--no-sandbox', '--allow-target', 'kafka.internal:*']
    expect(parseDevServerOptions({ KRC_ARGS: ` ${argv.join('  ')} ` })).toEqual(
      parseServerOptions(argv, {}, { port: 5173 }),
    )
    expect(() => parseDevServerOptions({ KRC_ARGS: '--bogus' })).toThrow(/KRC_ARGS/)
    expect(() => parseDevServerOptions({ KRC_TIMEOUT: 'soon' })).toThrow(/Invalid --timeout/)
    expect(() => parseDevServerOptions({ KRC_ARGS: '--help' })).toThrow(/Usage/)
  })

  it('composes the same setup, with the sandbox in the allowlist', () => {
    const sandbox = { url: 'http://127.0.0.1:8082', apiKey: KEY }
    const dev = consoleSetup(parseDevServerOptions(ENV), sandbox)
    const start = consoleSetup(startOptions(ENV), sandbox)
    expect(dev).toEqual(start)
    expect(start).toMatchObject({
      allowTargets: ['https://kafka.example.test', sandbox.url],
      maxBodyBytes: 5 * 1024 * 1024,
      maxResponseBytes: 64 * 1024 * 1024,
      timeoutMs: 30_000,
      clientConfig: {
        proxy: true,
        sandbox: { endpoint: sandbox.url, apiKey: KEY },
        maxResponseBytes: 64 * 1024 * 1024,
      },
    })
    expect(start.hostnames).toContain('console.example.test')
  })
})

interface Target {
  url: string
  options: () => ServerOptions
  setup: () => ConsoleSetup
}

/** A GET over node:http (fetch would not send a foreign Host header). */
function get(base: string, pathname: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = request(base + pathname, { headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('the dev middleware answers like the start server (real HTTP)', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'krc-dev-'))
  let vite: ViteDevServer
  let devHttp: Server
  let start: RunningConsoleServer
  let startComposed: ComposedConsole
  const targets: Record<'dev' | 'start', Target> = {} as never

  beforeAll(async () => {
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>')
    // The sandbox in memory: flags on npm start's command line, through KRC_ARGS for npm run dev.
    const argv = ['--sandbox-in-memory', '--no-demo-data']
    const plugin = consoleServerPlugin({ ...ENV, KRC_ARGS: argv.join(' ') })
    vite = await createViteServer({
      configFile: false,
      root,
      logLevel: 'silent',
      server: { middlewareMode: true, ws: false, watch: null },
      optimizeDeps: { noDiscovery: true, include: [] },
      plugins: [plugin],
    })
    devHttp = createServer(vite.middlewares)
    await new Promise<void>((resolve) => devHttp.listen(0, '127.0.0.1', resolve))
    const api = plugin.api as ConsoleServerPluginApi
    targets.dev = {
      url: `http://127.0.0.1:${(devHttp.address() as AddressInfo).port}`,
      options: () => api.options()!,
      setup: () => api.setup()!,
    }

    // What server/main.ts does, on an ephemeral port.
    startComposed = await composeConsole(startOptions(ENV, argv), { log: () => {} })
    start = await startConsoleServer({ ...startComposed.handler, host: '127.0.0.1', port: 0 })
    targets.start = {
      url: start.url,
      options: () => startOptions(ENV, argv),
      setup: () => startComposed.setup,
    }
  })

  afterAll(async () => {
    await new Promise((resolve) => devHttp?.close(resolve))
    await vite?.close()
    await start?.close()
    await startComposed?.close()
    rmSync(root, { recursive: true, force: true })
  })

  it('uses the options and setup npm start uses, around its own sandbox', () => {
    const { dev, start } = targets
    expect(dev.options()).toEqual(start.options())
    const sandbox = (setup: ConsoleSetup) => ({
      url: setup.clientConfig.sandbox!.endpoint,
      apiKey: setup.clientConfig.sandbox!.apiKey,
    })
    expect(dev.setup().allowTargets).toEqual(['https://kafka.example.test', sandbox(dev.setup()).url])
    expect(start.setup().allowTargets).toEqual(['https://kafka.example.test', sandbox(start.setup()).url])
    // Each runs its own sandbox (ephemeral ports); with the other's sandbox, each builds the other's setup.
    expect(dev.setup()).toEqual(consoleSetup(start.options(), sandbox(dev.setup())))
    expect(start.setup()).toEqual(consoleSetup(dev.options(), sandbox(start.setup())))
  })

  for (const name of ['dev', 'start'] as const) {
    it(`${name}: /api/config, the sandbox through the proxy, a refused target`, async () => {
      const { url, setup } = targets[name]
      const sandboxUrl = setup().clientConfig.sandbox!.endpoint

      const config = await get(url, '/api/config')
      expect(config.status).toBe(200)
      expect(JSON.parse(config.body)).toEqual({
        proxy: true,
        sandbox: { endpoint: sandboxUrl, apiKey: KEY },
        maxResponseBytes: 64 * 1024 * 1024,
      })
      expect(config.headers['x-frame-options']).toBe('DENY')

      const topics = await get(url, '/proxy/topics', {
        'x-kafka-rest-endpoint': sandboxUrl,
        'x-auth-token': KEY,
      })
      expect(topics.status).toBe(200)
      expect(JSON.parse(topics.body)).toEqual([])

      const refused = await get(url, '/proxy/topics', { 'x-kafka-rest-endpoint': 'http://192.0.2.7:8082' })
      expect(refused.status).toBe(403)
      expect(JSON.parse(refused.body)).toMatchObject({ error: 'target_not_allowed' })

      const foreignHost = await get(url, '/api/config', { host: 'evil.example.test' })
      expect(foreignHost.status).toBe(403)
    })
  }

  it('dev: pages get the one CSP plus what HMR needs', async () => {
    const page = await get(targets.dev.url, '/', { accept: 'text/html' })
    const csp = page.headers['content-security-policy'] ?? ''
    expect(csp).toContain("script-src 'self' 'unsafe-inline'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(page.headers['x-content-type-options']).toBe('nosniff')
  })
})

describe('the dev server refuses an open proxy like npm start', () => {
  it('refuses vite --host 0.0.0.0 without an allowlist', async () => {
    await expect(
      createViteServer({
        configFile: false,
        root: tmpdir(),
        logLevel: 'silent',
        server: { middlewareMode: true, ws: false, host: '0.0.0.0', watch: null },
        plugins: [consoleServerPlugin({ KRC_NO_SANDBOX: '1' })],
      }),
    ).rejects.toThrow(/Refusing to bind 0\.0\.0\.0 without an allowlist/)
  })
})
