/**
 * Base64 (RFC 4648 §4, standard alphabet, padded output).
 *
 * Encoding and decoding prefer the native `Uint8Array.prototype.toBase64` / `Uint8Array.fromBase64`
 * (feature-detected on every call, so tests can stub them) and otherwise fall back to table-driven loops
 * that never build strings character by character.
 *
 * Accepted input (`parseBase64`, `base64ToBytes`) — deliberately the same language as native
 * `fromBase64` in its default "loose" mode, plus base64url:
 * - ASCII whitespace (space, tab, CR, LF, FF) anywhere is ignored, so MIME-wrapped text pastes cleanly.
 * - Missing `=` padding is accepted (flagged as `missingPadding`); wrong padding (`YQ=`, `Y===`) is an error.
 * - A final group of a single character can never be valid and is an error.
 * - Non-zero leftover bits in the last group are ignored, as native loose mode does.
 * - The URL-safe alphabet (`-`, `_`) is accepted and flagged as `urlSafe`, because QA users paste JWT parts
 *   and URL parameters; mixing it with `+` or `/` in the same text is reported as an error since that
 *   almost always means corruption.
 */

import { describeCharAt } from './describe-char.ts'

export type Base64ParseResult =
  | { ok: true; bytes: Uint8Array; urlSafe: boolean; missingPadding: boolean }
  | { ok: false; error: Base64ParseError }

/** `index` is a 0-based UTF-16 offset into the input (for selecting it); `message` counts from 1 for humans. */
export interface Base64ParseError {
  message: string
  index: number
}

// TS lib types may not know the TC39 base64 proposal yet; narrow local shapes instead of a global d.ts.
interface NativeFromBase64 {
  fromBase64?: (text: string) => Uint8Array
}
interface NativeToBase64 {
  toBase64?: (this: Uint8Array) => string
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

// Char codes of the output alphabet, so encoding writes bytes and decodes them as ASCII in one go.
const ENCODE = new Uint8Array(64)
for (let i = 0; i < 64; i++) ENCODE[i] = ALPHABET.charCodeAt(i)

// Decode table for codes 0..127. Values 0..63 are digits; base64url digits get bit 0x40 set so the fast
// loop's single `& 0xc0` test sends them to the careful path that tracks the alphabet.
const INVALID = 0xff
const WHITESPACE = 0xfe
const PAD = 0xfd
const URL_FLAG = 0x40
const DECODE = new Uint8Array(128).fill(INVALID)
for (let i = 0; i < 64; i++) DECODE[ALPHABET.charCodeAt(i)] = i
DECODE[0x2d] = 62 | URL_FLAG // '-'
DECODE[0x5f] = 63 | URL_FLAG // '_'
for (const c of [0x09, 0x0a, 0x0c, 0x0d, 0x20]) DECODE[c] = WHITESPACE
DECODE[0x3d] = PAD

const asciiDecoder = new TextDecoder()

/** Encodes bytes as padded standard base64. */
export function bytesToBase64(bytes: Uint8Array): string {
  const native = (Uint8Array.prototype as NativeToBase64).toBase64
  if (typeof native === 'function') return native.call(bytes)
  return bytesToBase64Portable(bytes)
}

/** The non-native encoder; exported for tests and the benchmark. */
export function bytesToBase64Portable(bytes: Uint8Array): string {
  const len = bytes.length
  const out = new Uint8Array(Math.ceil(len / 3) * 4)
  const full = len - (len % 3)
  let o = 0
  for (let i = 0; i < full; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2]
    out[o] = ENCODE[n >>> 18]
    out[o + 1] = ENCODE[(n >>> 12) & 63]
    out[o + 2] = ENCODE[(n >>> 6) & 63]
    out[o + 3] = ENCODE[n & 63]
    o += 4
  }
  const rest = len - full
  if (rest === 1) {
    const n = bytes[full] << 16
    out[o] = ENCODE[n >>> 18]
    out[o + 1] = ENCODE[(n >>> 12) & 63]
    out[o + 2] = 0x3d
    out[o + 3] = 0x3d
  } else if (rest === 2) {
    const n = (bytes[full] << 16) | (bytes[full + 1] << 8)
    out[o] = ENCODE[n >>> 18]
    out[o + 1] = ENCODE[(n >>> 12) & 63]
    out[o + 2] = ENCODE[(n >>> 6) & 63]
    out[o + 3] = 0x3d
  }
  // TextDecoder turns the ASCII buffer into a string natively, avoiding per-char concatenation.
  return asciiDecoder.decode(out)
}

/**
 * Decodes base64 (see the module comment for what is accepted) and throws a `SyntaxError` with a
 * user-facing message when the text is invalid. Use `parseBase64` for a non-throwing result.
 */
export function base64ToBytes(text: string): Uint8Array {
  const native = (Uint8Array as NativeFromBase64).fromBase64
  if (typeof native === 'function') {
    try {
      return native.call(Uint8Array, text)
    } catch {
      // Native rejects base64url and gives terse messages; the portable parser handles both.
    }
  }
  const result = parseBase64(text)
  if (!result.ok) throw new SyntaxError(result.error.message)
  return result.bytes
}

