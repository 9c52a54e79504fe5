import { queryOptions, type QueryClient } from '@tanstack/react-query'
import type { TopicSummary } from '../../api/types.ts'
import { sortByName } from '../../lib/search/compare-names.ts'
import { kafkaClientOf } from '../connection-scope.ts'
import { topicKeys } from './topic-keys.ts'

const TOPICS_STALE_MS = 30_000

export function topicsQueryOptions(connectionId: string) {
  return queryOptions({
    queryKey: topicKeys.list(connectionId),
    queryFn: async ({ signal, meta }) => sortByName(await kafkaClientOf(meta).listTopics(signal)),
    staleTime: TOPICS_STALE_MS,
  })
}

/**
 * The list that proved a new connection works becomes the topics query's answer, so the topics page does not
 * fetch (and parse) it a second time: with 100,000 topics that is 7 MB and two long main-thread tasks saved.
 */
export function seedTopicList(queryClient: QueryClient, connectionId: string, topics: TopicSummary[]) {
  queryClient.setQueryData(topicsQueryOptions(connectionId).queryKey, sortByName(topics))
}

export function topicQueryOptions(connectionId: string, topic: string) {
  return queryOptions({
    queryKey: topicKeys.detail(connectionId, topic),
    queryFn: ({ signal, meta }) => kafkaClientOf(meta).getTopic(topic, signal),
    staleTime: TOPICS_STALE_MS,
  })
}
