/**
 * Random VALID values for an Avro schema or a Protobuf message, in exactly the JSON shape the decoders give (so
 * decode(encode(v)) is v): Avro longs as numbers when safe and bigint beyond, unions wrapped, logical types in
 * their readable form; Protobuf 64-bit integers as strings, enums by name. Bounded: containers hold 0–3 items
 * and stop at MAX_DEPTH (empty, or null in a union), and a node budget caps the whole value. Like
 * sample-from-schema.ts, the Protobuf part duck-types the reflection objects: no protobufjs import here.
 */
import { decimalString, readableLogical, twosComplement } from './avro-logical.ts'
import { branchName, type AvroType } from './avro-schema.ts'
import { jsonFloat, shortestFloat32 } from './json-out.ts'
import type { ProtoField, ProtoType } from './protobuf-schema.ts'
import {
  randomDouble,
  randomEpochMs,
  randomHexBytes,
  randomStringFor,
  randomUuid,
  randomWord,
  type Rng,
} from './random-values.ts'

export const MAX_DEPTH = 6
/** Past this many values, containers stay empty and unions take their smallest branch. */
const NODE_BUDGET = 150
/** A schema whose values cannot end (a record that always contains itself) is reported, not followed forever. */
const HARD_DEPTH = 64
/** A record is at most 1 MB (generator.ts): a larger fixed can never be sent. */
const MAX_FIXED = 1024 * 1024

export class RandomSchemaError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'RandomSchemaError'
  }
}

interface State {
  rng: Rng
  nodes: number
}

const deep = (s: State, depth: number) => depth >= MAX_DEPTH || s.nodes > NODE_BUDGET
const count = (s: State, depth: number) => (deep(s, depth) ? 0 : s.rng.int(0, 3))

function float32(rng: Rng): number {
  return shortestFloat32(Math.fround(randomDouble(rng, -10000, 10000)))
}

// ---------------------------------------------------------------------------------------------------------
// Avro

function randomDecimal(rng: Rng, precision: number, scale: number, size?: number): string {
  const digits = rng.int(1, Math.min(precision, 15))
  let unscaled = BigInt(rng.int(0, 10 ** Math.min(digits, 15) - 1))
  if (rng.bool(0.3)) unscaled = -unscaled
  const bytes = twosComplement(unscaled, size)!
  return decimalString(bytes, scale)
}

function avroLogical(t: AvroType, rng: Rng): unknown {
  if (!('logical' in t) || !t.logical) return undefined
  const l = t.logical
  const ms = randomEpochMs(rng)
  switch (l.name) {
    case 'timestamp-millis':
    case 'local-timestamp-millis':
      return readableLogical(l, ms)
    case 'timestamp-micros':
    case 'local-timestamp-micros':
      return readableLogical(l, BigInt(ms) * 1000n + BigInt(rng.int(0, 999)))
    case 'timestamp-nanos':
    case 'local-timestamp-nanos':
      return readableLogical(l, BigInt(ms) * 1_000_000n + BigInt(rng.int(0, 999_999)))
    case 'date':
      return readableLogical(l, Math.floor(ms / 86_400_000))
    case 'time-millis':
      return readableLogical(l, rng.int(0, 86_399_999))
    case 'time-micros':
      return readableLogical(l, rng.int(0, 86_399_999_999))
    case 'decimal':
      return randomDecimal(rng, l.precision ?? 1, l.scale ?? 0, t.kind === 'fixed' ? t.size : undefined)
    case 'uuid':
      return randomUuid(rng)
    case 'duration':
      return { months: rng.int(0, 24), days: rng.int(0, 30), milliseconds: rng.int(0, 86_399_999) }
    default:
      return undefined
  }
}

function avroInt(rng: Rng, bits: 32 | 64): number | bigint {
  const r = rng.next()
  if (r < 0.6) return rng.int(0, 1000)
  if (bits === 32 || r < 0.8)
    return bits === 32 ? rng.int(-(2 ** 31), 2 ** 31 - 1) : rng.int(-(2 ** 50), 2 ** 50)
  const v = rng.bits64(true)
  // The decoder's shape: a number when it is exact, a bigint beyond 2^53.
  return Number.isSafeInteger(Number(v)) ? Number(v) : v
}

/** Can this type end without containing itself (a branch to take at the depth limit)? */
function isLeaf(t: AvroType): boolean {
  return t.kind !== 'record' && t.kind !== 'union'
}

export function randomAvro(type: AvroType, rng: Rng): unknown {
  return avro(type, { rng, nodes: 0 }, 0, '')
}

