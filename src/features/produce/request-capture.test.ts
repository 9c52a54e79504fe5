import { describe, expect, it } from 'vitest'
import type { RequestLogEntry } from '../../api/http/transport.ts'
import { captureRequests, requestsAsCurl } from './request-capture.ts'

const entry = (
  id: number,
  method: RequestLogEntry['method'],
  body: string | null = null,
): RequestLogEntry => ({
  id,
  startedAt: 0,
  method,
  url: `https://rest.example.com/topics/t`,
  viaProxy: true,
  headers: [{ name: 'Content-Type', value: 'application/vnd.kafka.binary.v2+json' }],
  authHeader: { name: 'X-Auth-Token', scheme: 'x-auth-token' },
  body: body === null ? null : { text: body, size: body.length, binary: false },
  status: 200,
  durationMs: 1,
  responseContentType: null,
  responseSize: null,
  error: null,
})

describe('request capture for Copy as curl', () => {
  it('keeps every request it was told about, oldest first, beyond the 500 the request log keeps', () => {
    const capture = captureRequests()
    for (let id = 1; id <= 1200; id++) capture.onRequest(entry(id, 'POST', `{"n":${id}}`))
    const requests = capture.requests()
    expect(requests).toHaveLength(1200)
    expect(requests.map((e) => e.id)).toEqual(Array.from({ length: 1200 }, (_, i) => i + 1))
  })

  it('gives each request as it stands when asked, not as the transport changes it later', () => {
    const capture = captureRequests()
    const live: RequestLogEntry = { ...entry(1, 'POST', '{}'), status: null }
    capture.onRequest(live)
    live.status = 200
    const [done] = capture.requests()
    expect(done.status).toBe(200)
    live.status = 500
    expect(done.status).toBe(200)
  })

  it('writes the key as $API_KEY unless asked to include it', () => {
    const requests = [entry(3, 'POST', '{"records":[{"value":"YQ=="}]}')]
    const redacted = requestsAsCurl(requests)
    expect(redacted).toContain('"X-Auth-Token: $API_KEY"')
    expect(redacted).toContain(`--data-binary '{"records":[{"value":"YQ=="}]}'`)
    expect(redacted).not.toContain('secret-key')
    expect(requestsAsCurl(requests, 'secret-key')).toContain("'X-Auth-Token: secret-key'")
  })

  it('gives one command per request, separated by a blank line', () => {
    expect(requestsAsCurl([entry(1, 'POST', 'a'), entry(2, 'POST', 'b')]).split('\n\ncurl')).toHaveLength(2)
  })
})
