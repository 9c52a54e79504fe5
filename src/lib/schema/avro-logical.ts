/**
 * Avro logical types both ways: the readable form (ISO times, exact decimal strings, formatted UUIDs) from the
 * raw value, and the raw value from either form when producing. Exact: micro/nano timestamps and decimals go
 * through bigint, never through a double.
 */
import { bytesToHex } from '../bytes/hex.ts'
import type { AvroLogical } from './avro-schema.ts'

const MAX_DATE_MS = 8.64e15
const UNITS: Record<string, bigint> = { millis: 1n, micros: 1000n, nanos: 1000000n }

function unitOf(name: string): bigint {
  return UNITS[name.slice(name.lastIndexOf('-') + 1)] ?? 1n
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q
}

/** The readable reading of a raw logical value, or undefined when there is none (out of range, unknown). */
export function readableLogical(logical: AvroLogical, raw: unknown): unknown {
  switch (logical.name) {
    case 'timestamp-millis':
    case 'timestamp-micros':
    case 'timestamp-nanos':
    case 'local-timestamp-millis':
    case 'local-timestamp-micros':
    case 'local-timestamp-nanos': {
      const local = logical.name.startsWith('local-')
      if (typeof raw === 'number' && logical.name.endsWith('millis')) {
        // The common case, without bigint.
        if (Math.abs(raw) > MAX_DATE_MS) return undefined
        const iso = new Date(raw).toISOString()
        return local ? iso.slice(0, -1) : iso
      }
      const unit = unitOf(logical.name)
      const v = BigInt(raw as number | bigint)
      const ms = floorDiv(v, unit)
      if (ms > BigInt(MAX_DATE_MS) || ms < -BigInt(MAX_DATE_MS)) return undefined
      const iso = new Date(Number(ms)).toISOString()
      const sub = unit === 1n ? '' : String(v - ms * unit).padStart(unit === 1000n ? 3 : 6, '0')
      return iso.slice(0, -1) + sub + (local ? '' : 'Z')
    }
    case 'date': {
      const ms = (raw as number) * 86400000
      if (Math.abs(ms) > MAX_DATE_MS) return undefined
      const iso = new Date(ms).toISOString()
      return iso.slice(0, iso.indexOf('T'))
    }
    case 'time-millis':
    case 'time-micros': {
      const unit = logical.name === 'time-millis' ? 1000n : 1000000n
      const v = BigInt(raw as number | bigint)
      if (v < 0n || v >= 86400n * unit) return undefined
      const seconds = Number(v / unit)
      const hh = String(Math.floor(seconds / 3600)).padStart(2, '0')
      const mm = String(Math.floor(seconds / 60) % 60).padStart(2, '0')
      const ss = String(seconds % 60).padStart(2, '0')
      return `${hh}:${mm}:${ss}.${String(v % unit).padStart(unit === 1000n ? 3 : 6, '0')}`
    }
    case 'decimal':
      return decimalString(raw as Uint8Array, logical.scale ?? 0)
    case 'uuid': {
      if (typeof raw === 'string') return undefined // already readable
      const h = bytesToHex(raw as Uint8Array)
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
    }
    case 'duration': {
      const b = raw as Uint8Array
      const dv = new DataView(b.buffer, b.byteOffset, 12)
      return {
        months: dv.getUint32(0, true),
        days: dv.getUint32(4, true),
        milliseconds: dv.getUint32(8, true),
      }
    }
    default:
      return undefined
  }
}

/** Two's-complement big-endian bytes as an exact decimal string with `scale` fraction digits. */
export function decimalString(bytes: Uint8Array, scale: number): string {
  if (bytes.length <= 6) {
    // Up to 48 bits is exact in a double: no bigint needed.
    let n = 0
    for (const b of bytes) n = n * 256 + b
    if (bytes.length > 0 && bytes[0] & 0x80) n -= 2 ** (8 * bytes.length)
    return withScale(n < 0, String(Math.abs(n)), scale)
  }
  let v = 0n
  for (const b of bytes) v = (v << 8n) | BigInt(b)
  if (bytes.length > 0 && bytes[0] & 0x80) v -= 1n << BigInt(8 * bytes.length)
  return withScale(v < 0n, (v < 0n ? -v : v).toString(), scale)
}

