/** Confluent REST Proxy v3 over real HTTP; produce cases follow ProduceActionNoSchemaIntegrationTest. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from './sandbox-server.ts'
import { b64, request, startTestSandbox } from './test-support.ts'

const JSON_CT = { 'Content-Type': 'application/json', Accept: 'application/json' }
let sb: RunningSandbox
let cluster: string
let base: string

beforeAll(async () => {
  sb = await startTestSandbox()
  const res = await request(sb, 'GET', '/v3/clusters', { headers: { Accept: 'application/json' } })
  cluster = res.json.data[0].cluster_id
  base = `/v3/clusters/${cluster}`
  await request(sb, 'POST', `${base}/topics`, {
    headers: JSON_CT,
    body: { topic_name: 'topic-1', partitions_count: 3 },
  })
})
afterAll(() => sb.close())

const readBack = async (partition: number, offset: number) => {
  const res = await request(sb, 'GET', `/topics/topic-1/partitions/${partition}/messages?offset=${offset}`)
  return res.json[0] as { key: string | null; value: string | null }
}

describe('v3 clusters, topics and partitions', () => {
  it('lists the cluster with links built from the request Host', async () => {
    const res = await request(sb, 'GET', '/v3/clusters')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('application/json')
    expect(res.json.kind).toBe('KafkaClusterList')
    expect(res.json.data[0]).toMatchObject({
      kind: 'KafkaCluster',
      cluster_id: cluster,
      metadata: { self: `${sb.url}${base}`, resource_name: `crn:///kafka=${cluster}` },
      topics: { related: `${sb.url}${base}/topics` },
    })
    expect((await request(sb, 'GET', base)).json.kind).toBe('KafkaCluster')
    expect((await request(sb, 'GET', '/v3/clusters/nope')).json).toEqual({
      error_code: 404,
      message: 'Cluster nope cannot be found.',
    })
    expect((await request(sb, 'GET', `${base}/brokers`)).json.data[0].broker_id).toBe(1)
  })

  it('creates, gets, lists and deletes topics', async () => {
    const created = await request(sb, 'POST', `${base}/topics`, {
      headers: JSON_CT,
      body: {
        topic_name: 'made-in-v3',
        partitions_count: 2,
        configs: [{ name: 'retention.ms', value: '3600000' }],
      },
    })
    expect(created.status).toBe(201)
    expect(created.json).toMatchObject({
      kind: 'KafkaTopic',
      topic_name: 'made-in-v3',
      partitions_count: 2,
      replication_factor: 1,
      is_internal: false,
    })
    const dup = await request(sb, 'POST', `${base}/topics`, {
      headers: JSON_CT,
      body: { topic_name: 'made-in-v3' },
    })
    expect(dup.status).toBe(400)
    expect(dup.json.error_code).toBe(40002)
    const list = await request(sb, 'GET', `${base}/topics`)
    expect(list.json.data.map((t: { topic_name: string }) => t.topic_name)).toContain('made-in-v3')
    const configs = await request(sb, 'GET', `${base}/topics/made-in-v3/configs`)
    expect(configs.json.data.find((c: { name: string }) => c.name === 'retention.ms')).toMatchObject({
      value: '3600000',
      is_default: false,
    })
    const parts = await request(sb, 'GET', `${base}/topics/made-in-v3/partitions`)
    expect(parts.json.data.map((p: { partition_id: number }) => p.partition_id)).toEqual([0, 1])
    expect((await request(sb, 'GET', `${base}/topics/made-in-v3/partitions/1`)).json.kind).toBe(
      'KafkaPartition',
    )
    expect((await request(sb, 'GET', `${base}/topics/made-in-v3/partitions/2`)).status).toBe(404)
    expect((await request(sb, 'DELETE', `${base}/topics/made-in-v3`)).status).toBe(204)
    expect((await request(sb, 'GET', `${base}/topics/made-in-v3`)).status).toBe(404)
    const again = await request(sb, 'DELETE', `${base}/topics/made-in-v3`)
    expect(again.json.error_code).toBe(40403)
  })

  it.each([
    [{ topic_name: 'bad/name' }, 40002],
    [{ topic_name: '..' }, 40002],
    [{ topic_name: 'x', partitions_count: 0 }, 40002],
    [{ topic_name: 'x', replication_factor: 3 }, 40002],
    [{ topic_name: 'x', configs: [{ name: 'no.such.config', value: '1' }] }, 40002],
    [{ topic_name: 7 }, 400],
    [{ topic_name: 'x', partitions_count: 'two' }, 400],
  ])('rejects topic create %j with %d', async (body, code) => {
    const res = await request(sb, 'POST', `${base}/topics`, { headers: JSON_CT, body })
    expect(res.status).toBe(400)
    expect(res.json.error_code).toBe(code)
  })

  it('415 for a non-JSON request, 406 for a non-JSON Accept', async () => {
    const res = await request(sb, 'POST', `${base}/topics`, {
      headers: { 'Content-Type': 'text/plain' },
      body: '{}',
    })
    expect(res.status).toBe(415)
    const na = await request(sb, 'GET', `${base}/topics`, { headers: { Accept: 'text/html' } })
    expect(na.status).toBe(406)
    expect(na.text).toBe('')
  })
})

describe('v3 produce', () => {
  const post = (body: unknown, headers: Record<string, string> = JSON_CT) =>
    request(sb, 'POST', `${base}/topics/topic-1/records`, { headers, body })

  it('produces BINARY key and value and reports the delivery', async () => {
    const res = await post({
      key: { type: 'BINARY', data: b64('foo') },
      value: { type: 'BINARY', data: b64('bar') },
    })
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({
      error_code: 200,
      cluster_id: cluster,
      topic_name: 'topic-1',
      partition_id: expect.any(Number),
      offset: expect.any(Number),
      key: { type: 'BINARY', size: 3 },
      value: { type: 'BINARY', size: 3 },
    })
    expect(new Date(res.json.timestamp).getTime()).toBeGreaterThan(0)
    const back = await readBack(res.json.partition_id, res.json.offset)
    expect(back).toMatchObject({ key: b64('foo'), value: b64('bar') })
  })

  it('STRING, JSON, null data, key only, value only, nothing, partition_id and timestamp', async () => {
    const s = await post({ key: { type: 'STRING', data: 'foo' }, value: { type: 'STRING', data: '' } })
    expect(await readBack(s.json.partition_id, s.json.offset)).toMatchObject({ key: b64('foo'), value: '' })
    const j = await post({ value: { type: 'JSON', data: 'bar' } })
    expect((await readBack(j.json.partition_id, j.json.offset)).value).toBe(b64('"bar"'))
    const n = await post({ key: { type: 'BINARY', data: null }, value: { type: 'JSON', data: null } })
    expect(await readBack(n.json.partition_id, n.json.offset)).toMatchObject({ key: null, value: null })
    const nothing = await post({})
    expect(nothing.json.error_code).toBe(200)
    expect(nothing.json.key).toBeUndefined()
    const p = await post({ partition_id: 1, value: { data: b64('x') }, timestamp: '1970-01-01T00:00:01Z' })
    expect(p.json.partition_id).toBe(1)
    expect(p.json.timestamp).toBe('1970-01-01T00:00:01.000Z')
    expect(p.json.value).toBeUndefined() // no type given → no value summary (Confluent's ProduceAction)
  })

  it('headers are accepted and stored', async () => {
    const res = await post({
      headers: [
        { name: 'h1', value: b64('v1') },
        { name: 'h1', value: b64('v2') },
        { name: 'h2', value: null },
      ],
      value: { type: 'STRING', data: 'x' },
    })
    expect(res.json.error_code).toBe(200)
  })

  it('bad data gives error reports inside HTTP 200', async () => {
    const res = await post({ key: { type: 'BINARY', data: 1 }, value: { type: 'BINARY', data: 'fooba' } })
    expect(res.status).toBe(200)
    expect(res.json.error_code).toBe(400)
    const unknown = await post({ records: { subject: 'foobar' } })
    expect(unknown.status).toBe(200)
    expect(unknown.json.error_code).toBe(400)
    expect(unknown.json.message).toContain('Unrecognized field "records"')
  })

  it('streams: one report per concatenated record, in order', async () => {
    const body = Array.from({ length: 100 }, (_, i) =>
      JSON.stringify({ partition_id: 0, value: { type: 'STRING', data: `value-${i}` } }),
    ).join('')
    const res = await post(body)
    expect(res.status).toBe(200)
    const reports = res.text.split('}{').length
    expect(reports).toBe(100)
    const bad = await post(
      Array.from({ length: 3 }, () => JSON.stringify({ value: { type: 'BINARY', data: 7 } })).join('\n'),
    )
    expect(bad.text.match(/"error_code":400/g)).toHaveLength(3)
  })

  it('charset is honoured; an unknown one is 400; empty body is 422', async () => {
    const latin = await request(sb, 'POST', `${base}/topics/topic-1/records`, {
      headers: { 'Content-Type': 'application/json; charset=ISO-8859-1' },
      body: Buffer.from('{"value":{"type":"STRING","data":"caf\xe9"}}', 'latin1'),
    })
    expect(latin.json.error_code).toBe(200)
    expect((await readBack(latin.json.partition_id, latin.json.offset)).value).toBe(b64('café'))
    const bogus = await post('{}', { 'Content-Type': 'application/json; charset=DEADBEEF' })
    expect(bogus.status).toBe(400)
    const empty = await post('', JSON_CT)
    expect(empty.status).toBe(422)
  })

  it('missing topic and partition give error reports; topics are never auto-created', async () => {
    const res = await request(sb, 'POST', `${base}/topics/absent/records`, {
      headers: JSON_CT,
      body: { value: { type: 'STRING', data: 'x' } },
    })
    expect(res.status).toBe(200)
    expect(res.json.error_code).toBe(40401)
    const part = await post({ partition_id: 9, value: { type: 'STRING', data: 'x' } })
    expect(part.json.error_code).toBe(40402)
    expect((await request(sb, 'GET', `${base}/topics/absent`)).status).toBe(404)
  })

  it('records:batch answers 207 with successes and failures', async () => {
    const res = await request(sb, 'POST', `${base}/topics/topic-1/records:batch`, {
      headers: JSON_CT,
      body: {
        entries: [
          { id: '1', value: { type: 'STRING', data: 'a' } },
          { id: '2', value: { type: 'BINARY', data: '!!' } },
        ],
      },
    })
    expect(res.status).toBe(207)
    expect(res.json.successes).toHaveLength(1)
    expect(res.json.successes[0]).toMatchObject({ id: '1', error_code: 200, topic_name: 'topic-1' })
    expect(res.json.failures).toEqual([{ id: '2', error_code: 400, message: expect.any(String) }])
    const dup = await request(sb, 'POST', `${base}/topics/topic-1/records:batch`, {
      headers: JSON_CT,
      body: { entries: [{ id: 'a' }, { id: 'a' }] },
    })
    expect(dup.status).toBe(422)
  })
})

describe('v3 consumer groups and lags (groups made through v2 consumers)', () => {
  it('shows the group, its consumer and lag per committed partition', async () => {
    await request(sb, 'POST', `${base}/topics`, {
      headers: JSON_CT,
      body: { topic_name: 'lagged', partitions_count: 1 },
    })
    for (let i = 0; i < 5; i++)
      await request(sb, 'POST', `${base}/topics/lagged/records`, {
        headers: JSON_CT,
        body: { value: { type: 'STRING', data: `${i}` } },
      })
    const V2 = 'application/vnd.kafka.v2+json'
    const created = await request(sb, 'POST', '/consumers/lag-group', {
      headers: { 'Content-Type': V2 },
      body: { name: 'member', 'auto.offset.reset': 'earliest', 'auto.commit.enable': 'false' },
    })
    const inst = new URL(created.json.base_uri).pathname
    await request(sb, 'POST', `${inst}/assignments`, {
      headers: { 'Content-Type': V2 },
      body: { partitions: [{ topic: 'lagged', partition: 0 }] },
    })
    await request(sb, 'POST', `${inst}/offsets`, {
      headers: { 'Content-Type': V2 },
      body: { offsets: [{ topic: 'lagged', partition: 0, offset: 1 }] },
    })

    const groups = await request(sb, 'GET', `${base}/consumer-groups`)
    const group = groups.json.data.find(
      (g: { consumer_group_id: string }) => g.consumer_group_id === 'lag-group',
    )
    expect(group).toMatchObject({ kind: 'KafkaConsumerGroup', state: 'STABLE', is_simple: false })
    const consumers = await request(sb, 'GET', `${base}/consumer-groups/lag-group/consumers`)
    expect(consumers.json.data[0]).toMatchObject({ client_id: 'member', consumer_group_id: 'lag-group' })
    const lags = await request(sb, 'GET', `${base}/consumer-groups/lag-group/lags`)
    expect(lags.json.data).toEqual([
      expect.objectContaining({
        kind: 'KafkaConsumerLag',
        topic_name: 'lagged',
        partition_id: 0,
        current_offset: 2,
        log_end_offset: 5,
        lag: 3,
        client_id: 'member',
      }),
    ])
    const one = await request(sb, 'GET', `${base}/consumer-groups/lag-group/lags/lagged/partitions/0`)
    expect(one.json.lag).toBe(3)
    const summary = await request(sb, 'GET', `${base}/consumer-groups/lag-group/lag-summary`)
    expect(summary.json).toMatchObject({ max_lag: 3, total_lag: 3, max_lag_topic_name: 'lagged' })
    expect((await request(sb, 'GET', `${base}/consumer-groups/none`)).status).toBe(404)
    const memberId = consumers.json.data[0].consumer_id as string
    const assigned = await request(
      sb,
      'GET',
      `${base}/consumer-groups/lag-group/consumers/${encodeURIComponent(memberId)}/assignments`,
    )
    expect(assigned.json.data).toEqual([
      expect.objectContaining({ kind: 'KafkaConsumerAssignment', topic_name: 'lagged', partition_id: 0 }),
    ])
    const missing = `${base}/consumer-groups/lag-group/consumers/nobody/assignments`
    expect((await request(sb, 'GET', missing)).status).toBe(404)
  })

  it('forgets a group with no member and no committed offset, as Kafka does', async () => {
    const V2 = 'application/vnd.kafka.v2+json'
    const created = await request(sb, 'POST', '/consumers/passing-through', {
      headers: { 'Content-Type': V2 },
      body: { name: 'once' },
    })
    const listed = async () =>
      (await request(sb, 'GET', `${base}/consumer-groups`)).json.data.map(
        (g: { consumer_group_id: string }) => g.consumer_group_id,
      )
    expect(await listed()).toContain('passing-through')
    await request(sb, 'DELETE', new URL(created.json.base_uri).pathname, { headers: { Accept: V2 } })
    expect(await listed()).not.toContain('passing-through')
    expect((await request(sb, 'GET', `${base}/consumer-groups/passing-through`)).status).toBe(404)
  })
})
