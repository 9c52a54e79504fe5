import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startConsoleServer, type RunningConsoleServer } from '../../server/console-server.ts'
import { serverHostnames } from '../../server/proxy/guards.ts'
import { TargetPolicy } from '../../server/proxy/target-policy.ts'
import { startSandbox, type ApiName, type RunningSandbox } from '../../server/sandbox/sandbox-server.ts'
import { createClient } from '../../src/api/create-client.ts'
import { detectDialect } from '../../src/api/detect.ts'
import { isKafkaRestError, KafkaRestError } from '../../src/api/errors.ts'
import { HttpTransport, type RequestLogEntry } from '../../src/api/http/transport.ts'
import type { KafkaRestClient } from '../../src/api/kafka-rest-client.ts'
import type { DialectId } from '../../src/api/types.ts'

/**
 * The console's adapters against the sandbox over real HTTP: detection, metadata, produce and browse,
 * byte-exact, per dialect surface. The sandbox and the adapters share no protocol code.
 */
const KEY = 'integration-key'
const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, i) => i)

interface Lane {
  apis: ApiName[]
  dialect: DialectId
  name: string
}

const LANES: Lane[] = [
  { apis: ['v1', 'admin'], dialect: 'confluent-v1', name: 'Confluent REST Proxy API v1, binary' },
  { apis: ['v2'], dialect: 'confluent-v2', name: 'Confluent REST Proxy API v2, binary' },
  { apis: ['v2', 'v3'], dialect: 'confluent-v3', name: 'Confluent REST Proxy API v3' },
]

async function connect(url: string, log: RequestLogEntry[] | ((e: RequestLogEntry) => void) = []) {
  const settings = { endpoint: url, apiKey: KEY, useProxy: false, authScheme: 'x-auth-token' as const }
  const detection = await detectDialect(new HttpTransport(settings))
  const sink = typeof log === 'function' ? log : (e: RequestLogEntry) => log.push({ ...e })
  return { detection, client: createClient(settings, detection.profile, sink) }
}

for (const lane of LANES) {
  describe(`${lane.dialect} adapter against the sandbox (${lane.apis.join(',')})`, () => {
    let sandbox: RunningSandbox
    let client: KafkaRestClient

    beforeAll(async () => {
      sandbox = await startSandbox({
        port: 0,
        apiKeys: [KEY],
        apis: lane.apis,
        demoData: true,
        log: () => {},
      })
      const connected = await connect(sandbox.url)
      client = connected.client
      expect(connected.detection.profile.dialect).toBe(lane.dialect)
    })

    afterAll(async () => {
      await client?.dispose()
      await sandbox?.close()
    })

    it('is detected and named', () => {
      expect(client.dialect.id).toBe(lane.dialect)
      expect(client.dialect.name).toBe(lane.name)
    })

    it('lists the demo topics and reads partition metadata with offsets', async () => {
      const topics = (await client.listTopics()).map((t) => t.name)
      expect(topics).toContain('demo.orders')
      const detail = await client.getTopic('demo.orders')
      expect(detail.partitions.map((p) => p.id)).toEqual([0, 1, 2])
      for (const p of detail.partitions) {
        expect(p.leader).toBe(1)
        expect(p.inSync).toEqual([1])
      }
      const offsets = await client.getPartitionOffsets('demo.orders', 0)
      expect(offsets.beginning).toBe('0')
      expect(BigInt(offsets.end)).toBeGreaterThan(0n)
    })

    it('round-trips all 256 byte values, empty and null values byte-exact', async () => {
      // The v2-only surface has no topic admin: use a demo topic with two partitions there.
      let target = 'demo.binary'
      if (client.capabilities.topics?.create) {
        target = `it-bytes-${lane.dialect}`
        await client.createTopic({ name: target, partitions: 2 })
      }
      const results = await client.produce(
        target,
        [
          { key: ALL_BYTES.slice(0, 16), value: ALL_BYTES },
          { key: null, value: new Uint8Array() },
          { key: new TextEncoder().encode('k'), value: null },
        ],
        { partition: 1 },
      )
      expect(results.every((r) => r.ok)).toBe(true)
      const first = results[0]
      if (!first.ok || first.offset === null) throw new Error('no offset')
      const fetched = await client.fetchRecords({
        topic: target,
        partition: 1,
        offset: first.offset,
        count: 3,
      })
      expect(fetched.records).toHaveLength(3)
      expect(Array.from(fetched.records[0].value!)).toEqual(Array.from(ALL_BYTES))
      expect(Array.from(fetched.records[0].key!)).toEqual(Array.from(ALL_BYTES.slice(0, 16)))
      expect(fetched.records[0].valueSize).toBe(256)
      expect(fetched.records[1].value).toEqual(new Uint8Array())
      expect(fetched.records[1].key).toBeNull()
      expect(fetched.records[2].value).toBeNull()
      expect(fetched.nextOffset).toBe((BigInt(first.offset) + 3n).toString())
    })

    it('reports a produce to a missing topic as a failure, not a success', async () => {
      const results = await client
        .produce('no-such-topic-here', [{ key: null, value: new Uint8Array([1]) }])
        .catch((e: unknown) => e)
      if (results instanceof KafkaRestError) {
        // v3 may refuse the whole request; either way it is an error the user sees.
        expect(results.status).toBeGreaterThanOrEqual(400)
      } else {
        expect(results).toEqual([expect.objectContaining({ ok: false })])
      }
    })

    it('says "topic not found" for a missing topic', async () => {
      const err = await client.getTopic('missing-topic-x').catch((e: unknown) => e)
      expect(isKafkaRestError(err)).toBe(true)
      expect((err as KafkaRestError).hint).toMatch(/Topic not found/)
    })

    it('fetches a window that stops at the end offset', async () => {
      const { end } = await client.getPartitionOffsets('demo.logs', 0)
      const start = BigInt(end) > 5n ? (BigInt(end) - 5n).toString() : '0'
      const fetched = await client.fetchRecords({
        topic: 'demo.logs',
        partition: 0,
        offset: start,
        count: 50,
        endOffset: end,
      })
      expect(fetched.records.length).toBe(Number(BigInt(end) - BigInt(start)))
      expect(fetched.nextOffset).toBe(end)
      expect(fetched.records.map((r) => r.offset)).toEqual(
        fetched.records.map((_, i) => (BigInt(start) + BigInt(i)).toString()),
      )
    })
  })
}

