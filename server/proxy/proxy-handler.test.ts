import { createHash, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { request as undiciRequest } from 'undici'
import { startConsoleServer, type RunningConsoleServer } from '../console-server.ts'
import { serverHostnames } from './guards.ts'
import { TargetPolicy } from './target-policy.ts'

interface Seen {
  method: string
  url: string
  headers: IncomingMessage['headers']
  bodyLength: number
  bodySha256: string
}

let upstream: Server
let upstreamUrl: string
const hits: string[] = []
let endlessClosed = false

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

beforeAll(async () => {
  upstream = createServer(async (req, res) => {
    hits.push(req.url ?? '')
    const url = new URL(req.url ?? '/', 'http://x')
    if (url.pathname.endsWith('/redirect')) {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end('moved')
      return
    }
    if (url.pathname.endsWith('/hang')) return // never answers
    if (url.pathname.endsWith('/refuse-large')) {
      // Like a server with a body limit: answer 413 at once and close while the client is still sending.
      res
        .writeHead(413, { 'content-type': 'application/json', connection: 'close' })
        .end('{"error_code":413}')
      res.on('finish', () => req.socket.destroy())
      return
    }
    if (url.pathname.endsWith('/endless')) {
      // Streams until the proxy stops reading: how a client that went away must end the upstream request.
      res.writeHead(200, { 'content-type': 'application/octet-stream' })
      const timer = setInterval(() => res.write(Buffer.alloc(16 * 1024, 1)), 5)
      res.on('close', () => {
        clearInterval(timer)
        endlessClosed = true
      })
      return
    }
    if (url.pathname.endsWith('/redirect-relative')) {
      res.writeHead(301, { location: '../elsewhere?x=1' }).end()
      return
    }
    if (url.pathname.endsWith('/big-declared')) {
      // Declares more than the test proxy's limit; sends a little, then nothing.
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(10 * 1024 * 1024) })
      res.write('{"data":[')
      return
    }
    if (url.pathname.endsWith('/big-chunked')) {
      res.writeHead(200, { 'content-type': 'application/json' })
      const timer = setInterval(() => res.write(Buffer.alloc(64 * 1024, 0x41)), 2)
      res.on('close', () => clearInterval(timer))
      return
    }
    const encoded = /\/encoded-(gzip|br|zstd)$/.exec(url.pathname)
    if (encoded) {
      const plain = Buffer.from(JSON.stringify({ hello: 'world'.repeat(1000) }))
      const body =
        encoded[1] === 'gzip' ? gzipSync(plain) : encoded[1] === 'br' ? brotliCompressSync(plain) : plain
      res
        .writeHead(200, {
          'content-type': 'application/json',
          'content-encoding': encoded[1],
          'content-length': String(body.length),
        })
        .end(body)
      return
    }
    if (url.pathname.endsWith('/gzip-bomb')) {
      // 64 MiB of zeros in about 64 KB: concatenated gzip members are one valid stream.
      const member = gzipSync(Buffer.alloc(1024 * 1024))
      const body = Buffer.concat(Array.from({ length: 64 }, () => member))
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(body)
      return
    }
    if (url.pathname.endsWith('/corrupt-gzip')) {
      const body = Buffer.concat([
        gzipSync(Buffer.alloc(100_000, 0x41)).subarray(0, 200),
        Buffer.alloc(100, 7),
      ])
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(body)
      return
    }
    if (url.pathname.endsWith('/no-content')) {
      res.writeHead(204).end()
      return
    }
    if (url.pathname.endsWith('/cut')) {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': '1000' })
      res.write(Buffer.alloc(100, 1))
      setTimeout(() => res.destroy(), 20)
      return
    }
    const body = await readBody(req)
    const seen: Seen = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      bodyLength: body.length,
      bodySha256: createHash('sha256').update(body).digest('hex'),
    }
    res.writeHead(url.searchParams.get('status') ? Number(url.searchParams.get('status')) : 200, {
      'content-type': 'application/vnd.kafka.v2+json',
      'set-cookie': 'session=secret',
      'access-control-allow-origin': '*',
      'x-upstream-only': 'yes',
      connection: 'keep-alive',
    })
    res.end(JSON.stringify(seen))
  })
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r))
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`
})

afterAll(async () => {
  upstream.closeAllConnections()
  await new Promise((r) => upstream.close(r))
})

interface Served {
  url: string
  request(
    url: string,
    init?: {
      method?: string
      headers?: Record<string, string>
      body?: Uint8Array | string | ReadableStream<Uint8Array>
    },
  ): Promise<Response>
}

const running: RunningConsoleServer[] = []
afterAll(async () => {
  for (const s of running.splice(0)) await s.close()
})

/**
 * The console server on a real socket (the proxy streams socket to socket). `request(url)` talks to it like
 * `app.request` would, but over HTTP: the URL's host is replaced by the server's address, the Host header kept.
 */
async function makeApp(
  opts: {
    allow?: string[]
    maxBodyBytes?: number
    maxResponseBytes?: number
    timeoutMs?: number
    log?: (l: string) => void
  } = {},
): Promise<Served> {
  const server = await startConsoleServer({
    host: '127.0.0.1',
    port: 0,
    hostnames: serverHostnames('127.0.0.1'),
    proxy: {
      policy: new TargetPolicy(opts.allow ?? []),
      maxBodyBytes: opts.maxBodyBytes ?? 1024 * 1024,
      maxResponseBytes: opts.maxResponseBytes,
      timeoutMs: opts.timeoutMs ?? 5_000,
      log: opts.log,
    },
    clientConfig: () => ({ proxy: true, sandbox: null }),
  })
  running.push(server)
  return {
    url: server.url,
    async request(url, init = {}) {
      const u = new URL(url)
      const headers = { host: u.host, ...init.headers }
      const body = init.body instanceof ReadableStream ? Readable.fromWeb(init.body as never) : init.body
      const res = await undiciRequest(server.url + u.pathname + u.search, {
        method: (init.method ?? 'GET') as 'GET',
        headers,
        body,
      })
      const status = res.statusCode
      const responseHeaders = new Headers()
      for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') responseHeaders.set(k, v)
      const bytes = await res.body.arrayBuffer().then(
        (b) => ({ ok: true as const, b }),
        (e: unknown) => ({ ok: false as const, e }),
      )
      return {
        status,
        headers: responseHeaders,
        json: async () => {
          if (!bytes.ok) throw bytes.e
          return JSON.parse(new TextDecoder().decode(bytes.b))
        },
        text: async () => {
          if (!bytes.ok) throw bytes.e
          return new TextDecoder().decode(bytes.b)
        },
        arrayBuffer: async () => {
          if (!bytes.ok) throw bytes.e
          return bytes.b
        },
      } as unknown as Response
    },
  }
}

const ORIGIN_HEADERS = { host: '127.0.0.1:8080' }

async function proxied(
  app: Served,
  path: string,
  init: {
    method?: string
    body?: Uint8Array | string | ReadableStream<Uint8Array>
    endpoint?: string
    headers?: Record<string, string>
  } = {},
) {
  const { endpoint = upstreamUrl + '/base', headers = {}, ...rest } = init
  return app.request(`http://127.0.0.1:8080/proxy${path}`, {
    ...rest,
    headers: { ...ORIGIN_HEADERS, 'x-kafka-rest-endpoint': endpoint, ...headers },
  })
}

