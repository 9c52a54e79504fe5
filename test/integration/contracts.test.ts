import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createClient } from '../../src/api/create-client.ts'
import { detectDialect } from '../../src/api/detect.ts'
import { KafkaRestError } from '../../src/api/errors.ts'
import { HttpTransport } from '../../src/api/http/transport.ts'
import type { AuthScheme } from '../../src/api/types.ts'

/**
 * Contract tests for the dialects we cannot run here (Strimzi's real lane is separate; Karapace, Redpanda and
 * IBM Event Streams are not installable): a scripted HTTP double answers with the shapes the protocol reference
 * documents (docs/protocols.md §7–§10) and checks that the console's requests have the shapes they demand.
 */
interface Seen {
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingMessage['headers']
  body: Buffer
}

type Handler = (req: Seen, res: ServerResponse) => void

const servers: Array<{ close(): void }> = []
afterEach(() => {
  while (servers.length) servers.pop()!.close()
})

async function double(handler: Handler): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x')
      const s: Seen = {
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks),
      }
      seen.push(s)
      handler(s, res)
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  servers.push({ close: () => server.close() })
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen }
}

function json(res: ServerResponse, status: number, body: unknown, type = 'application/json') {
  res.writeHead(status, { 'content-type': type }).end(body === undefined ? undefined : JSON.stringify(body))
}

function settings(url: string, authScheme: AuthScheme = 'x-auth-token') {
  return { endpoint: url, apiKey: 'k', useProxy: false, authScheme }
}

const V2 = 'application/vnd.kafka.v2+json'
const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64')

