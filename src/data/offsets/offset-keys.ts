import { topicKeys } from '../topics/topic-keys.ts'

export const offsetKeys = {
  /** Every partition's bounds of one topic. */
  topic: (connectionId: string, topic: string) =>
    [...topicKeys.detail(connectionId, topic), 'partitions'] as const,
  partition: (connectionId: string, topic: string, partition: number) =>
    [...offsetKeys.topic(connectionId, topic), partition, 'offsets'] as const,
}
