import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import type { KafkaRestClient } from '../api/kafka-rest-client.ts'
import type { TopicSummary } from '../api/types.ts'
import { forgetConnection, provideKafkaClient } from './connection-scope.ts'
import { seedTopicList, topicsQueryOptions } from './topics/topic-queries.ts'
import { produceMutationKey } from './records/produce-mutation.ts'
import { topicKeys } from './topics/topic-keys.ts'

/** A stand-in client: only the calls these tests make. */
function fakeClient(names: string[]) {
  const calls = { listTopics: 0 }
  const client = {
    listTopics: () => {
      calls.listTopics++
      return Promise.resolve(names.map((name): TopicSummary => ({ name, internal: false })))
    },
  } as unknown as KafkaRestClient
  return { client, calls }
}

describe('the client of a connection reaches its queries through their context', () => {
  it('each connection id gets its own client, and the list comes back sorted', async () => {
    const qc = new QueryClient()
    const a = fakeClient(['b', 'a'])
    const b = fakeClient(['z'])
    provideKafkaClient(qc, 'conn-a', a.client)
    provideKafkaClient(qc, 'conn-b', b.client)
    expect((await qc.fetchQuery(topicsQueryOptions('conn-a'))).map((t) => t.name)).toEqual(['a', 'b'])
    expect((await qc.fetchQuery(topicsQueryOptions('conn-b'))).map((t) => t.name)).toEqual(['z'])
    expect([a.calls.listTopics, b.calls.listTopics]).toEqual([1, 1])
  })

  it('a query of a connection without a client fails with a clear error, also after it is forgotten', async () => {
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    await expect(qc.fetchQuery(topicsQueryOptions('nobody'))).rejects.toThrow(/No Kafka REST client/)
    provideKafkaClient(qc, 'gone', fakeClient(['x']).client)
    await qc.fetchQuery(topicsQueryOptions('gone'))
    forgetConnection(qc, 'gone')
    expect(qc.getQueryData(topicsQueryOptions('gone').queryKey)).toBeUndefined()
    await expect(qc.fetchQuery(topicsQueryOptions('gone'))).rejects.toThrow(/No Kafka REST client/)
  })

  it('the list that proved the connection is the topics answer: no second request', async () => {
    const qc = new QueryClient()
    const { client, calls } = fakeClient(['m'])
    provideKafkaClient(qc, 'seeded', client)
    seedTopicList(qc, 'seeded', [
      { name: 'y', internal: false },
      { name: 'x', internal: false },
    ])
    const topics = await qc.fetchQuery(topicsQueryOptions('seeded'))
    expect(topics.map((t) => t.name)).toEqual(['x', 'y'])
    expect(calls.listTopics).toBe(0)
  })

  it('mutations find the client too (mutation defaults under the same root), and only their own', () => {
    const qc = new QueryClient()
    const a = fakeClient([]).client
    const b = fakeClient([]).client
    provideKafkaClient(qc, 'conn-a', a)
    provideKafkaClient(qc, 'conn-b', b)
    const metaOf = (mutationKey: readonly unknown[]) => qc.getMutationDefaults(mutationKey).meta?.kafka
    for (const key of [topicKeys.create('conn-a'), topicKeys.delete('conn-a'), produceMutationKey('conn-a')])
      expect(metaOf(key)).toBe(a)
    expect(metaOf(produceMutationKey('conn-b'))).toBe(b)
  })
})
