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

type Part = 'key' | 'value'

/** The wire text and whatever has been decoded so far, per lazy record (for `recordBytesPrefix`). */
interface LazyState {
  wire: WireRecord
  key?: Uint8Array | null
  value?: Uint8Array | null
}

const lazyStates = new WeakMap<KafkaRecord, LazyState>()

function decoded(state: LazyState, part: Part): Uint8Array | null {
  let bytes = state[part]
  if (bytes === undefined) {
    const b64 = state.wire[part]
    bytes = b64 === null ? null : decodeOrText(b64)
    state[part] = bytes
  }
  return bytes
}

/**
 * A record whose key and value stay base64 until first read: a list of 10,000 rows only decodes the rows it
 * shows. Sizes are known up front from the base64 lengths.
 */
export function recordFromBase64(wire: WireRecord): KafkaRecord {
  const state: LazyState = { wire }
  const record: KafkaRecord = {
    topic: wire.topic,
    partition: wire.partition,
    offset: wire.offset,
    keySize: base64ByteLength(wire.key),
    valueSize: base64ByteLength(wire.value),
    get key() {
      return decoded(state, 'key')
    },
    get value() {
      return decoded(state, 'value')
    },
  }
  if (wire.timestamp !== undefined) record.timestamp = wire.timestamp
  if (wire.headers !== undefined) record.headers = wire.headers
  lazyStates.set(record, state)
  return record
}

/**
 * The base64 key and value of a lazy record whose bytes were not read yet (a scan posts them to a worker to decode
 * there), or undefined for any other record.
 */
export function lazyWire(record: KafkaRecord): { key: string | null; value: string | null } | undefined {
  const state = lazyStates.get(record)
  if (!state || state.key !== undefined || state.value !== undefined) return undefined
  return { key: state.wire.key, value: state.wire.value }
}

/**
 * Whether a record's key or value is null, without decoding a lazy record's base64 (a copy checks 10,000 rows
 * for tombstones before it starts). Any other object is asked directly.
 */
export function isNullPart(record: Pick<KafkaRecord, Part>, part: Part): boolean {
  const state = lazyStates.get(record as KafkaRecord)
  if (state && state[part] === undefined) return state.wire[part] === null
  return record[part] === null
}

/**
 * A record's key or value bytes; a lazy record not decoded yet is decoded without keeping the bytes (copying a
 * 10,000-row window must not hold every value twice). Same bytes as reading `record[part]`.
 */
export function partBytesOnce(record: Pick<KafkaRecord, Part>, part: Part): Uint8Array | null {
  const state = lazyStates.get(record as KafkaRecord)
  if (state && state[part] === undefined) {
    const b64 = state.wire[part]
    return b64 === null ? null : decodeOrText(b64)
  }
  return record[part]
}

/**
 * At most the first `maxBytes` bytes of a record's key or value (null for a null key/value). For a lazy record
 * whose bytes were not read yet, only the base64 prefix covering those bytes is decoded — a list row of a
 * 10 MB value costs what a 100-byte one does — and the record stays lazy. Other records are sliced.
 */
export function recordBytesPrefix(record: KafkaRecord, part: Part, maxBytes: number): Uint8Array | null {
  const limit = Math.max(0, Math.floor(maxBytes))
  const state = lazyStates.get(record)
  if (state && state[part] === undefined) {
    const b64 = state.wire[part]
    if (b64 === null) return null
    const chars = Math.ceil(limit / 3) * 4
    if (chars < b64.length) {
      try {
        const head = base64ToBytes(b64.slice(0, chars))
        // Whitespace inside the base64 would make the slice cover fewer bytes than asked: decode it all then.
        if (head.length >= limit) return head.subarray(0, limit)
      } catch {
        // not base64 at all: the full decode below shows the text as sent
      }
    }
  }
  const bytes = record[part]
  return bytes === null ? null : bytes.subarray(0, Math.min(limit, bytes.length))
}
