/**
 * The sandbox: a local Kafka REST server speaking Confluent REST Proxy v1/v2/v3 and IBM Message
 * Hub's classic admin API, over plain node:http. `startSandbox` is what `server/main.ts` runs
 * in-process and what `npm run sandbox` runs alone.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import fs from 'node:fs'
import path from 'node:path'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { ConsumerRegistry } from './consumer-groups.ts'
import { DEMO_ACTIVITY_TOPIC, startDemoActivity } from './demo-activity.ts'
import { writeDemoData } from './demo-data.ts'
import { NotAcceptableError, RestError, methodNotAllowed, routeNotFound } from './errors.ts'
import { Router, sendError, sendJson, type ApiName, type RequestContext } from './http-kit.ts'
import { DEFAULT_RETENTION, LogStore, type RetentionLimits } from './log-store.ts'
import { registerAdminRoutes } from './routes-admin.ts'
import { registerConfluentRoutes } from './routes-confluent.ts'
import { registerV3Routes } from './routes-v3.ts'
import { writeDemoRegistryData } from './registry/demo-registry.ts'
import { REGISTRY_MEDIA_TYPE, registryUnauthorized } from './registry/registry-errors.ts'
import { RegistryStore } from './registry/registry-store.ts'
import { isRegistryPath, registerRegistryRoutes, registryAcceptable } from './registry/routes-registry.ts'
import type { SandboxState } from './sandbox-state.ts'

export type { ApiName }

export interface SandboxOptions {
  /** 0 picks an ephemeral port. Default 8082. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** Accepted API keys; when empty, SANDBOX_API_KEYS, else a generated demo key. */
  apiKeys?: string[]
  /** Users accepted with HTTP Basic `name:password` (Confluent Cloud, Aiven, Redpanda style), besides the keys. */
  users?: Array<{ name: string; password: string }>
  /** Directory for topics and records; null/undefined keeps everything in memory. */
  dataDir?: string | null
  /** Write the demo topics when the data dir is fresh (always, in memory). Default true. */
  demoData?: boolean
  /**
   * Background demo consumers (a caught-up group and one that lags and moves, feeding demo.clicks). Default: on
   * with the demo data.
   */
  demoActivity?: boolean
  /** Allowed CORS origins ('*' for any); empty/undefined leaves CORS off like a default Confluent proxy. */
  cors?: string[]
  /** Dialect surface: ['v1','admin'] ≈ Message Hub / CP 2.x, ['v2','v3'] ≈ CP ≥ 6. Default all. */
  apis?: ApiName[]
  /** Request bodies above this are refused with 413. Default 32 MiB. */
  maxBodyBytes?: number
  /** Serve the Schema Registry API (`/subjects`, `/schemas`, …) on the same port. Default true. */
  registry?: boolean
  /** Per-partition retention caps. */
  retention?: Partial<RetentionLimits>
  /** Extra Host header names accepted besides localhost, 127.0.0.1, [::1] and the bound host. */
  allowedHosts?: string[]
  /** Idle consumer instances expire after this (Confluent's consumer.instance.timeout.ms). Default 300000. */
  consumerInstanceTimeoutMs?: number
  /** Cap on record bytes per fetch response (Confluent's consumer.request.max.bytes). Default 64 MiB. */
  maxResponseBytes?: number
  log?: (line: string) => void
}

export interface RunningSandbox {
  url: string
  port: number
  apiKeys: string[]
  demoKeyGenerated: boolean
  close(): Promise<void>
}

export const ALL_APIS: readonly ApiName[] = ['v1', 'v2', 'v3', 'admin']
const DEFAULT_MAX_BODY = 32 * 1024 * 1024
const DEFAULT_MAX_RESPONSE = 64 * 1024 * 1024

