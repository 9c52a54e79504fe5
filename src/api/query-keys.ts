/** Every query key starts at the connection: switching endpoints can never show another cluster's data. */
export const kafkaKeys = {
  all: (connectionId: string) => ['kafka', connectionId] as const,
  topics: (connectionId: string) => [...kafkaKeys.all(connectionId), 'topics'] as const,
  topic: (connectionId: string, topic: string) => [...kafkaKeys.topics(connectionId), topic] as const,
  partitionOffsets: (connectionId: string, topic: string, partition: number) =>
    [...kafkaKeys.topic(connectionId, topic), 'partitions', partition, 'offsets'] as const,
  records: (
    connectionId: string,
    topic: string,
    window: { partition: number | 'all'; offset: string; count: number },
  ) => [...kafkaKeys.topic(connectionId, topic), 'records', window] as const,
  consumerGroups: (connectionId: string) => [...kafkaKeys.all(connectionId), 'consumer-groups'] as const,
  consumerLags: (connectionId: string, groupId: string) =>
    [...kafkaKeys.consumerGroups(connectionId), groupId, 'lags'] as const,
}
