import { describe, expect, it } from 'vitest'
import { codec as avro } from './avro-codec.ts'
import { codec as json } from './json-schema-codec.ts'
import { codec as protobuf } from './protobuf-codec.ts'
import type { Codec } from './types.ts'

function sampleRoundTrip(codec: Codec, schemaText: string, messageIndexes?: number[]) {
  const parsed = codec.parse(schemaText)
  if (!parsed.ok) throw new Error(parsed.message)
  const sample = codec.sample(parsed.schema, { messageIndexes })
  const encoded = codec.encode(parsed.schema, sample, { messageIndexes })
  if (!encoded.ok) throw new Error(JSON.stringify(encoded.errors))
  const framed = Uint8Array.from([0, 0, 0, 0, 1, ...encoded.bytes])
  const decoded = codec.decode(parsed.schema, framed, 5, { messageIndexes })
  if (!decoded.ok) throw new Error(decoded.failure.message)
  return { sample, decoded: decoded.value.value }
}

describe('sample from schema', () => {
  it('gives an Avro sample that encodes and decodes to itself, recursive types included', () => {
    const schema = JSON.stringify({
      type: 'record',
      name: 'Tree',
      fields: [
        { name: 'label', type: 'string', default: 'root' },
        { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } },
        { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 9, scale: 2 } },
        { name: 'kind', type: { type: 'enum', name: 'Kind', symbols: ['A', 'B'] } },
        { name: 'id', type: { type: 'fixed', name: 'Id', size: 2 } },
        { name: 'children', type: { type: 'array', items: 'Tree' } },
        { name: 'parent', type: ['null', 'Tree'] },
        { name: 'meta', type: { type: 'map', values: ['string', 'null'] } },
      ],
    })
    const { sample, decoded } = sampleRoundTrip(avro, schema)
    expect(decoded).toEqual(sample)
    expect(sample).toMatchObject({
      label: 'root',
      at: '1970-01-01T00:00:00.000Z',
      amount: '0.00',
      kind: 'A',
      id: '0000',
    })
  })

  it('gives a Protobuf sample for the message the indexes name', () => {
    const text = `syntax = "proto3"; message A { int32 a = 1; }
      message B { int64 id = 1; repeated string s = 2; map<string, A> m = 3; E e = 4; A a = 5;
        oneof o { string x = 6; int32 y = 7; } enum E { ZERO = 0; ONE = 1; } }`
    const { sample, decoded } = sampleRoundTrip(protobuf, text, [1])
    expect(sample).toEqual({ id: '0', s: [], m: {}, e: 'ZERO', a: { a: 0 }, x: '' })
    expect(decoded).toEqual(sample)
  })

  it('gives a JSON Schema sample that validates', () => {
    const schema = JSON.stringify({
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 2 },
        at: { type: 'string', format: 'date-time' },
        n: { type: 'integer', minimum: 5 },
        kind: { enum: ['x', 'y'] },
        list: { type: 'array', items: { $ref: '#/definitions/item' }, minItems: 1 },
        either: { anyOf: [{ type: 'null' }, { type: 'boolean' }] },
      },
      required: ['name', 'n'],
      definitions: { item: { type: 'object', properties: { v: { type: 'number', default: 1.5 } } } },
    })
    const { sample } = sampleRoundTrip(json, schema)
    expect(sample).toEqual({
      name: 'xx',
      at: '1970-01-01T00:00:00Z',
      n: 5,
      kind: 'x',
      list: [{ v: 1.5 }],
      either: false,
    })
  })
})
