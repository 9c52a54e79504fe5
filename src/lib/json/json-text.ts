/**
 * JSON validation and pretty-printing that work on the text itself instead of a parsed tree, so they are
 * lossless by construction: numbers (`12345678901234567890`, `1.10`), string escapes, key order and even
 * duplicate keys come out exactly as written. One iterative pass with an explicit stack — no recursion, so
 * no nesting-depth limit and no stack overflow on hostile input.
 *
 * The scanner works on UTF-8 bytes (every JSON structural character is ASCII) and writes the output into a
 * byte buffer with native copies, decoded once at the end: pushing millions of small strings and joining
 * them was ~10x slower on multi-megabyte values.
 */

import { codePointLabel, describeCharAt } from '../bytes/describe-char.ts'
import { firstInvalidUtf8Offset } from '../bytes/utf8.ts'

/** `position` is a 0-based UTF-16 offset (e.g. for `textarea.setSelectionRange`); line and column are 1-based. */
export interface JsonError {
  message: string
  line: number
  column: number
  position: number
}

export type JsonValidation = { ok: true } | ({ ok: false } & JsonError)

export type JsonValueKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null'

export interface PrettyJsonOptions {
  /** Spaces per level (max 10), or an indent string; 0 or '' gives compact (minified) output. Default 2. */
  indent?: number | string
}

export type PrettyJsonResult = { ok: true; text: string } | { ok: false; error: JsonError }

/**
 * Indentation stops growing past this depth. Pathological nesting (`[[[[…]]]]` 100k deep) would otherwise
 * make the output quadratic in size; real payloads never get near it.
 */
export const MAX_INDENT_DEPTH = 64

export interface JsonScanSummary {
  /** Deepest object/array nesting (0 for a scalar). */
  maxDepth: number
  kind: JsonValueKind
}

const encoder = new TextEncoder()
// ignoreBOM: offsets are computed on exactly the bytes we scanned.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true })

/** Checks that `text` is exactly one JSON value (RFC 8259), reporting the first problem and where it is. */
export function validateJson(text: string): JsonValidation {
  const result = inspectJson(text)
  return result.ok ? { ok: true } : { ok: false, ...result.error }
}

/** Validates and also reports the top-level kind and nesting depth (used by payload detection and parsing). */
export function inspectJson(
  input: string | Uint8Array,
): { ok: true; summary: JsonScanSummary } | { ok: false; error: JsonError } {
  const { bytes, error } = toScannableBytes(input)
  if (error) return { ok: false, error }
  const result = scan(bytes, null, 0)
  if ('fail' in result) return { ok: false, error: explain(bytes, result.fail) }
  return { ok: true, summary: result }
}

/**
 * Re-indents JSON without changing any token. Invalid JSON gives the same error as `validateJson`.
 * Bytes must be UTF-8 (a leading BOM is skipped, as RFC 8259 allows; in a string it is an error because it
 * would be produced); invalid UTF-8 is reported with the offset of the first bad byte. Strings are scanned
 * as UTF-8, so a lone surrogate in string input comes out as U+FFFD — exactly what producing it would send.
 */
export function prettyJson(input: string | Uint8Array, options: PrettyJsonOptions = {}): PrettyJsonResult {
  const { bytes, error } = toScannableBytes(input)
  if (error) return { ok: false, error }
  const { indent = 2 } = options
  const unit = typeof indent === 'number' ? ' '.repeat(Math.max(0, Math.min(10, Math.floor(indent)))) : indent
  const out: Output = {
    buf: new Uint8Array(Math.max(64, bytes.length * 2)),
    len: 0,
    unit: encoder.encode(unit),
    indents: [],
  }
  const result = scan(bytes, out, 1)
  if ('fail' in result) return { ok: false, error: explain(bytes, result.fail) }
  return { ok: true, text: decoder.decode(out.buf.subarray(0, out.len)) }
}

