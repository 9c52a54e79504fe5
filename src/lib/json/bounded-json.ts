/**
 * Reads untrusted JSON (an endpoint's error body) with bounded work and memory: one pass over the bytes, never
 * one giant string. Strings longer than `maxChars` keep their first part as a ClippedText that knows how much was
 * left out; arrays and objects keep their first `maxItems` entries; nesting deeper than `maxDepth` is skipped.
 * A 20 MB `message` costs one linear scan, not a 20 MB string, a JSON.parse and a regex over it.
 */
export class ClippedText {
  readonly text: string
  /** Characters left out after `text` (code points; escapes count as one). */
  readonly omitted: number
  /** `omitted` counts bytes (a part over 1 MB is not walked character by character). */
  readonly approximate: boolean
  constructor(text: string, omitted: number, approximate = false) {
    this.text = text
    this.omitted = omitted
    this.approximate = approximate
  }
}

export interface BoundedJsonOptions {
  maxChars?: number
  maxItems?: number
  maxDepth?: number
  /**
   * The size of the whole body when `bytes` is only its start: the parse then stops where the start ends and
   * returns what it has read (a string cut there is a ClippedText counting the rest in bytes).
   */
  totalBytes?: number
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const decoder = new TextDecoder()
const APPROXIMATE_OVER = 1024 * 1024

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09
}

function isNumberByte(b: number): boolean {
  // 0-9 + - . e E
  return (b >= 0x30 && b <= 0x39) || b === 0x2b || b === 0x2d || b === 0x2e || b === 0x65 || b === 0x45
}

/** Parses JSON from bytes with every text clipped; throws SyntaxError on anything that is not JSON. */
export function parseBoundedJson(bytes: Uint8Array, options: BoundedJsonOptions = {}): unknown {
  const maxChars = options.maxChars ?? 2000
  const maxItems = options.maxItems ?? 100
  const maxDepth = options.maxDepth ?? 32
  const n = bytes.length
  const total = options.totalBytes ?? n
  const partial = total > n
  let i = 0
  /** The start of a body ran out (partial only): every reader returns what it has. */
  let ended = false
  const atEnd = (): boolean => {
    if (partial && i >= n) ended = true
    return ended
  }

  const fail = (what: string): never => {
    throw new SyntaxError(`${what} at byte ${i}`)
  }
  const ws = () => {
    while (i < n && isSpace(bytes[i])) i++
  }

  const readString = (): string | ClippedText => {
    // bytes[i] is the opening quote.
    const start = i + 1
    const end = findStringEnd(bytes, start)
    if (end < 0 && partial) {
      const { cut } = scanHead(bytes, start, n, maxChars)
      const kept = cut < 0 ? n : cut
      ended = true
      i = n
      return new ClippedText(decodeJsonString(bytes.subarray(start, kept)), total - kept, true)
    }
    if (end < 0) fail('Unterminated string')
    const { cut, bad } = scanHead(bytes, start, end, maxChars)
    if (bad) fail('Control character in string')
    i = end + 1
    if (cut < 0) return decodeJsonString(bytes.subarray(start, end))
    const head = decodeJsonString(bytes.subarray(start, cut))
    const rest = bytes.subarray(cut, end)
    return rest.length > APPROXIMATE_OVER
      ? new ClippedText(head, rest.length, true)
      : new ClippedText(head, countChars(rest))
  }

  const readNumber = (): number | null => {
    const start = i
    while (i < n && isNumberByte(bytes[i])) i++
    if (i === start) fail('Unexpected character')
    if (i - start > 64) return null
    const v = Number(decoder.decode(bytes.subarray(start, i)))
    if (Number.isNaN(v)) fail('Invalid number')
    return v
  }

  const literal = (word: string, value: unknown): unknown => {
    if (partial && i + word.length > n) {
      i = n
      ended = true
      return undefined
    }
    for (let k = 0; k < word.length; k++) if (bytes[i + k] !== word.charCodeAt(k)) fail('Unexpected token')
    i += word.length
    return value
  }

  const readValue = (depth: number): unknown => {
    ws()
    if (atEnd()) return undefined
    if (i >= n) fail('Unexpected end of JSON')
    const b = bytes[i]
    if (b === QUOTE) return readString()
    if (b === 0x7b || b === 0x5b) {
      if (depth >= maxDepth) {
        skipNested()
        return null
      }
      return b === 0x7b ? readObject(depth + 1) : readArray(depth + 1)
    }
    if (b === 0x74) return literal('true', true)
    if (b === 0x66) return literal('false', false)
    if (b === 0x6e) return literal('null', null)
    return readNumber()
  }

  const readArray = (depth: number): unknown[] => {
    i++
    const out: unknown[] = []
    ws()
    if (atEnd()) return out
    if (bytes[i] === 0x5d) {
      i++
      return out
    }
    for (;;) {
      const v = readValue(depth)
      if (out.length < maxItems && v !== undefined) out.push(v)
      ws()
      if (atEnd()) return out
      if (bytes[i] === 0x2c) i++
      else if (bytes[i] === 0x5d) {
        i++
        return out
      } else fail('Expected , or ]')
    }
  }

  const readObject = (depth: number): Record<string, unknown> => {
    i++
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>
    let count = 0
    ws()
    if (atEnd()) return out
    if (bytes[i] === 0x7d) {
      i++
      return out
    }
    for (;;) {
      ws()
      if (atEnd()) return out
      if (bytes[i] !== QUOTE) fail('Expected a key')
      const key = readString()
      ws()
      if (atEnd()) return out
      if (bytes[i] !== 0x3a) fail('Expected :')
      i++
      const v = readValue(depth)
      const name = typeof key === 'string' ? key : key.text
      if (count++ < maxItems && !(name in out) && v !== undefined) out[name] = v
      ws()
      if (atEnd()) return out
      if (bytes[i] === 0x2c) i++
      else if (bytes[i] === 0x7d) {
        i++
        return out
      } else fail('Expected , or }')
    }
  }

  /** Skips an object or array too deep to keep, checking only that brackets and strings balance. */
  const skipNested = () => {
    let level = 0
    for (; i < n; i++) {
      const b = bytes[i]
      if (b === QUOTE) {
        for (i++; i < n && bytes[i] !== QUOTE; i++) if (bytes[i] === BACKSLASH) i++
      } else if (b === 0x7b || b === 0x5b) level++
      else if (b === 0x7d || b === 0x5d) {
        if (--level === 0) {
          i++
          return
        }
      }
    }
    if (partial) ended = true
    else fail('Unexpected end of JSON')
  }

  // A UTF-8 byte order mark is tolerated, as JSON.parse after TextDecoder would.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3
  const value = readValue(0)
  if (ended) return value
  ws()
  if (i < n) fail('Unexpected data after JSON')
  return value
}

