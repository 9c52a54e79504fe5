/**
 * Avro binary → JSON tree, driven by the parsed writer schema (avro-schema.ts). Longs are numbers when safe and
 * bigint beyond, bytes and fixed are hex, unions are {"branch": value} (Avro's JSON encoding; null stays null),
 * logical types readable with the other reading in an annotation. Every failure is a DecodeError with its offset.
 */
import { bytesToHex } from '../bytes/hex.ts'
import { ByteReader, DecodeError, pointer } from './byte-io.ts'
import { readableLogical } from './avro-logical.ts'
import { branchName, type AvroLogical, type AvroType } from './avro-schema.ts'
import { jsonFloat, setOwn, shortestFloat32 } from './json-out.ts'
import type { DecodeAnnotation } from './types.ts'

/** Values (array items, map entries, fields) one record may hold; stops `[null] × 2^60` style payloads. */
export const MAX_AVRO_VALUES = 5_000_000
/** Nesting of a recursive schema in one record; deeper would overflow the stack. */
export const MAX_AVRO_DEPTH = 500

interface Context {
  r: ByteReader
  /** Where bigint longs sit in the tree: JSON.stringify cannot write them, see decodeAvroText. */
  bigs: Array<[Record<string, unknown> | unknown[], string | number]>
  readable: boolean
  annotations: DecodeAnnotation[]
  path: (string | number)[]
  budget: number
}

export function decodeAvro(
  type: AvroType,
  r: ByteReader,
  readable: boolean,
): { value: unknown; annotations: DecodeAnnotation[]; json: () => string } {
  const ctx: Context = { r, readable, annotations: [], path: [], budget: MAX_AVRO_VALUES, bigs: [] }
  const value = read(type, ctx, 0)
  // The text is made on demand: a list shows a few rows of thousands decoded, and stringifying costs as much
  // as decoding.
  let json: string | undefined
  return { value, annotations: ctx.annotations, json: () => (json ??= jsonText(value, ctx.bigs)) }
}

// Random per load, so no payload string can pose as a mark; plain ASCII keeps JSON.stringify on its fast path.
const BIG_MARK = `krc-big-${Math.random().toString(36).slice(2)}:`
const BIG_MARKED = new RegExp(`"${BIG_MARK}(-?\\d+)"`, 'g')

/**
 * Compact JSON of the tree with the native JSON.stringify (a hand-written serializer was 3× slower): bigint
 * longs are swapped for marked strings for the call and put back after, then the marks become bare digits.
 */
function jsonText(value: unknown, bigs: Context['bigs']): string {
  if (typeof value === 'bigint') return value.toString()
  if (bigs.length === 0) return JSON.stringify(value)
  for (const [container, key] of bigs)
    (container as Record<string, unknown>)[key] =
      BIG_MARK + String((container as Record<string, unknown>)[key])
  const text = JSON.stringify(value)
  for (const [container, key] of bigs) {
    const c = container as Record<string, unknown>
    c[key] = BigInt((c[key] as string).slice(BIG_MARK.length))
  }
  return text.replace(BIG_MARKED, '$1')
}

function mismatch(at: number, message: string): DecodeError {
  return new DecodeError('mismatch', at, message)
}

function count(ctx: Context, n: number, at: number): void {
  ctx.budget -= n
  if (ctx.budget < 0)
    throw mismatch(at, `The record holds more than ${MAX_AVRO_VALUES} values; decoding stopped.`)
}

/** A block count or length: a long that must be a non-negative safe number. */
function length(ctx: Context, what: string): number {
  const at = ctx.r.pos
  const n = ctx.r.zigzag(what)
  if (typeof n !== 'number' || n < 0)
    throw mismatch(at, `The ${what} at offset ${at} is ${n}: not a valid length.`)
  return n
}