describe('Strimzi Kafka Bridge contract', () => {
  const strimzi: Handler = (req, res) => {
    const p = req.path
    if (p === '/') return json(res, 200, { bridge_version: '0.33.1' })
    if (p === '/topics') return json(res, 200, ['t'], V2)
    if (p === '/topics/t') {
      return json(
        res,
        200,
        {
          name: 't',
          configs: { 'cleanup.policy': 'delete' },
          partitions: [{ partition: 0, leader: 0, replicas: [{ broker: 0, leader: true, in_sync: true }] }],
        },
        V2,
      )
    }
    if (p === '/topics/t/partitions/0/offsets')
      return json(res, 200, { beginning_offset: 0, end_offset: 2 }, V2)
    if (p === '/topics/t' && req.method === 'POST') return
    if (p === '/topics/t/partitions/0' && req.method === 'POST') {
      if (req.headers['content-type'] !== 'application/vnd.kafka.binary.v2+json')
        return json(res, 400, { error_code: 400, message: 'Validation error' })
      return json(
        res,
        200,
        {
          offsets: [
            { partition: 0, offset: 7 },
            { error_code: 404, message: 'Topic t not present in metadata after 5000 ms.' },
          ],
        },
        V2,
      )
    }
    if (p === '/consumers/' + p.split('/')[2] && req.method === 'POST') {
      const body = JSON.parse(req.body.toString())
      // Strimzi's schema has additionalProperties:false: Confluent's string flag is a 400 there.
      if ('auto.commit.enable' in body || body['enable.auto.commit'] !== false) {
        return json(res, 400, {
          error_code: 400,
          message: 'Validation error on: Schema validation error',
          validation_errors: ['auto.commit.enable'],
        })
      }
      return json(
        res,
        200,
        {
          instance_id: body.name,
          base_uri: `http://bridge-internal:8080/consumers/${p.split('/')[2]}/instances/${body.name}`,
        },
        V2,
      )
    }
    if (/\/instances\/[^/]+\/(assignments|positions)$/.test(p)) return json(res, 204, undefined)
    if (/\/instances\/[^/]+\/records$/.test(p)) {
      if (req.headers.accept !== 'application/vnd.kafka.binary.v2+json') {
        return json(res, 406, {
          error_code: 406,
          message: 'Consumer format does not match the embedded format requested by the Accept header.',
        })
      }
      const polled = [
        {
          topic: 't',
          key: b64('k'),
          value: b64(new Uint8Array([0, 255])),
          partition: 0,
          offset: 0,
          timestamp: 1764000000123,
          headers: [{ key: 'trace', value: b64('abc') }],
        },
        { topic: 't', key: null, value: b64('x'), partition: 0, offset: 1, timestamp: 1764000000124 },
      ]
      // As the bridge does (HttpSinkBridgeEndpoint#pollHandler): a whole answer over max_bytes is a 422, and the
      // records it polled are gone for this consumer.
      const maxBytes = req.query.get('max_bytes')
      if (maxBytes !== null && JSON.stringify(polled).length > Number(maxBytes))
        return json(res, 422, {
          error_code: 422,
          message: 'Response exceeds the maximum number of bytes the consumer can receive',
        })
      return json(res, 200, polled, 'application/vnd.kafka.binary.v2+json')
    }
    if (/\/instances\/[^/]+$/.test(p) && req.method === 'DELETE') return json(res, 204, undefined)
    json(res, 404, { error_code: 404, message: 'Not Found' })
  }

  it('is detected by GET / and speaks the bridge flavour of v2', async () => {
    const { url, seen } = await double(strimzi)
    const detection = await detectDialect(new HttpTransport(settings(url)))
    expect(detection.profile).toEqual({ dialect: 'strimzi', bridgeVersion: '0.33.1' })
    const client = createClient(settings(url), detection.profile)
    expect(client.capabilities).toMatchObject({
      browse: { headers: true, timestamps: true },
      produce: { headers: true, tombstones: false },
    })

    const detail = await client.getTopic('t')
    expect(detail.partitions[0]).toMatchObject({ id: 0, leader: 0, inSync: [0] })
    expect(await client.getPartitionOffsets('t', 0)).toEqual({ beginning: '0', end: '2' })

    const results = await client.produce(
      't',
      [
        {
          key: null,
          value: new Uint8Array([1]),
          headers: [{ name: 'h', value: new Uint8Array([2]) }],
          timestamp: 1764000000000,
        },
        { key: null, value: new Uint8Array([3]) },
      ],
      { partition: 0 },
    )
    expect(results).toEqual([
      { ok: true, partition: 0, offset: '7' },
      { ok: false, errorCode: 404, message: 'Topic t not present in metadata after 5000 ms.' },
    ])
    const produced = JSON.parse(
      seen.find((s) => s.method === 'POST' && s.path === '/topics/t/partitions/0')!.body.toString(),
    )
    expect(produced.records[0]).toEqual({
      value: b64(new Uint8Array([1])),
      headers: [{ key: 'h', value: b64(new Uint8Array([2])) }],
      timestamp: 1764000000000,
    })

    const { records, nextOffset } = await client.fetchRecords({
      topic: 't',
      partition: 0,
      offset: '0',
      count: 2,
      endOffset: '2',
    })
    expect(nextOffset).toBe('2')
    expect(Array.from(records[0].value!)).toEqual([0, 255])
    expect(records[0].timestamp).toBe(1764000000123)
    expect(records[0].headers).toEqual([{ name: 'trace', value: new TextEncoder().encode('abc') }])
    expect(records[1].headers).toEqual([])
    // base_uri pointed at an internal host: the console rebuilt the path on its own endpoint, and deleted it.
    const instancePaths = seen
      .filter((s) => s.path.includes('/instances/'))
      .map(
        (s) =>
          `${s.method} ${s.path.replace(/krc-browse-[0-9a-f]{12}/g, 'krc-browse-ID').replace(/krc-[0-9a-f]{12}/g, 'ID')}`,
      )
    expect(instancePaths).toEqual([
      'POST /consumers/krc-browse-ID/instances/ID/assignments',
      'POST /consumers/krc-browse-ID/instances/ID/positions',
      'GET /consumers/krc-browse-ID/instances/ID/records',
      'DELETE /consumers/krc-browse-ID/instances/ID',
    ])
  })

  it('sends no max_bytes to the bridge (over it, the bridge drops the whole poll with a 422)', async () => {
    const { url, seen } = await double(strimzi)
    const client = createClient(settings(url), { dialect: 'strimzi' })
    const { records } = await client.fetchRecords({
      topic: 't',
      partition: 0,
      offset: '0',
      count: 2,
      endOffset: '2',
      maxBytes: 100,
    })
    expect(records).toHaveLength(2)
    const polls = seen.filter((s) => s.path.endsWith('/records'))
    expect(polls.length).toBeGreaterThan(0)
    for (const poll of polls) expect(poll.query.get('max_bytes')).toBeNull()
  })

  it('shows Strimzi validation_errors in the error', async () => {
    const { url } = await double((_req, res) =>
      json(res, 400, {
        error_code: 400,
        message: 'Validation error on: Schema validation error',
        validation_errors: ['$.records: required'],
      }),
    )
    const client = createClient(settings(url), { dialect: 'strimzi' })
    const err = await client.produce('t', [{ key: null, value: new Uint8Array() }]).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(KafkaRestError)
    expect((err as KafkaRestError).details).toEqual(['$.records: required'])
  })
})

describe('Karapace contract', () => {
  it('is detected by /_health and reads per-record results from a 422', async () => {
    const { url } = await double((req, res) => {
      if (req.path === '/') return json(res, 200, {})
      if (req.path === '/_health') return json(res, 200, { process_uptime_sec: 5, karapace_version: '4.1.0' })
      if (req.path === '/topics' && req.method === 'GET')
        return json(res, 200, ['t'], 'application/vnd.kafka.json.v2+json')
      if (req.path === '/topics/t' && req.method === 'POST') {
        return json(res, 422, {
          offsets: [
            { partition: 0, offset: 5, error_code: null, error: null },
            { partition: null, offset: null, error_code: 2, error: 'Message too large' },
          ],
        })
      }
      if (req.path === '/v3/clusters')
        return json(res, 404, { error_code: 404, message: 'HTTP 404 Not Found' })
      json(res, 404, { error_code: 404, message: 'Not Found' })
    })
    const detection = await detectDialect(new HttpTransport(settings(url)))
    expect(detection.profile).toEqual({ dialect: 'karapace', karapaceVersion: '4.1.0' })
    const client = createClient(settings(url), detection.profile)
    expect(client.capabilities.produce?.tombstones).toBe(false)
    const results = await client.produce('t', [
      { key: null, value: new Uint8Array([1]) },
      { key: null, value: new Uint8Array(9) },
    ])
    expect(results).toEqual([
      { ok: true, partition: 0, offset: '5' },
      { ok: false, errorCode: 2, message: 'Message too large' },
    ])
  })
})