describe('consumer hygiene (v2 browse through a temporary consumer)', () => {
  let sandbox: RunningSandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, apiKeys: [KEY], demoData: true, log: () => {} })
  })
  afterAll(() => sandbox.close())

  it('deletes the consumer instance after every fetch, also when the fetch fails', async () => {
    const log: RequestLogEntry[] = []
    const { client } = await connect(sandbox.url, log)
    expect(client.dialect.id).toBe('confluent-v3')
    await client.fetchRecords({ topic: 'demo.orders', partition: 0, offset: '0', count: 5 })
    // Cancelled while polling past the end (the user navigated away): the instance is still deleted.
    const { end } = await client.getPartitionOffsets('demo.orders', 1)
    const cancel = new AbortController()
    setTimeout(() => cancel.abort(), 300)
    await expect(
      client.fetchRecords({
        topic: 'demo.orders',
        partition: 1,
        offset: end,
        count: 5,
        signal: cancel.signal,
      }),
    ).rejects.toThrow(/Cancelled/)
    const creates = log.filter(
      (e) => e.method === 'POST' && /\/consumers\/[^/]+$/.test(new URL(e.url).pathname) && e.status === 200,
    )
    const deletes = log.filter(
      (e) => e.method === 'DELETE' && /\/consumers\/.+\/instances\//.test(e.url) && e.status === 204,
    )
    expect(creates.length).toBe(2)
    expect(deletes.length).toBe(2)
  })

  it('deletes an instance whose create was still on its way when the fetch was cancelled', async () => {
    const log: RequestLogEntry[] = []
    const { client } = await connect(sandbox.url, log)
    const cancel = new AbortController()
    const fetching = client.fetchRecords({
      topic: 'demo.orders',
      partition: 0,
      offset: '0',
      count: 5,
      signal: cancel.signal,
    })
    // Cancelled as soon as the create request has left: an aborted fetch would lose the answer the server acts on.
    await new Promise((r) => setTimeout(r, 1))
    cancel.abort()
    await expect(fetching).rejects.toThrow(/Cancelled/)
    await expect
      .poll(() => log.filter((e) => e.method === 'DELETE' && e.status === 204).length, { timeout: 5_000 })
      .toBe(1)
    expect(log.filter((e) => e.method === 'POST' && e.status === 200)).toHaveLength(1)
  })

  it('deletes, on dispose (pagehide), an instance whose create answer has not been read yet', async () => {
    const log: RequestLogEntry[] = []
    let disposing: Promise<(number | null)[]> | undefined
    const { client } = await connect(sandbox.url, (e) => {
      log.push({ ...e })
      // The tab closes the moment the create answer arrives, before the adapter has read it.
      if (e.method === 'POST' && e.status === 200 && /\/consumers\/[^/]+$/.test(new URL(e.url).pathname)) {
        disposing ??= client
          .dispose({ keepalive: true })
          .then(() => log.filter((x) => x.method === 'DELETE' && x.status !== null).map((x) => x.status))
      }
    })
    const fetching = client.fetchRecords({ topic: 'demo.orders', partition: 1, offset: '0', count: 5 })
    void fetching.catch(() => undefined)
    await expect.poll(() => disposing !== undefined).toBe(true)
    // Deleted by dispose itself, not later by the fetch's own cleanup (a closed tab runs no more code).
    expect(await disposing).toEqual([204])
    const deletes = log.filter((e) => e.method === 'DELETE' && e.status !== null)
    expect(new URL(deletes[0].url).pathname).toMatch(
      /^\/consumers\/krc-browse-[0-9a-f]{12}\/instances\/krc-[0-9a-f]{12}$/,
    )
    await fetching.catch(() => undefined)
  })
})