function avro(type: AvroType, s: State, depth: number, name: string): unknown {
  if (depth > HARD_DEPTH)
    throw new RandomSchemaError(
      `Cannot generate a value for ${name || 'the schema'}: its records contain themselves without end (no union with null, array or map on the way).`,
    )
  s.nodes++
  const rng = s.rng
  const logical = avroLogical(type, rng)
  if (logical !== undefined) return logical
  switch (type.kind) {
    case 'null':
      return null
    case 'boolean':
      return rng.bool()
    case 'int':
      return avroInt(rng, 32)
    case 'long':
      return avroInt(rng, 64)
    case 'float':
      return jsonFloat(float32(rng))
    case 'double':
      return randomDouble(rng)
    case 'bytes':
      return randomHexBytes(rng, rng.int(0, 8))
    case 'string':
      return randomStringFor(rng, name)
    case 'fixed':
      if (type.size > MAX_FIXED)
        throw new RandomSchemaError(
          `Cannot generate ${type.name}: a fixed of ${type.size} bytes is too large.`,
        )
      return randomHexBytes(rng, type.size)
    case 'enum':
      return rng.pick(type.symbols)
    case 'array': {
      const n = count(s, depth)
      const out: unknown[] = []
      for (let i = 0; i < n; i++) out.push(avro(type.items, s, depth + 1, name))
      return out
    }
    case 'map': {
      const out: Record<string, unknown> = {}
      const n = count(s, depth)
      for (let i = 0; i < n; i++) define(out, `${randomWord(rng)}${i}`, avro(type.values, s, depth + 1, name))
      return out
    }
    case 'union': {
      let branches = type.branches
      // Deeper down, a nullable union is null more often: recursive records stay small.
      if (deep(s, depth) || (depth > 2 && s.rng.bool(0.5))) {
        const nul = branches.find((b) => b.kind === 'null')
        if (nul) return null
        const leaves = branches.filter(isLeaf)
        if (leaves.length) branches = leaves
      }
      const b = rng.pick(branches)
      if (b.kind === 'null') return null
      const out: Record<string, unknown> = {}
      define(out, branchName(b), avro(b, s, depth + 1, name))
      return out
    }
    case 'record': {
      const out: Record<string, unknown> = {}
      for (const f of type.fields) define(out, f.name, avro(f.type, s, depth + 1, f.name))
      return out
    }
  }
}

function define(out: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true })
}

// ---------------------------------------------------------------------------------------------------------
// Protobuf (reflection duck-typed: a message type has fieldsArray, an enum has valuesById)

type ProtoEnumLike = { valuesById: Record<number, string> }
const isMessage = (t: unknown): t is ProtoType => !!t && typeof t === 'object' && 'fieldsArray' in t
const isEnum = (t: unknown): t is ProtoEnumLike => !!t && typeof t === 'object' && 'valuesById' in t

function protoScalar(type: string, rng: Rng, name: string): unknown {
  const small = rng.bool(0.6)
  switch (type) {
    case 'double':
      return randomDouble(rng)
    case 'float':
      return jsonFloat(float32(rng))
    case 'int32':
    case 'sint32':
    case 'sfixed32':
      return small ? rng.int(0, 1000) : rng.int(-(2 ** 31), 2 ** 31 - 1)
    case 'uint32':
    case 'fixed32':
      return small ? rng.int(0, 1000) : rng.int(0, 2 ** 32 - 1)
    case 'int64':
    case 'sint64':
    case 'sfixed64':
      return small ? String(rng.int(0, 100_000)) : rng.bits64(true).toString()
    case 'uint64':
    case 'fixed64':
      return small ? String(rng.int(0, 100_000)) : rng.bits64(false).toString()
    case 'bool':
      return rng.bool()
    case 'string':
      return randomStringFor(rng, name)
    default:
      return randomHexBytes(rng, rng.int(0, 8))
  }
}

function protoValue(field: ProtoField, s: State, depth: number): unknown {
  s.nodes++
  const t = field.resolvedType as unknown
  if (isMessage(t)) return proto(t, s, depth + 1)
  if (isEnum(t)) {
    const ids = Object.keys(t.valuesById)
    return t.valuesById[Number(s.rng.pick(ids))]
  }
  return protoScalar(field.type, s.rng, field.name)
}

export function randomProto(type: ProtoType, rng: Rng): Record<string, unknown> {
  return proto(type, { rng, nodes: 0 }, 0)
}

function proto(type: ProtoType, s: State, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const limit = deep(s, depth)
  // A oneof holds exactly one member; at the depth limit a scalar one, or none when all are messages.
  const chosen = new Set<unknown>()
  for (const oneof of (type as unknown as { oneofsArray?: { fieldsArray: ProtoField[] }[] }).oneofsArray ??
    []) {
    const members = limit ? oneof.fieldsArray.filter((f) => !isMessage(f.resolvedType)) : oneof.fieldsArray
    if (members.length) chosen.add(s.rng.pick(members))
  }
  for (const field of type.fieldsArray) {
    if (field.partOf && !chosen.has(field)) continue
    let value: unknown
    if (field.map) {
      const map: Record<string, unknown> = {}
      const n = count(s, depth)
      const keyType = (field as unknown as { keyType: string }).keyType
      for (let i = 0; i < n; i++) {
        // Distinct keys, as the decoder writes them: integers (64-bit too) as decimal text, bools as "true".
        const key =
          keyType === 'string'
            ? `${randomWord(s.rng)}${i}`
            : keyType === 'bool'
              ? String(i % 2 === 1)
              : String(i * 7 + s.rng.int(0, 6))
        define(map, key, protoValue(field, s, depth))
      }
      value = map
    } else if (field.repeated) {
      const n = count(s, depth)
      const list: unknown[] = []
      for (let i = 0; i < n; i++) list.push(protoValue(field, s, depth))
      value = list
    } else if (isMessage(field.resolvedType) && !field.partOf && (limit || (depth > 0 && s.rng.bool(0.5)))) {
      continue // an absent message field is valid, and it keeps nested values (and recursion) small
    } else value = protoValue(field, s, depth)
    define(out, field.name, value)
  }
  return out
}
