/**
 * UTF-8 text for the detail view, with nothing hidden: invalid bytes become marked `\xNN` pieces (never a
 * silent U+FFFD), and characters that are invisible or reorder text (C0/C1 controls other than tab and line
 * breaks, bidi overrides, zero-width characters, BOM) become visible markers. Long values are cut at a
 * character boundary and at a number of pieces, so a forced text view of random binary stays renderable.
 *
 * Joining the pieces back (text as UTF-8, `bytes` of the others) gives exactly the shown bytes.
 */
import { byteToHex } from '../bytes/hex.ts'
import { decodeUtf8Marked } from '../bytes/utf8.ts'
import { codePointLabel } from '../bytes/describe-char.ts'

export type TextPiece =
  | { kind: 'text'; text: string }
  /** Bytes that are not valid UTF-8; `label` is `\xff\xfe`. */
  | { kind: 'invalid'; offset: number; bytes: Uint8Array; label: string }
  /** One invisible or reordering character; `label` is what to show (NUL, ESC, U+202E), `title` names it. */
  | { kind: 'special'; offset: number; text: string; label: string; title: string }

export interface TextView {
  pieces: TextPiece[]
  /** Bytes covered by `pieces`. */
  shownBytes: number
  totalBytes: number
  truncated: boolean
  invalidRuns: number
}

export const DEFAULT_TEXT_VIEW_BYTES = 256 * 1024
export const MAX_TEXT_PIECES = 5000

/** ASCII names of the C0 controls (index = code) and DEL: shown as labels, since Control Pictures glyphs
 * (U+2400…) are missing from many monospace fonts. */
const C0_NAMES = [
  'NUL',
  'SOH',
  'STX',
  'ETX',
  'EOT',
  'ENQ',
  'ACK',
  'BEL',
  'BS',
  'HT',
  'LF',
  'VT',
  'FF',
  'CR',
  'SO',
  'SI',
  'DLE',
  'DC1',
  'DC2',
  'DC3',
  'DC4',
  'NAK',
  'SYN',
  'ETB',
  'CAN',
  'EM',
  'SUB',
  'ESC',
  'FS',
  'GS',
  'RS',
  'US',
]

function controlName(cp: number): string | undefined {
  return cp < 0x20 ? C0_NAMES[cp] : cp === 0x7f ? 'DEL' : undefined
}

function isSpecial(cp: number): boolean {
  if (cp === 0x09 || cp === 0x0a || cp === 0x0d) return false
  return (
    cp < 0x20 ||
    (cp >= 0x7f && cp <= 0x9f) ||
    cp === 0x061c ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2069) ||
    cp === 0xfeff
  )
}

export function specialLabel(cp: number): string {
  return controlName(cp) ?? codePointLabel(cp)
}

export function specialTitle(cp: number): string {
  const name = controlName(cp)
  if (cp >= 0x202a && cp <= 0x202e) return `${codePointLabel(cp)} bidirectional override (can reorder text)`
  if (cp >= 0x2066 && cp <= 0x2069) return `${codePointLabel(cp)} bidirectional isolate (can reorder text)`
  if (cp === 0xfeff) return `${codePointLabel(cp)} byte order mark / zero-width no-break space`
  if (cp >= 0x200b && cp <= 0x200d) return `${codePointLabel(cp)} zero-width character`
  return `${codePointLabel(cp)}${name ? ` ${name}` : ''} control character`
}

/** Cut point at or before `limit` that does not split a UTF-8 sequence. */
function boundary(bytes: Uint8Array, limit: number): number {
  if (limit >= bytes.length) return bytes.length
  let e = limit
  while (e > 0 && limit - e < 3 && (bytes[e] & 0xc0) === 0x80) e--
  return e
}

const encoder = new TextEncoder()

export function textView(
  bytes: Uint8Array,
  maxBytes = DEFAULT_TEXT_VIEW_BYTES,
  maxPieces = MAX_TEXT_PIECES,
): TextView {
  const cut = boundary(bytes, Math.max(0, maxBytes))
  const pieces: TextPiece[] = []
  let invalidRuns = 0
  let shown = 0
  let full = false
  const push = (piece: TextPiece, size: number) => {
    pieces.push(piece)
    shown += size
    if (pieces.length >= maxPieces) full = true
  }
  for (const seg of decodeUtf8Marked(bytes.subarray(0, cut))) {
    if (full) break
    if (seg.kind === 'invalid') {
      invalidRuns++
      const label = Array.from(seg.bytes, (b) => `\\x${byteToHex(b)}`).join('')
      push({ kind: 'invalid', offset: seg.offset, bytes: seg.bytes, label }, seg.bytes.length)
      continue
    }
    // Split the text around special characters; runs of plain text stay one piece.
    const text = seg.text
    let runStart = 0
    let byteOffset = seg.offset
    let runBytes = 0
    for (let i = 0; i < text.length && !full;) {
      const cp = text.codePointAt(i) ?? 0
      const width = cp > 0xffff ? 2 : 1
      const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
      if (isSpecial(cp)) {
        if (i > runStart) push({ kind: 'text', text: text.slice(runStart, i) }, runBytes)
        if (full) break
        const ch = text.slice(i, i + width)
        push(
          {
            kind: 'special',
            offset: byteOffset + runBytes,
            text: ch,
            label: specialLabel(cp),
            title: specialTitle(cp),
          },
          size,
        )
        byteOffset += runBytes + size
        runBytes = 0
        runStart = i + width
      } else {
        runBytes += size
      }
      i += width
    }
    if (!full && runStart < text.length) push({ kind: 'text', text: text.slice(runStart) }, runBytes)
  }
  return { pieces, shownBytes: shown, totalBytes: bytes.length, truncated: shown < bytes.length, invalidRuns }
}

/** The bytes the pieces stand for (for tests: joining them gives the input prefix back). */
export function textViewBytes(view: TextView): Uint8Array {
  const parts = view.pieces.map((p) =>
    p.kind === 'invalid' ? p.bytes : encoder.encode(p.kind === 'text' ? p.text : p.text),
  )
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.length
  }
  return out
}
