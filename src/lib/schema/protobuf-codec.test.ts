import * as protobufNs from 'protobufjs'
import { describe, expect, it } from 'vitest'
import { codec } from './protobuf-codec.ts'
import type { ParsedSchema } from './types.ts'

const pb: typeof protobufNs = (protobufNs as unknown as { default?: typeof protobufNs }).default ?? protobufNs
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')
const fromHex = (h: string) => Uint8Array.from(Buffer.from(h, 'hex'))

const COMMON = `syntax = "proto3";
package acme.common;
message Money { string currency = 1; sint64 units = 2; }
enum Level { LOW = 0; HIGH = 1; }`

const ORDER = `syntax = "proto3";
package acme;
import "acme/common.proto";
import "google/protobuf/timestamp.proto";

message Ping { int32 n = 1; }

message Order {
  int64 id = 1;
  uint64 big = 2;
  fixed64 f64 = 3;
  sfixed64 sf64 = 4;
  int32 small = 5;
  string name = 6;
  bytes blob = 7;
  bool paid = 8;
  double score = 9;
  float ratio = 10;
  acme.common.Level level = 11;
  acme.common.Money total = 12;
  repeated sint32 deltas = 13;
  map<string, int64> counts = 14;
  oneof contact { string email = 15; string phone = 16; }
  google.protobuf.Timestamp at = 17;
  optional string maybe = 18;
  Line line = 19;
  message Line { string sku = 1; uint32 qty = 2; }
}`

function parsed(text = ORDER, messageRefs = [{ name: 'acme/common.proto', schema: COMMON }]): ParsedSchema {
  const result = codec.parse(text, messageRefs)
  if (!result.ok) throw new Error(result.message)
  return result.schema
}

const ORDER_VALUE = {
  id: '-9223372036854775808',
  big: '18446744073709551615',
  f64: '9007199254740993',
  sf64: '-1',
  small: -1,
  name: 'héllo ✓',
  blob: '00ff',
  paid: true,
  score: 0.1,
  ratio: 0.5,
  level: 'HIGH',
  total: { currency: 'EUR', units: '9223372036854775807' },
  deltas: [1, -1, 2147483647, -2147483648],
  counts: { a: '1', 'b c': '-5' },
  email: 'a@b.c',
  at: { seconds: '1796566233', nanos: 5 },
  line: { sku: '', qty: 0 },
}

