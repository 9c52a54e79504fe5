import type { KafkaRestClient } from '../../api/kafka-rest-client.ts'

/** Why there is no consumer group page on this endpoint (the header's disabled item and the page say the same). */
export function noGroupApiReason(client: KafkaRestClient): string {
  return `${client.dialect.name} has no consumer group API. Lag is not found by consuming: that would move offsets.`
}
