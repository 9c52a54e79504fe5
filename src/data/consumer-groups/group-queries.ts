import { queryOptions } from '@tanstack/react-query'
import type { KafkaRestClient } from '../../api/kafka-rest-client.ts'
import { compareNames } from '../../lib/search/compare-names.ts'
import { createLimiter, type Limiter } from '../../lib/concurrency.ts'
import { kafkaClientOf } from '../connection-scope.ts'
import { groupKeys } from './group-keys.ts'

/** Groups the list shows and reads member count and lag for (two requests each); a filter reaches the others. */
export const MAX_GROUP_STATS = 200
/** Group stats requests of one connection in flight at once. */
export const GROUP_STATS_PARALLELISM = 6

const limiters = new WeakMap<KafkaRestClient, Limiter>()
function limiterOf(client: KafkaRestClient): Limiter {
  let limiter = limiters.get(client)
  if (!limiter) {
    limiter = createLimiter(GROUP_STATS_PARALLELISM)
    limiters.set(client, limiter)
  }
  return limiter
}

export function consumerGroupsQueryOptions(connectionId: string) {
  return queryOptions({
    queryKey: groupKeys.list(connectionId),
    queryFn: async ({ signal, meta }) => {
      const groups = await kafkaClientOf(meta).listConsumerGroups(signal)
      return groups.sort((a, b) => compareNames(a.groupId, b.groupId))
    },
    staleTime: 10_000,
  })
}

export function groupStatsQueryOptions(connectionId: string, groupId: string) {
  return queryOptions({
    queryKey: groupKeys.stats(connectionId, groupId),
    queryFn: ({ signal, meta }) => {
      const client = kafkaClientOf(meta)
      return limiterOf(client).run(() => client.getConsumerGroupStats(groupId, signal), signal)
    },
    staleTime: 10_000,
  })
}

export function groupMembersQueryOptions(connectionId: string, groupId: string) {
  return queryOptions({
    queryKey: groupKeys.members(connectionId, groupId),
    queryFn: ({ signal, meta }) => kafkaClientOf(meta).getConsumerGroupMembers(groupId, signal),
    staleTime: 10_000,
  })
}

/** Per-partition committed offset, end offset and lag; the group page polls it while open. */
export function groupLagsQueryOptions(connectionId: string, groupId: string) {
  return queryOptions({
    queryKey: groupKeys.lags(connectionId, groupId),
    queryFn: ({ signal, meta }) => kafkaClientOf(meta).getConsumerLags(groupId, signal),
    staleTime: 0,
  })
}
