/** What a "from schema" run generates from, as plain data (no codec here: the page imports this statically). */
import type { SchemaFormat, SchemaReferenceText } from '../schema/types.ts'

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

/** "Avro · orders-value v2 (schema 7)", "Protobuf · demo.Event · events-value v1 (schema 9)". */
export function describeSchemaSource(s: SchemaSource): string {
  const message = s.messageName ? ` · ${s.messageName}` : ''
  return `${FORMAT_NAMES[s.format]}${message} · ${s.subject} v${s.version} (schema ${s.id})`
}
