/**
 * The quick filter over a loaded window: a record matches when its key, its value or any header name or value
 * contains the text. Matching works on the UTF-8 bytes (no decoding to strings, no U+FFFD surprises), and is
 * case-insensitive for ASCII letters only — exact for everything else.
 */
import type { KafkaRecord } from '../../api/types.ts'
import { encodeUtf8 } from '../bytes/utf8.ts'
import type { DecodedWindow } from './decoded-window.ts'

const lower = (b: number) => (b >= 0x41 && b <= 0x5a ? b | 0x20 : b)

/** Index of `needle` (already lower-cased) in `haystack`, ASCII case-insensitively, or -1. */
export function indexOfFolded(haystack: Uint8Array, needle: Uint8Array): number {
  const n = needle.length
  if (n === 0) return 0
  const first = needle[0]
  const last = haystack.length - n
  outer: for (let i = 0; i <= last; i++) {
    if (lower(haystack[i]) !== first) continue
    for (let k = 1; k < n; k++) if (lower(haystack[i + k]) !== needle[k]) continue outer
    return i
  }
  return -1
}

export type RecordMatcher = (record: KafkaRecord) => boolean

/** ASCII-only lower case, as the byte matching folds. */
const foldAscii = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase())

/**
 * A matcher for `query`, or null when the query is empty (everything matches). With `decoded`, a Schema
 * Registry key or value also matches by its decoded JSON text.
 */
export function recordMatcher(query: string, decoded?: DecodedWindow): RecordMatcher | null {
  if (query === '') return null
  const needle = encodeUtf8(query).map(lower)
  const has = (bytes: Uint8Array | null) => bytes !== null && indexOfFolded(bytes, needle) >= 0
  const nameNeedle = query.toLowerCase()
  const textNeedle = foldAscii(query)
  const hasText = (text: string | undefined) => text !== undefined && foldAscii(text).includes(textNeedle)
  return (record) => {
    const d = decoded?.get(record)
    return (
      has(record.key) ||
      has(record.value) ||
      (d !== undefined && (hasText(d.key) || hasText(d.value))) ||
      (record.headers?.some((h) => h.name.toLowerCase().includes(nameNeedle) || has(h.value)) ?? false)
    )
  }
}

export function filterRecords(records: KafkaRecord[], query: string, decoded?: DecodedWindow): KafkaRecord[] {
  const match = recordMatcher(query, decoded)
  return match ? records.filter(match) : records
}
