import { connectionKey } from '../connection-scope.ts'

/** Consumer group keys, rooted at the connection: another endpoint's groups can never show. */
export const groupKeys = {
  list: (connectionId: string) => [...connectionKey(connectionId), 'consumer-groups'] as const,
  group: (connectionId: string, groupId: string) => [...groupKeys.list(connectionId), groupId] as const,
  stats: (connectionId: string, groupId: string) =>
    [...groupKeys.group(connectionId, groupId), 'stats'] as const,
  members: (connectionId: string, groupId: string) =>
    [...groupKeys.group(connectionId, groupId), 'members'] as const,
  lags: (connectionId: string, groupId: string) =>
    [...groupKeys.group(connectionId, groupId), 'lags'] as const,
}
