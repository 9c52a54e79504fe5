/**
 * Avro schema parsing and validation for the sandbox's registry, written from the Avro 1.11 specification:
 * primitives, records/errors, enums, arrays, maps, unions, fixed, named-type references with namespaces,
 * logical types (invalid ones fall back to the underlying type, as the spec says) and field defaults.
 */

export const AVRO_PRIMITIVES = [
  'null',
  'boolean',
  'int',
  'long',
  'float',
  'double',
  'bytes',
  'string',
] as const
export type AvroPrimitiveName = (typeof AVRO_PRIMITIVES)[number]

export interface AvroField {
  name: string
  aliases: string[]
  type: AvroType
  hasDefault: boolean
  default?: unknown
}

export type AvroType =
  | { kind: 'primitive'; type: AvroPrimitiveName; logicalType?: string; precision?: number; scale?: number }
  | { kind: 'record'; name: string; aliases: string[]; fields: AvroField[] }
  | { kind: 'enum'; name: string; aliases: string[]; symbols: string[]; default?: string }
  | {
      kind: 'fixed'
      name: string
      aliases: string[]
      size: number
      logicalType?: string
      precision?: number
      scale?: number
    }
  | { kind: 'array'; items: AvroType }
  | { kind: 'map'; values: AvroType }
  | { kind: 'union'; branches: AvroType[] }

export type AvroNamed = Extract<AvroType, { name: string }>
type AvroPrimitive = Extract<AvroType, { kind: 'primitive' }>
type AvroFixed = Extract<AvroType, { kind: 'fixed' }>

export class AvroSchemaError extends Error {}

export interface ParsedAvro {
  root: AvroType
  /** Every named type defined by this schema (not the ones it got from references). */
  defined: Map<string, AvroNamed>
  /** Compact JSON of the schema as written: the registry's canonical text and identity. */
  canonical: string
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
const MAX_DEPTH = 64

/** Parses schema text; `known` holds the named types that references bring in (full name → type). */
export function parseAvroSchema(text: string, known: ReadonlyMap<string, AvroNamed> = new Map()): ParsedAvro {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    // A bare primitive name without quotes is not JSON; Avro's parser refuses it too.
    throw new AvroSchemaError(`the schema is not valid JSON: ${(err as Error).message}`)
  }
  const names = new Map<string, AvroNamed>(known)
  const defined = new Map<string, AvroNamed>()
  const root = parseType(json, '', names, defined, '$', 0)
  return { root, defined, canonical: JSON.stringify(json) }
}

function fullName(name: string, namespace: string): string {
  if (name.includes('.')) return name
  return namespace === '' ? name : `${namespace}.${name}`
}

function checkFullName(full: string, at: string): void {
  for (const part of full.split('.')) {
    if (!NAME.test(part)) throw new AvroSchemaError(`invalid name '${full}' at ${at}`)
  }
}

function lookup(name: string, namespace: string, names: Map<string, AvroNamed>): AvroNamed | undefined {
  if (name.includes('.')) return names.get(name)
  return names.get(fullName(name, namespace)) ?? names.get(name)
}

function parseType(
  json: unknown,
  namespace: string,
  names: Map<string, AvroNamed>,
  defined: Map<string, AvroNamed>,
  at: string,
  depth: number,
): AvroType {
  if (depth > MAX_DEPTH) throw new AvroSchemaError(`schema nested deeper than ${MAX_DEPTH} levels at ${at}`)
  if (typeof json === 'string') {
    if ((AVRO_PRIMITIVES as readonly string[]).includes(json))
      return { kind: 'primitive', type: json as AvroPrimitiveName }
    const named = lookup(json, namespace, names)
    if (named === undefined) throw new AvroSchemaError(`undefined name: '${json}' at ${at}`)
    return named
  }
  if (Array.isArray(json)) return parseUnion(json, namespace, names, defined, at, depth)
  if (typeof json !== 'object' || json === null)
    throw new AvroSchemaError(
      `expected a type name, an object or a union array at ${at}, got ${JSON.stringify(json)}`,
    )
  const obj = json as Record<string, unknown>
  const type = obj.type
  if (typeof type !== 'string') {
    if (type !== undefined && (Array.isArray(type) || typeof type === 'object'))
      return parseType(type, namespace, names, defined, `${at}.type`, depth + 1)
    throw new AvroSchemaError(`missing or invalid "type" at ${at}`)
  }
  switch (type) {
    case 'record':
    case 'error':
      return parseRecord(obj, namespace, names, defined, at, depth)
    case 'enum':
      return parseEnum(obj, namespace, names, defined, at)
    case 'fixed':
      return parseFixed(obj, namespace, names, defined, at)
    case 'array':
      if (!('items' in obj)) throw new AvroSchemaError(`array without "items" at ${at}`)
      return {
        kind: 'array',
        items: parseType(obj.items, namespace, names, defined, `${at}.items`, depth + 1),
      }
    case 'map':
      if (!('values' in obj)) throw new AvroSchemaError(`map without "values" at ${at}`)
      return {
        kind: 'map',
        values: parseType(obj.values, namespace, names, defined, `${at}.values`, depth + 1),
      }
    default: {
      if ((AVRO_PRIMITIVES as readonly string[]).includes(type)) {
        const prim: AvroPrimitive = { kind: 'primitive', type: type as AvroPrimitiveName }
        applyLogicalType(prim, obj)
        return prim
      }
      // {"type": "SomeNamedType"} refers to a named type.
      return parseType(type, namespace, names, defined, `${at}.type`, depth + 1)
    }
  }
}

