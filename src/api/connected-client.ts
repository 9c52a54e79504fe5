import type { KafkaRestClient } from './kafka-rest-client.ts'

/** The client of the active connection, as the app shell hands it to the pages. */
export interface ConnectedClient {
  client: KafkaRestClient
  /** Roots every query key of this connection. */
  connectionId: string
}