/** Validating decoder: never throws; reports the first problem with its position. */
export function parseBase64(text: string): Base64ParseResult {
  const len = text.length
  // Upper bound of the output; trimmed with subarray at the end (whitespace makes it shorter).
  const out = new Uint8Array(Math.floor((len * 3) / 4) + 3)
  let o = 0
  let i = 0
  let acc = 0
  let n = 0 // digits accumulated in the current 4-digit group
  let urlSafe = false
  // Once URL-safe digits are seen, the first standard-only digit ('+' or '/') becomes a stop point.
  let limit = len
  let mixedError: Base64ParseError | null = null

  for (;;) {
    // Fast path: whole groups of four standard digits, the overwhelmingly common case.
    if (n === 0) {
      while (i + 4 <= limit) {
        const c0 = text.charCodeAt(i)
        const c1 = text.charCodeAt(i + 1)
        const c2 = text.charCodeAt(i + 2)
        const c3 = text.charCodeAt(i + 3)
        if ((c0 | c1 | c2 | c3) > 127) break
        const d0 = DECODE[c0]
        const d1 = DECODE[c1]
        const d2 = DECODE[c2]
        const d3 = DECODE[c3]
        if ((d0 | d1 | d2 | d3) & 0xc0) break
        const v = (d0 << 18) | (d1 << 12) | (d2 << 6) | d3
        out[o] = v >>> 16
        out[o + 1] = (v >>> 8) & 0xff
        out[o + 2] = v & 0xff
        o += 3
        i += 4
      }
    }
    if (i >= limit) break

    const c = text.charCodeAt(i)
    const d = c < 128 ? DECODE[c] : INVALID
    if (d === WHITESPACE) {
      i++
      continue
    }
    if (d === PAD) return finishAfterPadding(text, i, n, acc, out, o, urlSafe)
    if (d === INVALID) return fail(invalidCharacterMessage(text, i), i)
    if (d & URL_FLAG && !urlSafe) {
      urlSafe = true
      const standard = firstStandardOnlyDigit(text)
      if (standard >= 0) {
        const message =
          `Mixed base64 alphabets: '${text[i]}' at position ${i + 1} is URL-safe but '${text[standard]}' ` +
          `at position ${standard + 1} is standard base64`
        if (standard < i) return fail(message, i)
        limit = standard
        mixedError = { message, index: standard }
      }
    }
    acc = (acc << 6) | (d & 63)
    n++
    i++
    if (n === 4) {
      out[o] = (acc >>> 16) & 0xff
      out[o + 1] = (acc >>> 8) & 0xff
      out[o + 2] = acc & 0xff
      o += 3
      n = 0
      acc = 0
    }
  }

  if (mixedError) return { ok: false, error: mixedError }
  if (n === 1) return fail(incompleteGroupMessage(text), lastDigitIndex(text))
  o = flushPartialGroup(out, o, n, acc)
  return { ok: true, bytes: out.subarray(0, o), urlSafe, missingPadding: n !== 0 }
}

function finishAfterPadding(
  text: string,
  padIndex: number,
  n: number,
  acc: number,
  out: Uint8Array,
  o: number,
  urlSafe: boolean,
): Base64ParseResult {
  if (n < 2) {
    return fail(
      n === 0
        ? `Unexpected padding '=' at position ${padIndex + 1}: padding only ends a group of 2 or 3 characters`
        : `Padding '=' at position ${padIndex + 1} follows a single character: the base64 text is truncated or corrupt`,
      padIndex,
    )
  }
  const needed = 4 - n // '=' characters that must follow
  let seen = 0
  for (let i = padIndex; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const d = c < 128 ? DECODE[c] : INVALID
    if (d === WHITESPACE) continue
    if (d === PAD && seen < needed) {
      seen++
      continue
    }
    if (d === PAD) return fail(`Too much padding: extra '=' at position ${i + 1}`, i)
    return fail(
      d === INVALID
        ? invalidCharacterMessage(text, i)
        : `Unexpected ${describeCharAt(text, i)} at position ${i + 1} after '=' padding (padding must come last)`,
      i,
    )
  }
  if (seen < needed) {
    return fail(
      `Incomplete padding: the last group needs ${needed === 2 ? "'=='" : "'='"} but has ${seen === 1 ? "'='" : 'none'}`,
      padIndex,
    )
  }
  o = flushPartialGroup(out, o, n, acc)
  return { ok: true, bytes: out.subarray(0, o), urlSafe, missingPadding: false }
}

function flushPartialGroup(out: Uint8Array, o: number, n: number, acc: number): number {
  // Leftover bits below the last whole byte are ignored (native "loose" behaviour).
  if (n === 2) {
    out[o++] = (acc >>> 4) & 0xff
  } else if (n === 3) {
    out[o++] = (acc >>> 10) & 0xff
    out[o++] = (acc >>> 2) & 0xff
  }
  return o
}

function firstStandardOnlyDigit(text: string): number {
  const plus = text.indexOf('+')
  const slash = text.indexOf('/')
  if (plus < 0) return slash
  if (slash < 0) return plus
  return Math.min(plus, slash)
}

function lastDigitIndex(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i)
    if (c >= 128 || DECODE[c] !== WHITESPACE) return i
  }
  return 0
}

function incompleteGroupMessage(text: string): string {
  const i = lastDigitIndex(text)
  return (
    `Base64 text is truncated: the last group has a single character (position ${i + 1}); ` +
    'base64 length must be a multiple of 4 (ignoring whitespace), or 2–3 characters short of one'
  )
}

function invalidCharacterMessage(text: string, i: number): string {
  const base = `Invalid base64 character ${describeCharAt(text, i)} at position ${i + 1}`
  const trimmed = text.trimStart()
  if (/^data:[^,]*;base64,/i.test(trimmed)) {
    return `${base}. This looks like a data URL: remove the 'data:…;base64,' prefix`
  }
  const c = text[i]
  if ((c === '"' || c === "'") && (i === text.length - trimmed.length || i === text.trimEnd().length - 1)) {
    return `${base}. Remove the surrounding quotes`
  }
  return base
}

function fail(message: string, index: number): Base64ParseResult {
  return { ok: false, error: { message, index } }
}
