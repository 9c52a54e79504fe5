/**
 * Hand-written encoders for the demo records: Avro binary (spec "Binary Encoding"), protobuf (the
 * encoding guide: varints, zig-zag, fixed and length-delimited fields, packed repeated scalars), and the
 * registry wire format (magic byte 0, 4-byte big-endian schema id, protobuf message indexes).
 */
import type { AvroType } from './avro-schema.ts'
import type { ParsedProto, ProtoEnum, ProtoMessage } from './proto-schema.ts'

// ---- registry wire format ---------------------------------------------------------------------------

export function wireFormat(schemaId: number, payload: Buffer, messageIndexes?: number[]): Buffer {
  const head = Buffer.alloc(5)
  head[0] = 0
  head.writeUInt32BE(schemaId, 1)
  if (messageIndexes === undefined) return Buffer.concat([head, payload])
  // The first message is written as a single 0 instead of the array [0].
  const indexes =
    messageIndexes.length === 1 && messageIndexes[0] === 0
      ? Buffer.from([0])
      : Buffer.concat([
          zigzagVarint(BigInt(messageIndexes.length)),
          ...messageIndexes.map((i) => zigzagVarint(BigInt(i))),
        ])
  return Buffer.concat([head, indexes, payload])
}

function varint(value: bigint): Buffer {
  const out: number[] = []
  let v = BigInt.asUintN(64, value)
  do {
    let byte = Number(v & 0x7fn)
    v >>= 7n
    if (v !== 0n) byte |= 0x80
    out.push(byte)
  } while (v !== 0n)
  return Buffer.from(out)
}

function zigzagVarint(value: bigint): Buffer {
  return varint(BigInt.asUintN(64, (value << 1n) ^ (value >> 63n)))
}

// ---- Avro -------------------------------------------------------------------------------------------

/** Avro binary of `value`; longs as bigint, bytes/fixed as Buffer, enums as symbol names, unions by value. */
export function encodeAvro(type: AvroType, value: unknown): Buffer {
  const parts: Buffer[] = []
  writeAvro(type, value, parts)
  return Buffer.concat(parts)
}

function writeAvro(type: AvroType, value: unknown, out: Buffer[]): void {
  switch (type.kind) {
    case 'primitive':
      switch (type.type) {
        case 'null':
          return
        case 'boolean':
          out.push(Buffer.from([value === true ? 1 : 0]))
          return
        case 'int':
        case 'long':
          out.push(zigzagVarint(BigInt(value as number | bigint)))
          return
        case 'float': {
          const b = Buffer.alloc(4)
          b.writeFloatLE(value as number)
          out.push(b)
          return
        }
        case 'double': {
          const b = Buffer.alloc(8)
          b.writeDoubleLE(value as number)
          out.push(b)
          return
        }
        case 'bytes':
          out.push(zigzagVarint(BigInt((value as Buffer).length)), value as Buffer)
          return
        case 'string': {
          const b = Buffer.from(value as string, 'utf8')
          out.push(zigzagVarint(BigInt(b.length)), b)
          return
        }
      }
      return
    case 'record':
      for (const f of type.fields)
        writeAvro(f.type, (value as Record<string, unknown>)[f.name] ?? f.default ?? null, out)
      return
    case 'enum': {
      const index = type.symbols.indexOf(value as string)
      if (index < 0) throw new Error(`${String(value)} is not a symbol of ${type.name}`)
      out.push(zigzagVarint(BigInt(index)))
      return
    }
    case 'fixed':
      out.push(value as Buffer)
      return
    case 'array': {
      const items = value as unknown[]
      if (items.length > 0) {
        out.push(zigzagVarint(BigInt(items.length)))
        for (const item of items) writeAvro(type.items, item, out)
      }
      out.push(Buffer.from([0]))
      return
    }
    case 'map': {
      const entries = Object.entries(value as Record<string, unknown>)
      if (entries.length > 0) {
        out.push(zigzagVarint(BigInt(entries.length)))
        for (const [k, v] of entries) {
          writeAvro({ kind: 'primitive', type: 'string' }, k, out)
          writeAvro(type.values, v, out)
        }
      }
      out.push(Buffer.from([0]))
      return
    }
    case 'union': {
      const index =
        value === null || value === undefined
          ? type.branches.findIndex((b) => b.kind === 'primitive' && b.type === 'null')
          : type.branches.findIndex((b) => !(b.kind === 'primitive' && b.type === 'null'))
      if (index < 0) throw new Error('no union branch for the value')
      out.push(zigzagVarint(BigInt(index)))
      writeAvro(type.branches[index], value, out)
      return
    }
  }
}

/** Two's-complement big-endian bytes of an unscaled decimal (Avro's `decimal` on `bytes`). */
export function decimalBytes(unscaled: bigint): Buffer {
  let hex = BigInt.asUintN(128, unscaled).toString(16).padStart(32, '0')
  // Trim redundant sign bytes, keeping the sign bit of the first byte right.
  const negative = unscaled < 0n
  while (hex.length > 2) {
    const first = hex.slice(0, 2)
    const nextHigh = parseInt(hex[2], 16) >= 8
    if ((!negative && first === '00' && !nextHigh) || (negative && first === 'ff' && nextHigh))
      hex = hex.slice(2)
    else break
  }
  return Buffer.from(hex, 'hex')
}

