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
