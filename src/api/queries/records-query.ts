import { queryOptions, type QueryClient } from '@tanstack/react-query'
import { loadWindow, type WindowRequest } from '../../lib/browse/load-window.ts'
import { formatPositions } from '../../lib/browse/offset-window.ts'
import type { ConnectedClient } from '../connected-client.ts'
import { kafkaKeys } from '../query-keys.ts'
import { partitionOffsetsQueryOptions } from './partition-offsets-query.ts'

/** The start of a window as one key part: `beginning`, `end`, `12`, `before:0:12,1:40`, `@1764176703123`. */
export function windowStartKey(start: WindowRequest['start']): string {
  switch (start.kind) {
    case 'beginning':
    case 'end':
      return start.kind
    case 'timestamp':
      return `@${start.ms}`
    case 'offset': {
      const at = start.positions && start.positions.size > 0 ? formatPositions(start.positions) : start.offset
      return start.direction === 'backward' ? `before:${at}` : at
    }
  }
}

export const RECORDS_RECEIVED_MARK = 'krc:records-received'

/**
 * One browse window (see `loadWindow`). Windows by offset never change, so they stay fresh until the user asks
 * again (Fetch refetches); they leave the cache soon after, since a window can hold many megabytes.
 */
export function recordsQueryOptions(
  connected: ConnectedClient,
  queryClient: QueryClient,
  req: WindowRequest & { partition: number | 'all' },
  onProgress?: (fetched: number) => void,
) {
  const { client, connectionId } = connected
  // The key holds every part of `req` that changes the result (start, count, order, partitions); the client
  // belongs to `connectionId`, and `onProgress` only reports.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: [
      ...kafkaKeys.records(connectionId, req.topic, {
        partition: req.partition,
        offset: windowStartKey(req.start),
        count: req.count,
      }),
      req.order,
      req.partitions.join(','),
    ] as const,
    queryFn: ({ signal }) =>
      loadWindow(client, req, {
        signal,
        onProgress,
        onRecordsReceived: () => performance.mark(RECORDS_RECEIVED_MARK),
        // The newest window must see the current end offset; elsewhere bounds a few seconds old only clamp.
        getBounds: (p) =>
          queryClient.fetchQuery({
            ...partitionOffsetsQueryOptions(connected, req.topic, p),
            ...(req.start.kind === 'end' ? { staleTime: 0 } : {}),
          }),
      }),
    staleTime: Infinity,
    gcTime: 120_000,
  })
}
