/** Confluent REST Proxy v2 behaviour over real HTTP: metadata types, offsets, produce, consumer instances. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from './sandbox-server.ts'
import { b64, createTopic, request, startTestSandbox } from './test-support.ts'

const V2 = 'application/vnd.kafka.v2+json'
const V2_BINARY = 'application/vnd.kafka.binary.v2+json'
const V2_JSON = 'application/vnd.kafka.json.v2+json'

let sb: RunningSandbox
beforeAll(async () => {
  sb = await startTestSandbox({ consumerInstanceTimeoutMs: 400 })
  await createTopic(sb, 'v2-topic', 2)
})
afterAll(() => sb.close())

async function produce(topic: string, values: string[], partition?: number): Promise<void> {
  const res = await request(
    sb,
    'POST',
    partition === undefined ? `/topics/${topic}` : `/topics/${topic}/partitions/${partition}`,
    {
      headers: { 'Content-Type': V2_BINARY, Accept: V2 },
      body: { records: values.map((v) => ({ value: b64(v) })) },
    },
  )
  expect(res.status).toBe(200)
}

async function consumer(group: string, body: Record<string, unknown>): Promise<string> {
  const res = await request(sb, 'POST', `/consumers/${group}`, { headers: { 'Content-Type': V2 }, body })
  expect(res.status).toBe(200)
  expect(res.headers['content-type']).toBe(V2)
  return new URL(res.json.base_uri as string).pathname
}

describe('v2 metadata and offsets', () => {
  it('serves metadata with the v2 type', async () => {
    const res = await request(sb, 'GET', '/topics/v2-topic', { headers: { Accept: V2 } })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe(V2)
    expect(res.json.partitions).toHaveLength(2)
  })

  it('GET …/offsets gives beginning and end; 404s for missing topic or partition', async () => {
    await createTopic(sb, 'offsets-topic', 1)
    await produce('offsets-topic', ['a', 'b', 'c'])
    const res = await request(sb, 'GET', '/topics/offsets-topic/partitions/0/offsets', {
      headers: { Accept: V2 },
    })
    expect(res.json).toEqual({ beginning_offset: 0, end_offset: 3 })
    expect(
      (await request(sb, 'GET', '/topics/nope/partitions/0/offsets', { headers: { Accept: V2 } })).json
        .error_code,
    ).toBe(40401)
    expect(
      (await request(sb, 'GET', '/topics/offsets-topic/partitions/1/offsets', { headers: { Accept: V2 } }))
        .json.error_code,
    ).toBe(40402)
  })

  it('invalid base64 on v2 produce is 422/422 in CP 5.5 mode', async () => {
    const res = await request(sb, 'POST', '/topics/v2-topic', {
      headers: { 'Content-Type': V2_BINARY, Accept: V2 },
      body: { records: [{ value: 'aGVsbG8==' }] },
    })
    expect(res.status).toBe(422)
    expect(res.json.error_code).toBe(422)
    expect(res.headers['content-type']).toBe(V2)
  })
})

describe('v2 consumer', () => {
  it('assign, seek, read records, commit, committed offsets, delete', async () => {
    await createTopic(sb, 'flow', 1)
    await produce('flow', ['r0', 'r1', 'r2', 'r3'])
    const base = await consumer('flow-group', { name: 'c1', format: 'binary', 'auto.commit.enable': 'false' })
    expect(
      (
        await request(sb, 'POST', `${base}/assignments`, {
          headers: { 'Content-Type': V2 },
          body: { partitions: [{ topic: 'flow', partition: 0 }] },
        })
      ).status,
    ).toBe(204)
    const assigned = await request(sb, 'GET', `${base}/assignments`, { headers: { Accept: V2 } })
    expect(assigned.json).toEqual({ partitions: [{ topic: 'flow', partition: 0 }] })
    expect(
      (
        await request(sb, 'POST', `${base}/positions`, {
          headers: { 'Content-Type': V2 },
          body: { offsets: [{ topic: 'flow', partition: 0, offset: 1 }] },
        })
      ).status,
    ).toBe(204)
    const read = await request(sb, 'GET', `${base}/records?timeout=1000&max_bytes=100000`, {
      headers: { Accept: V2_BINARY },
    })
    expect(read.status).toBe(200)
    expect(read.headers['content-type']).toBe(V2_BINARY)
    expect(read.json).toEqual([
      { topic: 'flow', key: null, value: b64('r1'), partition: 0, offset: 1 },
      { topic: 'flow', key: null, value: b64('r2'), partition: 0, offset: 2 },
      { topic: 'flow', key: null, value: b64('r3'), partition: 0, offset: 3 },
    ])
    const commit = await request(sb, 'POST', `${base}/offsets`, {
      headers: { 'Content-Type': V2 },
      body: { offsets: [{ topic: 'flow', partition: 0, offset: 2 }] },
    })
    expect(commit.status).toBe(200)
    const committed = await request(sb, 'GET', `${base}/offsets`, {
      headers: { 'Content-Type': V2, Accept: V2 },
      body: { partitions: [{ topic: 'flow', partition: 0 }] },
    })
    expect(committed.json).toEqual({ offsets: [{ topic: 'flow', partition: 0, offset: 3, metadata: '' }] })
    const noBody = await request(sb, 'GET', `${base}/offsets`, { headers: { Accept: V2 } })
    expect(noBody.json.error_code).toBe(40402)

    await request(sb, 'POST', `${base}/positions/beginning`, {
      headers: { 'Content-Type': V2 },
      body: { partitions: [{ topic: 'flow', partition: 0 }] },
    })
    const again = await request(sb, 'GET', `${base}/records`, { headers: { Accept: V2_BINARY } })
    expect(again.json[0].offset).toBe(0)
    await request(sb, 'POST', `${base}/positions/end`, {
      headers: { 'Content-Type': V2 },
      body: { partitions: [{ topic: 'flow', partition: 0 }] },
    })
    const atEnd = await request(sb, 'GET', `${base}/records?timeout=50`, { headers: { Accept: V2_BINARY } })
    expect(atEnd.json).toEqual([])

    const wrongFormat = await request(sb, 'GET', `${base}/records`, { headers: { Accept: V2_JSON } })
    expect(wrongFormat.status).toBe(406)
    expect(wrongFormat.json.error_code).toBe(40601)

    expect((await request(sb, 'DELETE', base)).status).toBe(204)
    const gone = await request(sb, 'GET', `${base}/records`, { headers: { Accept: V2_BINARY } })
    expect(gone.status).toBe(404)
    expect(gone.json.error_code).toBe(40403)
  })

  it('subscription: range assignment across two members, unsubscribe, mutual exclusion', async () => {
    await createTopic(sb, 'sub', 4)
    for (let p = 0; p < 4; p++) await produce('sub', [`p${p}`], p)
    const a = await consumer('sub-group', { name: 'a', 'auto.offset.reset': 'earliest' })
    const b = await consumer('sub-group', { name: 'b', 'auto.offset.reset': 'earliest' })
    for (const base of [a, b]) {
      const res = await request(sb, 'POST', `${base}/subscription`, {
        headers: { 'Content-Type': V2 },
        body: { topics: ['sub'] },
      })
      expect(res.status).toBe(204)
    }
    expect((await request(sb, 'GET', `${a}/subscription`, { headers: { Accept: V2 } })).json).toEqual({
      topics: ['sub'],
    })
    const ra = await request(sb, 'GET', `${a}/records`, { headers: { Accept: V2_BINARY } })
    const rb = await request(sb, 'GET', `${b}/records`, { headers: { Accept: V2_BINARY } })
    const parts = [...ra.json, ...rb.json].map((r: { partition: number }) => r.partition).sort()
    expect(parts).toEqual([0, 1, 2, 3])
    expect(ra.json).toHaveLength(2)

    const conflict = await request(sb, 'POST', `${a}/assignments`, {
      headers: { 'Content-Type': V2 },
      body: { partitions: [{ topic: 'sub', partition: 0 }] },
    })
    expect(conflict.status).toBe(409)
    expect(conflict.json.error_code).toBe(40903)
    expect((await request(sb, 'DELETE', `${a}/subscription`)).status).toBe(204)
    expect((await request(sb, 'GET', `${a}/subscription`, { headers: { Accept: V2 } })).json).toEqual({
      topics: [],
    })

    const pattern = await consumer('pattern-group', { 'auto.offset.reset': 'earliest' })
    await request(sb, 'POST', `${pattern}/subscription`, {
      headers: { 'Content-Type': V2 },
      body: { topic_pattern: 'su.*' },
    })
    expect(
      (await request(sb, 'GET', `${pattern}/subscription`, { headers: { Accept: V2 } })).json.topics,
    ).toEqual(['sub'])
  })

  it('seeking an unassigned partition is 40903; reading with nothing assigned is 40903', async () => {
    const base = await consumer('lonely', {})
    const seek = await request(sb, 'POST', `${base}/positions`, {
      headers: { 'Content-Type': V2 },
      body: { offsets: [{ topic: 'v2-topic', partition: 0, offset: 0 }] },
    })
    expect(seek.status).toBe(409)
    expect(seek.json.error_code).toBe(40903)
    const read = await request(sb, 'GET', `${base}/records`, { headers: { Accept: V2_BINARY } })
    expect(read.json.error_code).toBe(40903)
  })

  it('records waits for data up to the timeout and wakes on produce', async () => {
    await createTopic(sb, 'wake', 1)
    const base = await consumer('wake-group', { 'auto.offset.reset': 'latest' })
    await request(sb, 'POST', `${base}/assignments`, {
      headers: { 'Content-Type': V2 },
      body: { partitions: [{ topic: 'wake', partition: 0 }] },
    })
    await request(sb, 'GET', `${base}/records?timeout=10`, { headers: { Accept: V2_BINARY } }) // fixes the position at the end
    const pending = request(sb, 'GET', `${base}/records?timeout=5000`, { headers: { Accept: V2_BINARY } })
    await new Promise((r) => setTimeout(r, 100))
    const started = Date.now()
    await produce('wake', ['fresh'])
    const res = await pending
    expect(res.json.map((r: { value: string }) => r.value)).toEqual([b64('fresh')])
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('max_bytes bounds a response (records while their key and value bytes stay below it)', async () => {
    await createTopic(sb, 'big', 1)
    await produce('big', ['x'.repeat(1000), 'y'.repeat(1000), 'z'.repeat(1000)])
    const base = await consumer('big-group', { 'auto.offset.reset': 'earliest' })
    await request(sb, 'POST', `${base}/subscription`, {
      headers: { 'Content-Type': V2 },
      body: { topics: ['big'] },
    })
    const res = await request(sb, 'GET', `${base}/records?max_bytes=1500`, { headers: { Accept: V2_BINARY } })
    expect(res.json).toHaveLength(1)
  })

  it('json format consumer and validation errors', async () => {
    await createTopic(sb, 'json2', 1)
    await request(sb, 'POST', '/topics/json2', {
      headers: { 'Content-Type': V2_JSON },
      body: { records: [{ value: { n: 1 } }] },
    })
    const base = await consumer('json-group', { format: 'json', 'auto.offset.reset': 'earliest' })
    await request(sb, 'POST', `${base}/subscription`, {
      headers: { 'Content-Type': V2 },
      body: { topics: ['json2'] },
    })
    const res = await request(sb, 'GET', `${base}/records`, { headers: { Accept: V2_JSON } })
    expect(res.json[0].value).toEqual({ n: 1 })
    const bad = await request(sb, 'POST', '/consumers/x', {
      headers: { 'Content-Type': V2 },
      body: { 'auto.offset.reset': 'smallest' },
    })
    expect(bad.json.error_code).toBe(42204)
    const unknown = await request(sb, 'POST', '/consumers/x', {
      headers: { 'Content-Type': V2 },
      body: { bogus: 1 },
    })
    expect(unknown.status).toBe(422)
    const minBytes = await request(sb, 'POST', '/consumers/x', {
      headers: { 'Content-Type': V2 },
      body: { 'fetch.min.bytes': -5 },
    })
    expect(minBytes.json.error_code).toBe(40001)
    const badSub = await request(sb, 'POST', `${base}/subscription`, {
      headers: { 'Content-Type': V2 },
      body: { topics: 'json2' },
    })
    expect(badSub.status).toBe(400)
    const wrongType = await request(sb, 'POST', `${base}/subscription`, {
      headers: { 'Content-Type': 'text/plain' },
      body: '{}',
    })
    expect(wrongType.status).toBe(415)
  })

  it('idle instances expire', async () => {
    const base = await consumer('idle-group', { name: 'sleepy' })
    await new Promise((r) => setTimeout(r, 600))
    const res = await request(sb, 'GET', `${base}/subscription`, { headers: { Accept: V2 } })
    expect(res.status).toBe(404)
    expect(res.json.error_code).toBe(40403)
  })
})

describe('v2-only surface (CP ≥ 6)', () => {
  let modern: RunningSandbox
  beforeAll(async () => {
    modern = await startTestSandbox({ apis: ['v2', 'v3'] })
    await createTopic(modern, 'm', 1)
  })
  afterAll(() => modern.close())

  it('application/json is not a v2 metadata type; no simple consumer; invalid base64 is 400', async () => {
    expect(
      (await request(modern, 'GET', '/topics', { headers: { Accept: 'application/json' } })).status,
    ).toBe(406)
    const noAccept = await request(modern, 'GET', '/topics')
    expect(noAccept.headers['content-type']).toBe(V2)
    expect((await request(modern, 'GET', '/topics/m/partitions/0/messages?offset=0')).status).toBe(404)
    const json = await request(modern, 'POST', '/topics/m', {
      headers: { 'Content-Type': 'application/json' },
      body: { records: [{ value: 'eA==' }] },
    })
    expect(json.status).toBe(415)
    const bad = await request(modern, 'POST', '/topics/m', {
      headers: { 'Content-Type': V2_BINARY },
      body: { records: [{ value: 'aGVsbG8==' }] },
    })
    expect(bad.status).toBe(400)
    expect(bad.json.error_code).toBe(400)
    expect((await request(modern, 'GET', '/admin/topics')).status).toBe(404)
  })
})
