/** v2 consumers with schema formats (no registry here) and max_bytes smaller than a record, as Confluent reads. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from './sandbox-server.ts'
import { b64, createTopic, request, startTestSandbox } from './test-support.ts'

const V2 = 'application/vnd.kafka.v2+json'
const V2_BINARY = 'application/vnd.kafka.binary.v2+json'
const V2_AVRO = 'application/vnd.kafka.avro.v2+json'

let sb: RunningSandbox
beforeAll(async () => {
  sb = await startTestSandbox()
  await createTopic(sb, 'plain', 1)
  await createTopic(sb, 'empty', 1)
  const res = await request(sb, 'POST', '/topics/plain', {
    headers: { 'Content-Type': V2_BINARY, Accept: V2 },
    body: { records: [{ value: b64('x'.repeat(5000)) }, { value: b64('small') }] },
  })
  expect(res.status).toBe(200)
})
afterAll(() => sb.close())

async function consumer(group: string, body: Record<string, unknown>, topic: string): Promise<string> {
  const res = await request(sb, 'POST', `/consumers/${group}`, { headers: { 'Content-Type': V2 }, body })
  expect(res.status).toBe(200)
  const base = new URL(res.json.base_uri as string).pathname
  const assigned = await request(sb, 'POST', `${base}/assignments`, {
    headers: { 'Content-Type': V2 },
    body: { partitions: [{ topic, partition: 0 }] },
  })
  expect(assigned.status).toBe(204)
  return base
}

describe('schema-format consumers', () => {
  for (const format of ['avro', 'jsonschema', 'protobuf']) {
    it(`creating a ${format} consumer succeeds; reading records fails with 422, an empty read is []`, async () => {
      const base = await consumer(`g-${format}`, { format, 'auto.offset.reset': 'earliest' }, 'plain')
      const type = `application/vnd.kafka.${format}.v2+json`
      const read = await request(sb, 'GET', `${base}/records?timeout=100`, { headers: { Accept: type } })
      expect(read.status).toBe(422)
      expect(read.headers['content-type']).toBe(type)
      expect(read.json.error_code).toBe(422)
      expect(read.json.message).toMatch(new RegExp(`^value deserialization error for format ${format}: `))
      // A binary Accept does not match the consumer's format (40601), as for any other format.
      const wrong = await request(sb, 'GET', `${base}/records?timeout=100`, {
        headers: { Accept: V2_BINARY },
      })
      expect(wrong.json.error_code).toBe(40601)
      const none = await consumer(`g-${format}-empty`, { format }, 'empty')
      const empty = await request(sb, 'GET', `${none}/records?timeout=50`, { headers: { Accept: type } })
      expect(empty.status).toBe(200)
      expect(empty.json).toEqual([])
    })
  }

  it('a wildcard Accept answers in the consumer’s format; an unknown format is still 42204', async () => {
    const base = await consumer('g-avro-any', { format: 'avro', 'auto.offset.reset': 'earliest' }, 'plain')
    const read = await request(sb, 'GET', `${base}/records?timeout=100`, { headers: { Accept: '*/*' } })
    expect(read.status).toBe(422)
    expect(read.headers['content-type']).toBe(V2_AVRO)
    const bad = await request(sb, 'POST', '/consumers/g-bad', {
      headers: { 'Content-Type': V2 },
      body: { format: 'xml' },
    })
    expect(bad.status).toBe(422)
    expect(bad.json.error_code).toBe(42204)
  })
})

describe('max_bytes', () => {
  it('a record larger than max_bytes is not returned and stays next (Confluent’s read task)', async () => {
    const base = await consumer('g-max', { format: 'binary', 'auto.offset.reset': 'earliest' }, 'plain')
    const started = Date.now()
    const small = await request(sb, 'GET', `${base}/records?timeout=300&max_bytes=100`, {
      headers: { Accept: V2_BINARY },
    })
    expect(small.status).toBe(200)
    expect(small.json).toEqual([])
    expect(Date.now() - started).toBeGreaterThanOrEqual(250) // waited for data that fits, as a long poll does
    // Still at offset 0: a large enough max_bytes returns it, then the next record.
    const big = await request(sb, 'GET', `${base}/records?timeout=300&max_bytes=5001`, {
      headers: { Accept: V2_BINARY },
    })
    expect(big.json.map((r: { offset: number }) => r.offset)).toEqual([0])
    const rest = await request(sb, 'GET', `${base}/records?timeout=300`, { headers: { Accept: V2_BINARY } })
    expect(rest.json.map((r: { offset: number }) => r.offset)).toEqual([1])
  })

  it('a record of exactly max_bytes does not fit either (bytes + size >= max_bytes stops)', async () => {
    const base = await consumer('g-max-exact', { format: 'binary', 'auto.offset.reset': 'earliest' }, 'plain')
    const read = await request(sb, 'GET', `${base}/records?timeout=100&max_bytes=5000`, {
      headers: { Accept: V2_BINARY },
    })
    expect(read.json).toEqual([])
  })
})
