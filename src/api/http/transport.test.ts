import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startConsoleServer, type RunningConsoleServer } from '../../../server/console-server.ts'
import { serverHostnames } from '../../../server/proxy/guards.ts'
import { TargetPolicy } from '../../../server/proxy/target-policy.ts'
import { isKafkaRestError, type KafkaRestError } from '../errors.ts'
import { HttpTransport, prepareBody, type RequestLogEntry } from './transport.ts'

const MB = 1024 * 1024
const huge = 'A'.repeat(20 * MB)
const bodies: Record<string, { status: number; type: string; body: string }> = {
  '/huge-json': {
    status: 401,
    type: 'application/json',
    body: JSON.stringify({ error_code: 40101, message: huge }),
  },
  '/huge-string': { status: 401, type: 'application/json', body: JSON.stringify(huge.slice(0, 2 * MB)) },
  '/huge-text': { status: 500, type: 'text/plain', body: huge.slice(0, 2 * MB) },
  '/huge-html': {
    status: 502,
    type: 'text/html',
    body: `<html><head><title>Bad Gateway</title></head><body>${huge.slice(0, 2 * MB)}</body></html>`,
  },
}

let endpoint: Server
let endpointUrl: string
let console_: RunningConsoleServer

beforeAll(async () => {
  endpoint = createServer((req, res) => {
    const path = req.url ?? '/'
    const fixed = bodies[path]
    if (fixed) {
      res.writeHead(fixed.status, { 'content-type': fixed.type }).end(fixed.body)
      return
    }
    if (path === '/cut-short') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000' })
      res.write(Buffer.alloc(5000, 0x20), () => setTimeout(() => res.socket?.destroy(), 30))
      return
    }
    if (path === '/chunked-2mb') {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(Buffer.alloc(2 * MB, 0x20))
      return
    }
    if (path === '/declared-10mb') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(10 * MB) })
      res.write('[')
      return
    }
    if (path === '/echo') {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        const got = Buffer.concat(chunks)
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            bytes: got.length,
            hex: got.toString('hex'),
            type: req.headers['content-type'],
          }),
        )
      })
      return
    }
    if (path === '/redirect') {
      res.writeHead(302, { location: 'https://elsewhere.example/api' }).end()
      return
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
  })
  await new Promise<void>((r) => endpoint.listen(0, '127.0.0.1', r))
  endpointUrl = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}`
  console_ = await startConsoleServer({
    host: '127.0.0.1',
    port: 0,
    hostnames: serverHostnames('127.0.0.1'),
    proxy: { policy: new TargetPolicy([]), maxBodyBytes: MB, timeoutMs: 5_000 },
    clientConfig: () => ({ proxy: true, sandbox: null }),
  })
})

afterAll(async () => {
  await console_.close()
  endpoint.closeAllConnections()
  await new Promise((r) => endpoint.close(r))
})

function transport(useProxy: boolean, extra: { maxResponseBytes?: number; log?: RequestLogEntry[] } = {}) {
  return new HttpTransport(
    {
      endpoint: endpointUrl,
      apiKey: 'k',
      useProxy,
      authScheme: 'x-auth-token',
      proxyBase: `${console_.url}/proxy`,
      maxResponseBytes: extra.maxResponseBytes,
    },
    (entry) => extra.log?.push({ ...entry }),
  )
}

/** The n of "… (about n more characters)". */
const omitted = (message: string) => Number(/([\d,]+) more characters/.exec(message)?.[1].replace(/,/g, ''))

async function failure(p: Promise<unknown>): Promise<KafkaRestError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  )
  if (!isKafkaRestError(e)) throw new Error(`expected a KafkaRestError, got ${String(e)}`)
  return e
}

describe('errors of any size', () => {
  it.each([false, true])(
    'a 20 MB JSON message is clipped, counted and kept whole as a Blob (proxy %s)',
    async (useProxy) => {
      const log: RequestLogEntry[] = []
      const e = await failure(transport(useProxy, { log }).json({ path: '/huge-json' }))
      expect(e.status).toBe(401)
      expect(e.errorCode).toBe(40101)
      expect(e.message).toMatch(/^HTTP 401 40101: A{2000}… \(about [\d,]+ more characters\)$/)
      expect(omitted(e.message)).toBeCloseTo(20 * MB - 2000, -2)
      expect(e.serverMessage?.length).toBe(2000)
      expect(e.responseText).toBeNull()
      expect(e.responseBody?.size).toBe(bodies['/huge-json'].body.length)
      expect(log.at(-1)?.error?.length).toBeLessThan(2100)
      expect(log.at(-1)?.responseSize).toBe(bodies['/huge-json'].body.length)
    },
  )

  it('a bare JSON string, a text body and an HTML page are clipped too', async () => {
    const t = transport(false)
    const s = await failure(t.json({ path: '/huge-string' }))
    expect(s.message).toMatch(/^HTTP 401: A{2000}… \(about [\d,]+ more characters\)$/)
    expect(omitted(s.message)).toBeCloseTo(2 * MB - 2000, -2)
    const text = await failure(t.json({ path: '/huge-text' }))
    expect(text.message.length).toBeLessThan(2100)
    expect(text.message).toMatch(/^HTTP 500: A{2000}… \(about [\d,]+ more characters\)$/)
    expect(text.responseBody?.size).toBe(2 * MB)
    const html = await failure(t.json({ path: '/huge-html' }))
    expect(html.message).toBe('HTTP 502: Bad Gateway')
    expect(html.responseBody?.size).toBe(bodies['/huge-html'].body.length)
  })
})

describe('the right diagnosis', () => {
  it('a body cut short is the endpoint’s fault, with what was received', async () => {
    const e = await failure(transport(false).json({ path: '/cut-short' }))
    expect(e.kind).toBe('invalid-response')
    expect(e.message).toBe(
      "The endpoint's answer was cut short: HTTP 200, application/json, 5,000 of 100,000 bytes arrived.",
    )
    expect(e.received).toEqual({
      status: 200,
      contentType: 'application/json',
      bytes: 5000,
      declaredBytes: 100000,
    })
    expect(e.hint).not.toMatch(/npm start/)
  })

  it('through the proxy, the console server says what it saw', async () => {
    const e = await failure(transport(true).json({ path: '/cut-short' }))
    expect(e.message).toMatch(/^The endpoint's answer was cut short: HTTP 200, application\/json, /)
    expect(e.message).toMatch(
      /The console server saw: The endpoint broke off its answer .* after 5,000 of 100,000 bytes/,
    )
  })

  it.each([false, true])(
    'an answer over the limit is refused with that reason (proxy %s)',
    async (useProxy) => {
      const t = transport(useProxy, { maxResponseBytes: MB })
      const grown = await failure(t.json({ path: '/chunked-2mb' }))
      expect(grown.message).toMatch(/grew past the console's limit of 1 MiB/)
      const declared = await failure(t.json({ path: '/declared-10mb' }))
      expect(declared.message).toMatch(/is 10 MiB, over the (console|proxy)'s limit of (1|256) MiB/)
      expect(declared.hint).toMatch(/--max-response/)
    },
  )

  it('a redirect names its target (through the proxy)', async () => {
    const e = await failure(transport(true).json({ path: '/redirect' }))
    expect(e.message).toContain('https://elsewhere.example/api')
  })
})

describe('text bodies', () => {
  // Small bodies go as strings, large ones as Blobs: both must arrive as the same UTF-8 bytes, sized exactly.
  it.each([
    ['small', 1_000, 'é😀a'],
    ['large (sent as a Blob)', 100_000, 'é😀a'],
    ['large ASCII', 100_000, 'QUJD'],
    ['over the logged size', 300_000, 'é😀a'],
  ])('a %s body arrives byte-exact, and the log has its UTF-8 size', async (_name, n, unit) => {
    const text = `{"v":"${unit.repeat(Math.ceil(n / unit.length))}"}`
    const expected = Buffer.from(text, 'utf8')
    for (const useProxy of [false, true]) {
      const log: RequestLogEntry[] = []
      const prepared = prepareBody(text)
      expect(prepared.sent instanceof Blob).toBe(text.length >= 64 * 1024)
      // Prepared ahead (as a batch is while the previous one is in flight) or handed over as a string.
      for (const body of [prepared, text]) {
        const got = await transport(useProxy, { log }).json<{ bytes: number; hex: string; type: string }>({
          method: 'POST',
          path: '/echo',
          contentType: 'application/vnd.kafka.binary.v2+json',
          body,
        })
        expect(got.bytes).toBe(expected.length)
        expect(got.hex === expected.toString('hex')).toBe(true)
        expect(got.type).toBe('application/vnd.kafka.binary.v2+json')
        const entry = log.at(-1)!
        expect(entry.body?.size).toBe(expected.length)
        expect(entry.body?.binary).toBe(false)
        expect(entry.body?.text).toBe(text.length <= 256 * 1024 ? text : null)
      }
    }
  })
})
