/**
 * The Avro codec (loaded lazily through codec-loader.ts). References are parsed first, in the order given, so the
 * schema can use their named types.
 */
import { ByteReader, DecodeError } from './byte-io.ts'
import { decodeAvro } from './avro-decode.ts'
import { AvroEncodeError, encodeAvro } from './avro-encode.ts'
import { AvroSchemaError, parseAvroSchema, type AvroNames, type AvroType } from './avro-schema.ts'
import { randomAvro } from './random-from-schema.ts'
import { sampleAvro } from './sample-from-schema.ts'
import type {
  Codec,
  DecodeAnnotation,
  DecodedValue,
  DecodeResult,
  EncodeResult,
  ParsedSchema,
  ParseResult,
  SchemaReferenceText,
} from './types.ts'

export interface ParsedAvroSchema extends ParsedSchema {
  readonly format: 'AVRO'
  readonly type: AvroType
}

/** A class, not a literal with a getter: one of these per record, and literals with accessors are slow to make. */
class AvroDecodedValue implements DecodedValue {
  readonly format = 'AVRO' as const
  readonly warnings: string[] = []
  readonly value: unknown
  readonly annotations: DecodeAnnotation[]
  private readonly text: () => string
  constructor(value: unknown, annotations: DecodeAnnotation[], text: () => string) {
    this.value = value
    this.annotations = annotations
    this.text = text
  }
  /** Made on first read (see avro-decode.ts). */
  get json(): string {
    return this.text()
  }
}

function asAvro(schema: ParsedSchema): ParsedAvroSchema {
  if (schema.format !== 'AVRO') throw new TypeError(`An ${schema.format} schema was given to the Avro codec.`)
  return schema as ParsedAvroSchema
}

export function parseAvro(schemaText: string, references: readonly SchemaReferenceText[] = []): ParseResult {
  const names: AvroNames = new Map()
  try {
    for (const ref of references) {
      try {
        parseAvroSchema(ref.schema, names)
      } catch (error) {
        throw new AvroSchemaError(`In the referenced schema "${ref.name}": ${(error as Error).message}`)
      }
    }
    const schema: ParsedAvroSchema = { format: 'AVRO', type: parseAvroSchema(schemaText, names) }
    return { ok: true, schema }
  } catch (error) {
    if (error instanceof AvroSchemaError) return { ok: false, message: error.message }
    throw error
  }
}

export function decodeAvroPayload(
  schema: ParsedSchema,
  bytes: Uint8Array,
  payloadOffset: number,
  options: { logical?: 'readable' | 'raw' } = {},
): DecodeResult {
  const r = new ByteReader(bytes, payloadOffset)
  try {
    const { value, annotations, json } = decodeAvro(asAvro(schema).type, r, options.logical !== 'raw')
    if (r.pos < bytes.length) {
      return {
        ok: false,
        failure: {
          kind: 'trailing-bytes',
          offset: r.pos,
          message: `The Avro value ends at offset ${r.pos} but ${bytes.length - r.pos} more byte${bytes.length - r.pos === 1 ? '' : 's'} follow: the record was probably written with another schema.`,
        },
      }
    }
    return { ok: true, value: new AvroDecodedValue(value, annotations, json) }
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error
    return {
      ok: false,
      failure: {
        kind: error.kind,
        offset: error.offset,
        message: `${error.message} The payload does not match its Avro schema.`,
      },
    }
  }
}

export function encodeAvroValue(schema: ParsedSchema, value: unknown): EncodeResult {
  try {
    return { ok: true, bytes: encodeAvro(asAvro(schema).type, value) }
  } catch (error) {
    if (error instanceof AvroEncodeError) {
      return { ok: false, errors: [{ instancePath: error.instancePath, message: error.message }] }
    }
    throw error
  }
}

export const codec: Codec = {
  format: 'AVRO',
  parse: parseAvro,
  decode: decodeAvroPayload,
  encode: encodeAvroValue,
  validate: (schema, value) => {
    const result = encodeAvroValue(schema, value)
    return result.ok ? [] : result.errors
  },
  sample: (schema) => sampleAvro(asAvro(schema).type),
  random: (schema, rng) => randomAvro(asAvro(schema).type, rng),
}
