/**
 * Merges per-partition reads into one list. A k-way merge (not a sort): each partition keeps its offset order,
 * so the first or last `count` of the merged list are a contiguous range of every partition — which is what
 * makes the previous/next windows exact, even where timestamps within a partition go backwards.
 */
import type { KafkaRecord } from '../../api/types.ts'

export type MergeOrder = 'timestamp' | 'offset'

/** Compares non-negative decimal offsets without BigInt: shorter is smaller, then lexicographic. */
export function compareOffsets(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length
  return a < b ? -1 : a > b ? 1 : 0
}

/** Timestamp (missing = -1, Kafka's "none"), then partition, then offset. */
function byTimestamp(a: KafkaRecord, b: KafkaRecord): number {
  const ta = a.timestamp ?? -1
  const tb = b.timestamp ?? -1
  if (ta !== tb) return ta - tb
  return a.partition - b.partition || compareOffsets(a.offset, b.offset)
}

/** Offset, then partition: offset 5 of every partition comes before offset 6 of any. */
function byOffset(a: KafkaRecord, b: KafkaRecord): number {
  return compareOffsets(a.offset, b.offset) || a.partition - b.partition
}

export function recordComparator(order: MergeOrder): (a: KafkaRecord, b: KafkaRecord) => number {
  return order === 'timestamp' ? byTimestamp : byOffset
}

/** Merges lists that are each in offset order (one per partition) into ascending `order`. */
export function mergeRecords(lists: KafkaRecord[][], order: MergeOrder): KafkaRecord[] {
  const nonEmpty = lists.filter((l) => l.length > 0)
  if (nonEmpty.length === 0) return []
  if (nonEmpty.length === 1) return nonEmpty[0].slice()
  const cmp = recordComparator(order)
  const total = nonEmpty.reduce((n, l) => n + l.length, 0)
  const out: KafkaRecord[] = new Array(total)
  // A binary min-heap of list indexes, keyed by each list's current head.
  const pos = new Array<number>(nonEmpty.length).fill(0)
  const heap: number[] = nonEmpty.map((_, i) => i)
  const head = (i: number) => nonEmpty[i][pos[i]]
  const less = (a: number, b: number) => cmp(head(heap[a]), head(heap[b])) < 0
  const swap = (a: number, b: number) => {
    const t = heap[a]
    heap[a] = heap[b]
    heap[b] = t
  }
  const down = (start: number) => {
    let i = start
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < heap.length && less(l, m)) m = l
      if (r < heap.length && less(r, m)) m = r
      if (m === i) return
      swap(i, m)
      i = m
    }
  }
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i)
  for (let o = 0; o < total; o++) {
    const list = heap[0]
    out[o] = head(list)
    pos[list]++
    if (pos[list] >= nonEmpty[list].length) {
      heap[0] = heap[heap.length - 1]
      heap.pop()
    }
    if (heap.length > 0) down(0)
  }
  return out
}
