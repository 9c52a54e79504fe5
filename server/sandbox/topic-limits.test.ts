/** The broker's record size limit (a topic's max.message.bytes) through v2, v3 and the IBM admin API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from './sandbox-server.ts'
import { b64, createTopic, request, startTestSandbox } from './test-support.ts'
import {
  DEFAULT_MAX_MESSAGE_BYTES,
  RECORD_TOO_LARGE,
  maxMessageBytes,
  maxMessageBytesProblem,
  singleRecordBatchSize,
} from './topic-limits.ts'

const V2 = 'application/vnd.kafka.v2+json'
const V2_BINARY = 'application/vnd.kafka.binary.v2+json'
const MB2 = Buffer.alloc(2 * 1024 * 1024, 7)

describe('singleRecordBatchSize', () => {
  it('is Kafka’s batch header plus DefaultRecord.sizeInBytes', () => {
    // 61 + varint(11) + 11: attributes, timestamp and offset deltas, null key, 5-byte value, no headers.
    expect(singleRecordBatchSize(null, Buffer.from('hello'))).toBe(73)
    expect(singleRecordBatchSize(Buffer.from('k'), null, [{ name: 'h', value: Buffer.from('v') }])).toBe(
      61 + 1 + (3 + 2 + 1 + 1 + 2 + 2),
    )
    // A 1 MiB value is over Kafka's default limit, as on a real broker.
    expect(singleRecordBatchSize(null, Buffer.alloc(1024 * 1024))).toBeGreaterThan(DEFAULT_MAX_MESSAGE_BYTES)
  })

  it('reads and checks max.message.bytes', () => {
    expect(maxMessageBytes({})).toBe(1_048_588)
    expect(maxMessageBytes({ 'max.message.bytes': '10485760' })).toBe(10_485_760)
    expect(maxMessageBytesProblem('10485760')).toBeNull()
    expect(maxMessageBytesProblem('-1')).toMatch(/Invalid value -1 for configuration max.message.bytes/)
    expect(maxMessageBytesProblem('lots')).not.toBeNull()
  })
})

let sb: RunningSandbox
let cluster: string
beforeAll(async () => {
  sb = await startTestSandbox()
  cluster = (await request(sb, 'GET', '/v3/clusters')).json.data[0].cluster_id
  await createTopic(sb, 'default-limit', 1)
  await createTopic(sb, 'raised-limit', 1, { 'max.message.bytes': String(10 * 1024 * 1024) })
})
afterAll(() => sb.close())

const endOffset = async (topic: string) =>
  (await request(sb, 'GET', `/topics/${topic}/partitions/0/offsets`, { headers: { Accept: V2 } })).json
    .end_offset

describe('max.message.bytes on produce', () => {
  it('v2: a 2 MB record to a default topic fails on its own with 50002, the others are stored', async () => {
    const res = await request(sb, 'POST', '/topics/default-limit', {
      headers: { 'Content-Type': V2_BINARY, Accept: V2 },
      body: { records: [{ value: b64('small') }, { value: b64(MB2) }] },
    })
    expect(res.status).toBe(200)
    expect(res.json.offsets).toEqual([
      { partition: 0, offset: 0, error_code: null, error: null },
      { partition: null, offset: null, error_code: 50002, error: RECORD_TOO_LARGE },
    ])
    expect(await endOffset('default-limit')).toBe(1)
  })

  it('v2: the same record is stored on a topic whose limit is raised, which metadata reports', async () => {
    const res = await request(sb, 'POST', '/topics/raised-limit', {
      headers: { 'Content-Type': V2_BINARY, Accept: V2 },
      body: { records: [{ value: b64(MB2) }] },
    })
    expect(res.json.offsets[0]).toMatchObject({ offset: 0, error_code: null })
    const meta = await request(sb, 'GET', '/topics/raised-limit', { headers: { Accept: V2 } })
    expect(meta.json.configs['max.message.bytes']).toBe('10485760')
  })

  it('v3: the delivery report of a too large record is 413', async () => {
    const res = await request(sb, 'POST', `/v3/clusters/${cluster}/topics/default-limit/records`, {
      headers: { 'Content-Type': 'application/json' },
      body: { value: { type: 'BINARY', data: b64(MB2) } },
    })
    expect(res.status).toBe(200)
    expect(res.json).toEqual({ error_code: 413, message: RECORD_TOO_LARGE })
  })

  it('v3 create refuses an invalid max.message.bytes', async () => {
    const res = await request(sb, 'POST', `/v3/clusters/${cluster}/topics`, {
      headers: { 'Content-Type': 'application/json' },
      body: { topic_name: 'bad-limit', configs: [{ name: 'max.message.bytes', value: 'lots' }] },
    })
    expect(res.status).toBe(400)
    expect(res.json.error_code).toBe(40002)
  })

  it('IBM admin create takes maxMessageBytes (a sandbox addition) and checks it', async () => {
    const ok = await request(sb, 'POST', '/admin/topics', {
      headers: { 'Content-Type': 'application/json' },
      body: { name: 'admin-raised', configs: { maxMessageBytes: 10485760 } },
    })
    expect(ok.status).toBe(202)
    const meta = await request(sb, 'GET', '/topics/admin-raised', { headers: { Accept: V2 } })
    expect(meta.json.configs['max.message.bytes']).toBe('10485760')
    const bad = await request(sb, 'POST', '/admin/topics', {
      headers: { 'Content-Type': 'application/json' },
      body: { name: 'admin-bad', configs: { maxMessageBytes: -5 } },
    })
    expect(bad.status).toBe(422)
    expect(bad.json.errorCode).toBe(42212)
  })
})
