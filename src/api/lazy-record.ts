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

/**
 * A record whose key and value stay base64 until first read: a list of 100,000 rows only decodes the rows it
 * shows. Once read, the bytes replace the base64 (a record never holds both). Sizes are known up front from the
 * base64 lengths. A class, not an object with getters of its own: those cost ~700 bytes more per record (own
 * accessors and closures), 70 MB in a 100,000-message window. The getters live on the prototype, so a spread
 * copy has no key or value: copy the fields by name.
 */
class LazyRecord implements KafkaRecord {
  readonly topic: string
  readonly partition: number
  readonly offset: string
  declare timestamp?: number
  declare headers?: RecordHeader[]
  readonly keySize: number
  readonly valueSize: number
  /** The base64 text until read, then the bytes. */
  #key: string | Uint8Array | null
  #value: string | Uint8Array | null

  constructor(wire: WireRecord) {
    this.topic = wire.topic
    this.partition = wire.partition
    this.offset = wire.offset
    if (wire.timestamp !== undefined) this.timestamp = wire.timestamp
    if (wire.headers !== undefined) this.headers = wire.headers
    this.keySize = base64ByteLength(wire.key)
    this.valueSize = base64ByteLength(wire.value)
    this.#key = wire.key
    this.#value = wire.value
  }

  get key(): Uint8Array | null {
    if (typeof this.#key === 'string') this.#key = decodeOrText(this.#key)
    return this.#key
  }

  get value(): Uint8Array | null {
    if (typeof this.#value === 'string') this.#value = decodeOrText(this.#value)
    return this.#value
  }

  /** The base64 of a part not read yet (null for a null part), or undefined once it has been read. */
  pending(part: Part): string | null | undefined {
    const v = part === 'key' ? this.#key : this.#value
    return v === null || typeof v === 'string' ? v : undefined
  }
}

export function recordFromBase64(wire: WireRecord): KafkaRecord {
  return new LazyRecord(wire)
}

/** The base64 of a lazy record's part not read yet: a null part counts as not read. */
function pendingOf(record: unknown, part: Part): string | null | undefined {
  return record instanceof LazyRecord ? record.pending(part) : undefined
}

/**
 * The base64 key and value of a lazy record whose bytes were not read yet (a scan posts them to a worker to decode
 * there), or undefined for any other record.
 */
export function lazyWire(record: KafkaRecord): { key: string | null; value: string | null } | undefined {
  const key = pendingOf(record, 'key')
  const value = pendingOf(record, 'value')
  return key === undefined || value === undefined ? undefined : { key, value }
}

/**
 * Whether a record's key or value is null, without decoding a lazy record's base64 (a copy checks 100,000 rows
 * for tombstones before it starts). Any other object is asked directly.
 */
export function isNullPart(record: Pick<KafkaRecord, Part>, part: Part): boolean {
  const pending = pendingOf(record, part)
  if (pending !== undefined) return pending === null
  return record[part] === null
}

/**
 * A record's key or value bytes; a lazy record not decoded yet is decoded without keeping the bytes (copying or
 * exporting a 100,000-row window must not hold every value twice). Same bytes as reading `record[part]`.
 */
export function partBytesOnce(record: Pick<KafkaRecord, Part>, part: Part): Uint8Array | null {
  const pending = pendingOf(record, part)
  if (pending !== undefined) return pending === null ? null : decodeOrText(pending)
  return record[part]
}

/**
 * Whether a record's key or value starts with a zero byte (the Schema Registry magic byte). A lazy record not read
 * yet is answered from its first base64 characters, "A" then "A"–"P" (six and two zero bits), without decoding: a
 * window of 100,000 JSON values is told apart from framed ones in a few ms.
 */
export function startsWithZeroByte(record: KafkaRecord, part: Part): boolean {
  const b64 = pendingOf(record, part)
  if (b64 === null) return false
  if (b64 !== undefined) {
    const first = b64.charCodeAt(0)
    // Leading whitespace is allowed in base64: only then is the prefix decoded.
    if (first > 32) {
      const second = b64.charCodeAt(1)
      return first === 65 && second >= 65 && second <= 80
    }
  }
  const head = recordBytesPrefix(record, part, 1)
  return head !== null && head.length > 0 && head[0] === 0
}

/**
 * At most the first `maxBytes` bytes of a record's key or value (null for a null key/value). For a lazy record
 * whose bytes were not read yet, only the base64 prefix covering those bytes is decoded — a list row of a
 * 10 MB value costs what a 100-byte one does — and the record stays lazy. Other records are sliced.
 */
export function recordBytesPrefix(record: KafkaRecord, part: Part, maxBytes: number): Uint8Array | null {
  const limit = Math.max(0, Math.floor(maxBytes))
  const b64 = pendingOf(record, part)
  if (b64 === null) return null
  if (b64 !== undefined) {
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
