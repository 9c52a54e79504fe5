import { useQueries, useQueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { KafkaRecord } from '../../api/types.ts'
import { schemaDecoderQueryOptions } from '../../data/registry/schema-decoder-queries.ts'
import {
  decodeWindow,
  schemaIdsOf,
  type DecodedWindow,
  type ReadySchema,
} from '../../lib/browse/decoded-window.ts'

/**
 * The window's Schema Registry keys and values, decoded on demand (rows in view, the quick filter, the exports)
 * once the schemas they name are ready; undefined without a registry (`connectionId` null) or framed records.
 */
export function useDecodedWindow(
  connectionId: string | null,
  records: KafkaRecord[],
): DecodedWindow | undefined {
  const queryClient = useQueryClient()
  // Kept by value, so a live tail's new records keep the window (and what it has decoded) while the ids stay.
  const idList = useMemo(() => (connectionId ? schemaIdsOf(records).join(',') : ''), [connectionId, records])
  const ids = useMemo(() => (idList === '' ? [] : idList.split(',').map(Number)), [idList])
  // Only which schemas are ready matters here (the decoders themselves are read from the cache below).
  const ready = useQueries({
    queries: ids.map((id) => schemaDecoderQueryOptions(connectionId ?? '', id)),
    combine: (results) => results.map((r) => (r.isSuccess ? '1' : '0')).join(''),
  })
  return useMemo(() => {
    if (!connectionId || !ready.includes('1')) return undefined
    const schemas = new Map<number, ReadySchema>()
    for (const id of ids) {
      const decoder = queryClient.getQueryData(schemaDecoderQueryOptions(connectionId, id).queryKey)
      if (decoder) schemas.set(id, decoder)
    }
    return decodeWindow(schemas)
  }, [connectionId, ids, ready, queryClient])
}
