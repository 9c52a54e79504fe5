import { parse, parseNumberAndBigInt } from 'lossless-json'
import { KafkaRestError } from './errors.ts'

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

const INT64_MAX = (1n << 63n) - 1n
const INT64_MIN = -(1n << 63n)

function outOfRange(field: string, shown: string): KafkaRestError {
  return new KafkaRestError({
    kind: 'invalid-response',
    message: `The endpoint reported ${field} ${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}, outside the signed 64-bit range of Kafka offsets.`,
    hint: 'Kafka offsets are signed 64-bit integers: the endpoint (or something between it and the console) sent a wrong value.',
  })
}

/** An int64 from the wire (number or bigint) as an exact, canonical decimal string; anything else is refused. */
export function toOffset(value: unknown, field = 'offset'): string {
  let n: bigint | null = null
  if (typeof value === 'bigint') n = value
  else if (typeof value === 'number' && Number.isInteger(value)) {
    // 1e300 is an "integer" to JS but no offset; unsafe numbers have lost digits already.
    if (!Number.isSafeInteger(value)) throw outOfRange(field, String(value))
    n = BigInt(value)
  } else if (typeof value === 'string' && /^-?\d+$/.test(value)) n = BigInt(value)
  if (n === null)
    throw new TypeError(
      `Expected an integer ${field}, got ${JSON.stringify(typeof value === 'bigint' ? String(value) : value)?.slice(0, 80)}`,
    )
  if (n > INT64_MAX || n < INT64_MIN) throw outOfRange(field, String(value))
  return n.toString()
}

/** Serializes a request body, writing exact offsets (decimal strings marked with `offsetKeys`) as JSON numbers. */
export function stringifyWithOffsets(body: unknown, offsetKeys: ReadonlySet<string>): string {
  const marker = '\u0000int:'
  const json = JSON.stringify(body, (key, value) =>
    offsetKeys.has(key) && typeof value === 'string' && /^-?\d+$/.test(value) ? marker + value : value,
  )
  return json.replace(/"\\u0000int:(-?\d+)"/g, '$1')
}
