/**
 * The Protobuf codec (loaded lazily through codec-loader.ts): binary ↔ JSON driven by protobufjs reflection,
 * with our own bounds-checked reader and writer (no generated code, see protobuf-schema.ts). JSON follows
 * Protobuf's JSON mapping where it matters for exactness: 64-bit integers as decimal strings, enums by name
 * (unknown numbers stay numbers), bytes as hex (the mapping says base64; hex matches the rest of the console),
 * original field names, and fields without presence shown with their default.
 */
import { bytesToHex } from '../bytes/hex.ts'
import { ByteReader, ByteWriter, DecodeError, pointer } from './byte-io.ts'
import { floatOf, hexOf, integerOf, isPlainObject, jsonFloat, setOwn, shortestFloat32 } from './json-out.ts'
import {
  isEnumType,
  isMapField,
  isMessageType,
  messageAt,
  parseProto,
  ProtoSchemaError,
  type ParsedProto,
  type ProtoField,
  type ProtoType,
} from './protobuf-schema.ts'
import { sampleProto } from './sample-from-schema.ts'
import type {
  Codec,
  DecodeResult,
  EncodeResult,
  ParsedSchema,
  ParseResult,
  SchemaReferenceText,
} from './types.ts'

export interface ParsedProtobufSchema extends ParsedSchema, ParsedProto {
  readonly format: 'PROTOBUF'
}

const MAX_DEPTH = 200
const WIRE: Record<string, number> = {
  double: 1,
  float: 5,
  int32: 0,
  int64: 0,
  uint32: 0,
  uint64: 0,
  sint32: 0,
  sint64: 0,
  fixed32: 5,
  fixed64: 1,
  sfixed32: 5,
  sfixed64: 1,
  bool: 0,
  string: 2,
  bytes: 2,
}
const LONGS = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64'])

function asProto(schema: ParsedSchema): ParsedProtobufSchema {
  if (schema.format !== 'PROTOBUF')
    throw new TypeError(`A ${schema.format} schema was given to the Protobuf codec.`)
  return schema as ParsedProtobufSchema
}

function wireOf(field: ProtoField): number {
  if (isMessageType(field.resolvedType)) return field.delimited ? 3 : 2
  if (isEnumType(field.resolvedType)) return 0
  return WIRE[field.type] ?? 2
}

function mismatch(at: number, message: string): DecodeError {
  return new DecodeError('mismatch', at, message)
}

// ---------------------------------------------------------------------------------------------------------
// Decoding

