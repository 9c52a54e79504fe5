/** Test helpers: an in-memory topic behind the `WindowSource` interface, counting what was read. */
import type { FetchRequest, FetchResult, KafkaRecord, PartitionOffsets } from '../../api/types.ts'
import type { WindowSource } from './load-window.ts'

export function record(
  partition: number,
  offset: number | string,
  timestamp?: number,
  value = '',
): KafkaRecord {
  const bytes = new TextEncoder().encode(value)
  const r: KafkaRecord = {
    topic: 't',
    partition,
    offset: String(offset),
    key: null,
    value: bytes,
    keySize: 0,
    valueSize: bytes.length,
  }
  if (timestamp !== undefined) r.timestamp = timestamp
  return r
}

export interface FakePartition {
  beginning: number
  records: KafkaRecord[]
}

/** Partitions with contiguous offsets from `beginning` (or with gaps, if `records` says so). */
export class FakeTopic implements WindowSource {
  readonly capabilities = { browse: { offsets: true } }
  readonly partitions: FakePartition[]
  fetches: FetchRequest[] = []

  constructor(partitions: FakePartition[]) {
    this.partitions = partitions
  }

  /** `sizes[p]` records per partition, timestamps from `ts(p, i)`. */
  static of(
    sizes: number[],
    ts: (p: number, i: number) => number = (_p, i) => 1000 + i,
    beginning = 0,
  ): FakeTopic {
    return new FakeTopic(
      sizes.map((n, p) => ({
        beginning,
        records: Array.from({ length: n }, (_, i) =>
          record(p, beginning + i, ts(p, i), `p${p}-${beginning + i}`),
        ),
      })),
    )
  }

  end(p: number): number {
    const part = this.partitions[p]
    const last = part.records[part.records.length - 1]
    return last ? Number(last.offset) + 1 : part.beginning
  }

  async getPartitionOffsets(_topic: string, partition: number): Promise<PartitionOffsets> {
    return { beginning: String(this.partitions[partition].beginning), end: String(this.end(partition)) }
  }

  async fetchRecords(req: FetchRequest): Promise<FetchResult> {
    this.fetches.push(req)
    const part = this.partitions[req.partition]
    const from = BigInt(req.offset)
    if (from < BigInt(part.beginning)) throw new Error(`offset ${req.offset} out of range`)
    const end = req.endOffset !== undefined ? BigInt(req.endOffset) : null
    const records = part.records
      .filter((r) => BigInt(r.offset) >= from && (end === null || BigInt(r.offset) < end))
      .slice(0, req.count)
    const last = records[records.length - 1]
    return { records, nextOffset: last ? (BigInt(last.offset) + 1n).toString() : req.offset }
  }
}
