import { base64ToBytes } from '../lib/bytes/base64.ts'
import type { KafkaRecord, RecordHeader } from './types.ts'

/** Byte length of a padded (or unpadded) base64 string, without decoding it. */
export function base64ByteLength(b64: string | null): number {
  if (b64 === null) return 0
  let len = b64.length
  while (len > 0 && (b64.charCodeAt(len - 1) === 61 || b64.charCodeAt(len - 1) <= 32)) len--
  return Math.floor((len * 3) / 4)
}

function decodeOrText(b64: string): Uint8Array {
  try {
    return base64ToBytes(b64)
  } catch {
    // The endpoint sent something that is not base64: show exactly what it sent rather than failing the page.
    return new TextEncoder().encode(b64)
  }
}

export interface WireRecord {
  topic: string
  partition: number
  offset: string
  timestamp?: number
  key: string | null
  value: string | null
  headers?: RecordHeader[]
}

/**
 * A record whose key and value stay base64 until first read: a list of 10,000 rows only decodes the rows it
 * shows. Sizes are known up front from the base64 lengths.
 */
export function recordFromBase64(wire: WireRecord): KafkaRecord {
  let key: Uint8Array | null | undefined
  let value: Uint8Array | null | undefined
  const record: KafkaRecord = {
    topic: wire.topic,
    partition: wire.partition,
    offset: wire.offset,
    keySize: base64ByteLength(wire.key),
    valueSize: base64ByteLength(wire.value),
    get key() {
      if (key === undefined) key = wire.key === null ? null : decodeOrText(wire.key)
      return key
    },
    get value() {
      if (value === undefined) value = wire.value === null ? null : decodeOrText(wire.value)
      return value
    },
  }
  if (wire.timestamp !== undefined) record.timestamp = wire.timestamp
  if (wire.headers !== undefined) record.headers = wire.headers
  return record
}