// (No `instanceof Uint8Array` checks anywhere: under jsdom, TextEncoder output comes from another realm.)
function toScannableBytes(
  input: string | Uint8Array,
): { bytes: Uint8Array; error?: undefined } | { bytes?: undefined; error: JsonError } {
  if (typeof input === 'string') return { bytes: encoder.encode(input) }
  const bytes = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? input.subarray(3) : input
  const bad = firstInvalidUtf8Offset(bytes)
  if (bad < 0) return { bytes }
  const before = decoder.decode(bytes.subarray(0, bad))
  const { line, column } = lineColumnAt(before, before.length)
  const offset = bad + (bytes === input ? 0 : 3)
  return {
    error: {
      message: `Not valid UTF-8: invalid byte at offset ${offset} at line ${line}, column ${column}`,
      line,
      column,
      position: before.length,
    },
  }
}

/** 1-based line and column of a 0-based offset; CRLF, LF and a lone CR each end a line. */
export function lineColumnAt(text: string, position: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  const end = Math.min(position, text.length)
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: position - lineStart + 1 }
}

// ---------------------------------------------------------------------------------------------------------
// Output buffer

interface Output {
  buf: Uint8Array
  len: number
  unit: Uint8Array
  /** Cached "\n" + unit × depth, per depth. */
  indents: Uint8Array[]
}

function reserve(out: Output, extra: number): void {
  if (out.len + extra <= out.buf.length) return
  const grown = new Uint8Array(Math.max(out.buf.length * 2, out.len + extra))
  grown.set(out.buf.subarray(0, out.len))
  out.buf = grown
}

function copy(out: Output, src: Uint8Array, start: number, end: number): void {
  const n = end - start
  reserve(out, n)
  if (n < 16) {
    // Tiny copies (numbers, literals, short keys) are cheaper as a loop than a subarray + set.
    const buf = out.buf
    for (let k = 0; k < n; k++) buf[out.len + k] = src[start + k]
  } else {
    out.buf.set(src.subarray(start, end), out.len)
  }
  out.len += n
}

function byte(out: Output, b: number): void {
  reserve(out, 1)
  out.buf[out.len++] = b
}

function newline(out: Output, depth: number): void {
  if (out.unit.length === 0) return // compact output
  const d = Math.min(depth, MAX_INDENT_DEPTH)
  let line = out.indents[d]
  if (!line) {
    line = new Uint8Array(1 + d * out.unit.length)
    line[0] = 0x0a
    for (let k = 0; k < d; k++) line.set(out.unit, 1 + k * out.unit.length)
    out.indents[d] = line
  }
  copy(out, line, 0, line.length)
}

// ---------------------------------------------------------------------------------------------------------
// Scanner

const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
const COMMA = 0x2c
const COLON = 0x3a
const MINUS = 0x2d
const SPACE = 0x20

const EXPECT_VALUE = 0
const EXPECT_KEY = 1
const AFTER_VALUE = 2

/** Error context, resolved to text positions only on failure (the happy path never decodes). */
interface ErrorContext {
  /** Describes the character starting at a byte offset, e.g. `'x'`, `character U+00A0` or `end of input`. */
  found(at: number): string
  lineColumn(at: number): { line: number; column: number }
  slice(start: number, end: number): string
}

interface Failure {
  at: number
  message: (ctx: ErrorContext) => string
}

function failAt(at: number, message: string | ((ctx: ErrorContext) => string)): { fail: Failure } {
  return { fail: { at, message: typeof message === 'string' ? () => message : message } }
}

function isWs(c: number): boolean {
  return c === SPACE || c === 0x0a || c === 0x0d || c === 0x09
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39
}

function skipWs(b: Uint8Array, i: number): number {
  const len = b.length
  while (i < len && isWs(b[i])) i++
  return i
}

