import type { QueryClient } from '@tanstack/react-query'
import { topicKeys } from '../topics/topic-keys.ts'
import { recordKeys } from './record-keys.ts'

/** The key of a produce call (the client reaches its `mutationFn` through the connection's defaults). */
export const produceMutationKey = (connectionId: string) => recordKeys.produce(connectionId)

/** After a produce (sent or not): the topic's offsets, windows and details may have moved. */
export function refreshAfterProduce(queryClient: QueryClient, connectionId: string, topic: string) {
  return queryClient.invalidateQueries({ queryKey: topicKeys.detail(connectionId, topic) })
}
