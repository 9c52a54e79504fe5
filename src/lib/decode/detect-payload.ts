/**
 * Guesses what a Kafka key/value holds so the browser can pick a sensible default view. Cheap checks first
 * (magic bytes), then UTF-8 and JSON validation over at most `maxScanBytes`. Never throws.
 *
 * Decisions:
 * - SVG is reported as text/XML (`kind: 'svg'`, decoder 'text'), never as a renderable image: it can carry
 *   scripts and external references.
 * - Only objects and arrays suggest the JSON view; a bare scalar (`42`, `"x"`, `true`) is shown as text
 *   with `json.kind` set, since a text payload "42" is not meaningfully "JSON".
 * - Compressed/archive/document containers (gzip, zstd, snappy, zip, PDF) suggest 'base64' (to copy or
 *   save them); unknown binary suggests 'hex' (to inspect Avro/Protobuf/etc. byte by byte).
 * - Confluent Schema Registry framing (magic byte 0 + 4-byte big-endian schema id > 0) is a heuristic: any
 *   binary value starting 00 with a plausible id matches, so it is phrased as "looks like" in notes.
 */

import { parseBase64 } from '../bytes/base64.ts'
import { firstInvalidUtf8Offset } from '../bytes/utf8.ts'
import { inspectJson } from '../json/json-text.ts'
import type { JsonValueKind } from '../json/json-text.ts'

export type PayloadDecoder = 'json' | 'text' | 'hex' | 'image' | 'base64'

export type PayloadKind =
  | 'empty'
  | 'json'
  | 'text'
  | 'xml'
  | 'html'
  | 'svg'
  | 'image'
  | 'gzip'
  | 'zstd'
  | 'snappy'
  | 'zip'
  | 'pdf'
  | 'schema-registry'
  | 'binary'

export interface PayloadDetection {
  kind: PayloadKind
  /** Short human label, e.g. "PNG image", "JSON object", "UTF-8 text". */
  label: string
  decoder: PayloadDecoder
  mime: string
  notes: string[]
  /** Set when the text is also a complete JSON value (including scalars shown as text). */
  json?: { kind: JsonValueKind }
  /** Confluent wire format: the schema id and where the serialized payload starts; `inner` describes that payload. */
  schemaRegistry?: { schemaId: number; payloadOffset: 5; inner: PayloadDetection }
}

export interface DetectOptions {
  /** Bytes validated as UTF-8/JSON; beyond this only a prefix is checked (noted). Default 8 MiB. */
  maxScanBytes?: number
}

export const DEFAULT_MAX_SCAN_BYTES = 8 * 1024 * 1024

export function detectPayload(bytes: Uint8Array, options: DetectOptions = {}): PayloadDetection {
  try {
    return detect(bytes, options.maxScanBytes ?? DEFAULT_MAX_SCAN_BYTES, true)
  } catch (error) {
    // Defensive: detection must never break the message list.
    return binary([
      'Could not analyse this value: ' + (error instanceof Error ? error.message : String(error)),
    ])
  }
}

function startsWith(b: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (b.length < at + magic.length) return false
  for (let k = 0; k < magic.length; k++) if (b[at + k] !== magic[k]) return false
  return true
}

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0))

interface Magic {
  magic: readonly number[]
  at?: number
  also?: { magic: readonly number[]; at: number }
  kind: PayloadKind
  label: string
  mime: string
  decoder: PayloadDecoder
}

