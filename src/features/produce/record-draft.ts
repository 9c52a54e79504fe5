import type { Capabilities } from '../../api/capabilities.ts'
import type { ProduceRecord, RecordHeader } from '../../api/types.ts'
import { parseBase64 } from '../../lib/bytes/base64.ts'
import { encodeUtf8, findLoneSurrogates } from '../../lib/bytes/utf8.ts'
import { validateJson } from '../../lib/json/json-text.ts'

/** The produce form's state for one record, exactly as typed: nothing is encoded until it is sent. */
export type RegistryValueFormat = 'avro' | 'protobuf' | 'jsonschema'
export type KeyFormat = 'none' | 'text' | 'base64' | RegistryValueFormat
export type ValueFormat = 'text' | 'json' | 'base64' | 'file' | 'null' | RegistryValueFormat
export type HeaderFormat = 'text' | 'base64'

export interface HeaderDraft {
  id: number
  name: string
  value: string
  format: HeaderFormat
}

/** Which registry schema a value is encoded with: a subject's version, or a new schema registered on send. */
export interface SchemaChoice {
  /** '' = the topic's `<topic>-value` subject. */
  subject: string
  /** 'latest' or a version number. */
  version: string
  /** A pasted schema, registered under the subject on send (instead of an existing version). */
  newSchema: string | null
  /** Protobuf: the full name of the message to encode; '' or absent = the schema's first message. */
  message?: string
}

export interface RecordDraft {
  id: number
  keyFormat: KeyFormat
  key: string
  valueFormat: ValueFormat
  value: string
  file: File | null
  headers: HeaderDraft[]
  schema: SchemaChoice
  keySchema: SchemaChoice
  /** A registry-format value / key, framed and encoded by the form on send (see use-registry-encoder.ts). */
  registryBytes?: Uint8Array
  registryKeyBytes?: Uint8Array
}

/** A problem with one field; `index` is the 0-based UTF-16 offset to select in the field, when known. */
export interface FieldError {
  message: string
  index?: number
}

export interface RecordDraftErrors {
  key?: FieldError
  value?: FieldError
  /** By header id. */
  headers?: Record<number, { name?: string; value?: FieldError }>
}

export function isRegistryFormat(format: ValueFormat | KeyFormat): format is RegistryValueFormat {
  return format === 'avro' || format === 'protobuf' || format === 'jsonschema'
}

let nextId = 1
export const newId = () => nextId++

export function newHeaderDraft(patch: Partial<HeaderDraft> = {}): HeaderDraft {
  return { id: newId(), name: '', value: '', format: 'text', ...patch }
}

export function newRecordDraft(patch: Partial<RecordDraft> = {}): RecordDraft {
  return {
    id: newId(),
    keyFormat: 'none',
    key: '',
    valueFormat: 'text',
    value: '',
    file: null,
    headers: [],
    schema: { subject: '', version: 'latest', newSchema: null },
    keySchema: { subject: '', version: 'latest', newSchema: null },
    ...patch,
  }
}

export type EncodeResult = { ok: true; bytes: Uint8Array } | { ok: false; error: FieldError }

/** UTF-8 of `text`, refusing lone surrogates (UTF-8 cannot hold them; TextEncoder would send U+FFFD instead). */
export function encodeText(text: string): EncodeResult {
  const [lone] = findLoneSurrogates(text, 1)
  if (lone) {
    const hex = lone.codeUnit.toString(16).toUpperCase()
    return {
      ok: false,
      error: {
        message: `Lone surrogate U+${hex} at position ${lone.index + 1}: UTF-8 cannot encode it. Remove it, or send the bytes as base64.`,
        index: lone.index,
      },
    }
  }
  return { ok: true, bytes: encodeUtf8(text) }
}

/** The bytes of a typed field in the given format (text = UTF-8, JSON = its UTF-8 text as typed, base64 decoded). */
export function encodeField(text: string, format: 'text' | 'json' | 'base64'): EncodeResult {
  if (format === 'base64') {
    const parsed = parseBase64(text)
    return parsed.ok ? { ok: true, bytes: parsed.bytes } : { ok: false, error: parsed.error }
  }
  if (format === 'json') {
    const checked = validateJson(text)
    if (!checked.ok)
      return { ok: false, error: { message: `Invalid JSON: ${checked.message}`, index: checked.position } }
  }
  return encodeText(text)
}

/** The headers the record would send; rows with neither name nor value are ignored. */
function encodeHeaders(headers: HeaderDraft[]): {
  headers: RecordHeader[]
  errors: RecordDraftErrors['headers']
} {
  const out: RecordHeader[] = []
  const errors: NonNullable<RecordDraftErrors['headers']> = {}
  for (const h of headers) {
    if (h.name === '' && h.value === '') continue
    const name =
      h.name === ''
        ? 'Enter a header name.'
        : findLoneSurrogates(h.name, 1).length
          ? 'The name holds a lone surrogate.'
          : undefined
    const value = encodeField(h.value, h.format)
    if (name || !value.ok) errors[h.id] = { name, value: value.ok ? undefined : value.error }
    else out.push({ name: h.name, value: value.bytes })
  }
  return { headers: out, errors: Object.keys(errors).length ? errors : undefined }
}

export type DraftBuild =
  { ok: true; record: ProduceRecord; file: File | null } | { ok: false; errors: RecordDraftErrors }

/**
 * The record a draft sends, with every problem found at once. A file value is returned as `file` with an
 * empty `value`: its bytes are read (and base64-encoded off the main thread) only when sending.
 */
export function buildRecord(draft: RecordDraft, caps: Capabilities): DraftBuild {
  const errors: RecordDraftErrors = {}
  let key: Uint8Array | null = null
  if (caps.produce?.keys) {
    if (isRegistryFormat(draft.keyFormat)) {
      if (draft.registryKeyBytes) key = draft.registryKeyBytes
      else errors.key = { message: 'The key could not be encoded with its schema.' }
    } else if (draft.keyFormat !== 'none') {
      const r = encodeField(draft.key, draft.keyFormat)
      if (r.ok) key = r.bytes
      else errors.key = r.error
    }
  }
  let value: Uint8Array | null = new Uint8Array()
  let file: File | null = null
  if (draft.valueFormat === 'null') {
    value = null
    if (!caps.produce?.tombstones)
      errors.value = { message: 'This endpoint cannot send a null value (tombstone).' }
  } else if (draft.valueFormat === 'file') {
    file = draft.file
    if (!file) errors.value = { message: 'Choose a file (an empty file is fine).' }
  } else if (isRegistryFormat(draft.valueFormat)) {
    if (draft.registryBytes) value = draft.registryBytes
    else errors.value = { message: 'The value could not be encoded with its schema.' }
  } else {
    const r = encodeField(draft.value, draft.valueFormat)
    if (r.ok) value = r.bytes
    else errors.value = r.error
  }
  const headers = caps.produce?.headers ? encodeHeaders(draft.headers) : { headers: [], errors: undefined }
  if (headers.errors) errors.headers = headers.errors
  if (errors.key || errors.value || errors.headers) return { ok: false, errors }
  const record: ProduceRecord = { key, value }
  if (headers.headers.length) record.headers = headers.headers
  return { ok: true, record, file }
}

/** Counts the problems (for "Fix 2 problems" and for focusing the first one). */
export function countErrors(errors: RecordDraftErrors): number {
  const headerProblems = Object.values(errors.headers ?? {}).reduce(
    (n, h) => n + (h.name ? 1 : 0) + (h.value ? 1 : 0),
    0,
  )
  return (errors.key ? 1 : 0) + (errors.value ? 1 : 0) + headerProblems
}