/** Scans one JSON value. `pretty` = 1 writes re-indented output to `out`; 0 only validates. */
function scan(b: Uint8Array, out: Output | null, pretty: 0 | 1): JsonScanSummary | { fail: Failure } {
  const len = b.length
  const stack: number[] = [] // open containers
  const openedAt: number[] = [] // and where they were opened, for "not closed" messages
  let maxDepth = 0
  let kind: JsonValueKind = 'null'
  let state = EXPECT_VALUE

  let i = skipWs(b, 0)
  if (i >= len) return failAt(len, 'Empty input: expected a JSON value')
  if (b[i] === 0xef && b[i + 1] === 0xbb && b[i + 2] === 0xbf) {
    return failAt(
      i,
      'Unexpected byte order mark (U+FEFF) at the start: remove it, JSON text must not start with one',
    )
  }

  for (;;) {
    if (state === EXPECT_VALUE) {
      i = skipWs(b, i)
      if (i >= len) return failAt(len, endMessage(stack, openedAt, 'a value'))
      const c = b[i]
      if (stack.length === 0) kind = kindOf(c) ?? kind
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        const close = c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET
        const next = skipWs(b, i + 1)
        if (next < len && b[next] === close) {
          if (stack.length + 1 > maxDepth) maxDepth = stack.length + 1
          if (pretty) {
            byte(out!, c)
            byte(out!, close)
          }
          i = next + 1
          state = AFTER_VALUE
          continue
        }
        stack.push(c)
        openedAt.push(i)
        if (stack.length > maxDepth) maxDepth = stack.length
        if (pretty) {
          byte(out!, c)
          newline(out!, stack.length)
        }
        i = next
        state = c === OPEN_BRACE ? EXPECT_KEY : EXPECT_VALUE
        continue
      }
      let end: number
      if (c === QUOTE) end = scanString(b, i)
      else if (c === MINUS || isDigit(c)) end = scanNumber(b, i)
      else if (c === 0x74) end = scanLiteral(b, i, 'true')
      else if (c === 0x66) end = scanLiteral(b, i, 'false')
      else if (c === 0x6e) end = scanLiteral(b, i, 'null')
      else return failAt(i, (ctx) => unexpectedValueMessage(ctx, b, i, stack.length))
      if (end < 0) return { fail: tokenFailure! }
      if (pretty) copy(out!, b, i, end)
      i = end
      state = AFTER_VALUE
    } else if (state === EXPECT_KEY) {
      i = skipWs(b, i)
      if (i >= len) return failAt(len, endMessage(stack, openedAt, 'a property name'))
      if (b[i] !== QUOTE) return failAt(i, (ctx) => unexpectedKeyMessage(ctx, b, i))
      const keyStart = i
      const end = scanString(b, i)
      if (end < 0) return { fail: tokenFailure! }
      if (pretty) copy(out!, b, i, end)
      i = skipWs(b, end)
      if (i >= len) return failAt(len, endMessage(stack, openedAt, "':' after the property name"))
      if (b[i] !== COLON) {
        const at = i
        return failAt(at, (ctx) => {
          const key =
            end - keyStart > 40 ? `${ctx.slice(keyStart, keyStart + 37)}…"` : ctx.slice(keyStart, end)
          return `Expected ':' after property name ${key}, found ${ctx.found(at)}`
        })
      }
      if (pretty) {
        byte(out!, COLON)
        if (out!.unit.length) byte(out!, SPACE)
      }
      i++
      state = EXPECT_VALUE
    } else {
      i = skipWs(b, i)
      if (stack.length === 0) {
        if (i < len) {
          const at = i
          const another = kindOf(b[i]) !== null
          return failAt(
            at,
            (ctx) =>
              `Unexpected ${ctx.found(at)} after the end of the JSON value` +
              (another ? ': only one JSON value is allowed' : ''),
          )
        }
        return { maxDepth, kind }
      }
      if (i >= len) return failAt(len, endMessage(stack, openedAt, null))
      const top = stack[stack.length - 1]
      const close = top === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET
      const c = b[i]
      if (c === COMMA) {
        const next = skipWs(b, i + 1)
        const after = next < len ? b[next] : -1
        if (after === CLOSE_BRACE || after === CLOSE_BRACKET) {
          return failAt(i, `Trailing comma before '${String.fromCharCode(after)}' is not allowed in JSON`)
        }
        if (pretty) {
          byte(out!, COMMA)
          newline(out!, stack.length)
        }
        i = next
        state = top === OPEN_BRACE ? EXPECT_KEY : EXPECT_VALUE
      } else if (c === close) {
        stack.pop()
        openedAt.pop()
        if (pretty) {
          newline(out!, stack.length)
          byte(out!, c)
        }
        i++
      } else {
        const at = i
        const where = top === OPEN_BRACE ? 'in object' : 'in array'
        const hint =
          kindOf(c) !== null
            ? ' (missing comma?)'
            : c === CLOSE_BRACE || c === CLOSE_BRACKET
              ? ' (mismatched bracket)'
              : ''
        return failAt(
          at,
          (ctx) => `Expected ',' or '${String.fromCharCode(close)}' ${where}, found ${ctx.found(at)}${hint}`,
        )
      }
    }
  }
}

