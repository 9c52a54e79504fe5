/**
 * JSON value → Protobuf binary, validating with JSON Pointer paths. Fields are written in field-number order,
 * defaults of fields without presence are left out and repeated scalars packed where the schema says: the bytes
 * every Protobuf serializer writes.
 */
import { ByteWriter, pointer } from './byte-io.ts'
import { floatOf, hexOf, integerOf, isPlainObject } from './json-out.ts'
import { isEnumType, isMapField, isMessageType, type ProtoField, type ProtoType } from './protobuf-schema.ts'
import { MAX_DEPTH, WIRE, wireOf } from './protobuf-wire.ts'

export class ProtoEncodeError extends Error {
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

export function encodeMessage(
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