interface SandboxMeta {
  clusterId: string
  demoKey?: string
  createdAt: number
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const log = options.log ?? ((line: string) => console.log(line))
  const host = options.host ?? '127.0.0.1'
  const apis = new Set<ApiName>(options.apis ?? ALL_APIS)
  for (const api of apis) {
    if (!ALL_APIS.includes(api)) throw new Error(`unknown API '${api}' (expected v1, v2, v3 or admin)`)
  }
  const dataDir =
    options.dataDir === undefined || options.dataDir === null ? null : path.resolve(options.dataDir)
  const retention: RetentionLimits = { ...DEFAULT_RETENTION, ...options.retention }
  if (!(retention.maxBytes >= 1) || !(retention.maxRecords >= 1))
    throw new Error('retention caps must be >= 1')

  let meta: SandboxMeta | null = null
  let fresh = true
  if (dataDir !== null) {
    prepareDataDir(dataDir)
    const metaPath = path.join(dataDir, 'sandbox.json')
    if (fs.existsSync(metaPath)) {
      try {
        meta = JSON.parse(fs.readFileSync(metaPath, 'utf8')) as SandboxMeta
        fresh = false
      } catch (err) {
        throw new Error(`sandbox data dir ${dataDir}: unreadable sandbox.json (${(err as Error).message})`, {
          cause: err,
        })
      }
    }
  }
  meta ??= { clusterId: randomBytes(16).toString('base64url').slice(0, 22), createdAt: Date.now() }