const MAGICS: readonly Magic[] = [
  {
    magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    kind: 'image',
    label: 'PNG image',
    mime: 'image/png',
    decoder: 'image',
  },
  { magic: [0xff, 0xd8, 0xff], kind: 'image', label: 'JPEG image', mime: 'image/jpeg', decoder: 'image' },
  { magic: ascii('GIF87a'), kind: 'image', label: 'GIF image', mime: 'image/gif', decoder: 'image' },
  { magic: ascii('GIF89a'), kind: 'image', label: 'GIF image', mime: 'image/gif', decoder: 'image' },
  {
    magic: ascii('RIFF'),
    also: { magic: ascii('WEBP'), at: 8 },
    kind: 'image',
    label: 'WebP image',
    mime: 'image/webp',
    decoder: 'image',
  },
  {
    magic: [0x1f, 0x8b],
    kind: 'gzip',
    label: 'gzip-compressed data',
    mime: 'application/gzip',
    decoder: 'base64',
  },
  {
    magic: [0x28, 0xb5, 0x2f, 0xfd],
    kind: 'zstd',
    label: 'Zstandard-compressed data',
    mime: 'application/zstd',
    decoder: 'base64',
  },
  {
    magic: [0xff, 0x06, 0x00, 0x00, ...ascii('sNaPpY')],
    kind: 'snappy',
    label: 'Snappy (framed) data',
    mime: 'application/x-snappy-framed',
    decoder: 'base64',
  },
  {
    magic: [0x50, 0x4b, 0x03, 0x04],
    kind: 'zip',
    label: 'ZIP archive',
    mime: 'application/zip',
    decoder: 'base64',
  },
  {
    magic: [0x50, 0x4b, 0x05, 0x06],
    kind: 'zip',
    label: 'ZIP archive (empty)',
    mime: 'application/zip',
    decoder: 'base64',
  },
  { magic: ascii('%PDF-'), kind: 'pdf', label: 'PDF document', mime: 'application/pdf', decoder: 'base64' },
]

function detect(bytes: Uint8Array, maxScanBytes: number, allowNested: boolean): PayloadDetection {
  if (bytes.length === 0) {
    return {
      kind: 'empty',
      label: 'Empty',
      decoder: 'text',
      mime: 'application/octet-stream',
      notes: ['Empty value (0 bytes)'],
    }
  }

  for (const m of MAGICS) {
    if (startsWith(bytes, m.magic, m.at) && (!m.also || startsWith(bytes, m.also.magic, m.also.at))) {
      const notes = m.decoder === 'base64' ? [`${m.label}: shown as base64 so it can be copied or saved`] : []
      return { kind: m.kind, label: m.label, decoder: m.decoder, mime: m.mime, notes }
    }
  }

  if (allowNested && bytes.length >= 5 && bytes[0] === 0) {
    const schemaId = ((bytes[1] << 24) >>> 0) + (bytes[2] << 16) + (bytes[3] << 8) + bytes[4]
    if (schemaId > 0 && schemaId <= 0x7fffffff) {
      const inner = detect(bytes.subarray(5), maxScanBytes, false)
      const innerJson = inner.kind === 'json'
      return {
        kind: 'schema-registry',
        label: innerJson ? 'Schema Registry framed JSON' : 'Schema Registry framed data',
        decoder: innerJson ? 'json' : 'hex',
        mime: 'application/octet-stream',
        notes: [
          `Looks like Confluent Schema Registry framing: magic byte 0, schema id ${schemaId}; payload starts at byte 5`,
          innerJson
            ? 'The payload is JSON (JSON Schema serializer)'
            : `The ${bytes.length - 5}-byte payload (Avro/Protobuf) needs schema ${schemaId} to decode; showing hex`,
        ],
        schemaRegistry: { schemaId, payloadOffset: 5, inner },
      }
    }
  }

  return detectText(bytes, maxScanBytes, allowNested)
}

function detectText(bytes: Uint8Array, maxScanBytes: number, allowNested: boolean): PayloadDetection {
  const truncated = bytes.length > maxScanBytes
  const scanned = truncated ? bytes.subarray(0, charBoundary(bytes, maxScanBytes)) : bytes
  const notes: string[] = []
  if (truncated)
    notes.push(`Large value: only the first ${scanned.length} of ${bytes.length} bytes were checked`)

  const bad = firstInvalidUtf8Offset(scanned)
  if (bad >= 0) return binary([...notes, `Not valid UTF-8 (first invalid byte at offset ${bad})`])

  const controls = countControlCharacters(scanned)
  if (controls > 0 && controls * 20 > scanned.length) {
    return binary([...notes, `Valid UTF-8 but ${controls} control characters: treated as binary`])
  }
  if (controls > 0) notes.push(`Contains ${controls} control character${controls === 1 ? '' : 's'}`)

  let start = 0
  if (startsWith(scanned, [0xef, 0xbb, 0xbf])) {
    notes.push('Starts with a UTF-8 byte order mark (BOM)')
    start = 3
  }
  while (start < scanned.length && isJsonWs(scanned[start])) start++
  const first = scanned[start]

  if (first === 0x7b || first === 0x5b) {
    if (truncated) {
      return {
        kind: 'json',
        label: first === 0x7b ? 'JSON object' : 'JSON array',
        decoder: 'json',
        mime: 'application/json',
        notes: [...notes, 'Starts like JSON; not validated because of its size'],
      }
    }
    const inspected = inspectJson(bytes)
    if (inspected.ok) {
      const kind = inspected.summary.kind
      return {
        kind: 'json',
        label: kind === 'object' ? 'JSON object' : 'JSON array',
        decoder: 'json',
        mime: 'application/json',
        notes,
        json: { kind },
      }
    }
    notes.push(`Looks like JSON but is not valid: ${inspected.error.message}`)
    return text(notes)
  }

  if (first === 0x3c) return detectMarkup(scanned, start, notes)

  let json: { kind: JsonValueKind } | undefined
  if (
    !truncated &&
    (first === 0x22 ||
      first === 0x2d ||
      (first >= 0x30 && first <= 0x39) ||
      first === 0x74 ||
      first === 0x66 ||
      first === 0x6e)
  ) {
    const inspected = inspectJson(bytes)
    if (inspected.ok) {
      json = { kind: inspected.summary.kind }
      notes.push(`Also a valid JSON ${json.kind}`)
    }
  }
  if (allowNested && !json) {
    const nested = describeBase64Text(scanned, maxScanBytes)
    if (nested) notes.push(nested)
  }
  return { ...text(notes), ...(json ? { json } : {}) }
}

