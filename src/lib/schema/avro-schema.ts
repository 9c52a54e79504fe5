/**
 * Parses an Avro schema (JSON text, as the registry stores it) into a resolved type graph that the binary codec
 * walks. Named types are shared objects, so recursive records are cycles, not copies. Follows the Avro 1.12
 * specification: full names from `namespace`/dotted names, references by (namespace-relative) name, logical
 * types that do not fit their base type ignored (as the spec says).
 *
 * Written by hand rather than with avsc: avsc 5 needs Node's Buffer/util/stream in the browser, and avsc (5 and
 * 6) compiles record readers with `new Function`, which the console's Content-Security-Policy (script-src 'self')
 * forbids. avsc stays a dev dependency: the tests use it as an independent witness of the bytes.
 */

export type AvroPrimitive = 'null' | 'boolean' | 'int' | 'long' | 'float' | 'double' | 'bytes' | 'string'

export interface AvroLogical {
  name: string
  precision?: number
  scale?: number
}

export type AvroType =
  | { kind: AvroPrimitive; logical?: AvroLogical }
  | { kind: 'record'; name: string; fields: AvroField[] }
  | { kind: 'enum'; name: string; symbols: string[]; default?: string }
  | { kind: 'fixed'; name: string; size: number; logical?: AvroLogical }
  | { kind: 'array'; items: AvroType }
  | { kind: 'map'; values: AvroType }
  | { kind: 'union'; branches: AvroType[] }

export interface AvroField {
  name: string
  type: AvroType
  /** The field's default in Avro's JSON encoding, when the schema gives one. */
  default?: unknown
  hasDefault: boolean
}

export class AvroSchemaError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'AvroSchemaError'
  }
}

const PRIMITIVES = new Set<string>(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string'])
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
/** Nesting of the schema JSON itself; a real schema is far shallower, a hostile one must not blow the stack. */
const MAX_SCHEMA_DEPTH = 200

/** The name a union branch is known by in Avro's JSON encoding ({"name": value}). */
export function branchName(t: AvroType): string {
  return 'name' in t ? t.name : t.kind
}

/** Named types collected across a schema and its references. */
export type AvroNames = Map<string, AvroType>

/**
 * Parses `text` (with `names` from already parsed references, which it extends). Throws AvroSchemaError with
 * what is wrong and where.
 */
export function parseAvroSchema(text: string, names: AvroNames = new Map()): AvroType {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new AvroSchemaError(
      `The Avro schema is not valid JSON: ${error instanceof Error ? error.message : error}`,
    )
  }
  return parseType(json, '', names, 0)
}

function fullName(name: unknown, namespace: unknown, enclosing: string, what: string): string {
  if (typeof name !== 'string' || name === '') throw new AvroSchemaError(`A ${what} has no name.`)
  const full = name.includes('.')
    ? name
    : typeof namespace === 'string' && namespace !== ''
      ? `${namespace}.${name}`
      : enclosing
        ? `${enclosing}.${name}`
        : name
  for (const part of full.split('.')) {
    if (!NAME.test(part)) throw new AvroSchemaError(`"${full}" is not a valid Avro name.`)
  }
  return full
}

function namespaceOf(full: string): string {
  const dot = full.lastIndexOf('.')
  return dot < 0 ? '' : full.slice(0, dot)
}

function logicalOf(json: Record<string, unknown>, base: string, size?: number): AvroLogical | undefined {
  const name = json.logicalType
  if (typeof name !== 'string') return undefined
  const fits: Record<string, (b: string) => boolean> = {
    decimal: (b) => b === 'bytes' || b === 'fixed',
    uuid: (b) => b === 'string' || (b === 'fixed' && size === 16),
    date: (b) => b === 'int',
    'time-millis': (b) => b === 'int',
    'time-micros': (b) => b === 'long',
    'timestamp-millis': (b) => b === 'long',
    'timestamp-micros': (b) => b === 'long',
    'timestamp-nanos': (b) => b === 'long',
    'local-timestamp-millis': (b) => b === 'long',
    'local-timestamp-micros': (b) => b === 'long',
    'local-timestamp-nanos': (b) => b === 'long',
    duration: (b) => b === 'fixed' && size === 12,
  }
  if (!fits[name]?.(base)) return undefined
  if (name !== 'decimal') return { name }
  const precision = json.precision
  const scale = json.scale ?? 0
  if (typeof precision !== 'number' || !Number.isInteger(precision) || precision < 1) return undefined
  if (typeof scale !== 'number' || !Number.isInteger(scale) || scale < 0 || scale > precision)
    return undefined
  if (size !== undefined && precision > Math.floor(Math.log10(2) * (8 * size - 1))) return undefined
  return { name, precision, scale }
}