interface Ctx {
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

function decodeMessage(type: ProtoType, r: ByteReader, end: number, ctx: Ctx, depth: number, group?: number) {
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

export function decodeProtobufPayload(
  schema: ParsedSchema,
  bytes: Uint8Array,
  payloadOffset: number,
  options: { messageIndexes?: readonly number[] } = {},
): DecodeResult {
  const proto = asProto(schema)
  const type = messageAt(proto, options.messageIndexes)
  if (typeof type === 'string') return { ok: false, failure: { kind: 'unknown-message', message: type } }
  const r = new ByteReader(bytes, payloadOffset)
  const ctx: Ctx = { unknown: 0 }
  try {
    const value = decodeMessage(type, r, bytes.length, ctx, 0)
    const annotations =
      ctx.unknown > 0
        ? [
            {
              pointer: '',
              note: `${ctx.unknown} field${ctx.unknown === 1 ? '' : 's'} not in the schema skipped`,
            },
          ]
        : []
    return {
      ok: true,
      value: {
        format: 'PROTOBUF',
        // 64-bit integers are strings and non-finite floats too: the native stringify is exact here.
        json: JSON.stringify(value),
        value,
        messageName: type.fullName.replace(/^\./, ''),
        annotations,
        warnings: [],
      },
    }
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error
    return {
      ok: false,
      failure: {
        kind: error.kind,
        offset: error.offset,
        message: `${error.message} The payload does not match message ${type.fullName.replace(/^\./, '')}.`,
      },
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Encoding

class ProtoEncodeError extends Error {
  readonly instancePath: string
  constructor(path: (string | number)[], message: string) {
    super(message)
    this.instancePath = pointer(path)
  }
}

const RANGES: Record<string, readonly [bigint, bigint]> = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  sint32: [-(2n ** 31n), 2n ** 31n - 1n],
  sfixed32: [-(2n ** 31n), 2n ** 31n - 1n],
  uint32: [0n, 2n ** 32n - 1n],
  fixed32: [0n, 2n ** 32n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  sint64: [-(2n ** 63n), 2n ** 63n - 1n],
  sfixed64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
  fixed64: [0n, 2n ** 64n - 1n],
}

function writeScalar(type: string, v: unknown, w: ByteWriter, path: (string | number)[]): void {
  const fail = (what: string): never => {
    throw new ProtoEncodeError(
      path,
      `Expected ${what} for ${type}, got ${v === null ? 'null' : typeof v === 'string' ? JSON.stringify(v).slice(0, 60) : String(v)}.`,
    )
  }
  const range = RANGES[type]
  if (range) {
    const n = integerOf(v)
    if (n === null || n < range[0] || n > range[1]) fail(`an integer from ${range[0]} to ${range[1]}`)
    switch (type) {
      case 'sint32':
      case 'sint64':
        return w.zigzag(n!)
      case 'fixed32':
      case 'sfixed32':
        return w.uint32le(Number(BigInt.asUintN(32, n!)))
      case 'fixed64':
      case 'sfixed64':
        return w.uint64le(n!)
      default:
        return w.varint(n! < 0n ? BigInt.asUintN(64, n!) : n!)
    }
  }
  switch (type) {
    case 'double':
    case 'float': {
      const n = floatOf(v)
      if (n === null) fail('a number')
      return type === 'float' ? w.float32(n!) : w.float64(n!)
    }
    case 'bool':
      return typeof v === 'boolean' ? w.byte(v ? 1 : 0) : fail('true or false')
    case 'string': {
      if (typeof v !== 'string') fail('a string')
      const b = w.utf8(v as string)
      w.varint(b.length)
      return w.bytes(b)
    }
    default: {
      const b = hexOf(v)
      if (!b) return fail('bytes as a hex string')
      w.varint(b.length)
      return w.bytes(b)
    }
  }
}

function isImplicitDefault(field: ProtoField, v: unknown): boolean {
  const t = field.resolvedType
  if (isMessageType(t)) return false
  if (isEnumType(t)) return (typeof v === 'string' ? t.values[v] : integerOf(v) === 0n ? 0 : -1) === 0
  if (field.type === 'bool') return v === false
  if (field.type === 'string' || field.type === 'bytes') return v === ''
  if (field.type === 'float' || field.type === 'double') {
    const n = floatOf(v)
    return n === 0 && !Object.is(n, -0)
  }
  return integerOf(v) === 0n
}

function writeValue(
  field: ProtoField,
  v: unknown,
  w: ByteWriter,
  path: (string | number)[],
  depth: number,
): void {
  const t = field.resolvedType
  if (isMessageType(t)) {
    const inner = new ByteWriter()
    encodeMessage(t, v, inner, path, depth + 1)
    const bytes = inner.result()
    if (field.delimited) {
      w.bytes(bytes)
      w.varint(field.id * 8 + 4)
      return
    }
    w.varint(bytes.length)
    return w.bytes(bytes)
  }
  if (isEnumType(t)) {
    const n = typeof v === 'string' ? t.values[v] : integerOf(v)
    if (n === undefined || n === null) {
      throw new ProtoEncodeError(
        path,
        `Expected one of ${Object.keys(t.values).slice(0, 10).join(', ')} (enum ${t.name}).`,
      )
    }
    return writeScalar('int32', n, w, path)
  }
  writeScalar(field.type, v, w, path)
}

function encodeMessage(
  type: ProtoType,
  value: unknown,
  w: ByteWriter,
  path: (string | number)[],
  depth: number,
) {
  if (depth > MAX_DEPTH) throw new ProtoEncodeError(path, `The value nests deeper than ${MAX_DEPTH} levels.`)
  if (!isPlainObject(value)) throw new ProtoEncodeError(path, `Expected an object for message ${type.name}.`)
  const byKey = new Map<string, ProtoField>()
  for (const f of type.fieldsArray) {
    byKey.set(f.name, f)
    if (f.jsonName) byKey.set(f.jsonName, f)
  }
  const present = new Map<ProtoField, [string, unknown]>()
  for (const key of Object.keys(value)) {
    const f = byKey.get(key)
    if (!f) throw new ProtoEncodeError([...path, key], `Message ${type.name} has no field "${key}".`)
    if (value[key] === null || value[key] === undefined) continue
    present.set(f, [key, value[key]])
  }
  for (const oneof of type.oneofsArray) {
    const set = oneof.fieldsArray.filter((f) => present.has(f))
    if (set.length > 1) {
      throw new ProtoEncodeError(
        path,
        `Only one of ${set.map((f) => f.name).join(', ')} may be set (oneof ${oneof.name}).`,
      )
    }
  }
  const fields = [...present.keys()].sort((a, b) => a.id - b.id)
  for (const field of fields) {
    const [key, v] = present.get(field)!
    const at = [...path, key]
    const wire = wireOf(field)
    if (isMapField(field)) {
      if (!isPlainObject(v)) throw new ProtoEncodeError(at, `Expected an object for map field "${key}".`)
      for (const k of Object.keys(v)) {
        const entry = new ByteWriter()
        const keyValue = field.keyType === 'bool' ? (k === 'true' ? true : k === 'false' ? false : k) : k
        entry.varint(8 | WIRE[field.keyType])
        writeScalar(field.keyType, keyValue, entry, [...at, k])
        entry.varint(16 | wire)
        writeValue(field, v[k], entry, [...at, k], depth)
        const bytes = entry.result()
        w.varint(field.id * 8 + 2)
        w.varint(bytes.length)
        w.bytes(bytes)
      }
    } else if (field.repeated) {
      if (!Array.isArray(v)) throw new ProtoEncodeError(at, `Expected an array for repeated field "${key}".`)
      if (field.packed && wire !== 2 && wire !== 3) {
        if (v.length === 0) continue
        const packed = new ByteWriter()
        v.forEach((item, i) => writeValue(field, item, packed, [...at, i], depth))
        const bytes = packed.result()
        w.varint(field.id * 8 + 2)
        w.varint(bytes.length)
        w.bytes(bytes)
      } else {
        v.forEach((item, i) => {
          w.varint(field.id * 8 + wire)
          writeValue(field, item, w, [...at, i], depth)
        })
      }
    } else {
      // Without presence, a default value is not written (as every Protobuf serializer does); still validated.
      if (!field.hasPresence && isImplicitDefault(field, v)) {
        writeValue(field, v, new ByteWriter(), at, depth)
        continue
      }
      w.varint(field.id * 8 + wire)
      writeValue(field, v, w, at, depth)
    }
  }
}

export function encodeProtobufValue(
  schema: ParsedSchema,
  value: unknown,
  options: { messageIndexes?: readonly number[] } = {},
): EncodeResult {
  const proto = asProto(schema)
  const type = messageAt(proto, options.messageIndexes)
  if (typeof type === 'string') return { ok: false, errors: [{ instancePath: '', message: type }] }
  try {
    const w = new ByteWriter()
    encodeMessage(type, value, w, [], 0)
    return { ok: true, bytes: w.result() }
  } catch (error) {
    if (error instanceof ProtoEncodeError)
      return { ok: false, errors: [{ instancePath: error.instancePath, message: error.message }] }
    throw error
  }
}

export function parseProtobuf(
  schemaText: string,
  references: readonly SchemaReferenceText[] = [],
): ParseResult {
  try {
    const schema: ParsedProtobufSchema = { format: 'PROTOBUF', ...parseProto(schemaText, references) }
    return { ok: true, schema }
  } catch (error) {
    if (error instanceof ProtoSchemaError) return { ok: false, message: error.message }
    throw error
  }
}

export const codec: Codec = {
  format: 'PROTOBUF',
  parse: parseProtobuf,
  decode: decodeProtobufPayload,
  encode: encodeProtobufValue,
  sample: (schema, options) => {
    const type = messageAt(asProto(schema), options?.messageIndexes)
    return typeof type === 'string' ? {} : sampleProto(type)
  },
}
