import { createServer, type IncomingMessage, type Server } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startConsoleServer, type RunningConsoleServer } from '../../server/console-server.ts'
import { serverHostnames } from '../../server/proxy/guards.ts'
import { TargetPolicy } from '../../server/proxy/target-policy.ts'

/** The proxy at the socket level: what a browser never sends, but an attacker or a broken client might. */
let upstream: Server
let upstreamUrl: string
const seen: IncomingMessage[] = []
let consoleServer: RunningConsoleServer

beforeAll(async () => {
  upstream = createServer((req, res) => {
    seen.push(req)
    req.resume()
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'))
  })
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r))
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`
  consoleServer = await startConsoleServer({
    host: '127.0.0.1',
    port: 0,
    headersTimeoutMs: 500,
    requestTimeoutMs: 1_000,
    hostnames: serverHostnames('127.0.0.1'),
    proxy: { policy: new TargetPolicy([]), maxBodyBytes: 1024 * 1024, timeoutMs: 2_000 },
    clientConfig: () => ({ proxy: true, sandbox: null }),
  })
})

afterAll(async () => {
  await consoleServer.close()
  upstream.closeAllConnections()
  await new Promise((r) => upstream.close(r))
})

function rawSocket(): Promise<Socket> {
  const { port } = consoleServer.server.address() as AddressInfo
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => resolve(s))
    s.once('error', reject)
  })
}

/** Resolves with everything the server sent once it closes the connection (or after `ms`). */
function readUntilClose(
  socket: Socket,
  ms: number,
): Promise<{ data: string; closed: boolean; afterMs: number }> {
  const started = Date.now()
  return new Promise((resolve) => {
    let data = ''
    const timer = setTimeout(() => {
      socket.destroy()
      resolve({ data, closed: false, afterMs: Date.now() - started })
    }, ms)
    socket.on('data', (d) => (data += d.toString('latin1')))
    socket.on('close', () => {
      clearTimeout(timer)
      resolve({ data, closed: true, afterMs: Date.now() - started })
    })
  })
}

describe('proxy hardening at the socket level', () => {
  it('drops a client that never finishes its headers (slowloris)', { timeout: 10_000 }, async () => {
    const s = await rawSocket()
    s.write('GET /proxy/topics HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ')
    const result = await readUntilClose(s, 5_000)
    expect(result.closed).toBe(true)
    expect(result.afterMs).toBeLessThan(4_000)
  })

  it('answers 408 to a client that sends its body too slowly', { timeout: 10_000 }, async () => {
    const s = await rawSocket()
    const before = seen.length
    s.write(
      `POST /proxy/topics/t HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Kafka-Rest-Endpoint: ${upstreamUrl}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`,
    )
    const drip = setInterval(() => s.writable && s.write(' '), 200)
    const result = await readUntilClose(s, 6_000)
    clearInterval(drip)
    expect(result.closed).toBe(true)
    expect(result.data).toMatch(/^HTTP\/1\.1 408/)
    // The endpoint may have seen the request start, but never a complete body from this client.
    expect(seen.slice(before).filter((r) => r.complete)).toHaveLength(0)
  })

  it('rejects a bare line feed inside a header (header injection) before anything is forwarded', async () => {
    const before = seen.length
    const s = await rawSocket()
    s.write(
      `GET /proxy/topics HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Kafka-Rest-Endpoint: ${upstreamUrl}\r\nX-Auth-Token: key\nX-Injected: yes\r\n\r\n`,
    )
    const result = await readUntilClose(s, 3_000)
    expect(result.data).toMatch(/^HTTP\/1\.1 400/)
    expect(seen.length).toBe(before)
  })

  it('keeps an encoded CR/LF in the endpoint path encoded: no header is injected upstream', async () => {
    const before = seen.length
    const res = await fetch(`${consoleServer.url}/proxy/topics`, {
      headers: { 'X-Kafka-Rest-Endpoint': `${upstreamUrl}/a%0d%0aX-Injected:%20yes` },
    })
    expect(res.status).toBe(200)
    const got = seen.slice(before)
    expect(got).toHaveLength(1)
    expect(got[0].url).toBe('/a%0d%0aX-Injected:%20yes/topics')
    expect(got[0].headers['x-injected']).toBeUndefined()
  })

  it('forwards only the five allowed request headers, dropping cookies and hop-by-hop headers', async () => {
    const before = seen.length
    const s = await rawSocket()
    s.write(
      [
        'GET /proxy/topics HTTP/1.1',
        'Host: 127.0.0.1',
        `X-Kafka-Rest-Endpoint: ${upstreamUrl}`,
        'X-Auth-Token: k',
        'Accept: application/json',
        'Cookie: a=b',
        'X-Forwarded-For: 1.2.3.4',
        'Proxy-Authorization: Basic eA==',
        'Connection: close, X-Secret',
        'X-Secret: hop-by-hop',
        'TE: trailers',
        'Upgrade: websocket',
        '',
        '',
      ].join('\r\n'),
    )
    const result = await readUntilClose(s, 3_000)
    expect(result.data).toMatch(/^HTTP\/1\.1 200/)
    expect(result.data.toLowerCase()).not.toContain('set-cookie')
    const headers = Object.keys(seen[before].headers).sort()
    expect(headers).toEqual(['accept', 'connection', 'host', 'x-auth-token'])
    expect(seen[before].headers.connection).toBe('keep-alive')
  })
})
