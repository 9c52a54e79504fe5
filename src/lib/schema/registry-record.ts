/**
 * One call per key/value for Browse and Produce, once the schema is known: frame + codec together. Static and
 * library-free (the codec comes from loadCodec), so Browse can import it without weight.
 *
 * Browse: `peekSchemaId(bytes)` → fetch/parse the schema once per id (schema-cache.ts) → `loadCodec(format)` →
 * `decodeRegistryRecord(codec, schema, bytes)`. Produce: `encodeRegistryRecord(codec, schema, id, value)`.
 */
import type { Codec, DecodeOptions, DecodeResult, EncodeResult, ParsedSchema } from './types.ts'
import { buildWireFormat, parseWireFormat, type WireFormatFailure } from './wire-format.ts'

/** The schema id of a framed value, or why it is not framed (then show hex, with this message). */
export function peekSchemaId(
  bytes: Uint8Array,
): { ok: true; schemaId: number } | { ok: false; failure: WireFormatFailure } {
  const wire = parseWireFormat(bytes)
  return wire.ok ? { ok: true, schemaId: wire.schemaId } : wire
}

/** Decodes a whole framed key/value (magic byte, id, Protobuf message indexes, payload) with its parsed schema. */
export function decodeRegistryRecord(
  codec: Codec,
  schema: ParsedSchema,
  bytes: Uint8Array,
  options: Omit<DecodeOptions, 'messageIndexes'> = {},
): DecodeResult {
  const wire = parseWireFormat(bytes, codec.format)
  if (!wire.ok) {
    const f = wire.failure
    return {
      ok: false,
      failure: {
        kind: f.kind === 'bad-message-indexes' ? 'mismatch' : f.kind,
        message: f.message,
        offset: f.kind === 'bad-message-indexes' ? f.offset : 0,
      },
    }
  }
  return codec.decode(schema, bytes, wire.payloadOffset, { ...options, messageIndexes: wire.messageIndexes })
}

/**
 * Encodes a JSON value and frames it for schema `schemaId`; Protobuf takes the message indexes of the chosen
 * message ([0], the first top-level message, by default).
 */
export function encodeRegistryRecord(
  codec: Codec,
  schema: ParsedSchema,
  schemaId: number,
  value: unknown,
  messageIndexes?: readonly number[],
): EncodeResult {
  const indexes = codec.format === 'PROTOBUF' ? (messageIndexes ?? [0]) : undefined
  const encoded = codec.encode(schema, value, { messageIndexes: indexes })
  if (!encoded.ok) return encoded
  return { ok: true, bytes: buildWireFormat(schemaId, encoded.bytes, indexes) }
}
