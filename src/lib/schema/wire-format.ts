/**
 * The Confluent Schema Registry wire format: magic byte 0, the schema id as 4 bytes big-endian, then (Protobuf
 * only) the message indexes, then the serialized payload. The indexes are zig-zag varints, count first, and the
 * common [0] is written as a single 0 byte. Pure, no codec library: Browse calls this on every framed record
 * before it knows (or loads) anything else.
 */
import type { SchemaFormat } from './types.ts'

export const MAGIC_BYTE = 0
/** More indexes than this is no real schema's nesting; it guards the loop against hostile counts. */
export const MAX_MESSAGE_INDEXES = 64

export interface WireFormat {
  schemaId: number
  /** Protobuf only: the path of the message in the schema ([0] = its first top-level message). */
  messageIndexes?: number[]
  /** Where the serialized payload starts. */
  payloadOffset: number
}

export type WireFormatFailure =
  | { kind: 'not-wire-format'; firstByte: number; message: string }
  | { kind: 'too-short'; length: number; message: string }
  | { kind: 'bad-message-indexes'; offset: number; message: string }

export type WireFormatResult = ({ ok: true } & WireFormat) | { ok: false; failure: WireFormatFailure }

/**
 * Reads the frame. Pass `format` once the schema is known: only Protobuf records carry message indexes, and
 * nothing in the bytes tells them apart from an Avro or JSON payload.
 */
export function parseWireFormat(bytes: Uint8Array, format?: SchemaFormat): WireFormatResult {
  if (bytes.length > 0 && bytes[0] !== MAGIC_BYTE) {
    const hex = bytes[0].toString(16).padStart(2, '0')
    return {
      ok: false,
      failure: {
        kind: 'not-wire-format',
        firstByte: bytes[0],
        message: `Not in the Schema Registry wire format: the first byte is 0x${hex}, not the magic byte 0x00.`,
      },
    }
  }
  if (bytes.length < 5) {
    return {
      ok: false,
      failure: {
        kind: 'too-short',
        length: bytes.length,
        message: `Too short for the Schema Registry wire format: ${bytes.length} byte${bytes.length === 1 ? '' : 's'}, at least 5 (magic byte and schema id) needed.`,
      },
    }
  }
  const schemaId = ((bytes[1] << 24) | (bytes[2] << 16) | (bytes[3] << 8) | bytes[4]) >>> 0
  if (format !== 'PROTOBUF') return { ok: true, schemaId, payloadOffset: 5 }
  const indexes = readMessageIndexes(bytes, 5)
  if ('failure' in indexes) return { ok: false, failure: indexes.failure }
  return { ok: true, schemaId, messageIndexes: indexes.indexes, payloadOffset: indexes.end }
}

function readZigzag(bytes: Uint8Array, at: number): { value: number; end: number } | null {
  let raw = 0
  let scale = 1
  for (let i = 0; i < 5 && at + i < bytes.length; i++) {
    const b = bytes[at + i]
    raw += (b & 0x7f) * scale
    if (b < 0x80) return { value: raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2, end: at + i + 1 }
    scale *= 128
  }
  return null
}

function readMessageIndexes(
  bytes: Uint8Array,
  start: number,
): { indexes: number[]; end: number } | { failure: WireFormatFailure } {
  const bad = (offset: number, message: string) => ({
    failure: { kind: 'bad-message-indexes' as const, offset, message },
  })
  const count = readZigzag(bytes, start)
  if (!count)
    return bad(start, `The Protobuf message indexes at offset ${start} are cut off or not a varint.`)
  if (count.value === 0) return { indexes: [0], end: count.end }
  if (count.value < 0 || count.value > MAX_MESSAGE_INDEXES) {
    return bad(
      start,
      `The Protobuf message-index count at offset ${start} is ${count.value}: not a real message path.`,
    )
  }
  const indexes: number[] = []
  let at = count.end
  for (let i = 0; i < count.value; i++) {
    const index = readZigzag(bytes, at)
    if (!index)
      return bad(at, `Protobuf message index ${i + 1} of ${count.value} at offset ${at} is cut off.`)
    if (index.value < 0) return bad(at, `Protobuf message index ${i + 1} at offset ${at} is negative.`)
    indexes.push(index.value)
    at = index.end
  }
  return { indexes, end: at }
}

function zigzagBytes(value: number): number[] {
  let v = value >= 0 ? value * 2 : -value * 2 - 1
  const out: number[] = []
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80)
    v = Math.floor(v / 128)
  }
  out.push(v)
  return out
}

/**
 * The frame in front of a payload (for produce). `messageIndexes` only for Protobuf: [0] (or empty) becomes the
 * single 0 byte, as Confluent's serializer writes it.
 */
export function buildWireFormat(
  schemaId: number,
  payload: Uint8Array,
  messageIndexes?: readonly number[],
): Uint8Array {
  if (!Number.isInteger(schemaId) || schemaId < 0 || schemaId > 0xffffffff) {
    throw new RangeError(`Schema id ${schemaId} is not an unsigned 32-bit integer.`)
  }
  const prefix: number[] = [
    MAGIC_BYTE,
    schemaId >>> 24,
    (schemaId >>> 16) & 0xff,
    (schemaId >>> 8) & 0xff,
    schemaId & 0xff,
  ]
  if (messageIndexes) {
    if (messageIndexes.length === 0 || (messageIndexes.length === 1 && messageIndexes[0] === 0))
      prefix.push(0)
    else {
      prefix.push(...zigzagBytes(messageIndexes.length))
      for (const i of messageIndexes) {
        if (!Number.isInteger(i) || i < 0 || i > 0x3fffffff)
          throw new RangeError(`Message index ${i} is invalid.`)
        prefix.push(...zigzagBytes(i))
      }
    }
  }
  const out = new Uint8Array(prefix.length + payload.length)
  out.set(prefix)
  out.set(payload, prefix.length)
  return out
}