describe('proxy forwarding', () => {
  it('forwards method, path under the base path, query, body and only the allowed headers', async () => {
    const app = await makeApp()
    const body = new Uint8Array(256).map((_, i) => i)
    const res = await proxied(app, '/topics/a%20b/partitions/0?offset=5&count=2', {
      method: 'POST',
      body,
      headers: {
        accept: 'application/vnd.kafka.v2+json',
        'content-type': 'application/vnd.kafka.binary.v2+json',
        'x-auth-token': 'k-123',
        authorization: 'Bearer t',
        cookie: 'session=abc',
        'x-custom': 'nope',
        origin: 'http://127.0.0.1:8080',
      },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/vnd.kafka.v2+json')
    const seen = (await res.json()) as Seen
    expect(seen.method).toBe('POST')
    expect(seen.url).toBe('/base/topics/a%20b/partitions/0?offset=5&count=2')
    expect(seen.bodyLength).toBe(256)
    expect(seen.bodySha256).toBe(createHash('sha256').update(body).digest('hex'))
    expect(seen.headers['x-auth-token']).toBe('k-123')
    expect(seen.headers.authorization).toBe('Bearer t')
    expect(seen.headers.accept).toBe('application/vnd.kafka.v2+json')
    expect(seen.headers.cookie).toBeUndefined()
    expect(seen.headers['x-custom']).toBeUndefined()
    expect(seen.headers.origin).toBeUndefined()
    expect(seen.headers['x-kafka-rest-endpoint']).toBeUndefined()
    expect(seen.headers.host).toBe(new URL(upstreamUrl).host)
  })

  it('streams large bodies byte-exact, with a Content-Length or chunked', async () => {
    const app = await makeApp({ maxBodyBytes: 8 * 1024 * 1024 })
    const declared = randomBytes(3 * 1024 * 1024)
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')
    const res = await proxied(app, '/topics/t', { method: 'POST', body: declared })
    expect(((await res.json()) as Seen).bodySha256).toBe(sha(declared))

    const parts = [randomBytes(300_000), randomBytes(300_000), randomBytes(7)]
    let next = 0
    const chunked = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (next < parts.length) controller.enqueue(parts[next++])
        else controller.close()
      },
    })
    const res2 = await proxied(app, '/topics/t', { method: 'POST', body: chunked })
    const seen = (await res2.json()) as Seen
    expect(seen.headers['transfer-encoding']).toBe('chunked')
    expect(seen.bodySha256).toBe(sha(Buffer.concat(parts)))
  })

  it('stops reading the endpoint when the client goes away mid-answer', async () => {
    const app = await makeApp()
    endlessClosed = false
    const res = await undiciRequest(`${app.url}/proxy/endless`, {
      headers: { ...ORIGIN_HEADERS, 'x-kafka-rest-endpoint': upstreamUrl },
    })
    expect(res.statusCode).toBe(200)
    // The first chunk, then the client leaves (leaving the loop destroys the body and its connection).
    for await (const chunk of res.body) {
      expect(chunk.length).toBeGreaterThan(0)
      break
    }
    await expect.poll(() => endlessClosed, { timeout: 5_000 }).toBe(true)
  })

  it('returns no cookies, CORS headers or other upstream headers', async () => {
    const res = await proxied(await makeApp(), '/topics')
    expect(res.status).toBe(200)
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    expect(res.headers.get('x-upstream-only')).toBeNull()
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it('passes the upstream status through', async () => {
    const res = await proxied(await makeApp(), '/topics?status=404')
    expect(res.status).toBe(404)
  })

  it('handles null-body statuses', async () => {
    const res = await proxied(await makeApp(), '/no-content', { method: 'DELETE' })
    expect(res.status).toBe(204)
    expect(await res.text()).toBe('')
  })

  it('uses the endpoint root when it has no base path', async () => {
    const res = await proxied(await makeApp(), '/v3/clusters', { endpoint: upstreamUrl })
    expect(((await res.json()) as Seen).url).toBe('/v3/clusters')
  })

  it('does not follow redirects and says where it would have gone', async () => {
    const before = hits.length
    const res = await proxied(await makeApp(), '/redirect')
    // Not a 3xx: a browser's fetch would hide a 3xx answer (and the target it names) as an opaque redirect.
    expect(res.status).toBe(502)
    expect(res.headers.get('location')).toBeNull()
    const body = await res.json()
    expect(body).toMatchObject({
      error: 'upstream_redirect',
      status: 302,
      location: 'http://169.254.169.254/latest/meta-data/',
    })
    expect(body.message).toContain('to http://169.254.169.254/latest/meta-data/')
    expect(hits.length).toBe(before + 1)
    const relative = await (await proxied(await makeApp(), '/a/redirect-relative')).json()
    expect(relative).toMatchObject({ status: 301, location: `${upstreamUrl}/base/elsewhere?x=1` })
  })

  it('never logs credentials', async () => {
    const lines: string[] = []
    const app = await makeApp({ log: (l) => lines.push(l) })
    await proxied(app, '/topics?x=1', {
      headers: { 'x-auth-token': 'super-secret-key', authorization: 'Bearer tok-999' },
    })
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('/base/topics')
    expect(lines.join('\n')).not.toMatch(/super-secret-key|tok-999/)
  })
})

describe('proxy errors', () => {
  it('400 for a missing or malformed endpoint', async () => {
    const app = await makeApp()
    const missing = await app.request('http://127.0.0.1:8080/proxy/topics', { headers: ORIGIN_HEADERS })
    expect(missing.status).toBe(400)
    expect(await missing.json()).toMatchObject({ error: 'bad_endpoint' })
    const bad = await proxied(app, '/topics', { endpoint: 'not a url' })
    expect(bad.status).toBe(400)
    const ftp = await proxied(app, '/topics', { endpoint: 'ftp://example.com' })
    expect(ftp.status).toBe(400)
    const creds = await proxied(app, '/topics', { endpoint: 'http://user:pass@127.0.0.1:1' })
    expect(creds.status).toBe(400)
    expect(((await creds.json()) as { message: string }).message).toMatch(/credentials/)
  })

  it.each([
    'http://169.254.169.254',
    'http://169.254.1.1:8082',
    'http://[fe80::1]:8082',
    'http://100.100.100.200',
    'http://[fd00:ec2::254]',
    'http://[::ffff:169.254.169.254]',
  ])('403 for the link-local or metadata target %s', async (endpoint) => {
    const res = await proxied(await makeApp(), '/latest/meta-data', { endpoint })
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ error: 'target_not_allowed' })
  })

  it('403 for a target outside the allowlist, 200 inside it', async () => {
    const app = await makeApp({ allow: ['https://*.example.com', upstreamUrl] })
    const out = await proxied(app, '/topics', { endpoint: 'http://127.0.0.2:9' })
    expect(out.status).toBe(403)
    expect(((await out.json()) as { message: string }).message).toMatch(/--allow-target/)
    const inside = await proxied(app, '/topics')
    expect(inside.status).toBe(200)
  })

  it('502 with the system code when nothing listens', async () => {
    const probe = createServer()
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r))
    const port = (probe.address() as AddressInfo).port
    await new Promise((r) => probe.close(r))
    const res = await proxied(await makeApp(), '/topics', { endpoint: `http://127.0.0.1:${port}` })
    expect(res.status).toBe(502)
    expect(await res.json()).toMatchObject({ error: 'upstream_unreachable', code: 'ECONNREFUSED' })
  })

  it('504 when the endpoint does not answer in time', async () => {
    const res = await proxied(await makeApp({ timeoutMs: 300 }), '/hang')
    expect(res.status).toBe(504)
    expect(await res.json()).toMatchObject({ error: 'upstream_timeout' })
  })

  it('413 for a declared body over the limit, without contacting the endpoint', async () => {
    const before = hits.length
    const res = await proxied(await makeApp({ maxBodyBytes: 1000 }), '/topics/t', {
      method: 'POST',
      body: new Uint8Array(1001),
      headers: { 'content-type': 'application/octet-stream' },
    })
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({ error: 'body_too_large', limit: 1000 })
    expect(hits.length).toBe(before)
  })

  it('413 for a streamed body that grows over the limit', async () => {
    const chunks = 5
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(400))
        if (--remaining === 0) controller.close()
      },
    })
    let remaining = chunks
    const res = await proxied(await makeApp({ maxBodyBytes: 1000 }), '/topics/t', {
      method: 'POST',
      body: stream,
    })
    expect(res.status).toBe(413)
  })

  it('413 when the endpoint closes the connection while a large body is still being sent', async () => {
    const res = await proxied(await makeApp({ maxBodyBytes: 200 * 1024 * 1024 }), '/refuse-large', {
      method: 'POST',
      body: new Uint8Array(64 * 1024 * 1024),
      headers: { 'content-type': 'application/octet-stream' },
    })
    expect(res.status).toBe(413)
    const body = (await res.json()) as { error: string; message: string }
    expect(body.error).toBe('body_too_large')
    expect(body.message).toMatch(/refuses requests this large|Request body/)
  })

  it('a response cut mid-stream errors on the client side instead of looking complete', async () => {
    const res = await proxied(await makeApp(), '/cut')
    expect(res.status).toBe(200)
    await expect(res.arrayBuffer()).rejects.toThrow()
  })
})

