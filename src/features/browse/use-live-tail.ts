import { useEffect, useRef, useState } from 'react'
import { isKafkaRestError } from '../../api/errors.ts'
import type { KafkaRestClient } from '../../api/kafka-rest-client.ts'
import type { KafkaRecord } from '../../api/types.ts'
import { mapLimit } from '../../lib/browse/load-window.ts'
import { mergeRecords, type MergeOrder } from '../../lib/browse/merge-records.ts'
import { RingBuffer } from '../../lib/browse/ring-buffer.ts'

export const LIVE_POLL_MS = 1500
const MAX_BATCH = 500

export interface LiveTailState {
  records: KafkaRecord[]
  dropped: number
  error: unknown
  /** Polls finished since the tail started. */
  polls: number
}

async function readNew(
  client: KafkaRestClient,
  topic: string,
  partition: number,
  from: string,
  signal: AbortSignal,
) {
  if (client.capabilities.statelessBrowse) {
    // A stateless read at the end answers at once with nothing: no need to ask for the end offset first.
    return (await client.fetchRecords({ topic, partition, offset: from, count: MAX_BATCH, signal })).records
  }
  // A consumer instance costs several requests: only create one when the end offset moved.
  const { beginning, end } = await client.getPartitionOffsets(topic, partition, signal)
  const start = BigInt(from) < BigInt(beginning) ? beginning : from
  const available = BigInt(end) - BigInt(start)
  if (available <= 0n) return []
  const count = available < BigInt(MAX_BATCH) ? Number(available) : MAX_BATCH
  return (await client.fetchRecords({ topic, partition, offset: start, count, endOffset: end, signal }))
    .records
}

/**
 * Polls each partition from its end offset into a bounded buffer (newest `capacity` kept), outside the query
 * cache. Pausing stops polling (and aborts a poll in flight — its consumer instance is still deleted) but keeps
 * the buffer and positions; changing topic, partitions or capacity starts over.
 */
export function useLiveTail(
  client: KafkaRestClient,
  topic: string,
  partitions: number[],
  order: MergeOrder,
  capacity: number,
  running: boolean,
): LiveTailState {
  const [state, setState] = useState<LiveTailState>({ records: [], dropped: 0, error: null, polls: 0 })
  const buffer = useRef<RingBuffer<KafkaRecord> | null>(null)
  const positions = useRef<Map<number, string> | null>(null)
  const partitionKey = partitions.join(',')

  useEffect(() => {
    buffer.current = new RingBuffer(capacity)
    positions.current = null
    setState({ records: [], dropped: 0, error: null, polls: 0 })
  }, [client, topic, partitionKey, capacity])

  useEffect(() => {
    if (!running) return
    const ac = new AbortController()
    let timer: number | undefined
    const ids = partitionKey.split(',').filter(Boolean).map(Number)
    const tick = async () => {
      try {
        if (!positions.current) {
          const ends = await mapLimit(ids, 4, (p) => client.getPartitionOffsets(topic, p, ac.signal))
          positions.current = new Map(ids.map((p, i) => [p, ends[i].end]))
        }
        const pos = positions.current
        const lists = await mapLimit(ids, 4, (p) => readNew(client, topic, p, pos.get(p) ?? '0', ac.signal))
        lists.forEach((list, i) => {
          const last = list[list.length - 1]
          if (last) pos.set(ids[i], (BigInt(last.offset) + 1n).toString())
        })
        const fresh = mergeRecords(lists, order)
        const buf = buffer.current!
        if (fresh.length > 0) buf.push(...fresh)
        setState((s) => ({
          records: fresh.length > 0 ? buf.toArray() : s.records,
          dropped: buf.dropped,
          error: null,
          polls: s.polls + 1,
        }))
      } catch (error) {
        if (ac.signal.aborted || (isKafkaRestError(error) && error.kind === 'aborted')) return
        setState((s) => ({ ...s, error }))
        return // stop: the user resumes after reading the error
      }
      if (!ac.signal.aborted) timer = window.setTimeout(() => void tick(), LIVE_POLL_MS)
    }
    void tick()
    return () => {
      ac.abort()
      window.clearTimeout(timer)
    }
  }, [running, client, topic, partitionKey, order])

  return state
}
