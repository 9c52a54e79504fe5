/**
 * The list row's one-line preview of a key or value, from a prefix of its bytes only (the list never decodes
 * whole values). Text when the prefix is UTF-8 text, a hex preview otherwise, and a label for recognised
 * containers (images, gzip, Schema Registry framing).
 */
import { detectPayload } from './detect-payload.ts'
import { previewHex, previewText } from './preview.ts'

export type RowPreviewKind = 'null' | 'empty' | 'text' | 'binary'

export interface RowPreview {
  kind: RowPreviewKind
  /** A label for recognised formats, e.g. "PNG image" or "schema 42". */
  label?: string
  text: string
}

/** Bytes a row looks at: enough for 120 characters of mostly-ASCII text. */
export const ROW_PREFIX_BYTES = 256

const LABELLED = new Set(['image', 'gzip', 'zstd', 'snappy', 'zip', 'pdf'])

/** Drops an incomplete UTF-8 sequence cut off at the end of a truncated prefix. */
function trimCutSequence(prefix: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, prefix.length); back++) {
    const b = prefix[prefix.length - back]
    if ((b & 0xc0) === 0x80) continue // continuation byte: keep looking for the lead
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2
      return need > back ? prefix.subarray(0, prefix.length - back) : prefix
    }
    return prefix
  }
  return prefix
}

export function rowPreview(prefix: Uint8Array | null, totalSize: number, maxChars = 120): RowPreview {
  if (prefix === null) return { kind: 'null', text: 'null' }
  if (totalSize === 0 || prefix.length === 0) return { kind: 'empty', text: '(empty)' }
  const truncated = prefix.length < totalSize
  const head = truncated ? trimCutSequence(prefix) : prefix
  const d = detectPayload(head)
  if (LABELLED.has(d.kind)) return { kind: 'binary', label: d.label, text: previewHex(prefix, 24) }
  if (d.kind === 'schema-registry' && d.schemaRegistry) {
    const inner = prefix.subarray(5)
    const innerText = d.schemaRegistry.inner.kind !== 'binary'
    return {
      kind: innerText ? 'text' : 'binary',
      label: `schema ${d.schemaRegistry.schemaId}`,
      text: innerText ? ellipsis(previewText(inner, maxChars), truncated) : previewHex(inner, 24),
    }
  }
  if (d.kind === 'binary')
    return { kind: 'binary', text: previewHex(prefix, 32) + (truncated && prefix.length <= 32 ? ' …' : '') }
  return { kind: 'text', text: ellipsis(previewText(head, maxChars), truncated) }
}

function ellipsis(text: string, truncated: boolean): string {
  return truncated && !text.endsWith('…') ? `${text}…` : text
}

const FORMAT_LABELS: Record<string, string> = { AVRO: 'Avro', PROTOBUF: 'Protobuf', JSON: 'JSON Schema' }

/** The row preview of a Schema Registry key or value decoded to JSON text (only rows in view are decoded). */
export function decodedRowPreview(json: string, format: string, maxChars = 120): RowPreview {
  const cut = json.length > maxChars
  return {
    kind: 'text',
    label: FORMAT_LABELS[format] ?? format,
    text: cut ? `${json.slice(0, maxChars)}…` : json,
  }
}