/** Where the string starting at `start` ends (its closing quote), or -1; native searches, so megabytes are cheap. */
function findStringEnd(bytes: Uint8Array, start: number): number {
  let from = start
  for (let rounds = 0; ; rounds++) {
    const q = bytes.indexOf(QUOTE, from)
    if (q < 0) return -1
    let k = q - 1
    while (k >= start && bytes[k] === BACKSLASH) k--
    // An odd run of backslashes escapes the quote.
    if ((q - 1 - k) % 2 === 0) return q
    from = q + 1
    // A body of escaped quotes would make this quadratic in calls: walk the rest byte by byte.
    if (rounds > 10_000) return walkStringEnd(bytes, from)
  }
}

function walkStringEnd(bytes: Uint8Array, from: number): number {
  for (let j = from; j < bytes.length; j++) {
    if (bytes[j] === BACKSLASH) j++
    else if (bytes[j] === QUOTE) return j
  }
  return -1
}

/**
 * Counts the characters of the string bytes [start, end) up to `maxChars + 1`, noting where the first character
 * beyond `maxChars` starts (so a cut never splits a character or an escape). Only the first `maxChars * 6` bytes
 * are walked: no character or escape is longer. `bad` is a raw control character (not JSON).
 */
function scanHead(bytes: Uint8Array, start: number, end: number, maxChars: number) {
  const stop = Math.min(end, start + maxChars * 6 + 6)
  let chars = 0
  let cut = -1
  for (let j = start; j < stop; j++) {
    const b = bytes[j]
    // UTF-8 continuation bytes do not start a character.
    if ((b & 0xc0) === 0x80) continue
    if (chars === maxChars) {
      cut = j
      break
    }
    chars++
    if (b === BACKSLASH) j += bytes[j + 1] === 0x75 ? 5 : 1
    else if (b < 0x20) return { cut, bad: true }
  }
  return { cut, bad: false }
}

/** Characters in a clipped-off part (at most 1 MB: a bigger one is counted in bytes, see ClippedText). */
function countChars(bytes: Uint8Array): number {
  let chars = 0
  for (let j = 0; j < bytes.length; j++) {
    const b = bytes[j]
    if ((b & 0xc0) === 0x80) continue
    chars++
    if (b === BACKSLASH) j += bytes[j + 1] === 0x75 ? 5 : 1
  }
  return chars
}

/** The JSON string's content between its quotes (short: at most maxChars characters), unescaped. */
function decodeJsonString(raw: Uint8Array): string {
  const text = decoder.decode(raw)
  if (!text.includes('\\')) return text
  try {
    return JSON.parse(`"${text}"`) as string
  } catch {
    return text
  }
}
