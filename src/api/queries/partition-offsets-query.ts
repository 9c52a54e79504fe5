import { queryOptions } from '@tanstack/react-query'
import { createLimiter, type Limiter } from '../../lib/concurrency.ts'
import type { KafkaRestClient } from '../kafka-rest-client.ts'
import type { ConnectedClient } from '../connected-client.ts'
import { kafkaKeys } from '../query-keys.ts'

/** Offset requests of one connection in flight at once, whatever asks (partitions table, browse bounds). */
export const OFFSETS_PARALLELISM = 8

const limiters = new WeakMap<KafkaRestClient, Limiter>()

function limiterOf(client: KafkaRestClient): Limiter {
  let limiter = limiters.get(client)
  if (!limiter) {
    limiter = createLimiter(OFFSETS_PARALLELISM)
    limiters.set(client, limiter)
  }
  return limiter
}

export function partitionOffsetsQueryOptions(
  { client, connectionId }: ConnectedClient,
  topic: string,
  partition: number,
) {
  // The client belongs to `connectionId`, which roots the key.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: kafkaKeys.partitionOffsets(connectionId, topic, partition),
    // A topic with 1,000 partitions asks in turn, OFFSETS_PARALLELISM at a time (v1 probes are ~2·log2(end) each).
    queryFn: ({ signal }) =>
      limiterOf(client).run(() => client.getPartitionOffsets(topic, partition, signal), signal),
    staleTime: 5_000,
  })
}