function withScale(negative: boolean, abs: string, scale: number): string {
  const digits = abs.padStart(scale + 1, '0')
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`
  return negative ? `-${text}` : text
}

/** Two's-complement big-endian bytes of `v`: minimal, or sign-extended to `size`; null if it does not fit. */
export function twosComplement(v: bigint, size?: number): Uint8Array | null {
  const out: number[] = []
  let x = v
  do {
    out.unshift(Number(BigInt.asUintN(8, x)))
    x >>= 8n
  } while (!((x === 0n && (out[0] & 0x80) === 0) || (x === -1n && (out[0] & 0x80) !== 0)))
  if (size === undefined) return Uint8Array.from(out)
  if (out.length > size) return null
  const pad = v < 0n ? 0xff : 0
  return Uint8Array.from([...new Array<number>(size - out.length).fill(pad), ...out])
}

const ISO_TIMESTAMP = /^([+-]?\d{4,6}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})?$/
const ISO_DATE = /^[+-]?\d{4,6}-\d{2}-\d{2}$/
const TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/

/**
 * The raw value for a logical type from its readable form (string or object). Returns undefined when `value` is
 * not a readable form (the caller then encodes it as the base type), or an Error saying why it cannot be.
 */
export function rawFromReadable(logical: AvroLogical, value: unknown): unknown {
  if (logical.name.includes('timestamp') && typeof value === 'string') {
    const m = ISO_TIMESTAMP.exec(value)
    if (!m) return new Error(`"${value}" is not an ISO 8601 timestamp like 2026-12-06T14:10:33.123Z.`)
    const local = logical.name.startsWith('local-')
    if (local && m[3])
      return new Error(`A ${logical.name} has no time zone: write "${m[1]}" without "${m[3]}".`)
    const seconds = Date.parse(`${m[1]}${local ? 'Z' : (m[3] ?? 'Z')}`)
    if (Number.isNaN(seconds)) return new Error(`"${value}" is not a valid date and time.`)
    const unit = unitOf(logical.name)
    const digits = unit === 1n ? 3 : unit === 1000n ? 6 : 9
    const fraction = m[2] ?? ''
    if (fraction.length > digits)
      return new Error(`A ${logical.name} holds at most ${digits} fraction digits.`)
    return BigInt(seconds) * unit + BigInt(fraction.padEnd(digits, '0') || '0')
  }
  if (logical.name === 'date' && typeof value === 'string') {
    if (!ISO_DATE.test(value)) return new Error(`"${value}" is not a date like 2026-12-06.`)
    const ms = Date.parse(`${value}T00:00:00Z`)
    return Number.isNaN(ms) ? new Error(`"${value}" is not a valid date.`) : ms / 86400000
  }
  if (logical.name.startsWith('time-') && typeof value === 'string') {
    const m = TIME.exec(value)
    const digits = logical.name === 'time-millis' ? 3 : 6
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59 || Number(m[3]) > 59 || (m[4] ?? '').length > digits) {
      return new Error(`"${value}" is not a time like 14:10:33.${'1'.repeat(digits)}.`)
    }
    const seconds = Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])
    const raw = BigInt(seconds) * 10n ** BigInt(digits) + BigInt((m[4] ?? '').padEnd(digits, '0'))
    return logical.name === 'time-millis' ? Number(raw) : raw
  }
  if (logical.name === 'decimal' && typeof value === 'string' && DECIMAL.test(value)) {
    const [, sign, whole, fraction = ''] = DECIMAL.exec(value)!
    const scale = logical.scale ?? 0
    if (fraction.length > scale)
      return new Error(`"${value}" has more than ${scale} fraction digits (the scale).`)
    const unscaled = BigInt(`${sign}${whole}${fraction.padEnd(scale, '0')}`)
    const digits = (unscaled < 0n ? -unscaled : unscaled).toString().length
    if (digits > (logical.precision ?? Infinity)) {
      return new Error(`"${value}" has more than ${logical.precision} digits (the precision).`)
    }
    return unscaled
  }
  if (logical.name === 'uuid' && typeof value === 'string') {
    const hex = value.replace(/-/g, '')
    return /^[0-9a-fA-F]{32}$/.test(hex) ? hex : undefined
  }
  if (logical.name === 'duration' && typeof value === 'object' && value !== null && 'months' in value) {
    return value
  }
  return undefined
}
