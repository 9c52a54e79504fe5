import { describe, expect, it } from 'vitest'
import type { RequestLogEntry } from '../../api/http/transport.ts'
import { produceRequestsSince, requestsAsCurl } from './request-capture.ts'

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
  it('keeps the POSTs made after the mark, not the metadata GETs around them', () => {
    const log = [entry(1, 'POST', '{}'), entry(2, 'GET'), entry(3, 'POST', '{"records":[]}'), entry(4, 'GET')]
    expect(produceRequestsSince(log, 1).map((e) => e.id)).toEqual([3])
    expect(produceRequestsSince(log, 0).map((e) => e.id)).toEqual([1, 3])
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