describe('Redpanda HTTP proxy contract', () => {
  it('is detected by its records route and browses statelessly', async () => {
    const { url, seen } = await double((req, res) => {
      const p = req.path
      if (p === '/topics' && req.headers.accept === V2) return json(res, 200, ['t'], V2)
      const m = /^\/topics\/([^/]+)\/partitions\/(\d+)\/records$/.exec(p)
      if (m) {
        if (m[1] !== 't') return json(res, 404, { error_code: 40401, message: 'unknown_topic_or_partition' })
        if (Number(m[2]) > 1) return json(res, 404, { error_code: 40402, message: 'partition not found' })
        // The serializer writes a bare array, and may include records below the requested offset.
        return json(
          res,
          200,
          [
            { topic: 't', key: null, value: b64('old'), partition: Number(m[2]), offset: 0 },
            { topic: 't', key: null, value: b64('new'), partition: Number(m[2]), offset: 1 },
          ],
          'application/vnd.kafka.binary.v2+json',
        )
      }
      json(res, 404, { error_code: 404, message: 'Not Found' })
    })
    const detection = await detectDialect(new HttpTransport(settings(url)))
    expect(detection.profile).toEqual({ dialect: 'redpanda' })
    const client = createClient(settings(url), detection.profile)
    expect((await client.getTopic('t')).partitions.map((p) => p.id)).toEqual([0, 1])
    const { records } = await client.fetchRecords({ topic: 't', partition: 1, offset: '1', count: 1 })
    expect(records.map((r) => new TextDecoder().decode(r.value!))).toEqual(['new'])
    const read = seen.filter((s) => s.path === '/topics/t/partitions/1/records').at(-1)!
    expect(read.query.get('offset')).toBe('1')
    expect(read.query.get('timeout')).not.toBeNull()
    expect(read.query.get('max_bytes')).not.toBeNull()
    expect(seen.some((s) => s.path.startsWith('/consumers'))).toBe(false)
  })
})

describe('IBM Event Streams (REST producer + admin) contract', () => {
  it('sends one raw message per request with the key as a query parameter and Bearer auth', async () => {
    const producer = await double((_req, res) => json(res, 200, {}))
    const admin = await double((req, res) => {
      if (req.path === '/admin/topics')
        return json(res, 200, [{ name: 't', partitions: 3, retentionMs: 86400000, cleanupPolicy: 'delete' }])
      json(res, 404, { error_code: 40403, message: 'not found', incident_id: 'x' })
    })
    const client = createClient(
      { ...settings(producer.url, 'bearer'), adminEndpoint: admin.url },
      { dialect: 'ibm-event-streams' },
    )
    expect(client.capabilities.browse).toBeNull()
    expect(client.dialect.notes.join(' ')).toMatch(/browsing messages is unavailable/)
    expect(await client.listTopics()).toEqual([{ name: 't', partitionCount: 3 }])
    expect((await client.getTopic('t')).partitions).toHaveLength(3)
    const results = await client.produce('t', [
      { key: new TextEncoder().encode('order-1'), value: new TextEncoder().encode('{"a":1}') },
      { key: null, value: new Uint8Array([0xff, 0x00]) },
    ])
    expect(results).toEqual([
      { ok: true, partition: null, offset: null },
      { ok: true, partition: null, offset: null },
    ])
    const [first, second] = producer.seen
    expect(first.path).toBe('/topics/t/records')
    expect(first.query.get('key')).toBe('order-1')
    expect(first.headers.authorization).toBe('Bearer k')
    expect(first.headers['content-type']).toBe('text/plain')
    expect(first.body.toString()).toBe('{"a":1}')
    expect(second.headers['content-type']).toBe('application/octet-stream')
    expect(Array.from(second.body)).toEqual([0xff, 0x00])
  })

  it('reads the classic admin API camelCase error body', async () => {
    const { url } = await double((_req, res) =>
      json(res, 422, { errorCode: 42201, errorMessage: 'Topic already exists' }),
    )
    const client = createClient(settings(url), { dialect: 'confluent-v1', ibmAdmin: true })
    const err = (await client
      .createTopic({ name: 't', partitions: 1 })
      .catch((e: unknown) => e)) as KafkaRestError
    expect(err.errorCode).toBe(42201)
    expect(err.message).toContain('Topic already exists')
  })
})
