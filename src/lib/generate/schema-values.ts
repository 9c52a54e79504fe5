/**
 * "From schema" values: random records that fit a registry schema, encoded and framed in the Schema Registry
 * wire format (magic byte, schema id, Protobuf message indexes). The schema arrives as plain data (text,
 * references, id) so it can go to the worker; the codec is loaded lazily there, never in the initial bundle.
 */
import { loadCodec } from '../schema/codec-loader.ts'
import { recordRng } from '../schema/random-values.ts'
import { decodeRegistryRecord, encodeRegistryRecord } from '../schema/registry-record.ts'
import type { Codec, ParsedSchema } from '../schema/types.ts'
import { GenerateSpecError } from './generator.ts'
import { FORMAT_NAMES, type SchemaSource } from './schema-source.ts'

const FIELD = 'Value schema'

export interface SchemaValues {
  codec: Codec
  schema: ParsedSchema
  /**
   * The framed bytes of record `index` under `seed`: depends on those two only. With `fields`, the value's
   * top-level scalar fields are kept there too, so the key and headers can repeat them with `{{ref name}}`.
   */
  value(seed: number, index: number, fields?: Map<string, string | number | boolean>): Uint8Array
  /** A framed value as JSON text (the preview shows what was encoded, decoded back). */
  describe(bytes: Uint8Array): string
}

/** Strings, numbers (bigints as their digits) and booleans of a record's first level; nested values are skipped. */
export function keepTopLevelFields(v: unknown, fields: Map<string, string | number | boolean>): void {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return
  for (const [name, field] of Object.entries(v)) {
    if (typeof field === 'string' || typeof field === 'number' || typeof field === 'boolean')
      fields.set(name, field)
    else if (typeof field === 'bigint') fields.set(name, field.toString())
  }
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
    value(seed, index, fields) {
      let v: unknown
      try {
        v = random(schema, recordRng(seed, index), options)
      } catch (e) {
        throw new GenerateSpecError(FIELD, new Error(`record ${index + 1}: ${(e as Error).message}`))
      }
      if (fields) keepTopLevelFields(v, fields)
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
