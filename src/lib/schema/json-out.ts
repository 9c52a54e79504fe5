/**
 * Compact JSON text of a decoded tree, exact for bigint and lossless-json numbers (JSON.stringify throws on
 * bigint and would round). The trees come from our own decoders, so their depth is already bounded.
 */
import { isLosslessNumber } from 'lossless-json'

export function toJsonText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value)
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null'
    case 'bigint':
      return value.toString()
    case 'boolean':
      return value ? 'true' : 'false'
    case 'object': {
      if (value === null) return 'null'
      if (isLosslessNumber(value)) return value.toString()
      if (Array.isArray(value)) {
        let out = '['
        for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + toJsonText(value[i])
        return out + ']'
      }
      let out = '{'
      let first = true
      for (const key of Object.keys(value)) {
        out +=
          (first ? '' : ',') + JSON.stringify(key) + ':' + toJsonText((value as Record<string, unknown>)[key])
        first = false
      }
      return out + '}'
    }
    default:
      return 'null'
  }
}

/** Sets a property even when the key is "__proto__" (a valid Avro field name and any map key). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
  else target[key] = value
}

/** An integer from a JSON value as parseJsonLossless gives it (or a decimal string), exactly; null if it is none. */
export function integerOf(value: unknown): bigint | null {
  if (typeof value === 'bigint') return value
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : null
  const text = isLosslessNumber(value) ? value.toString() : typeof value === 'string' ? value.trim() : null
  if (text === null) return null
  if (/^-?\d+$/.test(text)) return BigInt(text)
  // 1e3 or 5.0 are integers too when written as JSON numbers.
  if (isLosslessNumber(value) && /^-?\d+(\.0+)?([eE][+]?\d+)?$/.test(text)) {
    const n = Number(text)
    return Number.isSafeInteger(n) ? BigInt(n) : null
  }
  return null
}

/** A finite or special (NaN, ±Infinity as strings) floating-point number from a JSON value; null if none. */
export function floatOf(value: unknown): number | null {
  if (typeof value === 'number') return value
  if (typeof value === 'bigint') return Number(value)
  if (isLosslessNumber(value)) return Number(value.toString())
  if (value === 'NaN') return NaN
  if (value === 'Infinity') return Infinity
  if (value === '-Infinity') return -Infinity
  return null
}

/** The shortest decimal that reads back as the same float32 (0.1, not 0.10000000149011612). */
export function shortestFloat32(v: number): number {
  if (!Number.isFinite(v) || v === 0) return v
  for (let p = 1; p < 10; p++) {
    const n = Number(v.toPrecision(p))
    if (Math.fround(n) === v) return n
  }
  return v
}

/** A float that JSON cannot hold becomes "NaN", "Infinity" or "-Infinity" (as Protobuf's JSON mapping does). */
export function jsonFloat(v: number): number | string {
  return Number.isFinite(v) ? v : String(v)
}

const HEX = /^(?:[0-9a-fA-F]{2})*$/

/** Bytes from a hex string ("" is empty); null if it is not hex. */
export function hexOf(value: unknown): Uint8Array | null {
  if (typeof value !== 'string') return null
  const text = value.replace(/\s+/g, '')
  if (!HEX.test(text)) return null
  const out = new Uint8Array(text.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16)
  return out
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isLosslessNumber(value)
}
