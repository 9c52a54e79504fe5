/**
 * NDJSON import/export of records: one JSON object per line.
 *
 * Export (always `"encoding": "base64"`, lossless for any bytes; Schema Registry records may add `keyDecoded` /
 * `valueDecoded`, the decoded JSON, which import ignores):
 *   {"topic":"t","partition":0,"offset":"42","timestamp":"2026-11-26T17:05:03.123Z","key":"azE=","value":null,
 *    "headers":[{"name":"h","value":"dg=="}],"encoding":"base64"}
 * Field order is fixed; absent optional fields are omitted; offsets are strings; numeric timestamps are
 * written as ISO-8601 UTC (Kafka's -1 "no timestamp" as null).
 *
 * Import accepts `"encoding"`:
 * - "base64": key, value and header values are base64 strings (URL-safe and unpadded accepted).
 * - "utf8" (the default when `encoding` is missing, for hand-written files): they are plain text.
 * - "json": `value` is any JSON value, stored as its compact serialisation with numbers kept exactly as
 *   written; the key and header values are text (a non-string key is serialised as JSON).
 * In every encoding `null` means "no key/value" (a tombstone for `value`); to produce the JSON text
 * `null`, use "utf8" with "null". `value` is required (write `"value": null` for a tombstone); `key`,
 * `topic`, `partition`, `offset`, `timestamp` and `headers` are optional; unknown fields are ignored.
 */

import { parseBase64, bytesToBase64 } from '../bytes/base64.ts'
import { encodeUtf8, findLoneSurrogates } from '../bytes/utf8.ts'
import { parseJsonLossless, stringifyJsonLossless } from '../json/json-lossless.ts'
import { formatTimestampIso, toEpochMillis } from '../time/format-timestamp.ts'
import type { PortableHeader, PortableRecord } from './portable-record.ts'

export type NdjsonEncoding = 'base64' | 'utf8' | 'json'

export type NdjsonLineResult =
  { line: number; record: PortableRecord } | { line: number; error: string; field?: string }

const ENCODINGS: readonly NdjsonEncoding[] = ['base64', 'utf8', 'json']

/** One record as an NDJSON line (no trailing newline). */
export function toNdjsonLine(record: PortableRecord): string {
  const out: Record<string, unknown> = {}
  if (record.topic !== undefined) out.topic = record.topic
  if (record.partition !== undefined) out.partition = record.partition
  if (record.offset !== undefined) out.offset = record.offset
  if (record.timestamp !== undefined) out.timestamp = exportTimestamp(record.timestamp)
  out.key = record.key === null ? null : bytesToBase64(record.key)
  out.value = record.value === null ? null : bytesToBase64(record.value)
  if (record.headers !== undefined) {
    out.headers = record.headers.map((h) => ({
      name: h.name,
      value: h.value === null ? null : bytesToBase64(h.value),
    }))
  }
  out.encoding = 'base64'
  const line = JSON.stringify(out)
  // Decoded registry values are exact JSON text (longs beyond 2^53 included): spliced in, never re-serialised.
  const extra =
    (record.keyDecoded !== undefined ? `,"keyDecoded":${record.keyDecoded}` : '') +
    (record.valueDecoded !== undefined ? `,"valueDecoded":${record.valueDecoded}` : '')
  return extra ? `${line.slice(0, -1)}${extra}}` : line
}

/** All records, one line each, every line ending in "\n". */
export function toNdjson(records: Iterable<PortableRecord>): string {
  const lines: string[] = []
  for (const record of records) lines.push(toNdjsonLine(record))
  return lines.length === 0 ? '' : lines.join('\n') + '\n'
}

function exportTimestamp(ts: string | number | null): string | null {
  if (typeof ts !== 'number') return ts
  const ms = toEpochMillis(ts)
  return ms === null || Number.isNaN(ms) ? null : formatTimestampIso(ms, 'UTC')
}

/**
 * Parses NDJSON into one result per non-blank line (1-based line numbers), so the UI can import the good
 * lines and list the bad ones. CRLF line ends and a leading BOM are accepted.
 */
export function parseNdjson(text: string): NdjsonLineResult[] {
  const results: NdjsonLineResult[] = []
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  let start = 0
  let lineNumber = 0
  while (start <= body.length) {
    let end = body.indexOf('\n', start)
    if (end < 0) end = body.length
    lineNumber++
    const result = parseNdjsonLine(body.slice(start, end), lineNumber)
    if (result) results.push(result)
    start = end + 1
  }
  return results
}

class LineError extends Error {
  readonly field: string | undefined
  constructor(message: string, field?: string) {
    super(message)
    this.field = field
  }
}

/** Parses one line; null for blank lines. */
export function parseNdjsonLine(text: string, line: number): NdjsonLineResult | null {
  const source = text.endsWith('\r') ? text.slice(0, -1) : text
  if (source.trim() === '') return null
  try {
    return { line, record: parseRecord(source) }
  } catch (error) {
    if (error instanceof LineError) {
      return {
        line,
        error: `Line ${line}${error.field ? `, "${error.field}"` : ''}: ${error.message}`,
        field: error.field,
      }
    }
    return { line, error: `Line ${line}: ${error instanceof Error ? error.message : String(error)}` }
  }
}

