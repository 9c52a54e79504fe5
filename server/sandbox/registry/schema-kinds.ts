/**
 * The three schema types behind one interface: parse (with resolved references) and compatibility.
 * Avro compatibility is real schema resolution; Protobuf and JSON Schema use the simpler rules documented
 * in server/sandbox/README.md (honest approximations of Confluent's checkers, not the full rule sets).
 */
import { avroReadProblems } from './avro-compat.ts'
import { AvroSchemaError, parseAvroSchema, type AvroNamed, type ParsedAvro } from './avro-schema.ts'
import {
  ProtoSchemaError,
  parseProtoSchema,
  protoTypeNames,
  type ParsedProto,
  type ProtoMessage,
} from './proto-schema.ts'

export const SCHEMA_TYPES = ['AVRO', 'PROTOBUF', 'JSON'] as const
export type SchemaType = (typeof SCHEMA_TYPES)[number]

export const COMPATIBILITY_LEVELS = [
  'NONE',
  'BACKWARD',
  'BACKWARD_TRANSITIVE',
  'FORWARD',
  'FORWARD_TRANSITIVE',
  'FULL',
  'FULL_TRANSITIVE',
] as const
export type CompatibilityLevel = (typeof COMPATIBILITY_LEVELS)[number]

export type ParsedSchema =
  | { type: 'AVRO'; canonical: string; avro: ParsedAvro; named: Map<string, AvroNamed> }
  | { type: 'PROTOBUF'; canonical: string; proto: ParsedProto }
  | { type: 'JSON'; canonical: string; json: unknown }

/** A reference already parsed: its import name and what it defines. */
export interface ResolvedReference {
  name: string
  parsed: ParsedSchema
}

export class SchemaParseError extends Error {}

export function parseSchema(type: SchemaType, text: string, references: ResolvedReference[]): ParsedSchema {
  try {
    switch (type) {
      case 'AVRO': {
        const known = new Map<string, AvroNamed>()
        for (const ref of references) {
          if (ref.parsed.type !== 'AVRO')
            throw new SchemaParseError(`reference '${ref.name}' is a ${ref.parsed.type} schema, not AVRO`)
          for (const [n, t] of ref.parsed.named) known.set(n, t)
        }
        const avro = parseAvroSchema(text, known)
        const named = new Map(known)
        for (const [n, t] of avro.defined) named.set(n, t)
        return { type, canonical: avro.canonical, avro, named }
      }
      case 'PROTOBUF': {
        const imported = new Map<string, ParsedProto>()
        for (const ref of references) {
          if (ref.parsed.type !== 'PROTOBUF')
            throw new SchemaParseError(`reference '${ref.name}' is a ${ref.parsed.type} schema, not PROTOBUF`)
          imported.set(ref.name, ref.parsed.proto)
        }
        const proto = parseProtoSchema(text, imported)
        return { type, canonical: proto.canonical, proto }
      }
      case 'JSON': {
        let json: unknown
        try {
          json = JSON.parse(text)
        } catch (err) {
          throw new SchemaParseError(`the schema is not valid JSON: ${(err as Error).message}`)
        }
        if (typeof json !== 'boolean' && (typeof json !== 'object' || json === null || Array.isArray(json)))
          throw new SchemaParseError('a JSON Schema is an object or a boolean')
        checkJsonSchemaTypes(json, '#', 0)
        return { type, canonical: JSON.stringify(json), json }
      }
    }
  } catch (err) {
    if (err instanceof AvroSchemaError || err instanceof ProtoSchemaError || err instanceof SchemaParseError)
      throw new SchemaParseError(err.message)
    throw err
  }
}

const JSON_TYPES = new Set(['null', 'boolean', 'object', 'array', 'number', 'integer', 'string'])

function checkJsonSchemaTypes(schema: unknown, at: string, depth: number): void {
  if (depth > 64 || typeof schema !== 'object' || schema === null || Array.isArray(schema)) return
  const obj = schema as Record<string, unknown>
  if (obj.type !== undefined) {
    const types = Array.isArray(obj.type) ? obj.type : [obj.type]
    for (const t of types)
      if (typeof t !== 'string' || !JSON_TYPES.has(t))
        throw new SchemaParseError(`${at}/type: ${JSON.stringify(t)} is not a JSON Schema type`)
  }
  if (obj.properties !== undefined) {
    if (typeof obj.properties !== 'object' || obj.properties === null || Array.isArray(obj.properties))
      throw new SchemaParseError(`${at}/properties must be an object`)
    for (const [k, v] of Object.entries(obj.properties))
      checkJsonSchemaTypes(v, `${at}/properties/${k}`, depth + 1)
  }
  if (
    obj.required !== undefined &&
    (!Array.isArray(obj.required) || obj.required.some((r) => typeof r !== 'string'))
  )
    throw new SchemaParseError(`${at}/required must be an array of strings`)
  if (obj.items !== undefined) checkJsonSchemaTypes(obj.items, `${at}/items`, depth + 1)
}

/**
 * Problems that make `candidate` incompatible with `previous` (oldest first) under `level`; empty = compatible.
 * Non-transitive levels look at the latest previous schema only.
 */
export function compatibilityProblems(
  level: CompatibilityLevel,
  candidate: ParsedSchema,
  previous: ParsedSchema[],
): string[] {
  if (level === 'NONE' || previous.length === 0) return []
  const against = level.endsWith('_TRANSITIVE') ? previous : previous.slice(-1)
  const base = level.replace('_TRANSITIVE', '')
  const problems: string[] = []
  for (const old of against) {
    if (old.type !== candidate.type) {
      problems.push(
        `SCHEMA_TYPE_MISMATCH: the new schema is ${candidate.type}, an earlier one is ${old.type}`,
      )
      continue
    }
    if (base === 'BACKWARD' || base === 'FULL') problems.push(...readProblems(candidate, old))
    if (base === 'FORWARD' || base === 'FULL') problems.push(...readProblems(old, candidate))
  }
  return [...new Set(problems)].slice(0, 20)
}