function detectMarkup(b: Uint8Array, start: number, notes: string[]): PayloadDetection {
  // Look only at the head: the root element follows the XML declaration, doctype and comments.
  const head = new TextDecoder().decode(b.subarray(start, start + 4096)).toLowerCase()
  if (/<svg[\s>/]/.test(head)) {
    return {
      kind: 'svg',
      label: 'SVG (XML)',
      decoder: 'text',
      mime: 'image/svg+xml',
      notes: [...notes, 'SVG is shown as text and never rendered: it can contain scripts and external links'],
    }
  }
  if (/^<!doctype html|^<html[\s>]/.test(head)) {
    return { kind: 'html', label: 'HTML', decoder: 'text', mime: 'text/html', notes }
  }
  if (/^<\?xml[\s?]|^<[a-z_][\w.:-]*[\s>/]|^<!--|^<!doctype/.test(head)) {
    return { kind: 'xml', label: 'XML', decoder: 'text', mime: 'application/xml', notes }
  }
  return text(notes)
}

/** A note when printable text is itself base64 of something recognisable (one level deep). */
function describeBase64Text(b: Uint8Array, maxScanBytes: number): string | null {
  if (b.length < 16) return null
  for (let i = 0; i < b.length; i++) {
    const c = b[i]
    const ok =
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0x61 && c <= 0x7a) ||
      (c >= 0x30 && c <= 0x39) ||
      c === 0x2b ||
      c === 0x2f ||
      c === 0x3d ||
      c === 0x2d ||
      c === 0x5f ||
      c === 0x0a ||
      c === 0x0d
    if (!ok) return null
  }
  const parsed = parseBase64(new TextDecoder().decode(b))
  if (!parsed.ok || parsed.bytes.length === 0) return null
  const inner = detect(parsed.bytes, maxScanBytes, false)
  // Plain words like "HelloWorldThisIsText" are valid base64 of junk; only mention recognisable content.
  if (inner.kind === 'binary' || inner.kind === 'text') return null
  return `Text looks like base64${parsed.urlSafe ? 'url' : ''} of ${inner.label} (${parsed.bytes.length} bytes)`
}

function text(notes: string[]): PayloadDetection {
  return { kind: 'text', label: 'UTF-8 text', decoder: 'text', mime: 'text/plain; charset=utf-8', notes }
}

function binary(notes: string[]): PayloadDetection {
  return { kind: 'binary', label: 'Binary', decoder: 'hex', mime: 'application/octet-stream', notes }
}

function isJsonWs(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09
}

/** C0 controls other than tab, LF, VT, FF, CR and ESC (used by terminal colour codes), plus DEL. */
function countControlCharacters(b: Uint8Array): number {
  let count = 0
  for (let i = 0; i < b.length; i++) {
    const c = b[i]
    if ((c < 0x20 && !(c >= 0x09 && c <= 0x0d) && c !== 0x1b) || c === 0x7f) count++
  }
  return count
}

/** Moves a cut point back so it does not split a UTF-8 sequence. */
function charBoundary(b: Uint8Array, end: number): number {
  let e = end
  while (e > 0 && end - e < 3 && (b[e] & 0xc0) === 0x80) e--
  return e
}
