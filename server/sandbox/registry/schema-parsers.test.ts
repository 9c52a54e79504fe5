/** Avro and Protobuf schema parsing, Avro resolution and the demo encoders, as pure functions. */
import { describe, expect, it } from 'vitest'
import { avroReadProblems } from './avro-compat.ts'
import { AvroSchemaError, parseAvroSchema } from './avro-schema.ts'
import { ProtoSchemaError, parseProtoSchema, protoMessageIndexes } from './proto-schema.ts'
import { decimalBytes, encodeAvro, wireFormat } from './wire-encoders.ts'

describe('parseAvroSchema', () => {
  it('resolves names through namespaces, keeps recursion and valid logical types', () => {
    const parsed = parseAvroSchema(
      JSON.stringify({
        type: 'record',
        name: 'List',
        namespace: 'x.y',
        fields: [
          { name: 'when', type: { type: 'long', logicalType: 'timestamp-millis' } },
          { name: 'bad', type: { type: 'bytes', logicalType: 'decimal', precision: 2, scale: 5 } },
          { name: 'next', type: ['null', 'x.y.List'], default: null },
          { name: 'inner', type: { type: 'enum', name: 'E', namespace: 'z', symbols: ['A'] } },
          { name: 'again', type: 'z.E' },
        ],
      }),
    )
    expect([...parsed.defined.keys()]).toEqual(['x.y.List', 'z.E'])
    const root = parsed.root
    if (root.kind !== 'record') throw new Error('record expected')
    expect(root.fields[0].type).toMatchObject({ logicalType: 'timestamp-millis' })
    // An invalid decimal (scale > precision) falls back to plain bytes, as the spec says.
    expect(root.fields[1].type).not.toHaveProperty('logicalType')
    const next = root.fields[2].type
    expect(next.kind === 'union' && next.branches[1]).toBe(root)
  })

  it('refuses what the spec refuses', () => {
    const bad = [
      '{"type":"record","name":"R","fields":[{"name":"a","type":"int"},{"name":"a","type":"int"}]}',
      '{"type":"record","name":"1R","fields":[]}',
      '{"type":"fixed","name":"F"}',
      '{"type":"array"}',
      '[["int"]]',
      '{"type":"record","name":"R","fields":[{"name":"r","type":{"type":"record","name":"R","fields":[]}}]}',
      '{"type":"enum","name":"E","symbols":["A"],"default":"B"}',
      '"int',
    ]
    for (const text of bad) expect(() => parseAvroSchema(text), text).toThrow(AvroSchemaError)
  })
})

describe('avroReadProblems', () => {
  const parse = (o: unknown) => parseAvroSchema(JSON.stringify(o)).root
  it('allows promotions and defaults, refuses missing fields and narrowed unions', () => {
    expect(avroReadProblems(parse('double'), parse('int'))).toEqual([])
    expect(avroReadProblems(parse('int'), parse('long'))).toHaveLength(1)
    expect(avroReadProblems(parse(['null', 'string']), parse('string'))).toEqual([])
    expect(avroReadProblems(parse('string'), parse(['null', 'string']))[0]).toMatch(/TYPE_MISMATCH/)
    const r = (fields: unknown[]) => parse({ type: 'record', name: 'R', fields })
    expect(avroReadProblems(r([{ name: 'a', type: 'int', default: 1 }]), r([]))).toEqual([])
    expect(avroReadProblems(r([{ name: 'a', type: 'int' }]), r([]))[0]).toMatch(
      /READER_FIELD_MISSING_DEFAULT_VALUE/,
    )
  })
})

describe('parseProtoSchema', () => {
  const TEXT = `syntax = "proto3";
package shop; // the package
/* block
   comment */
option java_package = "x.y";
message A { message Inner { int32 n = 1; } Inner i = 1; map<string, B> m = 2; }
enum Kind { KIND_UNKNOWN = 0; BIG = 1 [deprecated = true]; }
message B { Kind k = 1; repeated .shop.A.Inner xs = 2; oneof pick { string s = 3; bytes b = 4; } }
service S { rpc Get (A) returns (B); }`

  it('lists messages with their wire-format indexes and resolves types', () => {
    const file = parseProtoSchema(TEXT)
    expect(file.package).toBe('shop')
    expect(protoMessageIndexes(file)).toEqual([
      { fullName: 'shop.A', indexes: [0] },
      { fullName: 'shop.A.Inner', indexes: [0, 0] },
      { fullName: 'shop.B', indexes: [1] },
    ])
    expect(file.messages[1].fields.map((f) => f.resolved)).toEqual([
      'shop.Kind',
      'shop.A.Inner',
      'string',
      'bytes',
    ])
    // Comments and whitespace do not change the identity.
    expect(parseProtoSchema(TEXT.replace(/\/\/.*$/gm, '').replace(/\s+/g, ' ')).canonical).toBe(
      file.canonical,
    )
  })

  it('reports the line of a problem', () => {
    expect(() => parseProtoSchema('syntax = "proto3";\nmessage M {\n  string a = 0;\n}')).toThrow(/line 3/)
    expect(() => parseProtoSchema('syntax = "proto3";\nmessage M { required int32 a = 1; }')).toThrow(
      /required/,
    )
    expect(() => parseProtoSchema('syntax = "proto3";\nenum E { A = 1; }')).toThrow(/zero/)
    expect(() => parseProtoSchema('message M { int32 a = 1; reserved 1; }')).toThrow(/reserved/)
    expect(() => parseProtoSchema('message M { int32 a = 1;')).toThrow(ProtoSchemaError)
    expect(() => parseProtoSchema('')).toThrow(/empty/)
  })

  it('sees the types of imported files, and well-known imports without a reference', () => {
    const dep = parseProtoSchema('syntax = "proto3"; package lib; message Money { int64 units = 1; }')
    const main = parseProtoSchema(
      'syntax = "proto3"; import "lib/money.proto"; import "google/protobuf/timestamp.proto"; message P { lib.Money m = 1; google.protobuf.Timestamp t = 2; }',
      new Map([['lib/money.proto', dep]]),
    )
    expect(main.messages[0].fields.map((f) => f.resolved)).toEqual(['lib.Money', 'google.protobuf.Timestamp'])
  })
})

describe('wire encoders', () => {
  it('writes the wire format header and message indexes', () => {
    expect([...wireFormat(258, Buffer.from([9]))]).toEqual([0, 0, 0, 1, 2, 9])
    expect([...wireFormat(1, Buffer.alloc(0), [0])]).toEqual([0, 0, 0, 0, 1, 0])
    expect([...wireFormat(1, Buffer.alloc(0), [1, 0])]).toEqual([0, 0, 0, 0, 1, 4, 2, 0])
  })

  it('encodes decimals as minimal two’s complement and Avro longs as zig-zag varints', () => {
    expect(decimalBytes(0n).toString('hex')).toBe('00')
    expect(decimalBytes(-1n).toString('hex')).toBe('ff')
    expect(decimalBytes(128n).toString('hex')).toBe('0080')
    expect(decimalBytes(-129n).toString('hex')).toBe('ff7f')
    const long = parseAvroSchema('"long"').root
    expect(encodeAvro(long, -1n).toString('hex')).toBe('01')
    expect(encodeAvro(long, 2n ** 53n + 1n).toString('hex')).toBe('8280808080808020')
  })
})
