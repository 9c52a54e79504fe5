import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient } from '../../src/api/create-client.ts'
import { captureRequests, requestsAsCurl } from '../../src/features/produce/request-capture.ts'
import { requestLogSink, useRequestLogStore } from '../../src/stores/request-log-store.ts'

/**
 * Copy as curl for produce keeps every request of the call, even where the request log cannot: IBM Event Streams'
 * REST producer takes one record per request, so an import of more than 500 records outgrows the log, and the
 * user may clear the log while it runs. The double answers like that producer (`{partition, offset}` per POST).
 */
const RECORDS = 620
const CLEAR_AT = 300

let url = ''
let close = () => {}
beforeAll(async () => {
  let offset = 0
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      // The user clears the request log while the import is running.
      if (offset === CLEAR_AT) useRequestLogStore.getState().clear()
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ partition: 0, offset: offset++ }))
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})
afterAll(() => close())

describe('produce requests are captured per call', () => {
  it(`keeps all ${RECORDS} one-record requests though the log keeps 500 and is cleared midway`, async () => {
    useRequestLogStore.getState().clear()
    const client = createClient(
      { endpoint: url, apiKey: 'secret-key', useProxy: false, authScheme: 'bearer' },
      { dialect: 'ibm-event-streams' },
      requestLogSink,
    )
    expect(client.capabilities.produce?.batch).toBe(false)
    const values = Array.from({ length: RECORDS }, (_, i) => `record-${i + 1}`)
    const capture = captureRequests()
    const results = await client.produce(
      't',
      values.map((v) => ({ key: null, value: new TextEncoder().encode(v) })),
      { onRequest: capture.onRequest },
    )
    expect(results.every((r) => r.ok)).toBe(true)

    const requests = capture.requests()
    expect(requests).toHaveLength(RECORDS)
    // One request per record, in order: the bodies are the records' bytes, the ids rise.
    expect(requests.map((r) => r.body?.size)).toEqual(values.map((v) => v.length))
    expect(requests.every((r, i) => i === 0 || r.id > requests[i - 1].id)).toBe(true)
    expect(requests.every((r) => r.method === 'POST' && r.status === 200)).toBe(true)
    // What the log still has: only what came after the clear, so the old scan would have lost most of them.
    expect(useRequestLogStore.getState().entries.length).toBeLessThan(RECORDS - CLEAR_AT + 1)

    const curl = requestsAsCurl(requests)
    expect(curl.split('\n\ncurl')).toHaveLength(RECORDS)
    expect(curl).toContain('$API_KEY')
    expect(curl).not.toContain('secret-key')
  }, 60_000)
})
