/**
 * The Protobuf codec (loaded lazily through codec-loader.ts): binary ↔ JSON driven by protobufjs reflection,
 * with our own bounds-checked reader and writer (no generated code, see protobuf-schema.ts). JSON follows
 * Protobuf's JSON mapping where it matters for exactness: 64-bit integers as decimal strings, enums by name
 * (unknown numbers stay numbers), bytes as hex (the mapping says base64; hex matches the rest of the console),
 * original field names, and fields without presence shown with their default.
 */
import { ByteReader, ByteWriter, DecodeError } from './byte-io.ts'
import { decodeMessage, type Ctx } from './protobuf-decode.ts'
import { encodeMessage, ProtoEncodeError } from './protobuf-encode.ts'
import { listMessages, messageAt, parseProto, ProtoSchemaError, type ParsedProto } from './protobuf-schema.ts'
import { randomProto } from './random-from-schema.ts'
import { sampleProto } from './sample-from-schema.ts'
import type {
  Codec,
  DecodeResult,
  EncodeResult,
  ParsedSchema,
  ParseResult,
  SchemaReferenceText,
} from './types.ts'

export interface ParsedProtobufSchema extends ParsedSchema, ParsedProto {
  readonly format: 'PROTOBUF'
}

function asProto(schema: ParsedSchema): ParsedProtobufSchema {
  if (schema.format !== 'PROTOBUF')
    throw new TypeError(`A ${schema.format} schema was given to the Protobuf codec.`)
  return schema as ParsedProtobufSchema
}

export function decodeProtobufPayload(
  schema: ParsedSchema,
  bytes: Uint8Array,
  payloadOffset: number,
  options: { messageIndexes?: readonly number[] } = {},
): DecodeResult {
  const proto = asProto(schema)
  const type = messageAt(proto, options.messageIndexes)
  if (typeof type === 'string') return { ok: false, failure: { kind: 'unknown-message', message: type } }
  const r = new ByteReader(bytes, payloadOffset)
  const ctx: Ctx = { unknown: 0 }
  try {
    const value = decodeMessage(type, r, bytes.length, ctx, 0)
    const annotations =
      ctx.unknown > 0
        ? [
            {
              pointer: '',
              note: `${ctx.unknown} field${ctx.unknown === 1 ? '' : 's'} not in the schema skipped`,
            },
          ]
        : []
    return {
      ok: true,
      value: {
        format: 'PROTOBUF',
        // 64-bit integers are strings and non-finite floats too: the native stringify is exact here.
        json: JSON.stringify(value),
        value,
        messageName: type.fullName.replace(/^\./, ''),
        annotations,
        warnings: [],
      },
    }
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error
    return {
      ok: false,
      failure: {
        kind: error.kind,
        offset: error.offset,
        message: `${error.message} The payload does not match message ${type.fullName.replace(/^\./, '')}.`,
      },
    }
  }
}

export function encodeProtobufValue(
  schema: ParsedSchema,
  value: unknown,
  options: { messageIndexes?: readonly number[] } = {},
): EncodeResult {
  const proto = asProto(schema)
  const type = messageAt(proto, options.messageIndexes)
  if (typeof type === 'string') return { ok: false, errors: [{ instancePath: '', message: type }] }
  try {
    const w = new ByteWriter()
    encodeMessage(type, value, w, [], 0)
    return { ok: true, bytes: w.result() }
  } catch (error) {
    if (error instanceof ProtoEncodeError)
      return { ok: false, errors: [{ instancePath: error.instancePath, message: error.message }] }
    throw error
  }
}

export function parseProtobuf(
  schemaText: string,
  references: readonly SchemaReferenceText[] = [],
): ParseResult {
  try {
    const schema: ParsedProtobufSchema = { format: 'PROTOBUF', ...parseProto(schemaText, references) }
    return { ok: true, schema }
  } catch (error) {
    if (error instanceof ProtoSchemaError) return { ok: false, message: error.message }
    throw error
  }
}

export const codec: Codec = {
  format: 'PROTOBUF',
  parse: parseProtobuf,
  decode: decodeProtobufPayload,
  encode: encodeProtobufValue,
  validate: (schema, value, options) => {
    const result = encodeProtobufValue(schema, value, options)
    return result.ok ? [] : result.errors
  },
  sample: (schema, options) => {
    const type = messageAt(asProto(schema), options?.messageIndexes)
    return typeof type === 'string' ? {} : sampleProto(type)
  },
  random: (schema, rng, options) => {
    const type = messageAt(asProto(schema), options?.messageIndexes)
    if (typeof type === 'string') throw new Error(type)
    return randomProto(type, rng)
  },
  messages: (schema) => listMessages(asProto(schema)),
}