function readProblems(reader: ParsedSchema, writer: ParsedSchema): string[] {
  if (reader.type === 'AVRO' && writer.type === 'AVRO')
    return avroReadProblems(reader.avro.root, writer.avro.root)
  if (reader.type === 'PROTOBUF' && writer.type === 'PROTOBUF')
    return protoReadProblems(reader.proto, writer.proto)
  if (reader.type === 'JSON' && writer.type === 'JSON')
    return jsonReadProblems(reader.json, writer.json, '#', 0)
  return []
}

/** Wire-compatible scalar groups: a field may move within its group without breaking readers. */
const WIRE_GROUPS = [
  ['int32', 'uint32', 'int64', 'uint64', 'bool'],
  ['sint32', 'sint64'],
  ['fixed32', 'sfixed32'],
  ['fixed64', 'sfixed64'],
  ['string', 'bytes'],
]

function sameWireType(a: string, b: string): boolean {
  return a === b || WIRE_GROUPS.some((g) => g.includes(a) && g.includes(b))
}

/**
 * Protobuf rule: every message the writer has must still exist in the reader, and a field number both
 * use must keep a wire-compatible type and its repeated-ness. Adding and removing fields is fine.
 */
function protoReadProblems(reader: ParsedProto, writer: ParsedProto): string[] {
  const readerMessages = new Map<string, ProtoMessage>()
  const collect = (ms: ProtoMessage[], into: Map<string, ProtoMessage>): void => {
    for (const m of ms) {
      into.set(m.fullName, m)
      collect(m.messages, into)
    }
  }
  collect(reader.messages, readerMessages)
  const writerMessages = new Map<string, ProtoMessage>()
  collect(writer.messages, writerMessages)
  const readerTypes = protoTypeNames(reader)
  const problems: string[] = []
  for (const [name, wm] of writerMessages) {
    const rm = readerMessages.get(name)
    if (rm === undefined) {
      problems.push(`MESSAGE_REMOVED: message ${name} is missing`)
      continue
    }
    for (const wf of wm.fields) {
      const rf = rm.fields.find((f) => f.number === wf.number)
      if (rf === undefined) continue
      const scalar = readerTypes.get(rf.resolved) === undefined && readerTypes.get(wf.resolved) === undefined
      if (
        (rf.label === 'repeated') !== (wf.label === 'repeated') ||
        (rf.map === undefined) !== (wf.map === undefined)
      )
        problems.push(
          `FIELD_KIND_CHANGED: ${name} field ${wf.number} changed between single, repeated and map`,
        )
      else if (scalar ? !sameWireType(rf.resolved, wf.resolved) : rf.resolved !== wf.resolved)
        problems.push(
          `FIELD_TYPE_CHANGED: ${name} field ${wf.number} changed from ${wf.resolved} to ${rf.resolved}`,
        )
    }
  }
  return problems
}

function asObject(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null
}

/**
 * JSON Schema rule: a reader must accept what the writer allowed — same `type` (or a wider type list),
 * no newly required property, no property the writer allowed that the reader's `additionalProperties: false`
 * forbids, enum values kept; applied recursively through `properties` and `items`.
 */
function jsonReadProblems(reader: unknown, writer: unknown, at: string, depth: number): string[] {
  const r = asObject(reader)
  const w = asObject(writer)
  if (depth > 32 || r === null || w === null) return []
  const problems: string[] = []
  const types = (o: Record<string, unknown>): string[] | null =>
    o.type === undefined ? null : Array.isArray(o.type) ? (o.type as string[]) : [o.type as string]
  const rt = types(r)
  const wt = types(w)
  if (rt !== null) {
    const widened = (t: string): boolean => rt.includes(t) || (t === 'integer' && rt.includes('number'))
    if (wt === null || !wt.every(widened))
      problems.push(`TYPE_CHANGED at ${at}: ${JSON.stringify(wt)} → ${JSON.stringify(rt)}`)
  }
  const rRequired = Array.isArray(r.required) ? (r.required as string[]) : []
  const wRequired = Array.isArray(w.required) ? (w.required as string[]) : []
  for (const p of rRequired)
    if (!wRequired.includes(p)) problems.push(`REQUIRED_PROPERTY_ADDED at ${at}: '${p}' is required now`)
  const rProps = asObject(r.properties) ?? {}
  const wProps = asObject(w.properties) ?? {}
  if (r.additionalProperties === false)
    for (const p of Object.keys(wProps))
      if (!(p in rProps)) problems.push(`PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL at ${at}: '${p}'`)
  for (const p of Object.keys(rProps))
    if (p in wProps)
      problems.push(...jsonReadProblems(rProps[p], wProps[p], `${at}/properties/${p}`, depth + 1))
  if (r.items !== undefined && w.items !== undefined)
    problems.push(...jsonReadProblems(r.items, w.items, `${at}/items`, depth + 1))
  if (Array.isArray(r.enum) && Array.isArray(w.enum)) {
    const missing = w.enum.filter(
      (v) => !(r.enum as unknown[]).some((x) => JSON.stringify(x) === JSON.stringify(v)),
    )
    if (missing.length > 0) problems.push(`ENUM_ARRAY_NARROWED at ${at}: ${JSON.stringify(missing)} removed`)
  }
  return problems
}
