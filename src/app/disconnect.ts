import type { QueryClient } from '@tanstack/react-query'
import { forgetConnection } from '../data/connection-scope.ts'
import type { KafkaRestClient } from '../api/kafka-rest-client.ts'
import { navigate } from '../lib/router/hash-location.ts'
import { useConnectionStore } from '../stores/connection-store.ts'

/** Forgets the connection — key included — and goes back to the connection form. */
export function disconnect(client: KafkaRestClient | null, queryClient: QueryClient) {
  void client?.dispose()
  const id = useConnectionStore.getState().active?.id
  if (id) forgetConnection(queryClient, id)
  useConnectionStore.getState().disconnect()
  // Nothing of the connection stays in this tab's storage.
  useConnectionStore.persist.clearStorage()
  queryClient.clear()
  navigate('/connect')
}