// Token scanners return the end offset, or -1 after setting tokenFailure (no allocation per token).
let tokenFailure: Failure | null = null

function tokenError(at: number, message: string | ((ctx: ErrorContext) => string)): number {
  tokenFailure = failAt(at, message).fail
  return -1
}

function scanString(b: Uint8Array, start: number): number {
  const len = b.length
  let j = start + 1
  while (j < len) {
    const c = b[j]
    if (c === QUOTE) return j + 1
    if (c === BACKSLASH) {
      const e = j + 1 < len ? b[j + 1] : -1
      // " \ / b f n r t
      if (
        e === 0x22 ||
        e === 0x5c ||
        e === 0x2f ||
        e === 0x62 ||
        e === 0x66 ||
        e === 0x6e ||
        e === 0x72 ||
        e === 0x74
      ) {
        j += 2
      } else if (e === 0x75) {
        for (let k = 2; k < 6; k++) {
          if (!isHex(j + k < len ? b[j + k] : -1)) {
            return tokenError(j, "Invalid unicode escape: '\\u' must be followed by 4 hex digits")
          }
        }
        j += 6
      } else if (e === -1) {
        break
      } else {
        const at = j
        return tokenError(
          at,
          (ctx) => `Invalid escape '\\${ctx.slice(at + 1, at + 1 + utf8Length(e))}' in string`,
        )
      }
    } else if (c < 0x20) {
      if (c === 0x0a || c === 0x0d) {
        // Usually a forgotten closing quote rather than an intended line break.
        return tokenError(j, `Line break inside a string: missing closing '"'? (write a line break as \\n)`)
      }
      return tokenError(
        j,
        `Unescaped control character ${codePointLabel(c)} in string${c === 0x09 ? ' (write a tab as \\t)' : ''}`,
      )
    } else {
      j++
    }
  }
  return tokenError(start, "Unterminated string: missing closing '\"'")
}

function utf8Length(lead: number): number {
  return lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
}

function scanNumber(b: Uint8Array, start: number): number {
  const len = b.length
  let j = start
  if (b[j] === MINUS) j++
  const first = j < len ? b[j] : -1
  if (first === 0x30) {
    j++
    if (j < len && isDigit(b[j])) return tokenError(start, 'Invalid number: leading zeros are not allowed')
  } else if (isDigit(first)) {
    while (j < len && isDigit(b[j])) j++
  } else {
    return tokenError(j, "Invalid number: expected a digit after '-'")
  }
  if (j < len && b[j] === 0x2e) {
    j++
    if (!(j < len && isDigit(b[j]))) return tokenError(j, "Invalid number: expected a digit after '.'")
    while (j < len && isDigit(b[j])) j++
  }
  if (j < len && (b[j] === 0x65 || b[j] === 0x45)) {
    j++
    if (j < len && (b[j] === 0x2b || b[j] === MINUS)) j++
    if (!(j < len && isDigit(b[j]))) return tokenError(j, 'Invalid number: expected digits in the exponent')
    while (j < len && isDigit(b[j])) j++
  }
  return j
}

function isWordByte(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || isDigit(c) || c === 0x5f
}

function scanLiteral(b: Uint8Array, start: number, word: string): number {
  let k = 0
  while (k < word.length && b[start + k] === word.charCodeAt(k)) k++
  // "trueish" is reported as a bad literal rather than "true" followed by garbage.
  if (k === word.length && !isWordByte(b[start + k])) return start + k
  let end = start
  while (end < b.length && end - start < 20 && isWordByte(b[end])) end++
  return tokenError(start, (ctx) => `Invalid literal '${ctx.slice(start, end)}': did you mean ${word}?`)
}

