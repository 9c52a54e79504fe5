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

/**
 * C0/C1 controls other than tab and line breaks, the Arabic letter mark, zero-width characters and marks,
 * bidi embeddings/overrides/isolates, word joiner and friends, BOM. All are in the BMP (one UTF-16 unit).
 */
const SPECIAL = new RegExp(
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  '[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u061c\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2069\\ufeff]',
  'g',
)

/** UTF-8 length of `text[from, to)` (well-formed text: surrogates come in pairs). */
function utf8Length(text: string, from: number, to: number): number {
  let n = 0
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4
      i++
    } else n += 3
  }
  return n
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
  const segments = decodeUtf8Marked(bytes.subarray(0, cut))
  for (let k = 0; k < segments.length; k++) {
    const seg = segments[k]
    if (full) break
    if (seg.kind === 'invalid') {
      invalidRuns++
      const label = Array.from(seg.bytes, (b) => `\\x${byteToHex(b)}`).join('')
      push({ kind: 'invalid', offset: seg.offset, bytes: seg.bytes, label }, seg.bytes.length)
      continue
    }
    // Split the text around special characters; runs of plain text stay one piece. A regex finds them: the
    // per-character loop it replaces took ~200 ms over a 5 MB value ("Show all").
    const text = seg.text
    SPECIAL.lastIndex = 0
    if (!SPECIAL.test(text)) {
      // Nothing to mark (the usual case): one piece, its size known from where the next segment starts.
      push({ kind: 'text', text }, (segments[k + 1]?.offset ?? cut) - seg.offset)
      continue
    }
    let runStart = 0
    let byteOffset = seg.offset
    SPECIAL.lastIndex = 0
    for (let m = SPECIAL.exec(text); m !== null && !full; m = SPECIAL.exec(text)) {
      const i = m.index
      const cp = text.charCodeAt(i)
      const runBytes = utf8Length(text, runStart, i)
      if (i > runStart) push({ kind: 'text', text: text.slice(runStart, i) }, runBytes)
      if (full) break
      const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3
      push(
        {
          kind: 'special',
          offset: byteOffset + runBytes,
          text: text[i],
          label: specialLabel(cp),
          title: specialTitle(cp),
        },
        size,
      )
      byteOffset += runBytes + size
      runStart = i + 1
    }
    if (!full && runStart < text.length)
      push({ kind: 'text', text: text.slice(runStart) }, utf8Length(text, runStart, text.length))
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
