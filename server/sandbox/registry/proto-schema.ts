/**
 * A minimal `.proto` parser (proto2/proto3 syntax) for the sandbox's registry: enough to validate a schema
 * (syntax, unique field numbers and names, reserved ranges, types that resolve through the file and its
 * imports) and to list its messages in declaration order, which is what the wire format's message
 * indexes count. Services, extensions and options are skipped over, not interpreted.
 */

import { Parser, ProtoSchemaError, tokenize } from './proto-tokens.ts'

export { ProtoSchemaError }

export interface ProtoField {
  name: string
  number: number
  label: 'optional' | 'repeated' | 'required' | ''
  /** As written (`int64`, `Line`, `.demo.common.Money`); for maps, the value type. */
  type: string
  /** Scalar name, or the full name (no leading dot) of the message or enum it resolved to. */
  resolved: string
  map?: { key: string }
  oneof?: string
}

export interface ProtoEnum {
  name: string
  fullName: string
  values: Array<{ name: string; number: number }>
}

export interface ProtoMessage {
  name: string
  fullName: string
  fields: ProtoField[]
  messages: ProtoMessage[]
  enums: ProtoEnum[]
}

export interface ParsedProto {
  syntax: 'proto2' | 'proto3'
  package: string
  imports: string[]
  messages: ProtoMessage[]
  enums: ProtoEnum[]
  /** Whitespace- and comment-insensitive text: the registry's identity for the schema. */
  canonical: string
}

export const PROTO_SCALARS = new Set([
  'double',
  'float',
  'int32',
  'int64',
  'uint32',
  'uint64',
  'sint32',
  'sint64',
  'fixed32',
  'fixed64',
  'sfixed32',
  'sfixed64',
  'bool',
  'string',
  'bytes',
])

const MAP_KEYS = new Set([...PROTO_SCALARS].filter((t) => !['double', 'float', 'bytes'].includes(t)))
const MAX_FIELD = 536_870_911
const MAX_DEPTH = 64

interface Scope {
  fullName: string
  reserved: { numbers: Array<[number, number]>; names: Set<string> }
}

/** Parses `.proto` text; `imported` maps each import path to its parsed file (from the schema's references). */
export function parseProtoSchema(
  text: string,
  imported: ReadonlyMap<string, ParsedProto> = new Map(),
): ParsedProto {
  const tokens = tokenize(text)
  const p = new Parser(tokens)
  const file: ParsedProto = {
    syntax: 'proto2',
    package: '',
    imports: [],
    messages: [],
    enums: [],
    canonical: '',
  }
  let first = true
  while (!p.done) {
    if (p.is(';')) {
      p.next()
      continue
    }
    const word = p.ident('a top-level statement (syntax, package, import, option, message, enum, service)')
    if (word === 'syntax' || word === 'edition') {
      if (!first) p.fail(`'${word}' must be the first statement`)
      p.expect('=')
      const value = p.next()
      if (value.kind !== 'string') p.fail('expected a quoted syntax name')
      if (word === 'syntax' && value.text !== 'proto2' && value.text !== 'proto3')
        p.fail(`unknown syntax "${value.text}" (expected "proto2" or "proto3")`)
      file.syntax = word === 'syntax' ? (value.text as 'proto2' | 'proto3') : 'proto3'
      p.expect(';')
    } else if (word === 'package') {
      if (file.package !== '') p.fail('a file has one package statement')
      file.package = p.ident('a package name')
      p.expect(';')
    } else if (word === 'import') {
      if (p.is('public') || p.is('weak')) p.next()
      const path = p.next()
      if (path.kind !== 'string') p.fail('expected a quoted import path')
      file.imports.push(path.text)
      p.expect(';')
    } else if (word === 'option' || word === 'service' || word === 'extend') {
      p.skipStatement()
    } else if (word === 'message') {
      file.messages.push(parseMessage(p, file.package, file, 0))
    } else if (word === 'enum') {
      file.enums.push(parseEnum(p, file.package, file))
    } else {
      p.fail(`unexpected '${word}' at the top level`)
    }
    first = false
  }
  if (tokens.length === 0) throw new ProtoSchemaError('the schema is empty')
  resolveTypes(file, imported)
  file.canonical = tokens.map((t) => (t.kind === 'string' ? JSON.stringify(t.text) : t.text)).join(' ')
  return file
}

