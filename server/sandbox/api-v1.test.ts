/** Confluent REST Proxy v1 (CP 2.0 / Message Hub) behaviour over real HTTP. Cases follow Confluent's unit tests. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { partitionForKey } from './murmur2.ts'
import type { RunningSandbox } from './sandbox-server.ts'
import { b64, createTopic, request, startTestSandbox } from './test-support.ts'

const V1 = 'application/vnd.kafka.v1+json'
const V1_BINARY = 'application/vnd.kafka.binary.v1+json'
const V2 = 'application/vnd.kafka.v2+json'

let sb: RunningSandbox
beforeAll(async () => {
  sb = await startTestSandbox()
  await createTopic(sb, 'v1-topic', 3)
  await createTopic(sb, 'v1-single', 1)
})
afterAll(() => sb.close())

describe('v1 metadata', () => {
  it('GET / answers {} with the v1 type by default', async () => {
    const res = await request(sb, 'GET', '/')
    expect(res.status).toBe(200)
    expect(res.json).toEqual({})
    expect(res.headers['content-type']).toBe(V1)
  })

  it.each([
    [V1, V1],
    ['application/vnd.kafka+json', 'application/vnd.kafka+json'],
    ['application/json', 'application/json'],
    [
      `${V1}; q=0.8, application/vnd.kafka+json; q=0.9, application/json; q=0.7`,
      'application/vnd.kafka+json',
    ],
    [`${V1}; q=0.8, application/vnd.kafka+json; q=0.7, application/json; q=0.9`, 'application/json'],
  ])('negotiates Accept %s → %s', async (accept, type) => {
    const res = await request(sb, 'GET', '/topics', { headers: { Accept: accept } })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe(type)
  })

  it.each(['text/plain', 'application/octet-stream'])(
    '406 without body or content type for Accept %s',
    async (accept) => {
      const res = await request(sb, 'GET', '/topics', { headers: { Accept: accept } })
      expect(res.status).toBe(406)
      expect(res.text).toBe('')
      expect(res.headers['content-type']).toBeUndefined()
    },
  )

  it('lists topics, topic metadata and partitions', async () => {
    const topics = await request(sb, 'GET', '/topics')
    expect(topics.json).toEqual(expect.arrayContaining(['v1-topic', 'v1-single']))
    const topic = await request(sb, 'GET', '/topics/v1-topic')
    expect(topic.json.name).toBe('v1-topic')
    expect(topic.json.partitions).toHaveLength(3)
    expect(topic.json.configs['cleanup.policy']).toBe('delete')
    expect(topic.json.partitions[2]).toEqual({
      partition: 2,
      leader: 1,
      replicas: [{ broker: 1, leader: true, in_sync: true }],
    })
    const parts = await request(sb, 'GET', '/topics/v1-topic/partitions')
    expect(parts.json.map((p: { partition: number }) => p.partition)).toEqual([0, 1, 2])
    const part = await request(sb, 'GET', '/topics/v1-topic/partitions/1')
    expect(part.json.partition).toBe(1)
    expect((await request(sb, 'GET', '/brokers')).json).toEqual({ brokers: [1] })
  })

  it('404 error codes for missing topic and partition', async () => {
    const t = await request(sb, 'GET', '/topics/nope', { headers: { Accept: V1 } })
    expect(t.status).toBe(404)
    expect(t.json).toEqual({ error_code: 40401, message: 'Topic not found.' })
    expect(t.headers['content-type']).toBe(V1)
    const p = await request(sb, 'GET', '/topics/v1-topic/partitions/3')
    expect(p.json.error_code).toBe(40402)
    const pp = await request(sb, 'GET', '/topics/nope/partitions')
    expect(pp.json.error_code).toBe(40401)
    const unknown = await request(sb, 'GET', '/no/such/route')
    expect(unknown.status).toBe(404)
    expect(unknown.json).toEqual({ error_code: 404, message: 'HTTP 404 Not Found' })
    const method = await request(sb, 'PUT', '/topics')
    expect(method.status).toBe(405)
    expect(method.json.error_code).toBe(405)
  })
})

describe('v1 produce', () => {
  it('produces binary records with keys, null values and explicit partitions', async () => {
    const keyed = partitionForKey(Buffer.from('k'), 3)
    const other = (keyed + 1) % 3
    const res = await request(sb, 'POST', '/topics/v1-topic', {
      headers: { 'Content-Type': V1_BINARY, Accept: V1 },
      body: {
        records: [
          { key: b64('k'), value: b64('v1') },
          { value: b64('v2'), partition: other },
          { key: b64('k'), value: null },
        ],
      },
    })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe(V1)
    expect(res.json.key_schema_id).toBeNull()
    expect(res.json.value_schema_id).toBeNull()
    const [a, b, c] = res.json.offsets
    expect(b).toEqual({ partition: other, offset: expect.any(Number), error_code: null, error: null })
    expect(a.partition).toBe(keyed) // murmur2, as the Java client
    expect(c.partition).toBe(keyed)
    expect(c.offset).toBe(a.offset + 1)
  })

  it.each([V1_BINARY, V1, 'application/vnd.kafka+json', 'application/json', 'application/octet-stream'])(
    'accepts request content type %s as binary',
    async (type) => {
      const res = await request(sb, 'POST', '/topics/v1-single', {
        headers: { 'Content-Type': type },
        body: { records: [{ value: b64('x') }] },
      })
      expect(res.status).toBe(200)
      expect(res.json.offsets[0].error_code).toBeNull()
    },
  )

  it('415 JSON for an unsupported request content type', async () => {
    const res = await request(sb, 'POST', '/topics/v1-single', {
      headers: { 'Content-Type': 'text/plain', Accept: V1 },
      body: '{"records":[{"value":"eA=="}]}',
    })
    expect(res.status).toBe(415)
    expect(res.json).toEqual({ error_code: 415, message: 'HTTP 415 Unsupported Media Type' })
    expect(res.headers['content-type']).toBe(V1)
  })

  it.each([`/topics/v1-single`, `/topics/v1-single/partitions/0`])(
    'bad base64 aGVsbG8== is 422/422 on %s',
    async (path) => {
      const res = await request(sb, 'POST', path, {
        headers: { 'Content-Type': V1_BINARY },
        body: { records: [{ value: 'aGVsbG8==' }] },
      })
      expect(res.status).toBe(422)
      expect(res.json.error_code).toBe(422)
      expect(res.json.message).toContain('base64')
    },
  )

  it.each([
    ['empty records', { records: [] }],
    ['no records', {}],
    ['unknown field', { records: [{ value: 'eA==' }], extra: 1 }],
  ])('422 validation: %s', async (_, body) => {
    const res = await request(sb, 'POST', '/topics/v1-single', { headers: { 'Content-Type': V1 }, body })
    expect(res.status).toBe(422)
    expect(res.json.error_code).toBe(422)
  })

  it('422 Unrecognized field: partition when producing to a partition URL', async () => {
    const res = await request(sb, 'POST', '/topics/v1-topic/partitions/1', {
      headers: { 'Content-Type': V1 },
      body: { records: [{ value: 'eA==', partition: 0 }] },
    })
    expect(res.status).toBe(422)
    expect(res.json).toEqual({ error_code: 422, message: 'Unrecognized field: partition' })
  })

  it('400 JSON for malformed JSON and wrong types', async () => {
    const bad = await request(sb, 'POST', '/topics/v1-single', {
      headers: { 'Content-Type': V1 },
      body: '{"records": [',
    })
    expect(bad.status).toBe(400)
    expect(bad.json.error_code).toBe(400)
    const wrong = await request(sb, 'POST', '/topics/v1-single', {
      headers: { 'Content-Type': V1 },
      body: { records: [{ value: { nested: true } }] },
    })
    expect(wrong.status).toBe(400)
  })

  it('produce to a partition URL: 40402 when out of range, records land in that partition', async () => {
    const missing = await request(sb, 'POST', '/topics/v1-topic/partitions/9', {
      headers: { 'Content-Type': V1 },
      body: { records: [{ value: 'eA==' }] },
    })
    expect(missing.status).toBe(404)
    expect(missing.json.error_code).toBe(40402)
    const ok = await request(sb, 'POST', '/topics/v1-topic/partitions/1', {
      headers: { 'Content-Type': V1 },
      body: { records: [{ key: b64('any'), value: 'eA==' }] },
    })
    expect(ok.json.offsets[0].partition).toBe(1)
  })

  it('never auto-creates: a missing topic gives per-record retriable errors (Confluent code path)', async () => {
    const res = await request(sb, 'POST', '/topics/not-there', {
      headers: { 'Content-Type': V1 },
      body: { records: [{ value: 'eA==' }, { value: 'eQ==' }] },
    })
    expect(res.status).toBe(200)
    expect(res.json.offsets).toHaveLength(2)
    expect(res.json.offsets[0]).toMatchObject({ partition: null, offset: null, error_code: 50003 })
    const topics = await request(sb, 'GET', '/topics')
    expect(topics.json).not.toContain('not-there')
  })

  it('record partition beyond the topic is a per-record 50002', async () => {
    const res = await request(sb, 'POST', '/topics/v1-single', {
      headers: { 'Content-Type': V1 },
      body: { records: [{ value: 'eA==', partition: 5 }, { value: 'eQ==' }] },
    })
    expect(res.status).toBe(200)
    expect(res.json.offsets[0].error_code).toBe(50002)
    expect(res.json.offsets[1].error_code).toBeNull()
  })
})

describe('v1 simple consumer', () => {
  it('reads count records from an offset, with the binary type and topic field', async () => {
    await createTopic(sb, 'simple', 1)
    const values = ['a', 'b', 'c', 'd']
    await request(sb, 'POST', '/topics/simple', {
      headers: { 'Content-Type': V1_BINARY },
      body: { records: values.map((v, i) => ({ key: i === 0 ? null : b64(`k${i}`), value: b64(v) })) },
    })
    const res = await request(sb, 'GET', '/topics/simple/partitions/0/messages?offset=1&count=2', {
      headers: { Accept: V1_BINARY },
    })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe(V1_BINARY)
    expect(res.json).toEqual([
      { topic: 'simple', key: b64('k1'), value: b64('b'), partition: 0, offset: 1 },
      { topic: 'simple', key: b64('k2'), value: b64('c'), partition: 0, offset: 2 },
    ])
    const one = await request(sb, 'GET', '/topics/simple/partitions/0/messages?offset=0')
    expect(one.json).toHaveLength(1)
    expect(one.json[0].key).toBeNull()
    const more = await request(sb, 'GET', '/topics/simple/partitions/0/messages?offset=2&count=100')
    expect(more.json.map((r: { offset: number }) => r.offset)).toEqual([2, 3])
    const atEnd = await request(sb, 'GET', '/topics/simple/partitions/0/messages?offset=4&count=10')
    expect(atEnd.status).toBe(200)
    expect(atEnd.json).toEqual([])
    const probe = await request(sb, 'GET', '/topics/simple/partitions/0/messages?offset=0&count=0')
    expect(probe.json).toEqual([])
  })

  it('errors carry the negotiated type; missing topic/partition and bad offsets', async () => {
    const t = await request(sb, 'GET', '/topics/nope/partitions/0/messages?offset=0', {
      headers: { Accept: V1_BINARY },
    })
    expect(t.status).toBe(404)
    expect(t.json.error_code).toBe(40401)
    expect(t.headers['content-type']).toBe(V1_BINARY)
    const p = await request(sb, 'GET', '/topics/simple/partitions/7/messages?offset=0')
    expect(p.json.error_code).toBe(40402)
    const beyond = await request(sb, 'GET', '/topics/simple/partitions/0/messages?offset=99')
    expect(beyond.status).toBe(400)
    expect(beyond.json.error_code).toBe(40002)
    const negative = await request(sb, 'GET', '/topics/simple/partitions/0/messages?offset=-1')
    expect(negative.status).toBe(400)
    const nonNumeric = await request(sb, 'GET', '/topics/simple/partitions/0/messages?offset=abc')
    expect(nonNumeric.status).toBe(404)
    expect(nonNumeric.json.error_code).toBe(404)
    const v2Accept = await request(sb, 'GET', '/topics/simple/partitions/0/messages?offset=0', {
      headers: { Accept: V2 },
    })
    expect(v2Accept.status).toBe(406)
  })

  it('json embedded format round trip (produce json.v1, read json.v1)', async () => {
    await createTopic(sb, 'json-v1', 1)
    const res = await request(sb, 'POST', '/topics/json-v1', {
      headers: { 'Content-Type': 'application/vnd.kafka.json.v1+json' },
      body: { records: [{ key: { id: 1 }, value: { hello: ['world', 2] } }] },
    })
    expect(res.json.offsets[0].error_code).toBeNull()
    const read = await request(sb, 'GET', '/topics/json-v1/partitions/0/messages?offset=0', {
      headers: { Accept: 'application/vnd.kafka.json.v1+json' },
    })
    expect(read.json[0].key).toEqual({ id: 1 })
    expect(read.json[0].value).toEqual({ hello: ['world', 2] })
  })
})

describe('v1 consumer instances', () => {
  it('create, read by topic, commit, delete', async () => {
    await createTopic(sb, 'grouped', 2)
    await request(sb, 'POST', '/topics/grouped', {
      headers: { 'Content-Type': V1_BINARY },
      body: { records: Array.from({ length: 6 }, (_, i) => ({ value: b64(`m${i}`) })) },
    })
    const created = await request(sb, 'POST', '/consumers/g1', {
      headers: { 'Content-Type': V1 },
      body: { name: 'c1', format: 'binary', 'auto.offset.reset': 'smallest', 'auto.commit.enable': 'false' },
    })
    expect(created.status).toBe(200)
    expect(created.json.instance_id).toBe('c1')
    expect(created.json.base_uri).toBe(`${sb.url}/consumers/g1/instances/c1`)

    const dup = await request(sb, 'POST', '/consumers/g1', {
      headers: { 'Content-Type': V1 },
      body: { name: 'c1' },
    })
    expect(dup.status).toBe(409)
    expect(dup.json.error_code).toBe(40902)

    const read = await request(sb, 'GET', '/consumers/g1/instances/c1/topics/grouped', {
      headers: { Accept: V1_BINARY },
    })
    expect(read.status).toBe(200)
    expect(read.json).toHaveLength(6)
    expect(read.json[0]).toHaveProperty('topic', 'grouped')

    const wrongFormat = await request(sb, 'GET', '/consumers/g1/instances/c1/topics/grouped', {
      headers: { Accept: 'application/vnd.kafka.json.v1+json' },
    })
    expect(wrongFormat.status).toBe(406)
    expect(wrongFormat.json.error_code).toBe(40601)

    const other = await request(sb, 'GET', '/consumers/g1/instances/c1/topics/v1-topic', {
      headers: { Accept: V1_BINARY },
    })
    expect(other.status).toBe(409)
    expect(other.json.error_code).toBe(40901)

    const missingTopic = await request(sb, 'GET', '/consumers/g1/instances/c1/topics/nope', {
      headers: { Accept: V1_BINARY },
    })
    expect(missingTopic.json.error_code).toBe(40401)

    const commit = await request(sb, 'POST', '/consumers/g1/instances/c1/offsets', {
      headers: { 'Content-Type': V1 },
    })
    expect(commit.status).toBe(200)
    expect(commit.json).toEqual(
      expect.arrayContaining([
        { topic: 'grouped', partition: 0, consumed: 3, committed: 3 },
        { topic: 'grouped', partition: 1, consumed: 3, committed: 3 },
      ]),
    )

    const del = await request(sb, 'DELETE', '/consumers/g1/instances/c1')
    expect(del.status).toBe(204)
    expect(del.text).toBe('')
    const again = await request(sb, 'DELETE', '/consumers/g1/instances/c1')
    expect(again.status).toBe(404)
    expect(again.json.error_code).toBe(40403)

    // A new instance in the same group resumes from the committed offsets.
    await request(sb, 'POST', '/consumers/g1', {
      headers: { 'Content-Type': V1 },
      body: { name: 'c2', 'auto.offset.reset': 'smallest' },
    })
    await request(sb, 'POST', '/topics/grouped/partitions/0', {
      headers: { 'Content-Type': V1 },
      body: { records: [{ value: b64('late') }] },
    })
    const resumed = await request(sb, 'GET', '/consumers/g1/instances/c2/topics/grouped', {
      headers: { Accept: V1_BINARY },
    })
    expect(resumed.json.map((r: { value: string }) => Buffer.from(r.value, 'base64').toString())).toEqual([
      'late',
    ])
  })

  it('accepts an empty create body and generates an id; bad config is 42204', async () => {
    const res = await request(sb, 'POST', '/consumers/g2', { headers: { 'Content-Type': V1 } })
    expect(res.status).toBe(200)
    expect(res.json.instance_id).toMatch(/^rest-consumer-/)
    const bad = await request(sb, 'POST', '/consumers/g2', {
      headers: { 'Content-Type': V1 },
      body: { 'auto.offset.reset': 'sideways' },
    })
    expect(bad.status).toBe(422)
    expect(bad.json.error_code).toBe(42204)
  })

  it('read on an unknown instance is 40403; an empty read waits ~the request timeout then returns []', async () => {
    const unknown = await request(sb, 'GET', '/consumers/g3/instances/x/topics/grouped', {
      headers: { Accept: V1_BINARY },
    })
    expect(unknown.json.error_code).toBe(40403)
    await request(sb, 'POST', '/consumers/g3', {
      headers: { 'Content-Type': V1 },
      body: { name: 'late', 'consumer.request.timeout.ms': 200 },
    })
    const started = Date.now()
    const empty = await request(sb, 'GET', '/consumers/g3/instances/late/topics/grouped', {
      headers: { Accept: V1_BINARY },
    })
    expect(empty.json).toEqual([])
    expect(Date.now() - started).toBeGreaterThanOrEqual(150)
  })
})

describe('v1-only surface (Message Hub / CP 2.x)', () => {
  let classic: RunningSandbox
  beforeAll(async () => {
    classic = await startTestSandbox({ apis: ['v1', 'admin'] })
    await request(classic, 'POST', '/admin/topics', {
      headers: { 'Content-Type': 'application/json' },
      body: { name: 'mh' },
    })
  })
  afterAll(() => classic.close())

  it('a v2 Accept on metadata is 406 without a body; v3 and v2-only routes are absent', async () => {
    const res = await request(classic, 'GET', '/topics', { headers: { Accept: V2 } })
    expect(res.status).toBe(406)
    expect(res.text).toBe('')
    expect((await request(classic, 'GET', '/v3/clusters')).status).toBe(404)
    expect((await request(classic, 'GET', '/topics/mh/partitions/0/offsets')).status).toBe(404)
  })

  it('simple consumer records have no topic field (added in CP 3.2.2)', async () => {
    await request(classic, 'POST', '/topics/mh', {
      headers: { 'Content-Type': V1_BINARY },
      body: { records: [{ value: b64('x') }] },
    })
    const res = await request(classic, 'GET', '/topics/mh/partitions/0/messages?offset=0')
    expect(res.json).toEqual([{ key: null, value: b64('x'), partition: 0, offset: 0 }])
  })
})
