import { queryOptions, type QueryClient } from '@tanstack/react-query'
import { loadWindow, type WindowRequest } from '../../lib/browse/load-window.ts'
import { formatPositions } from '../../lib/browse/offset-window.ts'
import { kafkaClientOf } from '../connection-scope.ts'
import { partitionOffsetsQueryOptions } from '../offsets/offset-queries.ts'
import { recordKeys } from './record-keys.ts'

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
  connectionId: string,
  req: WindowRequest & { partition: number | 'all' },
  onProgress?: (fetched: number) => void,
) {
  // The key holds every part of `req` that changes the result (start, count, order, partitions); `onProgress`
  // only reports.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: recordKeys.window(
      connectionId,
      req.topic,
      { partition: req.partition, offset: windowStartKey(req.start), count: req.count },
      req.order,
      req.partitions.join(','),
    ),
    queryFn: ({ signal, meta, client }) =>
      loadWindow(kafkaClientOf(meta), req, {
        signal,
        onProgress,
        onRecordsReceived: () => performance.mark(RECORDS_RECEIVED_MARK),
        // The newest window must see the current end offset; elsewhere bounds a few seconds old only clamp.
        getBounds: (p) =>
          client.fetchQuery({
            ...partitionOffsetsQueryOptions(connectionId, req.topic, p),
            ...(req.start.kind === 'end' ? { staleTime: 0 } : {}),
          }),
      }),
    staleTime: Infinity,
    gcTime: 120_000,
    // Structural sharing would compare a refetched window with the old one field by field, reading (decoding)
    // every lazy key and value of both.
    structuralSharing: false,
  })
}

/** Marks a topic's windows stale: the ones on screen are read again (Fetch of the same window). */
export function refreshTopicRecords(queryClient: QueryClient, connectionId: string, topic: string) {
  return queryClient.invalidateQueries({ queryKey: recordKeys.topic(connectionId, topic) })
}
