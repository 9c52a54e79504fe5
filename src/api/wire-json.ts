import { parse, parseNumberAndBigInt } from 'lossless-json'

// An integer literal of 16+ digits after ':', '[' or ',' may exceed 2^53; base64 and text payloads sit inside
// quotes, so they never match. Only then is the (slower) lossless parser needed.
const LONG_INTEGER = /[:[,]\s*-?\d{16,}/

/**
 * Parses a REST response body without rounding: integers beyond 2^53 become bigint (offsets are int64).
 * The common case (no long integers) stays on the fast native JSON.parse.
 */
export function parseWireJson(text: string): unknown {
  if (!LONG_INTEGER.test(text)) return JSON.parse(text)
  return parse(text, null, parseNumberAndBigInt)
}

/** An int64 from the wire (number or bigint) as an exact decimal string. */
export function toOffset(value: unknown, field = 'offset'): string {
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'number' && Number.isInteger(value)) return String(value)
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return value
  throw new TypeError(
    `Expected an integer ${field}, got ${JSON.stringify(typeof value === 'bigint' ? String(value) : value)}`,
  )
}

/** Serializes a request body, writing exact offsets (decimal strings marked with `offsetKeys`) as JSON numbers. */
export function stringifyWithOffsets(body: unknown, offsetKeys: ReadonlySet<string>): string {
  const marker = '\u0000int:'
  const json = JSON.stringify(body, (key, value) =>
    offsetKeys.has(key) && typeof value === 'string' && /^-?\d+$/.test(value) ? marker + value : value,
  )
  return json.replace(/"\\u0000int:(-?\d+)"/g, '$1')
}
