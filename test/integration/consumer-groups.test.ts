import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../server/sandbox/sandbox-server.ts'
import { createClient } from '../../src/api/create-client.ts'
import type { KafkaRestClient } from '../../src/api/kafka-rest-client.ts'

/** The v3 adapter's consumer-group reads against the sandbox over real HTTP, with offsets a v2 consumer committed. */
const KEY = 'groups-key'
const V2 = 'application/vnd.kafka.v2+json'

describe('v3 consumer groups through the adapter', () => {
  let sandbox: RunningSandbox
  let client: KafkaRestClient
  const call = async (method: string, path: string, body?: unknown, type = V2) => {
    const res = await fetch(sandbox.url + path, {
      method,
      headers: { 'x-auth-token': KEY, 'content-type': type, accept: type === 'application/json' ? type : V2 },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    if (!res.ok) throw new Error(`${method} ${path} -> ${res.status} ${text}`)
    return text ? JSON.parse(text) : null
  }

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, apiKeys: [KEY], demoData: false, log: () => {} })
    const clusters = await call('GET', '/v3/clusters', undefined, 'application/json')
    const clusterId = clusters.data[0].cluster_id as string
    client = createClient(
      { endpoint: sandbox.url, apiKey: KEY, useProxy: false, authScheme: 'x-auth-token' },
      { dialect: 'confluent-v3', clusterId },
    )
    await call(
      'POST',
      `/v3/clusters/${clusterId}/topics`,
      { topic_name: 'g-t', partitions_count: 2 },
      'application/json',
    )
    await call(
      'POST',
      '/topics/g-t',
      {
        records: Array.from({ length: 10 }, (_, i) => ({ value: btoa(`v${i}`), partition: i % 2 })),
      },
      'application/vnd.kafka.binary.v2+json',
    )
    const created = await call('POST', '/consumers/g1', {
      name: 'm1',
      'auto.offset.reset': 'earliest',
      'auto.commit.enable': 'false',
    })
    const inst = new URL(created.base_uri).pathname
    await call('POST', `${inst}/subscription`, { topics: ['g-t'] })
    await call('POST', `${inst}/offsets`, {
      offsets: [
        // v2 commits the offset after the one named (the last one consumed): 2 and 4.
        { topic: 'g-t', partition: 0, offset: 1 },
        { topic: 'g-t', partition: 1, offset: 3 },
      ],
    })
  })
  afterAll(() => sandbox.close())

  it('lists the group with its state and coordinator', async () => {
    const groups = await client.listConsumerGroups()
    expect(groups).toEqual([
      expect.objectContaining({ groupId: 'g1', state: 'STABLE', coordinator: 1, isSimple: false }),
    ])
  })

  it('reads members with assignments, lags as exact strings, and the totals', async () => {
    const members = await client.getConsumerGroupMembers('g1')
    expect(members.total).toBe(1)
    expect(members.members[0]).toMatchObject({
      clientId: 'm1',
      assignments: [
        { topic: 'g-t', partition: 0 },
        { topic: 'g-t', partition: 1 },
      ],
    })
    const lags = await client.getConsumerLags('g1')
    expect(lags.map((l) => [l.partition, l.currentOffset, l.logEndOffset, l.lag])).toEqual([
      [0, '2', '5', '3'],
      [1, '4', '5', '1'],
    ])
    await expect(client.getConsumerGroupStats('g1')).resolves.toEqual({
      members: 1,
      totalLag: '4',
      maxLag: '3',
    })
  })

  it('says which group is missing', async () => {
    await expect(client.getConsumerGroupStats('nope')).rejects.toThrow(/nope cannot be found/)
  })
})
