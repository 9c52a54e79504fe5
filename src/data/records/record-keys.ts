import { topicKeys } from '../topics/topic-keys.ts'

export interface WindowKey {
  partition: number | 'all'
  /** See `windowStartKey`. */
  offset: string
  count: number
}

export const recordKeys = {
  /** Every browse window of one topic. */
  topic: (connectionId: string, topic: string) =>
    [...topicKeys.detail(connectionId, topic), 'records'] as const,
  window: (connectionId: string, topic: string, window: WindowKey, order: string, partitions: string) =>
    [...recordKeys.topic(connectionId, topic), window, order, partitions] as const,
  produce: (connectionId: string) => [...topicKeys.list(connectionId), { action: 'produce' }] as const,
}
