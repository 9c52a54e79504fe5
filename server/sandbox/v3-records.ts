/** v3 produce request parsing: one ProduceRequest object, and splitting a stream of them. */
import { isPlainObject } from './http-kit.ts'
import { decodeBase64 } from './base64.ts'
import type { NewRecord, RecordHeader } from './log-store.ts'

export const RECORD_FIELDS = ['partition_id', 'headers', 'key', 'value', 'timestamp', 'originalSize']
const DATA_FIELDS = [
  'type',
  'data',
  'subject',
  'subject_name_strategy',
  'schema_id',
  'schema_version',
  'schema',
]

/** A record to produce plus the key/value types named in the request (for the delivery report). */
export type V3Record = NewRecord & { keyType?: string; valueType?: string }
type ParsedV3 = { record: V3Record } | { error: string; code: number }

/** Validates one v3 ProduceRequest object; problems become error delivery reports (400). */
export function parseV3Record(value: unknown, allowed: string[]): ParsedV3 {
  if (!isPlainObject(value))
    return { error: 'Bad Request: a produce request must be a JSON object', code: 400 }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      return {
        code: 400,
        error:
          `Unrecognized field "${key}" (class io.confluent.kafkarest.entities.v3.AutoValue_ProduceRequest$Builder), ` +
          'not marked as ignorable (6 known properties: "value", "originalSize", "partitionId", "headers", "key", "timestamp"])',
      }
    }
  }
  const record: V3Record = { key: null, value: null }
  if (value.partition_id !== undefined && value.partition_id !== null) {
    if (
      typeof value.partition_id !== 'number' ||
      !Number.isSafeInteger(value.partition_id) ||
      value.partition_id < 0
    )
      return { error: 'Bad Request: partition_id must be a non-negative integer', code: 400 }
    record.partition = value.partition_id
  }
  if (value.timestamp !== undefined && value.timestamp !== null) {
    const ts = typeof value.timestamp === 'string' ? Date.parse(value.timestamp) : NaN
    if (Number.isNaN(ts)) return { error: `Bad Request: timestamp must be an RFC 3339 date-time`, code: 400 }
    record.timestamp = ts
  }
  if (value.headers !== undefined && value.headers !== null) {
    if (!Array.isArray(value.headers)) return { error: 'Bad Request: headers must be an array', code: 400 }
    const headers: RecordHeader[] = []
    for (const h of value.headers) {
      if (!isPlainObject(h) || typeof h.name !== 'string')
        return { error: 'Bad Request: every header needs a string name', code: 400 }
      if (h.value === undefined || h.value === null) headers.push({ name: h.name, value: null })
      else {
        const decoded = typeof h.value === 'string' ? decodeBase64(h.value) : null
        if (decoded === null)
          return { error: `Bad Request: header ${h.name} value is not a valid base64 string.`, code: 400 }
        headers.push({ name: h.name, value: decoded })
      }
    }
    record.headers = headers
  }
  for (const which of ['key', 'value'] as const) {
    const data = value[which]
    if (data === undefined || data === null) continue
    if (!isPlainObject(data))
      return { error: `Bad Request: ${which} must be an object with type and data`, code: 400 }
    for (const k of Object.keys(data)) {
      if (!DATA_FIELDS.includes(k))
        return { error: `Bad Request: Unrecognized field "${k}" in ${which}`, code: 400 }
    }
    const typeRaw = data.type === undefined || data.type === null ? null : String(data.type).toUpperCase()
    const schemaBased =
      (typeRaw !== null && ['AVRO', 'JSONSCHEMA', 'PROTOBUF'].includes(typeRaw)) ||
      data.schema_id !== undefined ||
      data.schema_version !== undefined ||
      data.schema !== undefined ||
      data.subject !== undefined
    if (schemaBased) {
      return {
        error: `Bad Request: ${which} needs a schema registry, which the sandbox does not have.`,
        code: 400,
      }
    }
    if (typeRaw !== null && !['BINARY', 'JSON', 'STRING'].includes(typeRaw)) {
      return { error: `Bad Request: unknown ${which} type ${String(data.type)}`, code: 400 }
    }
    const type = typeRaw ?? 'BINARY'
    let bytes: Buffer | null = null
    const payload = data.data
    if (payload !== undefined && payload !== null) {
      if (type === 'JSON') bytes = Buffer.from(JSON.stringify(payload), 'utf8')
      else if (type === 'STRING') {
        if (typeof payload !== 'string')
          return { error: `Bad Request: data=${JSON.stringify(payload)} is not a string.`, code: 400 }
        bytes = Buffer.from(payload, 'utf8')
      } else {
        if (typeof payload !== 'string') {
          return { error: `Bad Request: data=${JSON.stringify(payload)} is not a base64 string.`, code: 400 }
        }
        bytes = decodeBase64(payload)
        if (bytes === null)
          return {
            error: `Bad Request: data="${payload.slice(0, 40)}" is not a valid base64 string.`,
            code: 400,
          }
      }
    }
    record[which] = bytes
    if (typeRaw !== null) record[which === 'key' ? 'keyType' : 'valueType'] = typeRaw
  }
  return { record }
}

interface StreamChunk {
  value: unknown
  error: string | null
}

/** Splits a body of concatenated JSON values (Confluent's streamed produce) without a full parser. */
export function* splitJsonStream(text: string): Generator<StreamChunk> {
  let i = 0
  const n = text.length
  while (i < n) {
    while (i < n && /\s/.test(text[i])) i++
    if (i >= n) return
    const start = i
    const open = text[i]
    if (open === '{' || open === '[') {
      let depth = 0
      let inString = false
      for (; i < n; i++) {
        const c = text[i]
        if (inString) {
          if (c === '\\') i++
          else if (c === '"') inString = false
        } else if (c === '"') inString = true
        else if (c === '{' || c === '[') depth++
        else if (c === '}' || c === ']') {
          depth--
          if (depth === 0) {
            i++
            break
          }
        }
      }
      if (depth !== 0) {
        yield { value: null, error: 'Unexpected end-of-input: the JSON object is not complete' }
        return
      }
    } else {
      while (i < n && !/[\s{[]/.test(text[i])) i++
    }
    const chunk = text.slice(start, i)
    try {
      yield { value: JSON.parse(chunk), error: null }
    } catch (err) {
      yield { value: null, error: `Unexpected character in JSON: ${(err as Error).message}` }
      return
    }
  }
}
