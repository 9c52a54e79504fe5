import { queryOptions } from '@tanstack/react-query'
import { sortByName } from '../../lib/search/compare-names.ts'
import type { ConnectedClient } from '../connected-client.ts'
import { kafkaKeys } from '../query-keys.ts'

export function topicsQueryOptions({ client, connectionId }: ConnectedClient) {
  return queryOptions({
    queryKey: kafkaKeys.topics(connectionId),
    queryFn: async ({ signal }) => {
      const topics = await client.listTopics(signal)
      return sortByName(topics)
    },
    staleTime: 30_000,
  })
}