function parseUnion(
  json: unknown[],
  namespace: string,
  names: Map<string, AvroNamed>,
  defined: Map<string, AvroNamed>,
  at: string,
  depth: number,
): AvroType {
  const branches = json.map((b, i) => parseType(b, namespace, names, defined, `${at}[${i}]`, depth + 1))
  const seen = new Set<string>()
  branches.forEach((b, i) => {
    if (b.kind === 'union')
      throw new AvroSchemaError(`unions may not immediately contain other unions at ${at}[${i}]`)
    const key = 'name' in b ? b.name : b.kind === 'primitive' ? b.type : b.kind
    if (seen.has(key)) throw new AvroSchemaError(`duplicate in union: '${key}' at ${at}[${i}]`)
    seen.add(key)
  })
  return { kind: 'union', branches }
}

function namedHeader(
  obj: Record<string, unknown>,
  namespace: string,
  names: Map<string, AvroNamed>,
  at: string,
): { full: string; ns: string; aliases: string[] } {
  if (typeof obj.name !== 'string' || obj.name === '')
    throw new AvroSchemaError(`named type without "name" at ${at}`)
  if (obj.namespace !== undefined && obj.namespace !== null && typeof obj.namespace !== 'string')
    throw new AvroSchemaError(`"namespace" must be a string at ${at}`)
  const ns = obj.name.includes('.')
    ? obj.name.slice(0, obj.name.lastIndexOf('.'))
    : typeof obj.namespace === 'string'
      ? obj.namespace
      : namespace
  const full = fullName(obj.name, ns)
  checkFullName(full, at)
  if ((AVRO_PRIMITIVES as readonly string[]).includes(full))
    throw new AvroSchemaError(`'${full}' is a primitive type name and cannot be redefined at ${at}`)
  if (names.has(full)) throw new AvroSchemaError(`can't redefine: '${full}' at ${at}`)
  const aliases = obj.aliases === undefined ? [] : obj.aliases
  if (!Array.isArray(aliases) || aliases.some((a) => typeof a !== 'string'))
    throw new AvroSchemaError(`"aliases" must be an array of strings at ${at}`)
  return { full, ns, aliases: (aliases as string[]).map((a) => fullName(a, ns)) }
}

function parseRecord(
  obj: Record<string, unknown>,
  namespace: string,
  names: Map<string, AvroNamed>,
  defined: Map<string, AvroNamed>,
  at: string,
  depth: number,
): AvroType {
  const { full, ns, aliases } = namedHeader(obj, namespace, names, at)
  if (!Array.isArray(obj.fields)) throw new AvroSchemaError(`record '${full}' has no "fields" array at ${at}`)
  const record: AvroNamed & { kind: 'record' } = { kind: 'record', name: full, aliases, fields: [] }
  // Registered before the fields so a record can refer to itself (linked lists, trees).
  names.set(full, record)
  defined.set(full, record)
  const fieldNames = new Set<string>()
  obj.fields.forEach((f: unknown, i: number) => {
    const fat = `${at}.fields[${i}]`
    if (typeof f !== 'object' || f === null || Array.isArray(f))
      throw new AvroSchemaError(`field is not an object at ${fat}`)
    const field = f as Record<string, unknown>
    if (typeof field.name !== 'string' || !NAME.test(field.name))
      throw new AvroSchemaError(`field without a valid "name" at ${fat}`)
    if (fieldNames.has(field.name)) throw new AvroSchemaError(`duplicate field '${field.name}' in '${full}'`)
    fieldNames.add(field.name)
    if (!('type' in field)) throw new AvroSchemaError(`field '${field.name}' has no "type" at ${fat}`)
    const type = parseType(field.type, ns, names, defined, `${fat}.type`, depth + 1)
    const hasDefault = 'default' in field
    if (hasDefault && !defaultMatches(type, field.default, 0))
      throw new AvroSchemaError(
        `invalid default for field '${field.name}' in '${full}': ${JSON.stringify(field.default)} is not a ${describe(type)}`,
      )
    const fieldAliases = Array.isArray(field.aliases)
      ? field.aliases.filter((a): a is string => typeof a === 'string')
      : []
    record.fields.push({ name: field.name, aliases: fieldAliases, type, hasDefault, default: field.default })
  })
  return record
}