describe('Protobuf codec', () => {
  it('round-trips a message with references, well-known types, 64-bit extremes, maps, oneofs and nesting', () => {
    const schema = parsed()
    const encoded = codec.encode(schema, ORDER_VALUE, { messageIndexes: [1] })
    expect(encoded.ok).toBe(true)
    if (!encoded.ok) return
    const framed = Uint8Array.from([0, 0, 0, 0, 9, 2, 2, ...encoded.bytes])
    const result = codec.decode(schema, framed, 7, { messageIndexes: [1] })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.messageName).toBe('acme.Order')
    // Fields without presence come back with their defaults; unset oneof members and optional fields do not.
    expect(result.value.value).toEqual({ ...ORDER_VALUE })
    expect(result.value.json).toContain('"big":"18446744073709551615"')
    const again = codec.encode(schema, result.value.value, { messageIndexes: [1] })
    expect(again.ok && hex(again.bytes)).toBe(hex(encoded.bytes))
  })

  it('writes the same bytes as protobufjs itself (outside the CSP, in Node)', () => {
    const schema = parsed()
    const root = new pb.Root()
    pb.parse(COMMON, root, { keepCase: true })
    pb.parse(ORDER, root, { keepCase: true })
    root.addJSON(pb.common.get('google/protobuf/timestamp.proto')!.nested!)
    root.resolveAll()
    const Order = root.lookupType('acme.Order')
    // protobufjs writes map entries in its own order, and writes default values it was given.
    const value = { ...ORDER_VALUE, counts: { a: '1' }, line: { sku: 'x', qty: 1 } }
    const theirs = Order.encode(Order.fromObject({ ...value, blob: Buffer.from('00ff', 'hex') })).finish()
    const ours = codec.encode(schema, value, { messageIndexes: [1] })
    expect(ours.ok && hex(ours.bytes)).toBe(hex(theirs))
  })

  it('decodes known bytes: 08 96 01 is n = 150, and picks nested messages by index', () => {
    const schema = parsed()
    expect(codec.decode(schema, fromHex('089601'), 0, { messageIndexes: [0] })).toMatchObject({
      ok: true,
      value: { json: '{"n":150}', messageName: 'acme.Ping' },
    })
    expect(codec.decode(schema, fromHex('0a0378797a1005'), 0, { messageIndexes: [1, 0] })).toMatchObject({
      ok: true,
      value: { json: '{"sku":"xyz","qty":5}', messageName: 'acme.Order.Line' },
    })
    // int32 -1 is ten bytes on the wire.
    expect(codec.decode(schema, fromHex('08ffffffffffffffffff01'), 0)).toMatchObject({
      ok: true,
      value: { json: '{"n":-1}' },
    })
    expect(codec.decode(schema, fromHex(''), 0)).toMatchObject({ ok: true, value: { json: '{"n":0}' } })
    expect(codec.decode(schema, fromHex('089601'), 0, { messageIndexes: [5] })).toMatchObject({
      ok: false,
      failure: { kind: 'unknown-message' },
    })
  })

  it('lists every message with its wire-format indexes, for the produce form to choose from', () => {
    const schema = parsed()
    expect(codec.messages?.(schema)).toEqual([
      { name: 'acme.Ping', indexes: [0] },
      { name: 'acme.Order', indexes: [1] },
      { name: 'acme.Order.Line', indexes: [1, 0] },
    ])
    // The listed indexes are the ones that encode and decode that message.
    const encoded = codec.encode(schema, { sku: 'xyz', qty: 5 }, { messageIndexes: [1, 0] })
    expect(encoded.ok && hex(encoded.bytes)).toBe('0a0378797a1005')
  })

  it('keeps unknown enum numbers and notes unknown fields', () => {
    const schema = parsed()
    const result = codec.decode(schema, fromHex('5807' + 'a00601'), 0, { messageIndexes: [1] })
    expect(result.ok && (result.value.value as Record<string, unknown>).level).toBe(7)
    expect(result.ok && result.value.annotations[0].note).toContain('1 field')
  })

  it('says why a payload does not match, with the byte offset', () => {
    const schema = parsed()
    // field 6 (name) declared length 5, 2 bytes present; offsets count from the frame start (7 here).
    const framed = Uint8Array.from([0, 0, 0, 0, 1, 2, 2, ...fromHex('32056869')])
    expect(codec.decode(schema, framed, 7, { messageIndexes: [1] })).toMatchObject({
      ok: false,
      failure: { kind: 'truncated', offset: 8 },
    })
    // field 1 (int64) sent with wire type 2
    expect(codec.decode(schema, fromHex('0a0100'), 0, { messageIndexes: [1] })).toMatchObject({
      ok: false,
      failure: { kind: 'mismatch', offset: 0 },
    })
    expect(codec.decode(schema, fromHex('0f'), 0)).toMatchObject({ ok: false, failure: { kind: 'mismatch' } })
    expect(codec.decode(schema, fromHex('3202c328'), 0, { messageIndexes: [1] })).toMatchObject({
      ok: false,
      failure: { kind: 'mismatch', offset: 2 },
    })
  })

  it('validates values when producing, with the path', () => {
    const schema = parsed()
    const at = (value: unknown) => {
      const r = codec.encode(schema, value, { messageIndexes: [1] })
      return r.ok ? null : r.errors[0].instancePath
    }
    expect(at({ id: '9223372036854775808' })).toBe('/id')
    expect(at({ total: { units: 'x' } })).toBe('/total/units')
    expect(at({ level: 'MEDIUM' })).toBe('/level')
    expect(at({ email: 'a', phone: 'b' })).toBe('')
    expect(at({ nope: 1 })).toBe('/nope')
    expect(at({ blob: 'xyz' })).toBe('/blob')
    expect(at({ deltas: [1, 'two'] })).toBe('/deltas/1')
  })

  it('knows the registry built-ins: custom options via descriptor.proto, confluent/meta.proto, Decimal', () => {
    const text = `syntax = "proto3";
      import "confluent/meta.proto";
      import "confluent/type/decimal.proto";
      message Price {
        confluent.type.Decimal amount = 1 [(confluent.field_meta).doc = "exact"];
      }`
    const schema = parsed(text, [])
    const encoded = codec.encode(schema, { amount: { value: '04d2', precision: 6, scale: 2 } })
    expect(encoded.ok).toBe(true)
    if (!encoded.ok) return
    expect(codec.decode(schema, encoded.bytes, 0)).toMatchObject({
      ok: true,
      value: { json: '{"amount":{"value":"04d2","precision":6,"scale":2}}', messageName: 'Price' },
    })
  })

  it('reports a schema that cannot be used', () => {
    expect(codec.parse('syntax = "proto3"; message A { B b = 1; }')).toMatchObject({ ok: false })
    expect(codec.parse('syntax = "proto3"; import "x.proto"; message A {}')).toMatchObject({
      ok: false,
      message: expect.stringContaining('"x.proto"'),
    })
    expect(codec.parse('syntax = "proto3"; message A { int32 a = 1')).toMatchObject({ ok: false })
  })

  it('never generates code (the console forbids eval by its Content-Security-Policy)', () => {
    const util = pb.util as unknown as { codegen: unknown }
    const original = util.codegen
    util.codegen = () => {
      throw new Error('codegen called')
    }
    try {
      const schema = parsed()
      const encoded = codec.encode(schema, ORDER_VALUE, { messageIndexes: [1] })
      expect(encoded.ok).toBe(true)
      if (encoded.ok) expect(codec.decode(schema, encoded.bytes, 0, { messageIndexes: [1] }).ok).toBe(true)
      expect(codec.sample(schema, { messageIndexes: [1] })).toMatchObject({
        id: '0',
        level: 'LOW',
        total: {},
      })
    } finally {
      util.codegen = original
    }
  })
})
