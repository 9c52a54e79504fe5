/**
 * A starting value for the produce form, in the same JSON shape the decoders give, so it encodes as it stands.
 * Deterministic (no clock, no randomness) and bounded: recursive schemas stop at MAX_DEPTH with the smallest
 * value that fits (null in a union, an empty array or map). Only type imports of protobufjs here: the Protobuf
 * part duck-types the reflection objects, so the Avro and JSON chunks do not pull protobufjs in.
 */
import { branchName, type AvroType } from './avro-schema.ts'
import type { ProtoField, ProtoType } from './protobuf-schema.ts'

const MAX_DEPTH = 8

// ---------------------------------------------------------------------------------------------------------
// Avro

function avroLogicalSample(t: AvroType): unknown {
  if (!('logical' in t) || !t.logical) return undefined
  switch (t.logical.name) {
    case 'timestamp-millis':
      return '1970-01-01T00:00:00.000Z'
    case 'timestamp-micros':
      return '1970-01-01T00:00:00.000000Z'
    case 'timestamp-nanos':
      return '1970-01-01T00:00:00.000000000Z'
    case 'local-timestamp-millis':
      return '1970-01-01T00:00:00.000'
    case 'local-timestamp-micros':
      return '1970-01-01T00:00:00.000000'
    case 'local-timestamp-nanos':
      return '1970-01-01T00:00:00.000000000'
    case 'date':
      return '1970-01-01'
    case 'time-millis':
      return '00:00:00.000'
    case 'time-micros':
      return '00:00:00.000000'
    case 'decimal':
      return t.logical.scale ? `0.${'0'.repeat(t.logical.scale)}` : '0'
    case 'uuid':
      return '00000000-0000-0000-0000-000000000000'
    case 'duration':
      return { months: 0, days: 0, milliseconds: 0 }
    default:
      return undefined
  }
}

export function sampleAvro(type: AvroType, depth = 0): unknown {
  const logical = avroLogicalSample(type)
  if (logical !== undefined) return logical
  switch (type.kind) {
    case 'null':
      return null
    case 'boolean':
      return false
    case 'int':
    case 'long':
    case 'float':
    case 'double':
      return 0
    case 'bytes':
    case 'string':
      return ''
    case 'fixed':
      return '00'.repeat(type.size)
    case 'enum':
      return type.default ?? type.symbols[0]
    case 'array':
      return depth >= MAX_DEPTH ? [] : [sampleAvro(type.items, depth + 1)]
    case 'map':
      return depth >= MAX_DEPTH ? {} : { key: sampleAvro(type.values, depth + 1) }
    case 'union': {
      const nullable = type.branches.find((b) => b.kind === 'null')
      if (nullable && depth >= MAX_DEPTH) return null
      const first = type.branches[0]
      return first.kind === 'null' ? null : { [branchName(first)]: sampleAvro(first, depth + 1) }
    }
    case 'record': {
      const out: Record<string, unknown> = {}
      for (const f of type.fields) {
        // A default is in Avro's JSON encoding; only defaults that read the same in ours are reused.
        const reusable =
          f.hasDefault && f.type.kind !== 'union' && f.type.kind !== 'bytes' && f.type.kind !== 'fixed'
        Object.defineProperty(out, f.name, {
          value: reusable ? f.default : sampleAvro(f.type, depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        })
      }
      return out
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Protobuf (reflection duck-typed: Type has fieldsArray, Enum has values)

const PROTO_LONGS = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64'])

function protoScalar(field: ProtoField, depth: number): unknown {
  const t = field.resolvedType as unknown
  if (t && typeof t === 'object' && 'fieldsArray' in t)
    return depth >= MAX_DEPTH ? {} : sampleProto(t as ProtoType, depth + 1)
  if (t && typeof t === 'object' && 'values' in t) return Object.keys((t as { values: object }).values)[0]
  if (PROTO_LONGS.has(field.type)) return '0'
  if (field.type === 'bool') return false
  if (field.type === 'string' || field.type === 'bytes') return ''
  return 0
}

export function sampleProto(type: ProtoType, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const oneofsSeen = new Set<unknown>()
  for (const field of type.fieldsArray) {
    if (field.partOf) {
      // One member per oneof, the first.
      if (oneofsSeen.has(field.partOf)) continue
      oneofsSeen.add(field.partOf)
    }
    let value: unknown
    if (field.map) value = {}
    else if (field.repeated) value = []
    else value = protoScalar(field, depth)
    Object.defineProperty(out, field.name, { value, enumerable: true, writable: true, configurable: true })
  }
  return out
}

// ---------------------------------------------------------------------------------------------------------
// JSON Schema

type Json = Record<string, unknown>

function resolveRef(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined
  let node: unknown = root
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Json)[key]
  }
  return node
}

export function sampleJsonSchema(schema: unknown, root: unknown = schema, depth = 0): unknown {
  if (typeof schema !== 'object' || schema === null || depth > MAX_DEPTH * 2) return null
  const s = schema as Json
  if ('const' in s) return s.const
  if ('default' in s) return s.default
  if (Array.isArray(s.examples) && s.examples.length > 0) return s.examples[0]
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[0]
  if (typeof s.$ref === 'string') {
    const target = resolveRef(root, s.$ref)
    return target === undefined ? null : sampleJsonSchema(target, root, depth + 1)
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const list = s[key]
    if (Array.isArray(list) && list.length > 0) {
      const nonNull = list.find((b) => !(typeof b === 'object' && b !== null && (b as Json).type === 'null'))
      return sampleJsonSchema(nonNull ?? list[0], root, depth + 1)
    }
  }
  if (Array.isArray(s.allOf)) {
    const parts = s.allOf.map((p) => sampleJsonSchema(p, root, depth + 1))
    if (parts.every((p) => typeof p === 'object' && p !== null && !Array.isArray(p)))
      return Object.assign({}, ...parts)
  }
  let type = s.type
  if (Array.isArray(type)) type = type.find((t) => t !== 'null') ?? type[0]
  if (type === undefined && typeof s.properties === 'object') type = 'object'
  switch (type) {
    case 'object': {
      const out: Json = {}
      const props = (typeof s.properties === 'object' && s.properties !== null ? s.properties : {}) as Json
      for (const key of Object.keys(props)) {
        Object.defineProperty(out, key, {
          value: sampleJsonSchema(props[key], root, depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        })
      }
      return out
    }
    case 'array': {
      const min = typeof s.minItems === 'number' ? Math.min(s.minItems, 10) : 0
      const items = Array.isArray(s.prefixItems) ? s.prefixItems : []
      const out = items.map((p) => sampleJsonSchema(p, root, depth + 1))
      while (out.length < min) out.push(sampleJsonSchema(s.items, root, depth + 1))
      return out
    }
    case 'string':
      if (s.format === 'date-time') return '1970-01-01T00:00:00Z'
      if (s.format === 'date') return '1970-01-01'
      if (s.format === 'uuid') return '00000000-0000-0000-0000-000000000000'
      if (s.format === 'email') return 'user@example.com'
      return typeof s.minLength === 'number' && s.minLength > 0 ? 'x'.repeat(Math.min(s.minLength, 100)) : ''
    case 'integer':
    case 'number':
      return typeof s.minimum === 'number'
        ? s.minimum
        : typeof s.exclusiveMinimum === 'number'
          ? Math.floor(s.exclusiveMinimum) + 1
          : 0
    case 'boolean':
      return false
    default:
      return null
  }
}