function parseEnum(
  obj: Record<string, unknown>,
  namespace: string,
  names: Map<string, AvroNamed>,
  defined: Map<string, AvroNamed>,
  at: string,
): AvroType {
  const { full, aliases } = namedHeader(obj, namespace, names, at)
  const symbols = obj.symbols
  if (!Array.isArray(symbols) || symbols.some((s) => typeof s !== 'string' || !NAME.test(s)))
    throw new AvroSchemaError(`enum '${full}' needs "symbols", an array of valid names, at ${at}`)
  if (new Set(symbols).size !== symbols.length)
    throw new AvroSchemaError(`duplicate enum symbol in '${full}'`)
  if (obj.default !== undefined && (typeof obj.default !== 'string' || !symbols.includes(obj.default)))
    throw new AvroSchemaError(`enum default ${JSON.stringify(obj.default)} is not a symbol of '${full}'`)
  const type: Extract<AvroType, { kind: 'enum' }> = {
    kind: 'enum',
    name: full,
    aliases,
    symbols: symbols as string[],
  }
  if (typeof obj.default === 'string') type.default = obj.default
  names.set(full, type)
  defined.set(full, type)
  return type
}

function parseFixed(
  obj: Record<string, unknown>,
  namespace: string,
  names: Map<string, AvroNamed>,
  defined: Map<string, AvroNamed>,
  at: string,
): AvroType {
  const { full, aliases } = namedHeader(obj, namespace, names, at)
  if (typeof obj.size !== 'number' || !Number.isSafeInteger(obj.size) || obj.size < 0)
    throw new AvroSchemaError(`fixed '${full}' needs a non-negative integer "size" at ${at}`)
  const type: AvroFixed = { kind: 'fixed', name: full, aliases, size: obj.size }
  applyLogicalType(type, obj)
  names.set(full, type)
  defined.set(full, type)
  return type
}

/** Keeps a logical type only when it is valid for its underlying type (the spec says: ignore invalid ones). */
function applyLogicalType(type: AvroPrimitive | AvroFixed, obj: Record<string, unknown>): void {
  const logical = obj.logicalType
  if (typeof logical !== 'string') return
  const base = type.kind === 'primitive' ? type.type : 'fixed'
  const onlyFor: Record<string, string[]> = {
    date: ['int'],
    'time-millis': ['int'],
    'time-micros': ['long'],
    'timestamp-millis': ['long'],
    'timestamp-micros': ['long'],
    'timestamp-nanos': ['long'],
    'local-timestamp-millis': ['long'],
    'local-timestamp-micros': ['long'],
    'local-timestamp-nanos': ['long'],
    uuid: ['string', 'fixed'],
    duration: ['fixed'],
    decimal: ['bytes', 'fixed'],
  }
  const allowed = onlyFor[logical]
  if (allowed === undefined || !allowed.includes(base)) return
  if (logical === 'duration' && type.kind === 'fixed' && type.size !== 12) return
  if (logical === 'uuid' && type.kind === 'fixed' && type.size !== 16) return
  if (logical === 'decimal') {
    const precision = obj.precision
    const scale = obj.scale ?? 0
    if (typeof precision !== 'number' || !Number.isInteger(precision) || precision < 1) return
    if (typeof scale !== 'number' || !Number.isInteger(scale) || scale < 0 || scale > precision) return
    if (type.kind === 'fixed' && precision > Math.floor(Math.log10(2) * (8 * type.size - 1))) return
    type.precision = precision
    type.scale = scale
  }
  type.logicalType = logical
}

function defaultMatches(type: AvroType, value: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH) return true
  switch (type.kind) {
    case 'primitive':
      switch (type.type) {
        case 'null':
          return value === null
        case 'boolean':
          return typeof value === 'boolean'
        case 'int':
        case 'long':
          return typeof value === 'number' && Number.isInteger(value)
        case 'float':
        case 'double':
          return typeof value === 'number' || value === 'NaN' || value === 'Infinity' || value === '-Infinity'
        case 'bytes':
        case 'string':
          return typeof value === 'string'
      }
      return false
    case 'fixed':
      return typeof value === 'string'
    case 'enum':
      return typeof value === 'string' && type.symbols.includes(value)
    case 'array':
      return Array.isArray(value) && value.every((v) => defaultMatches(type.items, v, depth + 1))
    case 'map':
      return (
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.values(value).every((v) => defaultMatches(type.values, v, depth + 1))
      )
    case 'record': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
      const obj = value as Record<string, unknown>
      return type.fields.every((f) =>
        f.name in obj ? defaultMatches(f.type, obj[f.name], depth + 1) : f.hasDefault,
      )
    }
    case 'union':
      // The spec: a union's default corresponds to its first branch (Avro ≥ 1.9 also checks it).
      return type.branches.length > 0 && defaultMatches(type.branches[0], value, depth + 1)
  }
}

export function describe(type: AvroType): string {
  switch (type.kind) {
    case 'primitive':
      return type.logicalType === undefined ? type.type : `${type.type} (${type.logicalType})`
    case 'record':
    case 'enum':
    case 'fixed':
      return `${type.kind} ${type.name}`
    case 'array':
      return `array of ${describe(type.items)}`
    case 'map':
      return `map of ${describe(type.values)}`
    case 'union':
      return `union [${type.branches.map(describe).join(', ')}]`
  }
}
