import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  instancesFromLog,
  RealApi,
  readLane,
  serverUrl,
  type RealServer,
} from '../../e2e/support/real-servers.ts'
import { createClient } from '../../src/api/create-client.ts'
import { detectDialect } from '../../src/api/detect.ts'
import { isKafkaRestError, type KafkaRestError } from '../../src/api/errors.ts'
import { HttpTransport, type RequestLogEntry } from '../../src/api/http/transport.ts'
import type { KafkaRestClient } from '../../src/api/kafka-rest-client.ts'

/**
 * The console's adapters against real Kafka REST servers (`npm run real:up`): the Strimzi Kafka Bridge and
 * Karapace's REST proxy, both in front of one Kafka 4.4 broker. What the sandbox suite checks, against the real
 * thing; every consumer instance the console creates is looked up on the server afterwards.
 */
const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, i) => i)
const utf8 = (s: string) => new TextEncoder().encode(s)
const lane = readLane()
const unique = (p: string) => `${p}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`

const SERVERS: Array<{ server: RealServer; dialect: string; name: RegExp }> = [
  { server: 'strimzi', dialect: 'strimzi', name: /^Strimzi Kafka Bridge$/ },
  { server: 'karapace', dialect: 'karapace', name: /^Karapace REST proxy \(v2\)/ },
]

