import { queryOptions, type QueryClient } from '@tanstack/react-query'
import type { KafkaRestClient } from '../../api/kafka-rest-client.ts'
import { createLimiter, type Limiter } from '../../lib/concurrency.ts'
import { kafkaClientOf } from '../connection-scope.ts'
import { offsetKeys } from './offset-keys.ts'

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

export function partitionOffsetsQueryOptions(connectionId: string, topic: string, partition: number) {
  return queryOptions({
    queryKey: offsetKeys.partition(connectionId, topic, partition),
    // A topic with 1,000 partitions asks in turn, OFFSETS_PARALLELISM at a time (v1 probes are ~2·log2(end) each).
    queryFn: ({ signal, meta }) => {
      const client = kafkaClientOf(meta)
      return limiterOf(client).run(() => client.getPartitionOffsets(topic, partition, signal), signal)
    },
    staleTime: 5_000,
  })
}

/** Marks a topic's partition bounds stale (a new Fetch, a produce): the next read asks the endpoint again. */
export function refreshTopicOffsets(queryClient: QueryClient, connectionId: string, topic: string) {
  return queryClient.invalidateQueries({ queryKey: offsetKeys.topic(connectionId, topic) })
}