async function failureOf(app: Served, res: Response) {
  const id = res.headers.get('x-kafka-rest-proxy-request')
  expect(id).toMatch(/^[0-9a-f]{12}-[0-9a-z]+$/)
  return app.request(`http://127.0.0.1:8080/api/proxy-failures/${id}`, { headers: ORIGIN_HEADERS })
}

describe('proxy: broken and oversized answers', () => {
  it('passes Content-Length through and names every answer with a request id', async () => {
    const app = await makeApp()
    const res = await proxied(app, '/cut')
    expect(res.headers.get('content-length')).toBe('1000')
    const ok = await proxied(app, '/v3/clusters')
    expect(ok.headers.get('x-kafka-rest-proxy-request')).toBeTruthy()
    expect((await failureOf(app, ok)).status).toBe(404)
  })

  it('records why a body broke off, for the client to ask (GET /api/proxy-failures/<id>)', async () => {
    const app = await makeApp()
    const res = await proxied(app, '/cut')
    await expect(res.arrayBuffer()).rejects.toThrow()
    const failure = await failureOf(app, res)
    expect(failure.status).toBe(200)
    expect(await failure.json()).toMatchObject({
      kind: 'upstream_cut_short',
      status: 200,
      contentType: 'application/octet-stream',
      declaredBytes: 1000,
      receivedBytes: 100,
    })
  })

  it('the failure route has the same Host and Origin guards as every route', async () => {
    const app = await makeApp()
    const res = await proxied(app, '/cut')
    await expect(res.arrayBuffer()).rejects.toThrow()
    const id = res.headers.get('x-kafka-rest-proxy-request')
    const foreignHost = await app.request(`http://evil.example:8080/api/proxy-failures/${id}`)
    expect(foreignHost.status).toBe(403)
    const foreignOrigin = await app.request(`http://127.0.0.1:8080/api/proxy-failures/${id}`, {
      headers: { ...ORIGIN_HEADERS, origin: 'http://evil.example' },
    })
    expect(foreignOrigin.status).toBe(403)
  })

  it('refuses a declared answer over --max-response before passing anything on', async () => {
    const app = await makeApp({ maxResponseBytes: 1024 * 1024 })
    const res = await proxied(app, '/big-declared')
    expect(res.status).toBe(502)
    const body = await res.json()
    expect(body).toMatchObject({ error: 'upstream_too_large', declaredBytes: 10 * 1024 * 1024 })
    expect(body.message).toMatch(/is 10 MiB, over the proxy's limit of 1 MiB/)
  })

  it('cuts a streamed answer at --max-response and records why', async () => {
    const app = await makeApp({ maxResponseBytes: 1024 * 1024 })
    const res = await proxied(app, '/big-chunked')
    expect(res.status).toBe(200)
    await expect(res.arrayBuffer()).rejects.toThrow()
    expect(await (await failureOf(app, res)).json()).toMatchObject({ kind: 'upstream_too_large' })
  })

  it.each(['gzip', 'br'])('decodes a %s answer (and drops its now-wrong Content-Length)', async (enc) => {
    const res = await proxied(await makeApp(), `/encoded-${enc}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-encoding')).toBeNull()
    expect(res.headers.get('content-length')).toBeNull()
    expect(await res.json()).toEqual({ hello: 'world'.repeat(1000) })
  })

  it('refuses an encoding it cannot decode, clearly', async () => {
    const res = await proxied(await makeApp(), '/encoded-zstd')
    expect(res.status).toBe(502)
    const body = await res.json()
    expect(body).toMatchObject({ error: 'upstream_encoding', encoding: 'zstd' })
    expect(body.message).toMatch(/Content-Encoding "zstd"/)
  })

  it('stops a gzip bomb at the limit, counted in decoded bytes, with bounded memory', async () => {
    const app = await makeApp({ maxResponseBytes: 4 * 1024 * 1024 })
    const before = process.memoryUsage().rss
    const res = await proxied(app, '/gzip-bomb')
    await expect(res.arrayBuffer()).rejects.toThrow()
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024)
    expect(await (await failureOf(app, res)).json()).toMatchObject({
      kind: 'upstream_too_large',
      contentEncoding: 'gzip',
    })
  })

  it('records a corrupt compressed answer as such', async () => {
    const app = await makeApp()
    const res = await proxied(app, '/corrupt-gzip')
    await expect(res.arrayBuffer()).rejects.toThrow()
    expect(await (await failureOf(app, res)).json()).toMatchObject({ kind: 'upstream_bad_encoding' })
  })
})

describe('request guards', () => {
  it('403 for a foreign Host header (DNS rebinding)', async () => {
    const app = await makeApp()
    const res = await app.request('http://evil.example/proxy/topics', {
      headers: { host: 'evil.example:8080', 'x-kafka-rest-endpoint': upstreamUrl },
    })
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ error: 'forbidden_host' })
    const cfg = await app.request('http://evil.example/api/config', { headers: { host: 'evil.example' } })
    expect(cfg.status).toBe(403)
  })

  it('403 for a foreign Origin', async () => {
    const res = await proxied(await makeApp(), '/topics', { headers: { origin: 'https://attacker.example' } })
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ error: 'cross_site' })
    const nullOrigin = await proxied(await makeApp(), '/topics', { headers: { origin: 'null' } })
    expect(nullOrigin.status).toBe(403)
    const otherPort = await proxied(await makeApp(), '/topics', {
      headers: { origin: 'http://127.0.0.1:9999' },
    })
    expect(otherPort.status).toBe(403)
  })

  it('403 for Sec-Fetch-Site: cross-site', async () => {
    const res = await proxied(await makeApp(), '/topics', { headers: { 'sec-fetch-site': 'cross-site' } })
    expect(res.status).toBe(403)
  })

  it('accepts its own origin and localhost names', async () => {
    const app = await makeApp()
    const own = await proxied(app, '/topics', {
      headers: { origin: 'http://127.0.0.1:8080', 'sec-fetch-site': 'same-origin' },
    })
    expect(own.status).toBe(200)
    const local = await app.request('http://localhost:8080/api/config', {
      headers: { host: 'localhost:8080' },
    })
    expect(local.status).toBe(200)
    expect(await local.json()).toEqual({ proxy: true, sandbox: null })
  })

  it('sends no CORS headers, even to a preflight', async () => {
    const res = await proxied(await makeApp(), '/topics', {
      method: 'OPTIONS',
      headers: { origin: 'https://attacker.example', 'access-control-request-method': 'POST' },
    })
    expect(res.status).toBe(403)
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
  })
})
