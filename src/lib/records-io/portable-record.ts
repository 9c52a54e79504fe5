/**
 * The record shape import/export works with: bytes end to end, offsets as decimal strings (Kafka offsets
 * are 64-bit and must never pass through a JS number). Deliberately local to records-io, not the API model.
 */
export interface PortableHeader {
  name: string
  value: Uint8Array | null
}

export interface PortableRecord {
  topic?: string
  partition?: number
  /** Decimal string, e.g. "42" or "9223372036854775807". */
  offset?: string
  /** Epoch milliseconds or an ISO-8601 string; null = the record has no timestamp. */
  timestamp?: string | number | null
  key: Uint8Array | null
  value: Uint8Array | null
  headers?: PortableHeader[]
  /** Export only: the key and value decoded with their Schema Registry schema, as exact JSON text. */
  keyDecoded?: string
  valueDecoded?: string
}