function read(type: AvroType, ctx: Context, depth: number): unknown {
  const r = ctx.r
  switch (type.kind) {
    case 'null':
      return null
    case 'boolean': {
      const at = r.pos
      const b = r.byte('a boolean')
      if (b > 1) throw mismatch(at, `The boolean at offset ${at} is 0x${b.toString(16)}, not 0 or 1.`)
      return logical(type.logical, b === 1, ctx)
    }
    case 'int': {
      const at = r.pos
      const v = r.zigzag('an int')
      if (typeof v !== 'number' || v > 2147483647 || v < -2147483648) {
        throw mismatch(at, `The int at offset ${at} is ${v}, outside 32 bits.`)
      }
      return logical(type.logical, v, ctx)
    }
    case 'long':
      return logical(type.logical, r.zigzag('a long'), ctx)
    case 'float':
      return jsonFloat(shortestFloat32(r.float32()))
    case 'double':
      return jsonFloat(r.float64())
    case 'bytes': {
      const b = r.bytes(length(ctx, 'bytes length'), 'bytes')
      return type.logical ? logical(type.logical, b, ctx) : bytesToHex(b)
    }
    case 'string':
      return logical(type.logical, r.utf8(length(ctx, 'string length')), ctx)
    case 'fixed': {
      const b = r.bytes(type.size, 'a fixed')
      return type.logical ? logical(type.logical, b, ctx) : bytesToHex(b)
    }
    case 'enum': {
      const at = r.pos
      const i = r.zigzag('an enum index')
      if (typeof i !== 'number' || i < 0 || i >= type.symbols.length) {
        throw mismatch(
          at,
          `The enum index at offset ${at} is ${i}; ${type.name} has ${type.symbols.length} symbols.`,
        )
      }
      return type.symbols[i]
    }
    case 'union': {
      const at = r.pos
      const i = r.zigzag('a union index')
      if (typeof i !== 'number' || i < 0 || i >= type.branches.length) {
        throw mismatch(
          at,
          `The union index at offset ${at} is ${i}; the union has ${type.branches.length} branches.`,
        )
      }
      const branch = type.branches[i]
      if (branch.kind === 'null') return null
      const name = branchName(branch)
      ctx.path.push(name)
      const value = nested(branch, ctx, depth, at)
      ctx.path.pop()
      const wrapped: Record<string, unknown> = {}
      setOwn(wrapped, name, value)
      if (typeof value === 'bigint') ctx.bigs.push([wrapped, name])
      return wrapped
    }
    case 'record': {
      const obj: Record<string, unknown> = {}
      count(ctx, type.fields.length, r.pos)
      for (const field of type.fields) {
        ctx.path.push(field.name)
        const v = nested(field.type, ctx, depth, r.pos)
        setOwn(obj, field.name, v)
        if (typeof v === 'bigint') ctx.bigs.push([obj, field.name])
        ctx.path.pop()
      }
      return obj
    }
    case 'array': {
      const out: unknown[] = []
      for (let n = blockCount(ctx, 'array'); n > 0; n = blockCount(ctx, 'array')) {
        for (let i = 0; i < n; i++) {
          ctx.path.push(out.length)
          const v = nested(type.items, ctx, depth, r.pos)
          if (typeof v === 'bigint') ctx.bigs.push([out, out.length])
          out.push(v)
          ctx.path.pop()
        }
      }
      return out
    }
    case 'map': {
      const obj: Record<string, unknown> = {}
      for (let n = blockCount(ctx, 'map'); n > 0; n = blockCount(ctx, 'map')) {
        for (let i = 0; i < n; i++) {
          const key = r.utf8(length(ctx, 'map key length'), 'a map key')
          ctx.path.push(key)
          const v = nested(type.values, ctx, depth, r.pos)
          setOwn(obj, key, v)
          if (typeof v === 'bigint') ctx.bigs.push([obj, key])
          ctx.path.pop()
        }
      }
      return obj
    }
  }
}

function nested(type: AvroType, ctx: Context, depth: number, at: number): unknown {
  if (depth >= MAX_AVRO_DEPTH) throw mismatch(at, `The record nests deeper than ${MAX_AVRO_DEPTH} levels.`)
  return read(type, ctx, depth + 1)
}

/** The item count of the next array/map block (0 at the end); a negative count is followed by a byte size. */
function blockCount(ctx: Context, what: 'array' | 'map'): number {
  const r = ctx.r
  const at = r.pos
  let n = r.zigzag(what === 'array' ? 'an array block count' : 'a map block count')
  if (typeof n !== 'number') throw mismatch(at, `The ${what} block count at offset ${at} is ${n}: too large.`)
  if (n < 0) {
    n = -n
    length(ctx, `${what} block size`) // only there to allow skipping; we read the items anyway
  }
  count(ctx, n, at)
  return n
}

function logical(l: AvroLogical | undefined, raw: unknown, ctx: Context): unknown {
  if (!l) return raw
  const readable = readableLogical(l, raw)
  const rawJson = raw instanceof Uint8Array ? bytesToHex(raw) : raw
  if (readable === undefined) return rawJson
  const other = ctx.readable ? rawJson : readable
  ctx.annotations.push({
    pointer: pointer(ctx.path),
    note: `${l.name}${l.name === 'decimal' ? `(${l.precision},${l.scale ?? 0})` : ''} ${typeof other === 'object' ? JSON.stringify(other) : String(other)}`,
  })
  return ctx.readable ? readable : rawJson
}
