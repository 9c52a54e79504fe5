/**
 * What the scan hands to the filter (in a Web Worker): one record with its key and value either as bytes or still
 * as the endpoint's base64 text, so decoding happens off the main thread. Offsets stay decimal strings.
 */
import type { KafkaRecord, RecordHeader } from '../../api/types.ts'
import { lazyWire } from '../../api/lazy-record.ts'
import { base64ToBytes } from '../bytes/base64.ts'

/** Bytes, or base64 text not decoded yet, or null (no key / a tombstone). */
export type ScanPayload = Uint8Array | string | null

export interface ScanRecord {
  partition: number
  offset: string
  timestamp?: number
  key: ScanPayload
  value: ScanPayload
  headers?: RecordHeader[]
}

/** A matching record, decoded: what the page keeps and shows. */
export interface MatchedRecord {
  partition: number
  offset: string
  timestamp?: number
  key: Uint8Array | null
  value: Uint8Array | null
  headers?: RecordHeader[]
}

/** The record as the scan sends it: a lazy record keeps its base64 (decoded in the worker), others give bytes. */
export function toScanRecord(record: KafkaRecord): ScanRecord {
  const wire = lazyWire(record)
  const out: ScanRecord = {
    partition: record.partition,
    offset: record.offset,
    key: wire ? wire.key : record.key,
    value: wire ? wire.value : record.value,
  }
  if (record.timestamp !== undefined) out.timestamp = record.timestamp
  if (record.headers !== undefined) out.headers = record.headers
  return out
}

export function payloadBytes(p: ScanPayload): Uint8Array | null {
  if (p === null || p instanceof Uint8Array) return p
  try {
    return base64ToBytes(p)
  } catch {
    // Not base64: keep exactly what the endpoint sent, as the browse view does.
    return new TextEncoder().encode(p)
  }
}

export function decodeScanRecord(r: ScanRecord): MatchedRecord {
  const out: MatchedRecord = {
    partition: r.partition,
    offset: r.offset,
    key: payloadBytes(r.key),
    value: payloadBytes(r.value),
  }
  if (r.timestamp !== undefined) out.timestamp = r.timestamp
  if (r.headers !== undefined) out.headers = r.headers
  return out
}

/** Bytes of the key, the value and the headers (names as UTF-8 length approximated by string length). */
export function recordSize(r: MatchedRecord): number {
  let n = (r.key?.length ?? 0) + (r.value?.length ?? 0)
  for (const h of r.headers ?? []) n += h.name.length + (h.value?.length ?? 0)
  return n
}

/** A MatchedRecord as the app's KafkaRecord (for export and for copying). */
export function toKafkaRecord(topic: string, r: MatchedRecord): KafkaRecord {
  const out: KafkaRecord = {
    topic,
    partition: r.partition,
    offset: r.offset,
    key: r.key,
    value: r.value,
    keySize: r.key?.length ?? 0,
    valueSize: r.value?.length ?? 0,
  }
  if (r.timestamp !== undefined) out.timestamp = r.timestamp
  if (r.headers !== undefined) out.headers = r.headers
  return out
}

/**
 * A page of records as a few larger values instead of thousands of small ones: copying 2,000 records to the
 * worker one object and two strings at a time was the largest part of the scan's main-thread time. Keys and
 * values are concatenated, with their lengths beside them (no separator that an endpoint's text could contain),
 * into chunks of at most CHUNK_CHARS: a string over ~128 KB goes to V8's large-object space, which only a full GC
 * frees, and one per page made the heap's peak climb during a long scan.
 */
export interface PackedScanRecords {
  count: number
  partitions: Int32Array
  offsets: string
  /** NaN where a record has no timestamp. */
  timestamps: Float64Array
  keys: string[]
  keyLengths: Int32Array
  values: string[]
  valueLengths: Int32Array
  /** Only when some record has headers. */
  headers?: (RecordHeader[] | undefined)[]
}

const NO_PAYLOAD = -1
export const CHUNK_CHARS = 48 * 1024

/** Appends texts to chunks of at most CHUNK_CHARS (a longer text gets a chunk of its own). */
class Chunker {
  readonly chunks: string[] = []
  private parts: string[] = []
  private size = 0
  add(text: string) {
    if (this.size > 0 && this.size + text.length > CHUNK_CHARS) this.flush()
    this.parts.push(text)
    this.size += text.length
  }
  flush() {
    if (this.parts.length) this.chunks.push(this.parts.join(''))
    this.parts = []
    this.size = 0
  }
}

/** Reads texts back in order from chunks made by Chunker, given their lengths. */
class Unchunker {
  private chunk = 0
  private at = 0
  private readonly chunks: string[]
  constructor(chunks: string[]) {
    this.chunks = chunks
  }
  take(length: number): string {
    let c = this.chunks[this.chunk] ?? ''
    // Chunker starts a new chunk when the next text would not fit: move on when this one has no room left.
    if (this.at + length > c.length && this.at > 0) {
      this.chunk++
      this.at = 0
      c = this.chunks[this.chunk] ?? ''
    }
    const text = c.slice(this.at, this.at + length)
    this.at += length
    return text
  }
}

/** Packs a page whose keys and values are all base64 text or null; null when some payload is already bytes. */
export function packScanRecords(records: ScanRecord[]): PackedScanRecords | null {
  const n = records.length
  const partitions = new Int32Array(n)
  const timestamps = new Float64Array(n)
  const keyLengths = new Int32Array(n)
  const valueLengths = new Int32Array(n)
  const offsets = new Array<string>(n)
  const keys = new Chunker()
  const values = new Chunker()
  let headers: (RecordHeader[] | undefined)[] | undefined
  for (let i = 0; i < n; i++) {
    const r = records[i]
    if (r.key instanceof Uint8Array || r.value instanceof Uint8Array) return null
    partitions[i] = r.partition
    offsets[i] = r.offset
    timestamps[i] = r.timestamp ?? NaN
    keyLengths[i] = r.key === null ? NO_PAYLOAD : r.key.length
    if (r.key !== null) keys.add(r.key)
    valueLengths[i] = r.value === null ? NO_PAYLOAD : r.value.length
    if (r.value !== null) values.add(r.value)
    if (r.headers !== undefined) (headers ??= new Array(n))[i] = r.headers
  }
  keys.flush()
  values.flush()
  const packed: PackedScanRecords = {
    count: n,
    partitions,
    offsets: offsets.join(','),
    timestamps,
    keys: keys.chunks,
    keyLengths,
    values: values.chunks,
    valueLengths,
  }
  if (headers) packed.headers = headers
  return packed
}

/** The records packScanRecords packed, in order. */
export function unpackScanRecords(p: PackedScanRecords): ScanRecord[] {
  const out = new Array<ScanRecord>(p.count)
  const offsets = p.offsets.split(',')
  const keys = new Unchunker(p.keys)
  const values = new Unchunker(p.values)
  for (let i = 0; i < p.count; i++) {
    const kl = p.keyLengths[i]
    const vl = p.valueLengths[i]
    const r: ScanRecord = {
      partition: p.partitions[i],
      offset: offsets[i],
      key: kl === NO_PAYLOAD ? null : keys.take(kl),
      value: vl === NO_PAYLOAD ? null : values.take(vl),
    }
    if (!Number.isNaN(p.timestamps[i])) r.timestamp = p.timestamps[i]
    const h = p.headers?.[i]
    if (h !== undefined) r.headers = h
    out[i] = r
  }
  return out
}