describe('through the console proxy', () => {
  let sandbox: RunningSandbox
  let server: RunningConsoleServer
  let proxyBase: string
  beforeAll(async () => {
    sandbox = await startSandbox({
      port: 0,
      apiKeys: [KEY],
      apis: ['v1', 'admin'],
      demoData: true,
      log: () => {},
    })
    server = await startConsoleServer({
      host: '127.0.0.1',
      port: 0,
      hostnames: serverHostnames('127.0.0.1'),
      proxy: { policy: new TargetPolicy([]), maxBodyBytes: 10 * 1024 * 1024, timeoutMs: 10_000 },
      clientConfig: () => ({ proxy: true, sandbox: null }),
    })
    proxyBase = `${server.url}/proxy`
  })
  afterAll(async () => {
    await server.close()
    await sandbox.close()
  })

  it('detects, produces and browses byte-exact through /proxy', async () => {
    const settings = {
      endpoint: sandbox.url,
      apiKey: KEY,
      useProxy: true,
      authScheme: 'x-auth-token' as const,
      proxyBase,
    }
    const detection = await detectDialect(new HttpTransport(settings))
    expect(detection.profile).toEqual({ dialect: 'confluent-v1', ibmAdmin: true })
    const client = createClient(settings, detection.profile)
    await client.createTopic({ name: 'via-proxy', partitions: 1 })
    const [r] = await client.produce('via-proxy', [{ key: null, value: ALL_BYTES }])
    expect(r).toMatchObject({ ok: true, partition: 0, offset: '0' })
    const { records } = await client.fetchRecords({ topic: 'via-proxy', partition: 0, offset: '0', count: 1 })
    expect(Array.from(records[0].value!)).toEqual(Array.from(ALL_BYTES))
  })

  it('turns a wrong key into a 401 with the key-rejected hint', async () => {
    const settings = {
      endpoint: sandbox.url,
      apiKey: 'wrong',
      useProxy: true,
      authScheme: 'x-auth-token' as const,
      proxyBase,
    }
    const err = await detectDialect(new HttpTransport(settings)).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(KafkaRestError)
    expect((err as KafkaRestError).status).toBe(401)
    expect((err as KafkaRestError).hint).toMatch(/API key was rejected/)
  })
})

describe('v3 when the endpoint comes back with another cluster id', () => {
  it('looks the cluster id up again and retries once', async () => {
    const first = await startSandbox({
      port: 0,
      apiKeys: [KEY],
      apis: ['v2', 'v3'],
      demoData: true,
      log: () => {},
    })
    const port = Number(new URL(first.url).port)
    const { client } = await connect(first.url)
    expect((await client.listTopics()).map((t) => t.name)).toContain('demo.orders')
    await first.close()
    // Let the client's pool notice the closed keep-alive sockets (a browser retries those by itself).
    await new Promise((r) => setTimeout(r, 200))
    const second = await startSandbox({
      port,
      apiKeys: [KEY],
      apis: ['v2', 'v3'],
      demoData: true,
      log: () => {},
    })
    try {
      expect((await client.listTopics()).map((t) => t.name)).toContain('demo.orders')
      await client.createTopic({ name: 'after-restart', partitions: 1 })
      expect((await client.getTopic('after-restart')).partitions).toHaveLength(1)
    } finally {
      await client.dispose()
      await second.close()
    }
  })
})