// ---- protobuf ---------------------------------------------------------------------------------------

type ProtoTypes = Map<string, ProtoMessage | ProtoEnum>

export function protoTypes(files: ParsedProto[]): ProtoTypes {
  const out: ProtoTypes = new Map()
  const walk = (messages: ProtoMessage[], enums: ProtoEnum[]): void => {
    for (const e of enums) out.set(e.fullName, e)
    for (const m of messages) {
      out.set(m.fullName, m)
      walk(m.messages, m.enums)
    }
  }
  for (const f of files) walk(f.messages, f.enums)
  return out
}

const VARINT = new Set(['int32', 'int64', 'uint32', 'uint64', 'bool'])
const ZIGZAG = new Set(['sint32', 'sint64'])
const FIXED64 = new Set(['fixed64', 'sfixed64', 'double'])
const FIXED32 = new Set(['fixed32', 'sfixed32', 'float'])

/** Protobuf binary of a message; fields by name, enums by value name, 64-bit integers as bigint. */
export function encodeProto(
  message: ProtoMessage,
  value: Record<string, unknown>,
  types: ProtoTypes,
): Buffer {
  const out: Buffer[] = []
  for (const field of message.fields) {
    const v = value[field.name]
    if (v === undefined || v === null) continue
    const target = types.get(field.resolved)
    if (field.label !== 'repeated' && field.oneof === undefined && isProto3Default(v, target)) continue
    const scalarOf = (x: unknown): Buffer => encodeScalar(field.resolved, target, x)
    const isNumericScalar =
      target === undefined ? !['string', 'bytes'].includes(field.resolved) : !('fields' in target)
    if (field.label === 'repeated') {
      const items = v as unknown[]
      if (items.length === 0) continue
      if (isNumericScalar) {
        // proto3 packs repeated scalar numbers into one length-delimited field.
        const packed = Buffer.concat(items.map(scalarOf))
        out.push(varint(BigInt((field.number << 3) | 2)), varint(BigInt(packed.length)), packed)
      } else
        for (const item of items) out.push(encodeField(field.number, field.resolved, target, item, types))
    } else out.push(encodeField(field.number, field.resolved, target, v, types))
  }
  return Buffer.concat(out)
}

/** proto3 leaves fields at their default out of the encoding (zero, empty, false, the first enum value). */
function isProto3Default(value: unknown, target: ProtoMessage | ProtoEnum | undefined): boolean {
  if (target !== undefined) return !('fields' in target) && target.values[0]?.name === value
  return (
    value === 0 ||
    value === 0n ||
    value === '' ||
    value === false ||
    (Buffer.isBuffer(value) && value.length === 0)
  )
}

function encodeField(
  number: number,
  type: string,
  target: ProtoMessage | ProtoEnum | undefined,
  value: unknown,
  types: ProtoTypes,
): Buffer {
  if (target !== undefined && 'fields' in target) {
    const body = encodeProto(target, value as Record<string, unknown>, types)
    return Buffer.concat([varint(BigInt((number << 3) | 2)), varint(BigInt(body.length)), body])
  }
  if (type === 'string' || type === 'bytes') {
    const body = typeof value === 'string' ? Buffer.from(value, 'utf8') : (value as Buffer)
    return Buffer.concat([varint(BigInt((number << 3) | 2)), varint(BigInt(body.length)), body])
  }
  const wire = FIXED64.has(type) ? 1 : FIXED32.has(type) ? 5 : 0
  return Buffer.concat([varint(BigInt((number << 3) | wire)), encodeScalar(type, target, value)])
}

function encodeScalar(type: string, target: ProtoMessage | ProtoEnum | undefined, value: unknown): Buffer {
  if (target !== undefined && !('fields' in target)) {
    const found = target.values.find((e) => e.name === value)
    if (found === undefined) throw new Error(`${String(value)} is not a value of ${target.fullName}`)
    return varint(BigInt(found.number))
  }
  if (VARINT.has(type))
    return varint(typeof value === 'boolean' ? (value ? 1n : 0n) : BigInt(value as number | bigint))
  if (ZIGZAG.has(type)) return zigzagVarint(BigInt(value as number | bigint))
  const b = Buffer.alloc(FIXED64.has(type) ? 8 : 4)
  if (type === 'double') b.writeDoubleLE(value as number)
  else if (type === 'float') b.writeFloatLE(value as number)
  else if (type === 'fixed64') b.writeBigUInt64LE(BigInt(value as number | bigint))
  else if (type === 'sfixed64') b.writeBigInt64LE(BigInt(value as number | bigint))
  else if (type === 'fixed32') b.writeUInt32LE(value as number)
  else b.writeInt32LE(value as number)
  return b
}
