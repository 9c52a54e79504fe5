/**
 * UTF-8 helpers that never hide data: invalid input is reported or marked, not silently replaced.
 * Validation follows Unicode Table 3-7 (no overlongs, no surrogates ED A0..BF, nothing above U+10FFFF),
 * and invalid runs are split the way the WHATWG decoder splits them ("maximal subparts").
 */

const encoder = new TextEncoder()
// ignoreBOM keeps a leading EF BB BF as U+FEFF instead of dropping it, so decoding stays lossless.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true })

/**
 * Encodes text as UTF-8 (TextEncoder). Lone surrogates cannot be encoded and become U+FFFD (EF BF BD);
 * call `findLoneSurrogates` first if the UI should warn before producing.
 */
export function encodeUtf8(text: string): Uint8Array {
  return encoder.encode(text)
}

export interface LoneSurrogate {
  /** UTF-16 index in the string. */
  index: number
  codeUnit: number
}

/** Lists unpaired surrogate code units (which UTF-8 cannot represent), up to `maxResults`. */
export function findLoneSurrogates(text: string, maxResults = Infinity): LoneSurrogate[] {
  const isWellFormed = (text as { isWellFormed?: () => boolean }).isWellFormed
  if (typeof isWellFormed === 'function' && isWellFormed.call(text)) return []
  const found: LoneSurrogate[] = []
  for (let i = 0; i < text.length && found.length < maxResults; i++) {
    const c = text.charCodeAt(i)
    if (c < 0xd800 || c > 0xdfff) continue
    if (c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++ // a proper pair
        continue
      }
    }
    found.push({ index: i, codeUnit: c })
  }
  return found
}

export type Utf8Segment =
  { kind: 'text'; text: string; offset: number } | { kind: 'invalid'; bytes: Uint8Array; offset: number }

/**
 * Length of the well-formed sequence starting at `i`, or minus the length of the invalid "maximal subpart"
 * there (always at least 1 byte), so callers can skip exactly what a WHATWG decoder would replace.
 */
function sequenceAt(b: Uint8Array, i: number, end: number): number {
  const b0 = b[i]
  if (b0 < 0x80) return 1
  let trailing: number
  let lo = 0x80
  let hi = 0xbf
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    trailing = 1
  } else if (b0 >= 0xe0 && b0 <= 0xef) {
    trailing = 2
    if (b0 === 0xe0)
      lo = 0xa0 // overlong
    else if (b0 === 0xed) hi = 0x9f // UTF-16 surrogates
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    trailing = 3
    if (b0 === 0xf0)
      lo = 0x90 // overlong
    else if (b0 === 0xf4) hi = 0x8f // above U+10FFFF
  } else {
    return -1 // continuation byte, C0/C1 (always overlong) or F5..FF
  }
  if (i + 1 >= end || b[i + 1] < lo || b[i + 1] > hi) return -1
  for (let k = 2; k <= trailing; k++) {
    if (i + k >= end || b[i + k] < 0x80 || b[i + k] > 0xbf) return -k
  }
  return trailing + 1
}

/** Byte offset of the first invalid sequence, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  const n = bytes.length
  let i = 0
  while (i < n) {
    if (bytes[i] < 0x80) {
      i++
      continue
    }
    const r = sequenceAt(bytes, i, n)
    if (r < 0) return i
    i += r
  }
  return -1
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  return firstInvalidUtf8Offset(bytes) === -1
}

/**
 * Decodes UTF-8 into text segments and marked invalid byte runs (adjacent invalid sequences are merged
 * into one run). Nothing is lost: re-encoding the text segments and splicing the invalid bytes back gives
 * the input. Empty input gives no segments. Invalid `bytes` are views into the input, not copies.
 */
export function decodeUtf8Marked(bytes: Uint8Array): Utf8Segment[] {
  const segments: Utf8Segment[] = []
  const n = bytes.length
  let textStart = 0
  let i = 0
  while (i < n) {
    if (bytes[i] < 0x80) {
      i++
      continue
    }
    const r = sequenceAt(bytes, i, n)
    if (r > 0) {
      i += r
      continue
    }
    let j = i - r
    while (j < n && bytes[j] >= 0x80) {
      const next = sequenceAt(bytes, j, n)
      if (next > 0) break
      j -= next
    }
    if (i > textStart)
      segments.push({ kind: 'text', text: decoder.decode(bytes.subarray(textStart, i)), offset: textStart })
    segments.push({ kind: 'invalid', bytes: bytes.subarray(i, j), offset: i })
    textStart = i = j
  }
  if (n > textStart)
    segments.push({ kind: 'text', text: decoder.decode(bytes.subarray(textStart)), offset: textStart })
  return segments
}
