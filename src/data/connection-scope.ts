import type { QueryClient } from '@tanstack/react-query'
import type { KafkaRestClient } from '../api/kafka-rest-client.ts'

/** What every query and mutation of a connection carries: its client, registered once per connection. */
export interface KafkaMeta extends Record<string, unknown> {
  kafka?: KafkaRestClient
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
 * Makes `client` the one every query and mutation under this connection's keys receives in its context (`meta`),
 * so query options need only the connection id and no component threads the client into a query function.
 * Idempotent: called where the client is created, before any query of the connection runs.
 */
export function provideKafkaClient(queryClient: QueryClient, connectionId: string, client: KafkaRestClient) {
  queryClient.setQueryDefaults(connectionKey(connectionId), { meta: { kafka: client } })
  queryClient.setMutationDefaults(connectionKey(connectionId), { meta: { kafka: client } })
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
