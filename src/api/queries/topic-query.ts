import { queryOptions } from '@tanstack/react-query'
import type { ConnectedClient } from '../connected-client.ts'
import { kafkaKeys } from '../query-keys.ts'

export function topicQueryOptions({ client, connectionId }: ConnectedClient, topic: string) {
  return queryOptions({
    queryKey: kafkaKeys.topic(connectionId, topic),
    queryFn: ({ signal }) => client.getTopic(topic, signal),
    staleTime: 30_000,
  })
}
