/**
 * "From schema" values: random records that fit a registry schema, encoded and framed in the Schema Registry
 * wire format (magic byte, schema id, Protobuf message indexes). The schema arrives as plain data (text,
 * references, id) so it can go to the worker; the codec is loaded lazily there, never in the initial bundle.
 */
import { loadCodec } from '../schema/codec-loader.ts'
import { recordRng } from '../schema/random-values.ts'
import { decodeRegistryRecord, encodeRegistryRecord } from '../schema/registry-record.ts'
import type { Codec, ParsedSchema, SchemaFormat, SchemaReferenceText } from '../schema/types.ts'
import { GenerateSpecError } from './generator.ts'

/** A subject's version resolved on the main thread: everything the worker needs, nothing secret. */
export interface SchemaSource {
  subject: string
  version: number
  id: number
  format: SchemaFormat
  schema: string
  references: SchemaReferenceText[]
  /** Protobuf: the chosen message's full name and wire-format indexes (undefined = the first message). */
  messageName?: string
  messageIndexes?: number[]
}

export const FORMAT_NAMES: Record<SchemaFormat, string> = {
  AVRO: 'Avro',
  PROTOBUF: 'Protobuf',
  JSON: 'JSON Schema',
}

const FIELD = 'Value schema'

/** "Avro · orders-value v2 (schema 7)", "Protobuf · demo.Event · events-value v1 (schema 9)". */
export function describeSchemaSource(s: SchemaSource): string {
  const message = s.messageName ? ` · ${s.messageName}` : ''
  return `${FORMAT_NAMES[s.format]}${message} · ${s.subject} v${s.version} (schema ${s.id})`
}

export interface SchemaValues {
  codec: Codec
  schema: ParsedSchema
  /** The framed bytes of record `index` under `seed`: depends on those two only. */
  value(seed: number, index: number): Uint8Array
  /** A framed value as JSON text (the preview shows what was encoded, decoded back). */
  describe(bytes: Uint8Array): string
}

/** Loads the codec, parses the schema and checks the chosen message; GenerateSpecError says what is wrong. */
export async function loadSchemaValues(source: SchemaSource): Promise<SchemaValues> {
  let codec: Codec
  try {
    codec = await loadCodec(source.format)
  } catch (e) {
    throw new GenerateSpecError(
      FIELD,
      new Error(`the ${FORMAT_NAMES[source.format]} codec could not be loaded (${(e as Error).message})`),
    )
  }
  const parsed = codec.parse(source.schema, source.references)
  if (!parsed.ok)
    throw new GenerateSpecError(
      FIELD,
      new Error(`${source.subject} v${source.version} cannot be used: ${parsed.message}`),
    )
  const schema = parsed.schema
  const options = { messageIndexes: source.messageIndexes }
  if (!codec.random) throw new GenerateSpecError(FIELD, new Error('this format cannot generate values'))
  const random = codec.random.bind(codec)
  return {
    codec,
    schema,
    value(seed, index) {
      let v: unknown
      try {
        v = random(schema, recordRng(seed, index), options)
      } catch (e) {
        throw new GenerateSpecError(FIELD, new Error(`record ${index + 1}: ${(e as Error).message}`))
      }
      const encoded = encodeRegistryRecord(codec, schema, source.id, v, source.messageIndexes)
      if (!encoded.ok) {
        const first = encoded.errors[0]
        throw new GenerateSpecError(
          FIELD,
          new Error(
            `record ${index + 1} does not fit at ${first?.instancePath || '(root)'}: ${first?.message ?? 'unknown error'}`,
          ),
        )
      }
      return encoded.bytes
    },
    describe(bytes) {
      const decoded = decodeRegistryRecord(codec, schema, bytes)
      return decoded.ok ? decoded.value.json : `(does not decode: ${decoded.failure.message})`
    },
  }
}
