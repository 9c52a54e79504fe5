import type { QueryClient } from '@tanstack/react-query'
import { KafkaRestError } from '../api/errors.ts'
import type { KafkaRestClient } from '../api/kafka-rest-client.ts'
import type { SchemaRegistryClient } from '../api/registry/schema-registry-client.ts'

/**
 * What every query and mutation of a connection carries: its clients, registered once per connection — the Kafka
 * REST client, and the Schema Registry client when the connection has a registry.
 */
export interface KafkaMeta extends Record<string, unknown> {
  kafka?: KafkaRestClient
  registry?: SchemaRegistryClient | null
}

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: KafkaMeta
    mutationMeta: KafkaMeta
  }
}

/** Roots every query and mutation key of one connection: switching endpoints can never show another cluster's data. */
export const connectionKey = (connectionId: string) => ['kafka', connectionId] as const

/**
 * Makes `client` (and `registry`, the connection's Schema Registry client, if any) the ones every query and mutation
 * under this connection's keys receives in its context (`meta`), so query options need only the connection id and
 * no component threads a client into a query function.
 * Idempotent: called where the client is created, before any query of the connection runs.
 */
export function provideKafkaClient(
  queryClient: QueryClient,
  connectionId: string,
  client: KafkaRestClient,
  registry: SchemaRegistryClient | null = null,
) {
  const meta: KafkaMeta = { kafka: client, registry }
  queryClient.setQueryDefaults(connectionKey(connectionId), { meta })
  queryClient.setMutationDefaults(connectionKey(connectionId), { meta })
}

/** Drops a connection's cached answers and lets its client go (the defaults stay registered, but empty). */
export function forgetConnection(queryClient: QueryClient, connectionId: string) {
  queryClient.setQueryDefaults(connectionKey(connectionId), {})
  queryClient.setMutationDefaults(connectionKey(connectionId), {})
  queryClient.removeQueries({ queryKey: connectionKey(connectionId) })
}

/** The client of the connection a query or mutation belongs to (from its context's `meta`). */
export function kafkaClientOf(meta: KafkaMeta | undefined): KafkaRestClient {
  if (!meta?.kafka) {
    // A programming error, not a user's: a key outside `connectionKey`, or a query before `provideKafkaClient`.
    throw new Error('No Kafka REST client is registered for this query: it ran outside its connection.')
  }
  return meta.kafka
}

/**
 * The Schema Registry client of the connection a query or mutation belongs to. A connection without a registry
 * gets an error a user can act on (the browse decoder shows it beside the bytes).
 */
export function registryClientOf(meta: KafkaMeta | undefined): SchemaRegistryClient {
  if (!meta?.registry) {
    throw new KafkaRestError({
      kind: 'form',
      message: 'No Schema Registry is connected.',
      hint: 'Add the Schema Registry URL (and its auth) in the connection form, then connect again.',
    })
  }
  return meta.registry
}
