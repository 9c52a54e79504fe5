import { JsonParseError, parseJsonLossless, stringifyJsonLossless } from '../../lib/json/json-lossless.ts'
import { encodeRegistryRecord } from '../../lib/schema/registry-record.ts'
import type { Codec, ParsedSchema, SchemaFormat, ValueError } from '../../lib/schema/types.ts'
import type { EncodeResult, FieldError, RegistryValueFormat, SchemaChoice } from './record-draft.ts'

/** The registry's schemaType for each produce format. */
export const SCHEMA_FORMAT: Record<RegistryValueFormat, SchemaFormat> = {
  avro: 'AVRO',
  protobuf: 'PROTOBUF',
  jsonschema: 'JSON',
}

/** Where a registry format's schema comes from; null when the connection has no Schema Registry. */
export interface RegistryContext {
  connectionId: string
  topic: string
}

export const REGISTRY_OPTIONS = [
  { value: 'avro' as const, label: 'Avro' },
  { value: 'protobuf' as const, label: 'Protobuf' },
  { value: 'jsonschema' as const, label: 'JSON Schema' },
]

export const FORMAT_LABEL: Record<RegistryValueFormat, string> = {
  avro: 'Avro',
  protobuf: 'Protobuf',
  jsonschema: 'JSON Schema',
}

export type RecordPart = 'key' | 'value'

/** The subject a key/value is encoded under: the chosen one, or the topic's `<topic>-value` / `<topic>-key` (TopicNameStrategy). */
export function subjectOf(choice: SchemaChoice, topic: string, part: RecordPart = 'value'): string {
  return choice.subject !== '' ? choice.subject : `${topic}-${part}`
}

/** 'latest' or a version number, as the registry client takes it. */
export function versionOf(choice: SchemaChoice): 'latest' | number {
  return /^\d+$/.test(choice.version) ? Number(choice.version) : 'latest'
}

/**
 * The wire-format message indexes of the chosen Protobuf message (undefined = the first message, or not Protobuf),
 * or why the name is not in the schema.
 */
export function messageIndexesOf(
  codec: Codec,
  schema: ParsedSchema,
  choice: SchemaChoice,
): { ok: true; indexes: number[] | undefined } | { ok: false; message: string } {
  if (!choice.message || !codec.messages) return { ok: true, indexes: undefined }
  const found = codec.messages(schema).find((m) => m.name === choice.message)
  return found
    ? { ok: true, indexes: found.indexes }
    : { ok: false, message: `The schema has no message ${choice.message}: choose another.` }
}

function pathError(errors: readonly ValueError[]): FieldError {
  const [first] = errors
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''
  const at = first.instancePath === '' ? 'the value' : first.instancePath
  return { message: `Does not fit the schema at ${at}: ${first.message}${more}` }
}

/** The JSON value typed in the editor, numbers kept exactly (a long beyond 2^53 keeps every digit). */
export function parseRecordJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; error: FieldError } {
  try {
    return { ok: true, value: parseJsonLossless(text) }
  } catch (e) {
    if (e instanceof JsonParseError)
      return { ok: false, error: { message: `Invalid JSON: ${e.message}`, index: e.position } }
    throw e
  }
}

/** Why the typed JSON does not fit the schema (its JSON Pointer path first), or null when it fits. */
export function checkRecordJson(
  codec: Codec,
  schema: ParsedSchema,
  text: string,
  messageIndexes?: readonly number[],
): FieldError | null {
  const parsed = parseRecordJson(text)
  if (!parsed.ok) return parsed.error
  const errors = codec.validate(schema, parsed.value, { messageIndexes })
  return errors.length ? pathError(errors) : null
}

/** The record's bytes: the typed JSON encoded with the schema and framed with its id (the registry wire format). */
export function encodeRecordJson(
  codec: Codec,
  schema: ParsedSchema,
  schemaId: number,
  text: string,
  messageIndexes?: readonly number[],
): EncodeResult {
  const parsed = parseRecordJson(text)
  if (!parsed.ok) return parsed
  const errors = codec.validate(schema, parsed.value, { messageIndexes })
  if (errors.length) return { ok: false, error: pathError(errors) }
  const encoded = encodeRegistryRecord(codec, schema, schemaId, parsed.value, messageIndexes)
  return encoded.ok ? { ok: true, bytes: encoded.bytes } : { ok: false, error: pathError(encoded.errors) }
}

/** A starting value for the editor, as JSON text with every digit (pretty for a value, one line for a key). */
export function sampleText(
  codec: Codec,
  schema: ParsedSchema,
  part: RecordPart = 'value',
  messageIndexes?: readonly number[],
): string {
  return stringifyJsonLossless(codec.sample(schema, { messageIndexes }), part === 'value' ? 2 : undefined)
}
