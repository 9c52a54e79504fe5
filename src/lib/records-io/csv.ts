/**
 * CSV export of records (RFC 4180): header row, CRLF line ends, fields quoted only when they contain a
 * comma, quote, CR or LF (quotes doubled).
 *
 * Columns: topic, partition, offset, timestamp, key, value, headers.
 * - timestamp: ISO 8601 in the chosen zone (`2026-11-26T18:05:03.123+01:00`, `Z` for UTC); unparseable
 *   timestamps are written as received.
 * - key/value: UTF-8 text when the bytes are valid UTF-8, otherwise `base64:` + base64. Text that itself
 *   starts with "base64:" is also written as base64 so the prefix is never ambiguous. null → empty field;
 *   zero bytes → a quoted empty field (`""`), so a careful reader can tell them apart.
 * - headers: empty when there are none, else JSON `[{"name":"h","value":"text"|"base64:…"|null}]`.
 */

import { bytesToBase64 } from '../bytes/base64.ts'
import { isValidUtf8 } from '../bytes/utf8.ts'
import { formatTimestampIso, toEpochMillis } from '../time/format-timestamp.ts'
import type { TimeZoneChoice } from '../time/format-timestamp.ts'
import type { PortableRecord } from './portable-record.ts'

export interface CsvOptions {
  timeZone: TimeZoneChoice
  /** Prefix a UTF-8 BOM so Excel opens the file as UTF-8. Default false. */
  bom?: boolean
  /**
   * Prefix cells starting with = + - @ (or tab/CR) with `'` so spreadsheets do not run them as formulas
   * (CSV injection). Changes the data, so it is off by default; turn it on for files meant for Excel.
   */
  escapeFormulas?: boolean
}

export const CSV_COLUMNS = ['topic', 'partition', 'offset', 'timestamp', 'key', 'value', 'headers'] as const

export const BASE64_PREFIX = 'base64:'

const utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true })

/** Added after the others when any record has a Schema Registry key or value decoded (exact JSON text). */
export const CSV_DECODED_COLUMNS = ['key_decoded', 'value_decoded'] as const

export function toCsv(records: Iterable<PortableRecord>, options: CsvOptions): string {
  const list = [...records]
  const decoded = list.some((r) => r.keyDecoded !== undefined || r.valueDecoded !== undefined)
  const rows: string[] = [csvHeader(decoded)]
  for (const record of list) rows.push(csvLine(record, options, decoded))
  return (options.bom ? '\ufeff' : '') + rows.join('\r\n') + '\r\n'
}

/** The header row (no line end); `decoded`: with the decoded key and value columns. */
export function csvHeader(decoded: boolean): string {
  return [...CSV_COLUMNS, ...(decoded ? CSV_DECODED_COLUMNS : [])].join(',')
}

/** One record's row (no line end), for files written a slice at a time; `decoded` as in `csvHeader`. */
export function csvLine(record: PortableRecord, options: CsvOptions, decoded: boolean): string {
  const row = csvRow(record, options)
  const escape = options.escapeFormulas ?? false
  return decoded
    ? `${row},${quote(record.keyDecoded ?? '', escape)},${quote(record.valueDecoded ?? '', escape)}`
    : row
}

function csvRow(record: PortableRecord, options: CsvOptions): string {
  const escape = options.escapeFormulas ?? false
  const headers =
    record.headers && record.headers.length > 0
      ? JSON.stringify(record.headers.map((h) => ({ name: h.name, value: bytesCell(h.value) })))
      : ''
  const plain = (text: string) => quote(text, escape)
  return [
    plain(record.topic ?? ''),
    record.partition === undefined ? '' : String(record.partition),
    plain(record.offset ?? ''),
    plain(timestampCell(record.timestamp, options.timeZone)),
    bytesField(record.key, escape),
    bytesField(record.value, escape),
    plain(headers),
  ].join(',')
}

function bytesField(bytes: Uint8Array | null, escape: boolean): string {
  if (bytes === null) return ''
  if (bytes.length === 0) return '""'
  return quote(bytesCell(bytes) ?? '', escape)
}

/** Text for valid UTF-8, else `base64:…`; null stays null (for the headers JSON). */
function bytesCell(bytes: Uint8Array | null): string | null {
  if (bytes === null) return null
  if (isValidUtf8(bytes)) {
    const text = utf8Decoder.decode(bytes)
    if (!text.startsWith(BASE64_PREFIX)) return text
  }
  return BASE64_PREFIX + bytesToBase64(bytes)
}

function timestampCell(ts: string | number | null | undefined, timeZone: TimeZoneChoice): string {
  const ms = toEpochMillis(ts)
  if (ms === null) return ''
  if (Number.isNaN(ms)) return String(ts)
  return formatTimestampIso(ms, timeZone)
}

function quote(cell: string, escapeFormulas: boolean): string {
  let value = cell
  if (escapeFormulas && /^[=+\-@\t\r]/.test(value)) value = `'${value}`
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}