function kindOf(c: number): JsonValueKind | null {
  if (c === OPEN_BRACE) return 'object'
  if (c === OPEN_BRACKET) return 'array'
  if (c === QUOTE) return 'string'
  if (c === 0x74 || c === 0x66) return 'boolean'
  if (c === 0x6e) return 'null'
  return c === MINUS || isDigit(c) ? 'number' : null
}

function startsWithAscii(b: Uint8Array, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (b[at + k] !== word.charCodeAt(k)) return false
  return true
}

function unexpectedValueMessage(ctx: ErrorContext, b: Uint8Array, i: number, depth: number): string {
  const c = b[i]
  const found = ctx.found(i)
  if (c === 0x27) return `Unexpected ${found}: JSON strings use double quotes (")`
  if (c === 0x2f) return `Unexpected ${found}: comments are not allowed in JSON`
  if (c === 0x2b || c === 0x2e)
    return `Invalid number starting with ${found}: JSON numbers start with '-' or a digit`
  for (const word of ['NaN', 'Infinity'])
    if (startsWithAscii(b, i, word)) return `${word} is not allowed in JSON`
  for (const word of ['True', 'False', 'None', 'Null', 'TRUE', 'FALSE', 'NULL']) {
    if (startsWithAscii(b, i, word) && !isWordByte(b[i + word.length])) {
      return `Unexpected ${found}: JSON literals are lowercase (true, false, null)`
    }
  }
  if ((c === CLOSE_BRACKET || c === CLOSE_BRACE) && depth === 0)
    return `Unexpected ${found}: nothing to close`
  if (c === COMMA || c === CLOSE_BRACKET || c === CLOSE_BRACE || c === COLON)
    return `Expected a value, found ${found}`
  return `Unexpected ${found}: expected a JSON value`
}

function unexpectedKeyMessage(ctx: ErrorContext, b: Uint8Array, i: number): string {
  const c = b[i]
  const found = ctx.found(i)
  if (c === 0x27) return `Unexpected ${found}: property names must use double quotes (")`
  if (c === 0x2f) return `Unexpected ${found}: comments are not allowed in JSON`
  if (isWordByte(c) || c === 0x24) return `Property names must be double-quoted strings, found ${found}`
  return `Expected a double-quoted property name, found ${found}`
}

function endMessage(
  stack: number[],
  openedAt: number[],
  expected: string | null,
): (ctx: ErrorContext) => string {
  if (stack.length === 0) return () => `Unexpected end of input: expected ${expected ?? 'a value'}`
  const top = stack[stack.length - 1]
  const opened = openedAt[openedAt.length - 1]
  const what = top === OPEN_BRACE ? 'object' : 'array'
  const need = expected ?? `',' or '${top === OPEN_BRACE ? '}' : ']'}'`
  return (ctx) => {
    const { line, column } = ctx.lineColumn(opened)
    return `Unexpected end of input: expected ${need} (the ${what} opened at line ${line}, column ${column} is not closed)`
  }
}

function describeChar(text: string, i: number): string {
  if (i >= text.length) return 'end of input'
  const label = describeCharAt(text, i)
  return label.startsWith('U+') ? `character ${label}` : label
}

/** Turns a byte-offset failure into a message with UTF-16 position and line/column. */
function explain(bytes: Uint8Array, failure: Failure): JsonError {
  const text = decoder.decode(bytes)
  const charPos = (at: number) => decoder.decode(bytes.subarray(0, at)).length
  const ctx: ErrorContext = {
    found: (at) => describeChar(text, charPos(at)),
    lineColumn: (at) => lineColumnAt(text, charPos(at)),
    slice: (start, end) => decoder.decode(bytes.subarray(start, end)),
  }
  const position = charPos(failure.at)
  const { line, column } = lineColumnAt(text, position)
  return { message: `${failure.message(ctx)} at line ${line}, column ${column}`, line, column, position }
}