function parseReserved(p: Parser, scope: Scope): void {
  do {
    const t = p.peek()
    if (t?.kind === 'string') {
      scope.reserved.names.add(p.next().text)
    } else {
      const from = p.integer('a reserved field number')
      let to = from
      if (p.is('to')) {
        p.next()
        if (p.is('max')) {
          p.next()
          to = MAX_FIELD
        } else to = p.integer('the end of a reserved range')
      }
      scope.reserved.numbers.push([from, to])
    }
    if (!p.is(',')) break
    p.next()
  } while (!p.done)
  p.expect(';')
}

function parseEnum(p: Parser, parent: string, file: ParsedProto): ProtoEnum {
  const name = p.ident('an enum name')
  const result: ProtoEnum = { name, fullName: parent === '' ? name : `${parent}.${name}`, values: [] }
  const scope: Scope = { fullName: result.fullName, reserved: { numbers: [], names: new Set() } }
  p.expect('{')
  while (!p.is('}')) {
    if (p.done) p.fail(`unterminated enum ${name}`)
    if (p.is(';')) {
      p.next()
      continue
    }
    const word = p.ident('an enum value')
    if (word === 'option') p.skipStatement()
    else if (word === 'reserved') parseReserved(p, scope)
    else {
      p.expect('=')
      const number = p.integer(`the number of ${word}`)
      p.skipFieldOptions()
      p.expect(';')
      if (result.values.some((v) => v.name === word)) p.fail(`duplicate enum value ${word} in ${name}`)
      result.values.push({ name: word, number })
    }
  }
  p.expect('}')
  if (result.values.length === 0) p.fail(`enum ${name} has no values`)
  if (file.syntax === 'proto3' && result.values[0].number !== 0)
    p.fail(`the first value of proto3 enum ${name} must be zero`)
  return result
}

function parseMessage(p: Parser, parent: string, file: ParsedProto, depth: number): ProtoMessage {
  if (depth > MAX_DEPTH) p.fail(`messages nested deeper than ${MAX_DEPTH}`)
  const name = p.ident('a message name')
  const msg: ProtoMessage = {
    name,
    fullName: parent === '' ? name : `${parent}.${name}`,
    fields: [],
    messages: [],
    enums: [],
  }
  const scope: Scope = { fullName: msg.fullName, reserved: { numbers: [], names: new Set() } }
  p.expect('{')
  parseMessageBody(p, msg, scope, file, depth, undefined)
  p.expect('}')
  for (const f of msg.fields) {
    if (scope.reserved.names.has(f.name)) p.fail(`field name '${f.name}' is reserved in ${name}`)
    if (scope.reserved.numbers.some(([a, b]) => f.number >= a && f.number <= b))
      p.fail(`field number ${f.number} is reserved in ${name}`)
  }
  return msg
}

function parseMessageBody(
  p: Parser,
  msg: ProtoMessage,
  scope: Scope,
  file: ParsedProto,
  depth: number,
  oneof: string | undefined,
): void {
  while (!p.is('}')) {
    if (p.done) p.fail(`unterminated message ${msg.name}`)
    if (p.is(';')) {
      p.next()
      continue
    }
    const word = p.ident('a field, message, enum, oneof, option or reserved')
    if (oneof === undefined && word === 'message')
      msg.messages.push(parseMessage(p, msg.fullName, file, depth + 1))
    else if (oneof === undefined && word === 'enum') msg.enums.push(parseEnum(p, msg.fullName, file))
    else if (oneof === undefined && word === 'oneof') {
      const name = p.ident('a oneof name')
      p.expect('{')
      parseMessageBody(p, msg, scope, file, depth, name)
      p.expect('}')
    } else if (word === 'option' || (oneof === undefined && (word === 'extensions' || word === 'extend')))
      p.skipStatement()
    else if (oneof === undefined && word === 'reserved') parseReserved(p, scope)
    else parseField(p, word, msg, file, oneof)
  }
}

