import { parse, stringify } from 'lossless-json'
import type { SyntaxLanguage } from './tokenize.ts'

/** Larger schema texts are shown as received (pretty-printing them would block the page). */
const MAX_FORMAT_CHARS = 1_000_000

/**
 * A schema's text as shown and diffed: Avro and JSON Schema pretty-printed (registries store them compact, so a
 * diff of two one-line texts would say nothing), numbers kept exact; `.proto` and anything unparsable as is.
 */
export function formatSchemaText(
  schema: string,
  schemaType: string,
): { text: string; language: SyntaxLanguage } {
  if (schemaType === 'PROTOBUF') return { text: schema, language: 'proto' }
  if (schema.length > MAX_FORMAT_CHARS) return { text: schema, language: 'json' }
  try {
    return { text: stringify(parse(schema), null, 2) ?? schema, language: 'json' }
  } catch {
    return { text: schema, language: 'json' }
  }
}
