/**
 * Parses a registry Protobuf schema (`.proto` text) with its references into protobufjs reflection objects, and
 * picks the message that wire-format message indexes name. protobufjs is used for parsing only: its encode,
 * decode, fromObject and verify generate code with `Function`, which the console's Content-Security-Policy
 * forbids, so protobuf-codec.ts reads and writes the binary itself from the reflected fields.
 */
import * as protobufNs from 'protobufjs'
import type { SchemaReferenceText } from './types.ts'

// protobufjs is CommonJS: Vite and Node hand it over as the default export, the types describe the namespace.
const pb: typeof protobufNs = (protobufNs as unknown as { default?: typeof protobufNs }).default ?? protobufNs

export type ProtoType = protobufNs.Type
export type ProtoEnum = protobufNs.Enum
export type ProtoField = protobufNs.Field

export interface ParsedProto {
  root: protobufNs.Root
  /** Full names of the schema file's top-level messages, in declaration order (message index 0, 1, …). */
  topLevel: string[]
}

/**
 * Files a registry knows without references (Confluent's built-ins), reduced to what decoding needs:
 * descriptor.proto only as the option messages that custom options extend.
 */
const OPTIONS = ['File', 'Message', 'Field', 'Oneof', 'Enum', 'EnumValue', 'Service', 'Method']
const BUILT_IN: Record<string, string> = {
  'google/protobuf/descriptor.proto': `syntax = "proto2"; package google.protobuf;
    ${OPTIONS.map((o) => `message ${o}Options { extensions 1000 to max; }`).join('\n')}`,
  'confluent/meta.proto': `syntax = "proto3"; package confluent;
    import "google/protobuf/descriptor.proto";
    message Meta { string doc = 1; map<string, string> params = 2; repeated string tags = 3; }
    extend google.protobuf.FileOptions { Meta file_meta = 1088; }
    extend google.protobuf.MessageOptions { Meta message_meta = 1088; }
    extend google.protobuf.FieldOptions { Meta field_meta = 1088; }
    extend google.protobuf.EnumOptions { Meta enum_meta = 1088; }
    extend google.protobuf.EnumValueOptions { Meta enum_value_meta = 1088; }`,
  'confluent/type/decimal.proto': `syntax = "proto3"; package confluent.type;
    message Decimal { bytes value = 1; uint32 precision = 2; int32 scale = 3; }`,
}

/** How many files one schema may pull in through imports; guards against endless reference chains. */
const MAX_FILES = 200

export class ProtoSchemaError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ProtoSchemaError'
  }
}

/** Messages declared directly in `ns` (nested namespaces of a dotted package are walked by the caller). */
function messagesIn(ns: protobufNs.NamespaceBase): ProtoType[] {
  return ns.nestedArray.filter((n): n is ProtoType => n instanceof pb.Type)
}

export function parseProto(schemaText: string, references: readonly SchemaReferenceText[] = []): ParsedProto {
  const root = new pb.Root()
  const byName = new Map(references.map((r) => [r.name, r.schema]))
  const parseInto = (text: string, file: string) => {
    try {
      return pb.parse(text, root, { keepCase: true, alternateCommentMode: true })
    } catch (error) {
      throw new ProtoSchemaError(`${file}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  const main = parseInto(schemaText, 'the schema')
  // Recorded before the imports are parsed, which may add messages to the same package.
  const pkg = main.package ? root.lookup(main.package) : root
  const topLevel =
    pkg instanceof pb.Namespace || pkg instanceof pb.Root ? messagesIn(pkg).map((t) => t.fullName) : []

  const loaded = new Set<string>()
  const queue = [...(main.imports ?? []), ...(main.weakImports ?? [])]
  while (queue.length > 0) {
    const name = queue.shift()!
    if (loaded.has(name)) continue
    loaded.add(name)
    if (loaded.size > MAX_FILES)
      throw new ProtoSchemaError(`The schema imports more than ${MAX_FILES} files.`)
    const text = byName.get(name)
    if (text !== undefined) {
      const result = parseInto(text, name)
      queue.push(...(result.imports ?? []), ...(result.weakImports ?? []))
      continue
    }
    const wellKnown = pb.common.get(name)
    if (wellKnown && wellKnown.nested) root.addJSON(wellKnown.nested)
    else if (BUILT_IN[name] !== undefined) {
      const result = parseInto(BUILT_IN[name], name)
      queue.push(...(result.imports ?? []))
    } else {
      throw new ProtoSchemaError(
        `The schema imports "${name}", which is neither among its references nor a well-known type the console knows.`,
      )
    }
  }
  try {
    root.resolveAll()
  } catch (error) {
    throw new ProtoSchemaError(error instanceof Error ? error.message : String(error))
  }
  if (topLevel.length === 0) throw new ProtoSchemaError('The schema declares no message.')
  return { root, topLevel }
}

/**
 * The message named by wire-format indexes: [i] is the i-th top-level message, [i, j] its j-th nested message.
 * (protobufjs keeps no synthetic map-entry types, so a nested message declared after a map field in the same
 * message may be off by one against a descriptor-based producer; such schemas are rare.)
 */
export function messageAt(proto: ParsedProto, indexes: readonly number[] = [0]): ProtoType | string {
  const path = indexes.length === 0 ? [0] : indexes
  const first = proto.topLevel[path[0]]
  if (first === undefined) {
    return `Message index ${path[0]} names no top-level message: the schema has ${proto.topLevel.length}.`
  }
  let type = proto.root.lookupType(first)
  for (let k = 1; k < path.length; k++) {
    const nested = messagesIn(type)
    const next = nested[path[k]]
    if (!next)
      return `Message index ${path[k]} names no message nested in ${type.fullName.slice(1)} (it has ${nested.length}).`
    type = next
  }
  return type
}

/** A message the produce form can encode: its full name and its wire-format indexes. */
export interface ProtoMessageChoice {
  name: string
  indexes: number[]
}

/** Every message of the schema, top-level and nested, in declaration order (at most `max`: a schema is data). */
export function listMessages(proto: ParsedProto, max = 500): ProtoMessageChoice[] {
  const out: ProtoMessageChoice[] = []
  const visit = (type: ProtoType, indexes: number[], depth: number) => {
    if (out.length >= max) return
    out.push({ name: type.fullName.replace(/^\./, ''), indexes })
    if (depth >= 16) return
    messagesIn(type).forEach((nested, j) => visit(nested, [...indexes, j], depth + 1))
  }
  proto.topLevel.forEach((name, i) => visit(proto.root.lookupType(name), [i], 0))
  return out
}

export function isMessageType(t: unknown): t is ProtoType {
  return t instanceof pb.Type
}

export function isEnumType(t: unknown): t is ProtoEnum {
  return t instanceof pb.Enum
}

export function isMapField(f: ProtoField): f is ProtoField & { keyType: string } {
  return f instanceof pb.MapField
}
