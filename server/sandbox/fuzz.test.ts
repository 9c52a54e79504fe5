/** Property test: every route, fed malformed bodies, params and headers, answers < 500 and keeps running. */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from './sandbox-server.ts'
import { createTopic, request } from './test-support.ts'

let sb: RunningSandbox
let cluster: string

beforeAll(async () => {
  const { startTestSandbox } = await import('./test-support.ts')
  sb = await startTestSandbox({ maxBodyBytes: 256 * 1024 })
  await createTopic(sb, 'fuzz', 2)
  cluster = (await request(sb, 'GET', '/v3/clusters')).json.data[0].cluster_id
  await request(sb, 'POST', '/consumers/fg', {
    headers: { 'Content-Type': 'application/vnd.kafka.v2+json' },
    body: { name: 'v2c', 'consumer.request.timeout.ms': 10 },
  })
  await request(sb, 'POST', '/consumers/fg', {
    headers: { 'Content-Type': 'application/vnd.kafka.v1+json' },
    body: { name: 'v1c', 'consumer.request.timeout.ms': 10 },
  })
})
afterAll(() => sb.close())

const ROUTES: Array<[string, string]> = [
  ['GET', '/'],
  ['GET', '/topics'],
  ['GET', '/topics/{t}'],
  ['GET', '/topics/{t}/partitions'],
  ['GET', '/topics/{t}/partitions/{p}'],
  ['GET', '/topics/{t}/partitions/{p}/messages?offset={n}&count={n}'],
  ['GET', '/topics/{t}/partitions/{p}/offsets'],
  ['GET', '/brokers'],
  ['POST', '/topics/{t}'],
  ['POST', '/topics/{t}/partitions/{p}'],
  ['POST', '/consumers/{g}'],
  ['DELETE', '/consumers/{g}/instances/{i}'],
  ['POST', '/consumers/{g}/instances/{i}/offsets'],
  ['GET', '/consumers/{g}/instances/{i}/offsets'],
  ['GET', '/consumers/{g}/instances/{i}/topics/{t}?max_bytes={n}'],
  ['POST', '/consumers/{g}/instances/{i}/subscription'],
  ['GET', '/consumers/{g}/instances/{i}/subscription'],
  ['DELETE', '/consumers/{g}/instances/{i}/subscription'],
  ['POST', '/consumers/{g}/instances/{i}/assignments'],
  ['GET', '/consumers/{g}/instances/{i}/assignments'],
  ['POST', '/consumers/{g}/instances/{i}/positions'],
  ['POST', '/consumers/{g}/instances/{i}/positions/beginning'],
  ['POST', '/consumers/{g}/instances/{i}/positions/end'],
  ['GET', '/consumers/{g}/instances/{i}/records?timeout={timeout}&max_bytes={n}'],
  ['GET', '/v3/clusters'],
  ['GET', '/v3/clusters/{c}'],
  ['GET', '/v3/clusters/{c}/brokers'],
  ['GET', '/v3/clusters/{c}/topics'],
  ['POST', '/v3/clusters/{c}/topics'],
  ['GET', '/v3/clusters/{c}/topics/{t}'],
  ['GET', '/v3/clusters/{c}/topics/{t}/configs'],
  ['GET', '/v3/clusters/{c}/topics/{t}/partitions'],
  ['GET', '/v3/clusters/{c}/topics/{t}/partitions/{p}'],
  ['POST', '/v3/clusters/{c}/topics/{t}/records'],
  ['POST', '/v3/clusters/{c}/topics/{t}/records:batch'],
  ['GET', '/v3/clusters/{c}/consumer-groups'],
  ['GET', '/v3/clusters/{c}/consumer-groups/{g}/lags'],
  ['GET', '/v3/clusters/{c}/consumer-groups/{g}/lag-summary'],
  ['GET', '/v3/clusters/{c}/consumer-groups/{g}/consumers'],
  ['GET', '/v3/clusters/{c}/consumer-groups/{g}/consumers/{i}/assignments'],
  ['GET', '/admin/topics'],
  ['POST', '/admin/topics'],
  ['PUT', '/topics/{t}'],
]

