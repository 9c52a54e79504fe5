import { queryOptions } from '@tanstack/react-query'
import type { ConnectedClient } from '../use-kafka-client.ts'
import { kafkaKeys } from '../query-keys.ts'

export function partitionOffsetsQueryOptions(
  { client, connectionId }: ConnectedClient,
  topic: string,
  partition: number,
) {
  return queryOptions({
    queryKey: kafkaKeys.partitionOffsets(connectionId, topic, partition),
    queryFn: ({ signal }) => client.getPartitionOffsets(topic, partition, signal),
    staleTime: 5_000,
  })
}