for (const { server, dialect, name } of SERVERS) {
  describe(`${dialect} adapter against the real ${server} server`, () => {
    const api = new RealApi(lane, server)
    const log: RequestLogEntry[] = []
    let client: KafkaRestClient
    const topic = unique(`real-it-${server}`)

    /** Runs a browse, then asks the server about every consumer instance the console created for it. */
    async function browsed<T>(fn: () => Promise<T>): Promise<T> {
      const before = instancesFromLog(log).length
      const result = await fn().then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      )
      const created = instancesFromLog(log).slice(before)
      expect(created.length).toBeGreaterThan(0)
      for (const path of created) expect(await api.consumerInstanceExists(path), path).toBe(false)
      if ('error' in result) throw result.error
      return result.value
    }

    beforeAll(async () => {
      const settings = {
        endpoint: serverUrl(lane, server),
        apiKey: '',
        useProxy: false,
        authScheme: 'none' as const,
      }
      const detection = await detectDialect(new HttpTransport(settings))
      expect(detection.profile.dialect).toBe(dialect)
      client = createClient(settings, detection.profile, (e, phase) => {
        if (phase === 'end') log.push({ ...e })
      })
      await api.createTopic(topic, 3)
    })

    afterAll(async () => {
      await client?.dispose()
    })

    it('is detected and named, with its version', () => {
      expect(client.dialect.id).toBe(dialect)
      expect(client.dialect.name).toMatch(name)
      expect(client.dialect.notes.join(' ')).toContain(server === 'strimzi' ? '0.33.1' : '3.15.0')
    })

    it('lists topics and reads partition metadata and offsets', async () => {
      expect((await client.listTopics()).map((t) => t.name)).toContain(topic)
      const detail = await client.getTopic(topic)
      expect(detail.partitions.map((p) => p.id)).toEqual([0, 1, 2])
      for (const p of detail.partitions) {
        expect(p.leader).toBe(1)
        expect(p.inSync).toEqual([1])
      }
      const empty = await client.getPartitionOffsets(topic, 2)
      expect(empty).toMatchObject({ beginning: '0', end: '0' })
    })

    it('produces text with keys to explicit partitions, and all 256 byte values and an empty value byte-exact', async () => {
      const results = await client.produce(topic, [
        { key: utf8('order-1 😀'), value: utf8('Hello, Kafka ✓'), partition: 1 },
        { key: ALL_BYTES.slice(0, 16), value: ALL_BYTES, partition: 1 },
        { key: null, value: new Uint8Array(), partition: 1 },
        { key: utf8('p0'), value: utf8('to zero'), partition: 0 },
      ])
      // Karapace stores an empty value but reports it at partition 0, offset -1: the console says "stored,
      // position unknown" rather than pointing at offset -1.
      const emptyAt = server === 'karapace' ? [null, null] : [1, '2']
      expect(results.map((r) => r.ok && [r.partition, r.offset])).toEqual([
        [1, '0'],
        [1, '1'],
        emptyAt,
        [0, '0'],
      ])
      const offsets = await client.getPartitionOffsets(topic, 1)
      expect(offsets).toMatchObject({ beginning: '0', end: '3' })

      const stored = await api.readRecords(topic, 1, 0, 3)
      expect(stored.map((r) => r.offset)).toEqual([0, 1, 2])
      expect(new TextDecoder().decode(stored[0].key!)).toBe('order-1 😀')
      expect(Array.from(stored[1].value!)).toEqual(Array.from(ALL_BYTES))
      // Karapace stores the empty value (the bridge reads it back as empty bytes) but its consumer answers null.
      const emptyRead = server === 'karapace' ? null : new Uint8Array()
      expect(stored[2].value).toEqual(emptyRead)
      const [viaBridge] = await new RealApi(lane, 'strimzi').readRecords(topic, 1, 2, 1)
      expect(viaBridge.value).toEqual(new Uint8Array())

      const fetched = await browsed(() => client.fetchRecords({ topic, partition: 1, offset: '0', count: 3 }))
      expect(fetched.records).toHaveLength(3)
      expect(new TextDecoder().decode(fetched.records[0].value!)).toBe('Hello, Kafka ✓')
      expect(Array.from(fetched.records[1].value!)).toEqual(Array.from(ALL_BYTES))
      expect(Array.from(fetched.records[1].key!)).toEqual(Array.from(ALL_BYTES.slice(0, 16)))
      expect(fetched.records[1].valueSize).toBe(256)
      expect(fetched.records[2].value).toEqual(emptyRead)
      expect(fetched.records[2].key).toBeNull()
      // Real servers stamp records with the broker's (create) time.
      for (const r of fetched.records) expect(Math.abs(Date.now() - r.timestamp!)).toBeLessThan(120_000)
      expect(fetched.nextOffset).toBe('3')
    })

    it('says a null value cannot be sent (no tombstones in the binary format)', () => {
      // Strimzi reads a JSON null value as the text "null"; Karapace stores empty bytes (see the dialects).
      expect(client.capabilities.produce?.tombstones).toBe(false)
    })

    it(server === 'strimzi' ? 'produces and browses record headers' : 'has no record headers', async () => {
      if (server !== 'strimzi') {
        expect(client.capabilities.produce?.headers).toBe(false)
        expect(client.capabilities.browse?.headers).toBe(false)
        return
      }
      const [r] = await client.produce(topic, [
        {
          key: null,
          value: utf8('with headers'),
          partition: 2,
          headers: [
            { name: 'trace-id', value: utf8('abc') },
            { name: 'bin', value: new Uint8Array([0, 255]) },
          ],
        },
      ])
      expect(r).toMatchObject({ ok: true, partition: 2, offset: '0' })
      const [stored] = await api.readRecords(topic, 2, 0, 1)
      expect(stored.headers?.map((h) => [h.key, Array.from(h.value)])).toEqual([
        ['trace-id', Array.from(utf8('abc'))],
        ['bin', [0, 255]],
      ])
      const fetched = await browsed(() => client.fetchRecords({ topic, partition: 2, offset: '0', count: 1 }))
      expect(fetched.records[0].headers?.map((h) => [h.name, Array.from(h.value!)])).toEqual([
        ['trace-id', Array.from(utf8('abc'))],
        ['bin', [0, 255]],
      ])
    })

    it.skipIf(server !== 'strimzi')(
      // skipped elsewhere: only the Strimzi bridge refuses empty header values
      'fails only a record with an empty header value (the bridge schema refuses it) and sends the others',
      async () => {
        const t = unique('real-it-empty-header')
        await api.createTopic(t, 1)
        const results = await client.produce(t, [
          { key: null, value: utf8('a'), headers: [{ name: 'h', value: utf8('x') }] },
          { key: null, value: utf8('b'), headers: [{ name: 'empty', value: new Uint8Array() }] },
          { key: null, value: utf8('c'), headers: [{ name: 'null', value: null }] },
          { key: null, value: utf8('d') },
        ])
        expect(results.map((r) => r.ok)).toEqual([true, false, false, true])
        expect(results[1]).toMatchObject({ message: expect.stringMatching(/empty or null value/) })
        const stored = await api.readRecords(t, 0, 0, 5)
        expect(stored.map((r) => new TextDecoder().decode(r.value!))).toEqual(['a', 'd'])
      },
    )

    it('fetches exact windows that stop at the end offset', async () => {
      const windowTopic = unique(`real-it-window-${server}`)
      await api.createTopic(windowTopic, 1)
      await api.produce(
        windowTopic,
        Array.from({ length: 25 }, (_, i) => ({ value: utf8(`value-${i}`), partition: 0 })),
      )
      const { end } = await client.getPartitionOffsets(windowTopic, 0)
      expect(end).toBe('25')
      const middle = await browsed(() =>
        client.fetchRecords({ topic: windowTopic, partition: 0, offset: '10', count: 5, endOffset: end }),
      )
      expect(middle.records.map((r) => r.offset)).toEqual(['10', '11', '12', '13', '14'])
      expect(middle.nextOffset).toBe('15')
      const tail = await browsed(() =>
        client.fetchRecords({ topic: windowTopic, partition: 0, offset: '20', count: 50, endOffset: end }),
      )
      expect(tail.records.map((r) => new TextDecoder().decode(r.value!))).toEqual([
        'value-20',
        'value-21',
        'value-22',
        'value-23',
        'value-24',
      ])
      expect(tail.nextOffset).toBe('25')
      // At the end: an empty window, and still no instance left behind.
      const atEnd = await browsed(() =>
        client.fetchRecords({ topic: windowTopic, partition: 0, offset: end, count: 5 }),
      )
      expect(atEnd.records).toEqual([])
      expect(atEnd.nextOffset).toBe('25')
    })

    it('says "topic not found" for a missing topic', async () => {
      const err = await client.getTopic(unique('missing')).catch((e: unknown) => e)
      expect(isKafkaRestError(err)).toBe(true)
      expect((err as KafkaRestError).status).toBe(404)
      expect((err as KafkaRestError).hint).toMatch(/Topic not found/)
    })

    it('reports a produce to a missing topic as a failure, not a success', async () => {
      const results = await client
        .produce(unique('missing'), [{ key: null, value: utf8('lost') }])
        .catch((e: unknown) => e)
      if (isKafkaRestError(results)) expect(results.status).toBeGreaterThanOrEqual(400)
      else expect(results).toEqual([expect.objectContaining({ ok: false })])
    }, 30_000)

    it('refuses a partition that does not exist: offsets, produce and browse', async () => {
      const offsets = await client.getPartitionOffsets(topic, 7).catch((e: unknown) => e)
      expect(isKafkaRestError(offsets)).toBe(true)
      expect((offsets as KafkaRestError).status).toBe(404)
      const produced = await client
        .produce(topic, [{ key: null, value: utf8('x'), partition: 7 }])
        .catch((e: unknown) => e)
      if (isKafkaRestError(produced)) expect(produced.status).toBeGreaterThanOrEqual(400)
      else expect(produced).toEqual([expect.objectContaining({ ok: false })])
      const window = await browsed(() =>
        client.fetchRecords({ topic, partition: 7, offset: '0', count: 1 }),
      ).catch((e: unknown) => e)
      // Either an error, or (the consumer cannot tell) an empty window: never invented records.
      if (!isKafkaRestError(window)) expect((window as { records: unknown[] }).records).toEqual([])
    }, 60_000)

    it('deletes the consumer instance on the server when a browse is cancelled mid-poll', async () => {
      const { end } = await client.getPartitionOffsets(topic, 0)
      const cancel = new AbortController()
      setTimeout(() => cancel.abort(), 1500)
      const result = await browsed(() =>
        client.fetchRecords({ topic, partition: 0, offset: end, count: 5, signal: cancel.signal }),
      ).catch((e: unknown) => e)
      expect(String(result)).toMatch(/Cancelled|abort/i)
    })
  })
}
