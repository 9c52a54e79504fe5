import { useEffect, useRef, useState } from 'react'
import { isKafkaRestError } from '../../api/errors.ts'
import type { KafkaRestClient } from '../../api/kafka-rest-client.ts'
import type { KafkaRecord } from '../../api/types.ts'
import { mapLimit } from '../../lib/browse/load-window.ts'
import { boundsProblem } from '../../lib/browse/offset-window.ts'
import { mergeRecords, type MergeOrder } from '../../lib/browse/merge-records.ts'
import { RingBuffer } from '../../lib/browse/ring-buffer.ts'
import { pushRate, ratePerSecond, type RatePoint } from '../../lib/rate.ts'

export const LIVE_POLL_MS = 1500
/** A tail whose endpoint stops making progress polls less and less often, down to this. */
export const LIVE_MAX_POLL_MS = 15_000
const MAX_BATCH = 500
/** Rate points kept for the messages-per-second chart. */
export const LIVE_RATE_POINTS = 120

export interface LiveTailState {
  records: KafkaRecord[]
  dropped: number
  error: unknown
  /** Polls finished since the tail started. */
  polls: number
  /** Why the last poll of a partition stopped early (the endpoint made no progress). */
  notes: string[]
  /** Messages per second over each poll interval, newest LIVE_RATE_POINTS kept. */
  rates: RatePoint[]
}

type NewRecords = { records: KafkaRecord[]; note?: string }

async function readNew(
  client: KafkaRestClient,
  topic: string,
  partition: number,
  from: string,
  signal: AbortSignal,
): Promise<NewRecords> {
  if (client.capabilities.browse?.stateless) {
    // A stateless read at the end answers at once with nothing: no need to ask for the end offset first.
    return client.fetchRecords({ topic, partition, offset: from, count: MAX_BATCH, signal })
  }
  // A consumer instance costs several requests: only create one when the end offset moved.
  const bounds = await client.getPartitionOffsets(topic, partition, signal)
  const bad = boundsProblem(partition, bounds)
  if (bad) throw new Error(bad)
  const { beginning, end } = bounds
  const start = BigInt(from) < BigInt(beginning) ? beginning : from
  const available = BigInt(end) - BigInt(start)
  if (available <= 0n) return { records: [] }
  const count = available < BigInt(MAX_BATCH) ? Number(available) : MAX_BATCH
  return client.fetchRecords({ topic, partition, offset: start, count, endOffset: end, signal })
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
  const [state, setState] = useState<LiveTailState>({
    records: [],
    dropped: 0,
    error: null,
    polls: 0,
    notes: [],
    rates: [],
  })
  const buffer = useRef<RingBuffer<KafkaRecord> | null>(null)
  const positions = useRef<Map<number, string> | null>(null)
  const partitionKey = partitions.join(',')

  useEffect(() => {
    buffer.current = new RingBuffer(capacity)
    positions.current = null
    setState({ records: [], dropped: 0, error: null, polls: 0, notes: [], rates: [] })
  }, [client, topic, partitionKey, capacity])

  useEffect(() => {
    if (!running) return
    const ac = new AbortController()
    let timer: number | undefined
    let delay = LIVE_POLL_MS
    const ids = partitionKey.split(',').filter(Boolean).map(Number)
    let since = Date.now()
    const tick = async () => {
      try {
        if (!positions.current) {
          const ends = await mapLimit(ids, 4, (p) => client.getPartitionOffsets(topic, p, ac.signal))
          positions.current = new Map(ids.map((p, i) => [p, ends[i].end]))
        }
        const pos = positions.current
        const reads = await mapLimit(ids, 4, (p) => readNew(client, topic, p, pos.get(p) ?? '0', ac.signal))
        const lists = reads.map((r) => r.records)
        lists.forEach((list, i) => {
          const last = list[list.length - 1]
          if (last) pos.set(ids[i], (BigInt(last.offset) + 1n).toString())
        })
        const notes = reads.flatMap((r) => (r.note ? [r.note] : []))
        const fresh = mergeRecords(lists, order)
        // An endpoint that claims new records but never delivers them is asked less and less often.
        delay = notes.length > 0 && fresh.length === 0 ? Math.min(delay * 2, LIVE_MAX_POLL_MS) : LIVE_POLL_MS
        const buf = buffer.current!
        if (fresh.length > 0) buf.push(...fresh)
        const now = Date.now()
        const rate = { at: now, perSecond: ratePerSecond(0, since, fresh.length, now) }
        since = now
        setState((s) => ({
          records: fresh.length > 0 ? buf.toArray() : s.records,
          dropped: buf.dropped,
          error: null,
          polls: s.polls + 1,
          notes,
          rates: pushRate(s.rates, rate, LIVE_RATE_POINTS),
        }))
      } catch (error) {
        if (ac.signal.aborted || (isKafkaRestError(error) && error.kind === 'aborted')) return
        setState((s) => ({ ...s, error }))
        return // stop: the user resumes after reading the error
      }
      if (!ac.signal.aborted) timer = window.setTimeout(() => void tick(), delay)
    }
    void tick()
    return () => {
      ac.abort()
      window.clearTimeout(timer)
    }
  }, [running, client, topic, partitionKey, order])

  return state
}
