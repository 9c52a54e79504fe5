/**
 * Registry-framed keys and values of a loaded window as decoded JSON text, for the quick filter and the exports.
 * Pure: the schemas come ready (codec + parsed schema per id); a record whose id has none, or whose bytes do not
 * decode, simply has no decoded text (its bytes still match and export as they are).
 */
import { recordBytesPrefix, startsWithZeroByte } from '../../api/lazy-record.ts'
import type { KafkaRecord } from '../../api/types.ts'
import { decodeRegistryRecord, peekSchemaId } from '../schema/registry-record.ts'
import type { Codec, ParsedSchema, SchemaFormat } from '../schema/types.ts'

export interface ReadySchema {
  codec: Codec
  schema: ParsedSchema
}

export interface DecodedTexts {
  key?: string
  value?: string
  /** The format each part was decoded with (the row preview's label). */
  keyFormat?: SchemaFormat
  valueFormat?: SchemaFormat
}

/**
 * Per record (by identity): the decoded JSON of its key and value, where they are framed and decode. Lazy: a
 * record is decoded the first time it is asked for (a row scrolled into view, the quick filter, an export) and
 * kept, so loading a window of thousands decodes only the rows on screen.
 */
export interface DecodedWindow {
  get(record: KafkaRecord): DecodedTexts | undefined
}

/** Distinct schema ids a window's framed keys and values name, at most `max` (an endpoint can name millions). */
export function schemaIdsOf(records: readonly KafkaRecord[], max = 64): number[] {
  const ids = new Set<number>()
  for (const r of records) {
    // The first 5 bytes say it (magic byte and id), and most values are not framed at all: a lazy record's value
    // is neither decoded nor kept to learn that.
    for (const part of ['key', 'value'] as const) {
      if (!startsWithZeroByte(r, part)) continue
      const bytes = recordBytesPrefix(r, part, 5)
      if (!bytes || bytes.length < 5) continue
      const peek = peekSchemaId(bytes)
      if (peek.ok) ids.add(peek.schemaId)
      if (ids.size >= max) return [...ids]
    }
  }
  return [...ids]
}

function decodeText(
  bytes: Uint8Array | null,
  schemas: ReadonlyMap<number, ReadySchema>,
): { text: string; format: SchemaFormat } | undefined {
  if (!bytes || bytes.length < 5 || bytes[0] !== 0) return undefined
  const peek = peekSchemaId(bytes)
  const ready = peek.ok ? schemas.get(peek.schemaId) : undefined
  if (!ready) return undefined
  const decoded = decodeRegistryRecord(ready.codec, ready.schema, bytes)
  return decoded.ok ? { text: decoded.value.json, format: ready.codec.format } : undefined
}

const NONE: DecodedTexts = {}

export function decodeWindow(schemas: ReadonlyMap<number, ReadySchema>): DecodedWindow {
  const done = new WeakMap<KafkaRecord, DecodedTexts>()
  return {
    get(r) {
      if (schemas.size === 0) return undefined
      let d = done.get(r)
      if (d === undefined) {
        const key = decodeText(r.key, schemas)
        const value = decodeText(r.value, schemas)
        d =
          key !== undefined || value !== undefined
            ? { key: key?.text, value: value?.text, keyFormat: key?.format, valueFormat: value?.format }
            : NONE
        done.set(r, d)
      }
      return d === NONE ? undefined : d
    },
  }
}
