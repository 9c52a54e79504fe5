import { connectionKey } from '../connection-scope.ts'

/** Topic keys. A topic's offsets and records nest under its key, so refreshing a topic refreshes them too. */
export const topicKeys = {
  list: (connectionId: string) => [...connectionKey(connectionId), 'topics'] as const,
  detail: (connectionId: string, topic: string) => [...topicKeys.list(connectionId), topic] as const,
  create: (connectionId: string) => [...topicKeys.list(connectionId), { action: 'create' }] as const,
  delete: (connectionId: string) => [...topicKeys.list(connectionId), { action: 'delete' }] as const,
}