const CONTENT_TYPES = [
  'application/vnd.kafka.binary.v1+json',
  'application/vnd.kafka.json.v1+json',
  'application/vnd.kafka.v2+json',
  'application/vnd.kafka.binary.v2+json',
  'application/vnd.kafka.json.v2+json',
  'application/json',
  'application/json; charset=utf-16',
  'application/json; charset=nonsense',
  'text/plain',
  'application/octet-stream',
]
const ACCEPTS = [
  'application/vnd.kafka.v1+json',
  'application/vnd.kafka.binary.v2+json',
  'application/json;q=0.1, */*;q=0.2',
  '*/*',
  'text/html',
  ';;,,q=',
]

const segment = fc.oneof(
  fc.constantFrom('fuzz', 'v2c', 'v1c', 'fg', '0', '1', '-1', '99999999999999999999', '..', '%zz'),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
)
const number = fc.oneof(
  fc.constantFrom('0', '1', '-5', 'abc', '', '1e3', '9007199254740993'),
  fc.integer().map(String),
)
const jsonValue = fc.jsonValue({ maxDepth: 4 })
const recordLike = fc.record(
  {
    key: fc.oneof(fc.constant(null), fc.base64String(), fc.string(), fc.integer(), jsonValue),
    value: fc.oneof(fc.constant(null), fc.base64String(), fc.string(), jsonValue),
    partition: fc.oneof(fc.integer({ min: -2, max: 3 }), fc.string()),
  },
  { requiredKeys: [] },
)
const body = fc.oneof(
  fc.constant(undefined),
  jsonValue.map((v) => JSON.stringify(v)),
  fc.record({ records: fc.array(recordLike, { maxLength: 4 }) }).map((v) => JSON.stringify(v)),
  fc
    .record(
      {
        topics: fc.oneof(fc.array(segment, { maxLength: 3 }), fc.string()),
        topic_pattern: fc.constantFrom('(', 'fu.*', '[', '*'),
        partitions: fc.array(
          fc.record({ topic: segment, partition: fc.oneof(fc.integer({ min: -2, max: 3 }), fc.string()) }),
          { maxLength: 3 },
        ),
        offsets: fc.array(
          fc.record({
            topic: segment,
            partition: fc.integer({ min: -1, max: 2 }),
            offset: fc.integer({ min: -3, max: 50 }),
          }),
          { maxLength: 3 },
        ),
        topic_name: segment,
        partitions_count: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.string()),
        name: segment,
        format: fc.constantFrom('binary', 'json', 'avro', 'weird'),
        entries: fc.array(fc.record({ id: fc.oneof(fc.string(), fc.integer()), value: jsonValue }), {
          maxLength: 3,
        }),
        value: fc.record(
          { type: fc.constantFrom('BINARY', 'JSON', 'STRING', 'AVRO', 'x'), data: jsonValue },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
)

describe('fuzz', () => {
  it(
    'answers every malformed request with a status below 500 and a well-formed body',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...ROUTES),
          fc.record({
            t: segment,
            p: number,
            n: number,
            g: segment,
            i: segment,
            c: fc.oneof(fc.constant('CLUSTER'), segment),
          }),
          fc.option(fc.constantFrom(...CONTENT_TYPES)),
          fc.option(fc.constantFrom(...ACCEPTS)),
          body,
          async ([method, template], params, contentType, accept, payload) => {
            const path = template
              .replace('{timeout}', '0')
              .replace(/\{(\w)\}/g, (_, k: string) =>
                k === 'c' && params.c === 'CLUSTER' ? cluster : (params as Record<string, string>)[k],
              )
            const headers: Record<string, string> = {}
            if (contentType !== null) headers['Content-Type'] = contentType
            if (accept !== null) headers.Accept = accept
            const res = await request(sb, method, path, { headers, body: payload })
            expect(res.status, `${method} ${path} → ${res.status} ${res.text}`).toBeLessThan(500)
            expect(res.status).toBeGreaterThanOrEqual(200)
            if (res.status === 406) expect(res.text).toBe('')
            const type = res.headers['content-type'] ?? ''
            if (res.text !== '' && type.includes('json') && !path.includes('/records')) {
              expect(() => JSON.parse(res.text)).not.toThrow()
            }
          },
        ),
        // FUZZ_RUNS raises the count for a longer hunt (docs/reliability.md quotes one).
        { numRuns: Number(process.env.FUZZ_RUNS ?? 600) },
      )
      expect((await request(sb, 'GET', '/topics')).status).toBe(200)
    },
    Math.max(30_000, Number(process.env.FUZZ_RUNS ?? 0) * 20),
  )
})