function parseField(
  p: Parser,
  first: string,
  msg: ProtoMessage,
  file: ParsedProto,
  oneof: string | undefined,
): void {
  let label: ProtoField['label'] = ''
  let type = first
  if (first === 'optional' || first === 'repeated' || first === 'required') {
    if (oneof !== undefined) p.fail(`fields in oneof ${oneof} take no label`)
    if (first === 'required' && file.syntax === 'proto3') p.fail("proto3 has no 'required' fields")
    label = first
    type = p.ident('a field type')
  }
  let map: ProtoField['map']
  if (type === 'map') {
    if (label !== '') p.fail('map fields take no label')
    p.expect('<')
    const key = p.ident('a map key type')
    if (!MAP_KEYS.has(key)) p.fail(`'${key}' cannot be a map key type`)
    p.expect(',')
    type = p.ident('a map value type')
    p.expect('>')
    map = { key }
  }
  if (type === 'group') p.fail('groups are not supported by the sandbox registry')
  const name = p.ident('a field name')
  p.expect('=')
  const number = p.integer(`the number of field ${name}`)
  if (number < 1 || number > MAX_FIELD) p.fail(`field number ${number} of ${name} is outside 1..${MAX_FIELD}`)
  if (number >= 19000 && number <= 19999)
    p.fail(`field number ${number} of ${name} is reserved for the protobuf implementation`)
  p.skipFieldOptions()
  p.expect(';')
  if (msg.fields.some((f) => f.number === number))
    p.fail(`field number ${number} is used twice in ${msg.name}`)
  if (msg.fields.some((f) => f.name === name)) p.fail(`field name ${name} is used twice in ${msg.name}`)
  msg.fields.push({
    name,
    number,
    label,
    type,
    resolved: '',
    ...(map ? { map } : {}),
    ...(oneof ? { oneof } : {}),
  })
}

/** Every message and enum full name a file defines (what an importer can see). */
export function protoTypeNames(file: ParsedProto): Map<string, 'message' | 'enum'> {
  const out = new Map<string, 'message' | 'enum'>()
  const walk = (messages: ProtoMessage[], enums: ProtoEnum[]): void => {
    for (const e of enums) out.set(e.fullName, 'enum')
    for (const m of messages) {
      out.set(m.fullName, 'message')
      walk(m.messages, m.enums)
    }
  }
  walk(file.messages, file.enums)
  return out
}

/** Well-known imports Confluent and Karapace resolve without a reference. */
const WELL_KNOWN = /^google\/(protobuf|type)\/[a-z_]+\.proto$/

function resolveTypes(file: ParsedProto, imported: ReadonlyMap<string, ParsedProto>): void {
  const visible = protoTypeNames(file)
  let wellKnown = false
  for (const path of file.imports) {
    const dep = imported.get(path)
    if (dep !== undefined) for (const [n, k] of protoTypeNames(dep)) visible.set(n, k)
    else if (WELL_KNOWN.test(path)) wellKnown = true
    else throw new ProtoSchemaError(`import "${path}" is not provided: add a reference named "${path}"`)
  }
  const resolve = (type: string, scope: string): string | undefined => {
    if (PROTO_SCALARS.has(type)) return type
    if (wellKnown && /^\.?google\.(protobuf|type)\.[A-Za-z_][A-Za-z0-9_.]*$/.test(type))
      return type.replace(/^\./, '')
    if (type.startsWith('.')) return visible.has(type.slice(1)) ? type.slice(1) : undefined
    // Innermost scope first, then outwards, as protoc does.
    const parts = scope === '' ? [] : scope.split('.')
    for (let n = parts.length; n >= 0; n--) {
      const candidate = [...parts.slice(0, n), type].join('.')
      if (visible.has(candidate)) return candidate
    }
    return undefined
  }
  const walk = (messages: ProtoMessage[]): void => {
    for (const m of messages) {
      for (const f of m.fields) {
        const resolved = resolve(f.type, m.fullName)
        if (resolved === undefined)
          throw new ProtoSchemaError(`${m.fullName}.${f.name}: type '${f.type}' is not defined`)
        f.resolved = resolved
      }
      walk(m.messages)
    }
  }
  walk(file.messages)
}

/** Messages in declaration order with their index path (what the wire format's message indexes hold). */
export function protoMessageIndexes(file: ParsedProto): Array<{ fullName: string; indexes: number[] }> {
  const out: Array<{ fullName: string; indexes: number[] }> = []
  const walk = (messages: ProtoMessage[], prefix: number[]): void =>
    messages.forEach((m, i) => {
      out.push({ fullName: m.fullName, indexes: [...prefix, i] })
      walk(m.messages, [...prefix, i])
    })
  walk(file.messages, [])
  return out
}
