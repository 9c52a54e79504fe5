/**
 * Protobuf binary → JSON tree, driven by protobufjs reflection with our own bounds-checked reader (no generated
 * code). 64-bit integers are decimal strings, enums names (unknown numbers stay numbers), bytes hex, fields
 * without presence shown with their default. Every failure is a DecodeError with its offset.
 */
import { bytesToHex } from '../bytes/hex.ts'
import { ByteReader, DecodeError } from './byte-io.ts'
import { jsonFloat, setOwn, shortestFloat32 } from './json-out.ts'
import { isEnumType, isMapField, isMessageType, type ProtoField, type ProtoType } from './protobuf-schema.ts'
import { LONGS, MAX_DEPTH, WIRE, wireOf } from './protobuf-wire.ts'

function mismatch(at: number, message: string): DecodeError {
  return new DecodeError('mismatch', at, message)
}

export interface Ctx {
  unknown: number
}

function readScalar(type: string, r: ByteReader): unknown {
  switch (type) {
    case 'double':
      return jsonFloat(r.float64())
    case 'float':
      return jsonFloat(shortestFloat32(r.float32()))
    case 'int32':
    case 'uint32': {
      const raw = r.varint()
      const low = typeof raw === 'number' && raw <= 0xffffffff ? raw : Number(BigInt.asUintN(32, BigInt(raw)))
      return type === 'uint32' ? low : low | 0
    }
    case 'sint32': {
      const raw = r.varint()
      const low = typeof raw === 'number' && raw <= 0xffffffff ? raw : Number(BigInt.asUintN(32, BigInt(raw)))
      return (low >>> 1) ^ -(low & 1)
    }
    case 'int64':
      return BigInt.asIntN(64, BigInt(r.varint())).toString()
    case 'uint64':
      return BigInt(r.varint()).toString()
    case 'sint64':
      return String(r.zigzag())
    case 'fixed32':
      return r.uint32le()
    case 'sfixed32':
      return r.uint32le() | 0
    case 'fixed64':
      return r.uint64le().toString()
    case 'sfixed64':
      return BigInt.asIntN(64, r.uint64le()).toString()
    case 'bool':
      return r.varint() !== 0
    case 'string':
      return r.utf8(len(r))
    default:
      return bytesToHex(r.bytes(len(r)))
  }
}

function len(r: ByteReader): number {
  const at = r.pos
  const n = r.varint('a length')
  if (typeof n !== 'number' || n > r.end - r.pos) {
    throw new DecodeError(
      'truncated',
      at,
      `The length at offset ${at} is ${n}, beyond the ${r.end - r.pos} bytes left.`,
    )
  }
  return n
}

function readValue(field: ProtoField, r: ByteReader, ctx: Ctx, depth: number): unknown {
  const t = field.resolvedType
  if (isMessageType(t)) {
    if (field.delimited) return decodeMessage(t, r, r.end, ctx, depth + 1, field.id)
    const n = len(r)
    return decodeMessage(t, r, r.pos + n, ctx, depth + 1)
  }
  if (isEnumType(t)) {
    const raw = readScalar('int32', r) as number
    return t.valuesById[raw] ?? raw
  }
  return readScalar(field.type, r)
}

function skip(r: ByteReader, wire: number, fieldNo: number, depth: number): void {
  const at = r.pos
  switch (wire) {
    case 0:
      r.varint()
      return
    case 1:
      r.bytes(8)
      return
    case 2:
      r.bytes(len(r))
      return
    case 5:
      r.bytes(4)
      return
    case 3:
      if (depth > MAX_DEPTH) throw mismatch(at, `Groups nest deeper than ${MAX_DEPTH} levels.`)
      for (;;) {
        const tagAt = r.pos
        const tag = tagOf(r)
        if (tag.wire === 4) {
          if (tag.no !== fieldNo)
            throw mismatch(tagAt, `The group end at offset ${tagAt} closes field ${tag.no}, not ${fieldNo}.`)
          return
        }
        skip(r, tag.wire, tag.no, depth + 1)
      }
    default:
      throw mismatch(at, `Wire type ${wire} of field ${fieldNo} is not a valid Protobuf wire type.`)
  }
}

