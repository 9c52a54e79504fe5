import { queryOptions } from '@tanstack/react-query'
import type { ConnectedClient } from '../use-kafka-client.ts'
import { kafkaKeys } from '../query-keys.ts'

export function topicsQueryOptions({ client, connectionId }: ConnectedClient) {
  return queryOptions({
    queryKey: kafkaKeys.topics(connectionId),
    queryFn: async ({ signal }) => {
      const topics = await client.listTopics(signal)
      return topics.sort((a, b) => a.name.localeCompare(b.name))
    },
    staleTime: 30_000,
  })
}