  let apiKeys = (options.apiKeys ?? []).filter((k) => k !== '')
  if (apiKeys.length === 0)
    apiKeys = (process.env.SANDBOX_API_KEYS ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter((k) => k !== '')
  let demoKeyGenerated = false
  if (apiKeys.length === 0) {
    // Kept in the data dir so a browser that saved the demo connection still works after a restart.
    meta.demoKey ??= `sandbox-${randomBytes(12).toString('hex')}`
    apiKeys = [meta.demoKey]
    demoKeyGenerated = true
  }
  if (dataDir !== null) writeJsonAtomic(path.join(dataDir, 'sandbox.json'), meta)

  const store = new LogStore(dataDir, retention)
  for (const warning of store.open()) log(`sandbox: ${warning}`)
  if (fresh && options.demoData !== false && store.topicNames().length === 0) writeDemoData(store)
  // A data dir written by an older demo gets the topic the demo activity feeds.
  if (options.demoData !== false && store.hasTopic('demo.orders') && !store.hasTopic(DEMO_ACTIVITY_TOPIC))
    store.createTopic(DEMO_ACTIVITY_TOPIC, 3)
  const registryOn = options.registry !== false
  const registry = new RegistryStore(dataDir)
  if (registryOn && !registry.open()) {
    // A data dir from before the registry existed gets the registry demo once (topics only where free).
    if (options.demoData !== false) writeDemoRegistryData(store, registry)
    else registry.persist()
  }

  const state: SandboxState = {
    store,
    consumers: new ConsumerRegistry(store, options.consumerInstanceTimeoutMs ?? 300_000),
    apis,
    clusterId: meta.clusterId,
    brokerId: 1,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE,
    log,
  }
  const router = new Router()
  registerConfluentRoutes(router, state)
  if (apis.has('v3')) registerV3Routes(router, state)
  if (apis.has('admin')) registerAdminRoutes(router, state)
  const registryRouter = new Router()
  if (registryOn) registerRegistryRoutes(registryRouter, registry)

  const keyBuffers = apiKeys.map((k) => Buffer.from(k, 'utf8'))
  const userBuffers = (options.users ?? []).map((u) => Buffer.from(`${u.name}:${u.password}`, 'utf8'))
  const corsOrigins = (options.cors ?? []).filter((o) => o !== '')
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY
  let boundPort = options.port ?? 8082

  const allowedHosts = new Set(
    ['localhost', '127.0.0.1', '::1', host, ...(options.allowedHosts ?? [])].map((h) => h.toLowerCase()),
  )
  const wildcardBind = host === '0.0.0.0' || host === '::'

  const server = http.createServer({ keepAlive: true }, (req, res) => {
    void handle(req, res)
  })
  server.keepAliveTimeout = 5000
  server.on('clientError', (_err, socket) => {
    if (socket.writable)
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
    else socket.destroy()
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    req.on('error', () => undefined)
    res.on('error', () => undefined)
    const rawUrl = req.url ?? '/'
    const q = rawUrl.indexOf('?')
    let pathPart = q < 0 ? rawUrl : rawUrl.slice(0, q)
    if (!pathPart.startsWith('/')) {
      try {
        pathPart = new URL(pathPart).pathname
      } catch {
        pathPart = '/'
      }
    }
    const hostHeader = req.headers.host ?? `${host}:${boundPort}`
    const ctx: RequestContext = {
      req,
      res,
      method: req.method ?? 'GET',
      path: pathPart,
      query: new URLSearchParams(q < 0 ? '' : rawUrl.slice(q + 1)),
      params: {},
      origin: `http://${hostHeader}`,
      errorContentType: 'application/json',
      maxBodyBytes,
    }
    try {
      if (!hostAllowed(req.headers.host)) {
        throw new RestError(
          403,
          403,
          `Host '${req.headers.host}' is not allowed (DNS rebinding protection); use localhost or 127.0.0.1, or start the sandbox with --allowed-host.`,
        )
      }
      if (applyCors(req, res)) return
      const forRegistry = registryOn && isRegistryPath(ctx.path)
      if (forRegistry) {
        ctx.errorContentType = REGISTRY_MEDIA_TYPE
        if (!registryAuthenticated(req)) throw registryUnauthorized()
        if (ctx.method !== 'OPTIONS' && !registryAcceptable(req.headers.accept))
          throw new NotAcceptableError()
      } else if (!authenticated(req)) {
        throw new RestError(
          401,
          40101,
          'Authentication failed: send a valid API key as X-Auth-Token: <key>, Authorization: Bearer <key> or Basic token:<key>, or a configured user as Basic <user>:<password>.',
        )
      }
      const routes = forRegistry ? registryRouter : router
      if (ctx.method === 'OPTIONS') {
        const match = routes.match('OPTIONS', ctx.path)
        if (match.kind !== 'method-not-allowed') throw routeNotFound()
        res.writeHead(204, { Allow: [...new Set([...match.allowed, 'OPTIONS'])].join(', ') })
        res.end()
        return
      }
      const match = routes.match(ctx.method, ctx.path)
      if (match.kind === 'not-found') throw routeNotFound()
      if (match.kind === 'method-not-allowed') {
        res.setHeader('Allow', [...new Set(match.allowed)].join(', '))
        throw methodNotAllowed()
      }
      ctx.params = match.params
      await match.handler(ctx)
    } catch (err) {
      try {
        sendError(ctx, err)
      } catch (unexpected) {
        log(
          `sandbox: internal error on ${ctx.method} ${ctx.path}: ${(unexpected as Error).stack ?? String(unexpected)}`,
        )
        if (!res.headersSent)
          sendJson(ctx, 500, { error_code: 500, message: 'Internal Server Error' }, 'application/json')
        else res.destroy()
      }
    }
  }

  function hostAllowed(header: string | undefined): boolean {
    if (header === undefined) return true // HTTP/1.0 without Host: no browser sends that.
    let name = header.toLowerCase()
    if (name.startsWith('[')) name = name.slice(1, name.indexOf(']') < 0 ? undefined : name.indexOf(']'))
    else if (name.lastIndexOf(':') > 0) name = name.slice(0, name.lastIndexOf(':'))
    if (allowedHosts.has(name) || name.endsWith('.localhost')) return true
    return wildcardBind && (/^\d{1,3}(\.\d{1,3}){3}$/.test(name) || name.includes(':'))
  }

  /** CORS like Confluent's CrossOriginFilter when access.control.allow.origin is set; true if answered. */
  function applyCors(req: IncomingMessage, res: ServerResponse): boolean {
    const origin = req.headers.origin
    if (corsOrigins.length === 0 || origin === undefined) return false
    if (!corsOrigins.includes('*') && !corsOrigins.includes(origin)) return false
    res.setHeader('Access-Control-Allow-Origin', origin)
    res.setHeader('Vary', 'Origin')
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
      // Preflights skip authentication (access.control.skip.options, CP ≥ 6).
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, HEAD, OPTIONS',
        'Access-Control-Allow-Headers': 'Content-Type, Accept, Origin, X-Auth-Token, Authorization',
        'Access-Control-Max-Age': '600',
      })
      res.end()
      return true
    }
    return false
  }

  function keyMatches(candidate: string): boolean {
    const buf = Buffer.from(candidate, 'utf8')
    let ok = false
    for (const key of keyBuffers) if (key.length === buf.length && timingSafeEqual(key, buf)) ok = true
    return ok
  }

  /** A configured user's exact `name:password`, compared in constant time like the keys. */
  function userMatches(pair: string): boolean {
    const buf = Buffer.from(pair, 'utf8')
    let ok = false
    for (const u of userBuffers) if (u.length === buf.length && timingSafeEqual(u, buf)) ok = true
    return ok
  }

  function authenticated(req: IncomingMessage): boolean {
    const token = req.headers['x-auth-token']
    if (typeof token === 'string' && keyMatches(token.trim())) return true
    const authorization = req.headers.authorization
    if (authorization === undefined) return false
    const [scheme, ...rest] = authorization.trim().split(/\s+/)
    const credentials = rest.join(' ')
    if (/^bearer$/i.test(scheme)) return keyMatches(credentials)
    if (/^basic$/i.test(scheme)) {
      const decoded = Buffer.from(credentials, 'base64').toString('utf8')
      const colon = decoded.indexOf(':')
      // Event Streams takes the API key as the password of the user "token".
      if (colon > 0 && decoded.slice(0, colon) === 'token' && keyMatches(decoded.slice(colon + 1)))
        return true
      return colon > 0 && userMatches(decoded)
    }
    return false
  }

  /** Registry clients send the key as X-Auth-Token, Bearer, or Basic with the key as password (any user). */
  function registryAuthenticated(req: IncomingMessage): boolean {
    if (authenticated(req)) return true
    const [scheme, credentials = ''] = (req.headers.authorization ?? '').trim().split(/\s+/, 2)
    if (!/^basic$/i.test(scheme)) return false
    const decoded = Buffer.from(credentials, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    return colon >= 0 && keyMatches(decoded.slice(colon + 1))
  }

  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      store.close()
      reject(
        new Error(
          err.code === 'EADDRINUSE'
            ? `sandbox: port ${boundPort} on ${host} is already in use (start with --port 0 for a free one)`
            : `sandbox: cannot listen on ${host}:${boundPort} (${err.message})`,
        ),
      )
    }
    server.once('error', onError)
    server.listen(boundPort, host, () => {
      server.off('error', onError)
      resolve()
    })
  })
  boundPort = (server.address() as AddressInfo).port
  const expiry = setInterval(() => state.consumers.expireIdle(), 10_000)
  expiry.unref()
  const activity =
    (options.demoActivity ?? options.demoData !== false) ? startDemoActivity(store, state.consumers) : null

  const urlHost = host.includes(':') ? `[${host}]` : host
  let closed: Promise<void> | null = null
  return {
    url: `http://${urlHost}:${boundPort}`,
    port: boundPort,
    apiKeys: [...apiKeys],
    demoKeyGenerated,
    close() {
      closed ??= new Promise<void>((resolve) => {
        clearInterval(expiry)
        activity?.stop()
        server.close(() => {
          store.close()
          resolve()
        })
        server.closeAllConnections()
      })
      return closed
    },
  }
}

/** Creates the data dir and proves it is writable, so a bad dir fails at startup with a clear message. */
function prepareDataDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true })
    const probe = path.join(dir, `.write-test-${process.pid}`)
    fs.writeFileSync(probe, 'ok')
    fs.rmSync(probe)
  } catch (err) {
    const e = err as NodeJS.ErrnoException
    throw new Error(
      `sandbox data dir ${dir} is not usable: ${e.code ?? ''} ${e.message}`.replace(/\s+/g, ' '),
      {
        cause: err,
      },
    )
  }
}

function writeJsonAtomic(file: string, value: unknown): void {
  const tmp = `${file}.tmp`
  fs.writeFileSync(tmp, JSON.stringify(value, null, 2))
  fs.renameSync(tmp, file)
}
