import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../server/sandbox/sandbox-server.ts'
import { createClient } from '../../src/api/create-client.ts'
import { detectDialect } from '../../src/api/detect.ts'
import { HttpTransport, type RequestLogEntry } from '../../src/api/http/transport.ts'

/** The v2 partition reader a topic search uses, against the sandbox over real HTTP: one instance per partition. */
const KEY = 'reader-key'

async function connect(url: string, log: RequestLogEntry[]) {
  const settings = { endpoint: url, apiKey: KEY, useProxy: false, authScheme: 'x-auth-token' as const }
  const detection = await detectDialect(new HttpTransport(settings))
  return createClient(settings, detection.profile, (e) => log.push({ ...e }))
}

const creates = (log: RequestLogEntry[]) =>
  log.filter(
    (e) => e.method === 'POST' && /\/consumers\/[^/]+$/.test(new URL(e.url).pathname) && e.status === 200,
  )
const deletes = (log: RequestLogEntry[]) =>
  log.filter((e) => e.method === 'DELETE' && /\/consumers\/.+\/instances\//.test(e.url) && e.status === 204)

describe('partition reader (v2 consumer kept for a whole scan)', () => {
  let sandbox: RunningSandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, apiKeys: [KEY], demoData: true, log: () => {} })
  })
  afterAll(() => sandbox.close())

  it('reads consecutive pages with one instance, small polls, and deletes it on close', async () => {
    const log: RequestLogEntry[] = []
    const client = await connect(sandbox.url, log)
    const bounds = await client.getPartitionOffsets('demo.orders', 0)
    const beginning = bounds.beginning
    const last = BigInt(bounds.beginning) + 12n
    const end = (BigInt(bounds.end) < last ? BigInt(bounds.end) : last).toString()
    const reader = client.openPartitionReader!('demo.orders', 0)
    const offsets: string[] = []
    let next = beginning
    for (let pages = 0; BigInt(next) < BigInt(end) && pages < 100; pages++) {
      const page = await reader.fetch({
        topic: 'demo.orders',
        partition: 0,
        offset: next,
        count: 5,
        endOffset: end,
        maxBytes: 2000,
      })
      offsets.push(...page.records.map((r) => r.offset))
      next = page.nextOffset
    }
    await reader.close()
    const expected = Array.from({ length: Number(BigInt(end) - BigInt(beginning)) }, (_, i) =>
      String(BigInt(beginning) + BigInt(i)),
    )
    expect(offsets).toEqual(expected)
    expect(creates(log)).toHaveLength(1)
    expect(deletes(log)).toHaveLength(1)
    expect(log.some((e) => e.url.includes('max_bytes=2000'))).toBe(true)
  }, 20_000)

  it('deletes its instance when a read is cancelled', async () => {
    const log: RequestLogEntry[] = []
    const client = await connect(sandbox.url, log)
    const { end } = await client.getPartitionOffsets('demo.orders', 1)
    const reader = client.openPartitionReader!('demo.orders', 1)
    const cancel = new AbortController()
    setTimeout(() => cancel.abort(), 300)
    // Past the end: the read polls until cancelled.
    await expect(
      reader.fetch({ topic: 'demo.orders', partition: 1, offset: end, count: 5, signal: cancel.signal }),
    ).rejects.toThrow(/Cancelled/)
    await reader.close()
    expect(creates(log)).toHaveLength(1)
    expect(deletes(log)).toHaveLength(1)
  })
})
