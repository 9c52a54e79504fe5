import type { KafkaRestClient } from './kafka-rest-client.ts'
import type { SchemaRegistryClient } from './registry/schema-registry-client.ts'

/** The client of the active connection, as the app shell hands it to the pages. */
export interface ConnectedClient {
  client: KafkaRestClient
  /** Roots every query key of this connection. */
  connectionId: string
  /** The connection's Schema Registry, when the form names one (its reachability is the registry check query). */
  registry?: SchemaRegistryClient | null
}
