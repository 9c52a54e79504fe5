import { describeCharAt } from './describe-char.ts'

/** Plain hex encoding and a forgiving hex parser for the produce form ("48 65 6c", "0x4865", "48:65", "\x48"). */

const HEX_DIGITS = '0123456789abcdef'
const PAIRS: string[] = Array.from({ length: 256 }, (_, b) => HEX_DIGITS[b >> 4] + HEX_DIGITS[b & 15])
const PAIR_CODES = new Uint8Array(512)
for (let b = 0; b < 256; b++) {
  PAIR_CODES[2 * b] = HEX_DIGITS.charCodeAt(b >> 4)
  PAIR_CODES[2 * b + 1] = HEX_DIGITS.charCodeAt(b & 15)
}
const asciiDecoder = new TextDecoder()

/** Two lowercase hex digits for one byte. */
export function byteToHex(byte: number): string {
  return PAIRS[byte & 0xff]
}

/** Lowercase hex, optionally separated (e.g. `' '` or `':'`). Builds bytes and decodes once, so MBs are fine. */
export function bytesToHex(bytes: Uint8Array, separator = ''): string {
  if (bytes.length === 0) return ''
  const sep = separator.length === 1 && separator.charCodeAt(0) < 0x80 ? separator.charCodeAt(0) : -1
  if (separator !== '' && sep < 0) return Array.from(bytes, (b) => PAIRS[b]).join(separator)
  const step = sep < 0 ? 2 : 3
  const out = new Uint8Array(bytes.length * step - (step - 2))
  for (let i = 0, o = 0; i < bytes.length; i++, o += step) {
    out[o] = PAIR_CODES[2 * bytes[i]]
    out[o + 1] = PAIR_CODES[2 * bytes[i] + 1]
    if (sep >= 0 && o + 2 < out.length) out[o + 2] = sep
  }
  return asciiDecoder.decode(out)
}

export type HexParseResult =
  { ok: true; bytes: Uint8Array } | { ok: false; error: { message: string; index: number } }

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30
  if (c >= 0x61 && c <= 0x66) return c - 0x57
  if (c >= 0x41 && c <= 0x46) return c - 0x37
  return -1
}

function isSeparator(c: number): boolean {
  // whitespace, ',', ':', '-' (MAC-address style), ';'
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0x0a ||
    c === 0x0d ||
    c === 0x0c ||
    c === 0x2c ||
    c === 0x3a ||
    c === 0x2d ||
    c === 0x3b
  )
}

/**
 * Parses hex into bytes. Separators (whitespace, `,` `:` `-` `;`) split the text into groups; a group may
 * start with `0x`/`0X` or `\x`, and must hold an even number of digits ("4865" = two bytes). An odd group is
 * an error rather than a guess. `index` is 0-based; messages count positions from 1.
 */
export function parseHex(text: string): HexParseResult {
  const len = text.length
  const out = new Uint8Array(len >> 1)
  let o = 0
  let i = 0
  while (i < len) {
    const c = text.charCodeAt(i)
    if (isSeparator(c)) {
      i++
      continue
    }
    const groupStart = i
    const next = text.charCodeAt(i + 1)
    if ((c === 0x30 && (next === 0x78 || next === 0x58)) || (c === 0x5c && next === 0x78)) i += 2
    const digitsStart = i
    while (i < len && !isSeparator(text.charCodeAt(i))) {
      const d = text.charCodeAt(i)
      if (d === 0x5c && text.charCodeAt(i + 1) === 0x78) break // "\x48\x65": each \x starts a new group
      if (hexValue(d) < 0) {
        return fail(`Invalid hex digit ${describeCharAt(text, i)} at position ${i + 1}`, i)
      }
      i++
    }
    const digits = i - digitsStart
    if (digits === 0)
      return fail(
        `'${text.slice(groupStart, digitsStart)}' at position ${groupStart + 1} has no hex digits`,
        groupStart,
      )
    if (digits % 2 === 1) {
      const group = text.slice(groupStart, i)
      return fail(
        `Odd number of hex digits in '${group.length > 20 ? `${group.slice(0, 17)}…` : group}' at position ${groupStart + 1}: ` +
          'each byte needs two digits (e.g. 0a, not a)',
        groupStart,
      )
    }
    for (let k = digitsStart; k < i; k += 2) {
      out[o++] = (hexValue(text.charCodeAt(k)) << 4) | hexValue(text.charCodeAt(k + 1))
    }
  }
  return { ok: true, bytes: out.slice(0, o) }
}

/** Like `parseHex` but throws a `SyntaxError` with the user-facing message. */
export function hexToBytes(text: string): Uint8Array {
  const result = parseHex(text)
  if (!result.ok) throw new SyntaxError(result.error.message)
  return result.bytes
}

function fail(message: string, index: number): HexParseResult {
  return { ok: false, error: { message, index } }
}
