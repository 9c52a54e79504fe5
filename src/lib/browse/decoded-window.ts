/**
 * Registry-framed keys and values of a loaded window as decoded JSON text, for the quick filter and the exports.
 * Pure: the schemas come ready (codec + parsed schema per id); a record whose id has none, or whose bytes do not
 * decode, simply has no decoded text (its bytes still match and export as they are).
 */
import type { KafkaRecord } from '../../api/types.ts'
import { decodeRegistryRecord, peekSchemaId } from '../schema/registry-record.ts'
import type { Codec, ParsedSchema } from '../schema/types.ts'

export interface ReadySchema {
  codec: Codec
  schema: ParsedSchema
}

export interface DecodedTexts {
  key?: string
  value?: string
}

/** Per record (by identity): the decoded JSON of its key and value, where they are framed and decode. */
export type DecodedWindow = Map<KafkaRecord, DecodedTexts>

/** Distinct schema ids a window's framed keys and values name, at most `max` (an endpoint can name millions). */
export function schemaIdsOf(records: readonly KafkaRecord[], max = 64): number[] {
  const ids = new Set<number>()
  for (const r of records) {
    for (const bytes of [r.key, r.value]) {
      if (!bytes || bytes.length < 5 || bytes[0] !== 0) continue
      const peek = peekSchemaId(bytes)
      if (peek.ok) ids.add(peek.schemaId)
      if (ids.size >= max) return [...ids]
    }
  }
  return [...ids]
}

function decodeText(bytes: Uint8Array | null, schemas: ReadonlyMap<number, ReadySchema>): string | undefined {
  if (!bytes || bytes.length < 5 || bytes[0] !== 0) return undefined
  const peek = peekSchemaId(bytes)
  const ready = peek.ok ? schemas.get(peek.schemaId) : undefined
  if (!ready) return undefined
  const decoded = decodeRegistryRecord(ready.codec, ready.schema, bytes)
  return decoded.ok ? decoded.value.json : undefined
}

export function decodeWindow(
  records: readonly KafkaRecord[],
  schemas: ReadonlyMap<number, ReadySchema>,
): DecodedWindow {
  const out: DecodedWindow = new Map()
  if (schemas.size === 0) return out
  for (const r of records) {
    const key = decodeText(r.key, schemas)
    const value = decodeText(r.value, schemas)
    if (key !== undefined || value !== undefined) out.set(r, { key, value })
  }
  return out
}