function parseRecord(source: string): PortableRecord {
  let obj: Record<string, unknown>
  try {
    obj = JSON.parse(source) as Record<string, unknown>
  } catch {
    // Re-parse for a precise, user-facing error (JSON.parse messages differ between browsers).
    try {
      parseJsonLossless(source)
    } catch (error) {
      throw new LineError(`not valid JSON: ${error instanceof Error ? error.message : String(error)}`)
    }
    throw new LineError('not valid JSON')
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    throw new LineError('expected a JSON object like {"key": …, "value": …, "encoding": "base64"}')
  }

  const encodingField = obj.encoding ?? 'utf8'
  if (typeof encodingField !== 'string' || !ENCODINGS.includes(encodingField as NdjsonEncoding)) {
    throw new LineError(
      `must be "base64", "utf8" or "json", got ${JSON.stringify(encodingField)}`,
      'encoding',
    )
  }
  const encoding = encodingField as NdjsonEncoding

  // JSON.parse rounds integers beyond 2^53 and would change JSON values; re-parse losslessly when it matters.
  const needsLossless =
    encoding === 'json' || (typeof obj.offset === 'number' && !Number.isSafeInteger(obj.offset))
  const exact = needsLossless ? (parseJsonLossless(source) as Record<string, unknown>) : obj

  const record: PortableRecord = { key: null, value: null }
  if (obj.topic !== undefined && obj.topic !== null) {
    if (typeof obj.topic !== 'string') throw new LineError('must be a string', 'topic')
    record.topic = obj.topic
  }
  if (obj.partition !== undefined && obj.partition !== null) {
    if (
      typeof obj.partition !== 'number' ||
      !Number.isInteger(obj.partition) ||
      obj.partition < 0 ||
      obj.partition > 0x7fffffff
    ) {
      throw new LineError(`must be a non-negative integer, got ${JSON.stringify(obj.partition)}`, 'partition')
    }
    record.partition = obj.partition
  }
  if (obj.offset !== undefined && obj.offset !== null) record.offset = parseOffset(exact.offset)
  if ('timestamp' in obj) record.timestamp = parseTimestamp(obj.timestamp)

  if ('key' in obj)
    record.key = decodeField(
      encoding === 'json' ? jsonKey(exact.key) : obj.key,
      encoding === 'json' ? 'utf8' : encoding,
      'key',
    )
  if (!('value' in obj)) throw new LineError('is missing (write "value": null for a tombstone)', 'value')
  record.value = encoding === 'json' ? jsonValue(exact.value) : decodeField(obj.value, encoding, 'value')

  if (obj.headers !== undefined && obj.headers !== null) {
    if (!Array.isArray(obj.headers))
      throw new LineError('must be an array of {"name": …, "value": …}', 'headers')
    record.headers = obj.headers.map((h: unknown, i: number): PortableHeader => {
      const field = `headers[${i}]`
      if (typeof h !== 'object' || h === null || Array.isArray(h))
        throw new LineError('must be {"name": …, "value": …}', field)
      const { name, value = null } = h as { name?: unknown; value?: unknown }
      if (typeof name !== 'string') throw new LineError('"name" must be a string', field)
      return { name, value: decodeField(value, encoding === 'json' ? 'utf8' : encoding, `${field}.value`) }
    })
  }
  return record
}

function parseOffset(raw: unknown): string {
  const text =
    typeof raw === 'string'
      ? raw.trim()
      : raw !== null && typeof raw === 'object'
        ? String(raw)
        : typeof raw === 'number'
          ? String(raw)
          : ''
  if (!/^\d+$/.test(text))
    throw new LineError(`must be a non-negative integer (as a string), got ${JSON.stringify(raw)}`, 'offset')
  return BigInt(text).toString() // canonical: no leading zeros
}

function parseTimestamp(raw: unknown): string | number | null {
  if (raw === null) return null
  if (typeof raw === 'number') {
    const ms = toEpochMillis(raw)
    if (ms !== null && Number.isNaN(ms))
      throw new LineError(`is not a valid epoch-milliseconds value: ${raw}`, 'timestamp')
    return raw
  }
  if (typeof raw === 'string') {
    if (Number.isNaN(toEpochMillis(raw))) {
      throw new LineError(
        `"${raw}" is not epoch milliseconds or an ISO-8601 date with a zone (e.g. 2026-11-26T17:05:03.123Z)`,
        'timestamp',
      )
    }
    return raw
  }
  throw new LineError('must be a string, a number or null', 'timestamp')
}

function decodeField(raw: unknown, encoding: 'base64' | 'utf8', field: string): Uint8Array | null {
  if (raw === null || raw === undefined) return null
  if (typeof raw !== 'string') {
    throw new LineError(
      encoding === 'utf8' && field === 'value'
        ? 'must be a string or null with "encoding": "utf8"; for JSON values use "encoding": "json"'
        : `must be a ${encoding === 'base64' ? 'base64 ' : ''}string or null`,
      field,
    )
  }
  if (encoding === 'base64') {
    const parsed = parseBase64(raw)
    if (!parsed.ok) throw new LineError(`is not valid base64: ${parsed.error.message}`, field)
    return parsed.bytes
  }
  const lone = findLoneSurrogates(raw, 1)
  if (lone.length > 0) {
    const hex = lone[0].codeUnit.toString(16)
    throw new LineError(
      `contains a lone surrogate \\u${hex} at index ${lone[0].index}, which UTF-8 cannot encode`,
      field,
    )
  }
  return encodeUtf8(raw)
}

function jsonKey(raw: unknown): unknown {
  // Text keys stay text; other JSON keys (numbers, objects) are stored as their JSON serialisation.
  return raw === null || raw === undefined || typeof raw === 'string' ? raw : stringifyJsonLossless(raw)
}

function jsonValue(raw: unknown): Uint8Array | null {
  if (raw === null) return null
  if (raw === undefined) throw new LineError('is missing (write "value": null for a tombstone)', 'value')
  return encodeUtf8(stringifyJsonLossless(raw))
}