function define(names: AvroNames, full: string, type: AvroType): void {
  if (names.has(full)) throw new AvroSchemaError(`The name "${full}" is defined twice.`)
  names.set(full, type)
}

function parseType(json: unknown, enclosing: string, names: AvroNames, depth: number): AvroType {
  if (depth > MAX_SCHEMA_DEPTH)
    throw new AvroSchemaError(`The schema is nested more than ${MAX_SCHEMA_DEPTH} levels.`)
  if (typeof json === 'string') {
    if (PRIMITIVES.has(json)) return { kind: json as AvroPrimitive }
    const candidates = json.includes('.') ? [json] : [enclosing ? `${enclosing}.${json}` : json, json]
    for (const c of candidates) {
      const found = names.get(c)
      if (found) return found
    }
    throw new AvroSchemaError(
      `The type "${json}" is not defined (neither in this schema nor in its references).`,
    )
  }
  if (Array.isArray(json)) {
    const branches = json.map((b) => parseType(b, enclosing, names, depth + 1))
    const seen = new Set<string>()
    for (const b of branches) {
      if (b.kind === 'union') throw new AvroSchemaError('A union directly contains another union.')
      const key = branchName(b)
      if (seen.has(key)) throw new AvroSchemaError(`A union has two branches of type "${key}".`)
      seen.add(key)
    }
    return { kind: 'union', branches }
  }
  if (typeof json !== 'object' || json === null) {
    throw new AvroSchemaError(`${JSON.stringify(json)} is not an Avro type.`)
  }
  const obj = json as Record<string, unknown>
  const type = obj.type
  if (typeof type === 'string' && PRIMITIVES.has(type)) {
    return { kind: type as AvroPrimitive, logical: logicalOf(obj, type) }
  }
  switch (type) {
    case 'record':
    case 'error': {
      const name = fullName(obj.name, obj.namespace, enclosing, 'record')
      const record: AvroType = { kind: 'record', name, fields: [] }
      define(names, name, record)
      if (!Array.isArray(obj.fields)) throw new AvroSchemaError(`Record "${name}" has no fields array.`)
      const seen = new Set<string>()
      for (const f of obj.fields as unknown[]) {
        const field = (f ?? {}) as Record<string, unknown>
        if (typeof field.name !== 'string' || !NAME.test(field.name)) {
          throw new AvroSchemaError(`Record "${name}" has a field without a valid name.`)
        }
        if (seen.has(field.name))
          throw new AvroSchemaError(`Record "${name}" has two fields "${field.name}".`)
        seen.add(field.name)
        record.fields.push({
          name: field.name,
          type: parseType(field.type, namespaceOf(name), names, depth + 1),
          default: field.default,
          hasDefault: 'default' in field,
        })
      }
      return record
    }
    case 'enum': {
      const name = fullName(obj.name, obj.namespace, enclosing, 'enum')
      const symbols = obj.symbols
      if (!Array.isArray(symbols) || symbols.some((s) => typeof s !== 'string' || !NAME.test(s))) {
        throw new AvroSchemaError(`Enum "${name}" needs an array of valid symbol names.`)
      }
      if (new Set(symbols).size !== symbols.length)
        throw new AvroSchemaError(`Enum "${name}" repeats a symbol.`)
      const t: AvroType = {
        kind: 'enum',
        name,
        symbols: symbols as string[],
        default: typeof obj.default === 'string' ? obj.default : undefined,
      }
      define(names, name, t)
      return t
    }
    case 'fixed': {
      const name = fullName(obj.name, obj.namespace, enclosing, 'fixed')
      const size = obj.size
      if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) {
        throw new AvroSchemaError(`Fixed "${name}" needs a non-negative integer size.`)
      }
      const t: AvroType = { kind: 'fixed', name, size, logical: logicalOf(obj, 'fixed', size) }
      define(names, name, t)
      return t
    }
    case 'array':
      return { kind: 'array', items: parseType(obj.items, enclosing, names, depth + 1) }
    case 'map':
      return { kind: 'map', values: parseType(obj.values, enclosing, names, depth + 1) }
    default:
      // {"type": "some.Name"} or {"type": {...}} wraps another type.
      if (typeof type === 'string' || (typeof type === 'object' && type !== null)) {
        return parseType(type, enclosing, names, depth + 1)
      }
      throw new AvroSchemaError(`${JSON.stringify(type)} is not an Avro type.`)
  }
}