function tagOf(r: ByteReader): { no: number; wire: number } {
  const at = r.pos
  const tag = r.varint('a field tag')
  if (typeof tag !== 'number' || tag < 8 || tag > 0xffffffff)
    throw mismatch(at, `The field tag at offset ${at} is ${tag}: not a valid tag.`)
  return { no: Math.floor(tag / 8), wire: tag % 8 }
}

function scalarDefault(type: string, resolved: unknown): unknown {
  if (isEnumType(resolved)) return resolved.valuesById[0] ?? Object.keys(resolved.values)[0]
  if (isMessageType(resolved)) return {}
  if (LONGS.has(type)) return '0'
  if (type === 'bool') return false
  if (type === 'string' || type === 'bytes') return ''
  return 0
}

function defaultOf(field: ProtoField): unknown {
  if (field.map) return {}
  if (field.repeated) return []
  return scalarDefault(field.type, field.resolvedType)
}

export function decodeMessage(
  type: ProtoType,
  r: ByteReader,
  end: number,
  ctx: Ctx,
  depth: number,
  group?: number,
) {
  if (depth > MAX_DEPTH) throw mismatch(r.pos, `Messages nest deeper than ${MAX_DEPTH} levels.`)
  const outerEnd = r.end
  r.end = end
  const seen = new Map<string, unknown>()
  const byId = type.fieldsById
  while (r.pos < r.end) {
    const tagAt = r.pos
    const { no, wire } = tagOf(r)
    if (wire === 4) {
      if (group === no) break
      throw mismatch(tagAt, `An unexpected group end (field ${no}) at offset ${tagAt}.`)
    }
    const field = byId[no]
    if (!field) {
      skip(r, wire, no, depth)
      ctx.unknown++
      continue
    }
    const expected = isMapField(field) ? 2 : wireOf(field)
    const packed = field.repeated && !field.map && wire === 2 && expected !== 2 && expected !== 3
    if (wire !== expected && !packed) {
      throw mismatch(
        tagAt,
        `Field "${field.name}" (${no}) at offset ${tagAt} has wire type ${wire}; its type ${field.type} needs ${expected}.`,
      )
    }
    if (isMapField(field)) {
      const n = len(r)
      const entryEnd = r.pos + n
      const saved = r.end
      r.end = entryEnd
      let key: unknown = scalarDefault(field.keyType, null)
      let value: unknown = scalarDefault(field.type, field.resolvedType)
      while (r.pos < entryEnd) {
        const at = r.pos
        const t = tagOf(r)
        const want = t.no === 1 ? WIRE[field.keyType] : t.no === 2 ? wireOf(field) : t.wire
        if (t.wire !== want)
          throw mismatch(
            at,
            `Map entry field ${t.no} of "${field.name}" at offset ${at} has wire type ${t.wire}, not ${want}.`,
          )
        if (t.no === 1) key = readScalar(field.keyType, r)
        else if (t.no === 2) value = readValue(field, r, ctx, depth)
        else skip(r, t.wire, t.no, depth)
      }
      r.end = saved
      const map = (seen.get(field.name) as Record<string, unknown>) ?? {}
      setOwn(map, String(key), value)
      seen.set(field.name, map)
    } else if (field.repeated) {
      const list = (seen.get(field.name) as unknown[]) ?? []
      if (packed) {
        const n = len(r)
        const packedEnd = r.pos + n
        const saved = r.end
        r.end = packedEnd
        while (r.pos < packedEnd) list.push(readValue(field, r, ctx, depth))
        r.end = saved
      } else list.push(readValue(field, r, ctx, depth))
      seen.set(field.name, list)
    } else {
      seen.set(field.name, readValue(field, r, ctx, depth))
      // A oneof holds its last member only.
      if (field.partOf)
        for (const other of field.partOf.fieldsArray) if (other !== field) seen.delete(other.name)
    }
  }
  r.end = outerEnd
  const obj: Record<string, unknown> = {}
  for (const field of type.fieldsArray) {
    if (seen.has(field.name)) setOwn(obj, field.name, seen.get(field.name))
    // Absent messages stay absent (they always have presence, whatever protobufjs's feature says).
    else if (!field.hasPresence && (field.repeated || field.map || !isMessageType(field.resolvedType)))
      setOwn(obj, field.name, defaultOf(field))
  }
  return obj
}
