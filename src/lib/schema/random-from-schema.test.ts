import { describe, expect, it } from 'vitest'
import { codec as avro } from './avro-codec.ts'
import { codec as json, validateJson } from './json-schema-codec.ts'
import { codec as protobuf } from './protobuf-codec.ts'
import { recordRng } from './random-values.ts'
import type { Codec, EncodeOptions, ParsedSchema, SchemaReferenceText } from './types.ts'

function parsed(codec: Codec, text: string, refs: SchemaReferenceText[] = []): ParsedSchema {
  const result = codec.parse(text, refs)
  if (!result.ok) throw new Error(result.message)
  return result.schema
}

const AVRO_RICH = JSON.stringify({
  type: 'record',
  name: 'Order',
  namespace: 'shop',
  fields: [
    { name: 'id', type: { type: 'string', logicalType: 'uuid' } },
    { name: 'email', type: 'string' },
    { name: 'n', type: 'null' },
    { name: 'ok', type: 'boolean' },
    { name: 'i', type: 'int' },
    { name: 'l', type: 'long' },
    { name: 'f', type: 'float' },
    { name: 'd', type: 'double' },
    { name: 'b', type: 'bytes' },
    { name: 'fx', type: { type: 'fixed', name: 'Hash', size: 4 } },
    { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['NEW', 'PAID', 'SHIPPED'] } },
    { name: 'tags', type: { type: 'array', items: 'string' } },
    { name: 'attrs', type: { type: 'map', values: ['null', 'long', 'string'] } },
    { name: 'price', type: { type: 'bytes', logicalType: 'decimal', precision: 12, scale: 2 } },
    {
      name: 'fprice',
      type: { type: 'fixed', name: 'Dec', size: 8, logicalType: 'decimal', precision: 18, scale: 4 },
    },
    { name: 'uid', type: { type: 'fixed', name: 'U', size: 16, logicalType: 'uuid' } },
    { name: 'day', type: { type: 'int', logicalType: 'date' } },
    { name: 'tm', type: { type: 'int', logicalType: 'time-millis' } },
    { name: 'tu', type: { type: 'long', logicalType: 'time-micros' } },
    { name: 'ts', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'tsu', type: { type: 'long', logicalType: 'timestamp-micros' } },
    { name: 'tsn', type: { type: 'long', logicalType: 'timestamp-nanos' } },
    { name: 'lts', type: { type: 'long', logicalType: 'local-timestamp-millis' } },
    { name: 'ltu', type: { type: 'long', logicalType: 'local-timestamp-micros' } },
    { name: 'ltn', type: { type: 'long', logicalType: 'local-timestamp-nanos' } },
    { name: 'dur', type: { type: 'fixed', name: 'Dur', size: 12, logicalType: 'duration' } },
    { name: 'parent', type: ['null', 'Order'] },
    {
      name: 'lines',
      type: {
        type: 'array',
        items: {
          type: 'record',
          name: 'Line',
          fields: [
            { name: 'sku', type: 'string' },
            { name: 'qty', type: 'int' },
            { name: 'sub', type: { type: 'array', items: 'Line' } },
          ],
        },
      },
    },
    { name: 'choice', type: ['string', 'long', 'Status', { type: 'map', values: 'Line' }] },
  ],
})

const PROTO_RICH = `syntax = "proto3";
package demo;
message First { string x = 1; }
message Event {
  enum Kind { UNKNOWN = 0; CLICK = 1; VIEW = 2; }
  message Point { double lat = 1; double lon = 2; Event again = 3; }
  string id = 1;
  int64 at = 2;
  uint64 big = 3;
  sint64 s64 = 4;
  fixed64 f64 = 5;
  sfixed64 sf64 = 6;
  int32 i32 = 7;
  uint32 u32 = 8;
  sint32 s32 = 9;
  fixed32 f32 = 10;
  sfixed32 sf32 = 11;
  float fl = 12;
  double db = 13;
  bool flag = 14;
  bytes raw = 15;
  Kind kind = 16;
  Point where = 17;
  repeated Point trail = 18;
  repeated int64 counts = 19;
  map<string, Point> named = 20;
  map<int64, Kind> kinds = 21;
  map<bool, string> flags = 22;
  oneof payload { string text = 23; Point spot = 24; int64 number = 25; }
  optional string note = 26;
  repeated Kind history = 27;
}`

const JSON_REF = JSON.stringify({
  $id: 'https://example.com/address.json',
  type: 'object',
  properties: {
    street: { type: 'string', minLength: 3 },
    zip: { type: 'string', pattern: '^[0-9]{5}$', examples: ['12345', '54321'] },
  },
  required: ['street', 'zip'],
  additionalProperties: false,
})

const JSON_RICH = JSON.stringify({
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    email: { type: 'string', format: 'email' },
    at: { type: 'string', format: 'date-time' },
    day: { type: 'string', format: 'date' },
    site: { type: 'string', format: 'uri' },
    name: { type: 'string', minLength: 2, maxLength: 12 },
    code: { type: 'string', minLength: 8, maxLength: 8 },
    kind: { enum: ['a', 'b', 3, null] },
    version: { const: 2 },
    qty: { type: 'integer', minimum: 1, maximum: 10 },
    even: { type: 'integer', multipleOf: 2, exclusiveMinimum: 10, exclusiveMaximum: 20 },
    price: { type: 'number', minimum: 0.5, maximum: 99.5 },
    step: { type: 'number', multipleOf: 0.25, minimum: 0, maximum: 5 },
    maybe: { type: ['string', 'null'] },
    tags: {
      type: 'array',
      items: { type: 'string', maxLength: 10 },
      minItems: 1,
      maxItems: 4,
      uniqueItems: true,
    },
    pair: {
      type: 'array',
      items: [{ type: 'integer' }, { type: 'boolean' }],
      additionalItems: false,
      minItems: 2,
    },
    home: { $ref: 'address.json' },
    tree: { $ref: '#/definitions/node' },
    extra: { type: 'object', additionalProperties: { type: 'integer' } },
    shape: {
      oneOf: [
        {
          type: 'object',
          properties: { circle: { type: 'number', minimum: 0 } },
          required: ['circle'],
          additionalProperties: false,
        },
        {
          type: 'object',
          properties: { square: { type: 'integer', minimum: 0 } },
          required: ['square'],
          additionalProperties: false,
        },
      ],
    },
    both: {
      allOf: [
        { type: 'object', properties: { a: { type: 'integer' } }, required: ['a'] },
        { properties: { b: { type: 'boolean' } }, required: ['b'] },
      ],
    },
    anyway: {
      anyOf: [
        { type: 'string', format: 'ipv4' },
        { type: 'integer', maximum: -1 },
      ],
    },
  },
  required: ['id', 'email', 'qty', 'tree', 'home', 'even', 'pair'],
  additionalProperties: false,
  definitions: {
    node: {
      type: 'object',
      properties: {
        value: { type: 'integer' },
        children: { type: 'array', items: { $ref: '#/definitions/node' } },
      },
      required: ['value', 'children'],
      additionalProperties: false,
    },
  },
})

const SEEDS = 250

interface Case {
  name: string
  codec: Codec
  schema: ParsedSchema
  options?: EncodeOptions
}

const CASES: Case[] = [
  { name: 'Avro', codec: avro, schema: parsed(avro, AVRO_RICH) },
  {
    name: 'Protobuf (second message)',
    codec: protobuf,
    schema: parsed(protobuf, PROTO_RICH),
    options: { messageIndexes: [1] },
  },
  {
    name: 'JSON Schema',
    codec: json,
    schema: parsed(json, JSON_RICH, [{ name: 'address.json', schema: JSON_REF }]),
  },
]

function generate(c: Case, seed: number, index: number) {
  const value = c.codec.random!(c.schema, recordRng(seed, index), c.options)
  const encoded = c.codec.encode(c.schema, value, c.options)
  return { value, encoded }
}

describe('random values from a schema', () => {
  for (const c of CASES) {
    it(`${c.name}: every value over ${SEEDS} seeds encodes (fits) and decodes back to itself`, () => {
      for (let seed = 0; seed < SEEDS; seed++) {
        const index = seed % 13
        const { value, encoded } = generate(c, seed, index)
        if (!encoded.ok) throw new Error(`seed ${seed}: ${JSON.stringify(encoded.errors)}`)
        expect(encoded.bytes.length).toBeLessThan(16 * 1024) // bounded, recursive schemas included
        if (c.codec === json) expect(validateJson(c.schema, value)).toEqual([])
        const decoded = c.codec.decode(c.schema, encoded.bytes, 0, c.options)
        if (!decoded.ok) throw new Error(`seed ${seed}: ${decoded.failure.message}`)
        expect(decoded.value.value).toEqual(value)
        expect(decoded.value.warnings).toEqual([])
      }
    })

    it(`${c.name}: the same seed and index give identical bytes, another seed other bytes`, () => {
      let differ = 0
      for (let seed = 0; seed < SEEDS; seed++) {
        const a = generate(c, seed, 7).encoded
        const b = generate(c, seed, 7).encoded
        const other = generate(c, seed + 1, 7).encoded
        const next = generate(c, seed, 8).encoded
        if (!a.ok || !b.ok || !other.ok || !next.ok) throw new Error(`seed ${seed} did not encode`)
        expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true)
        if (!Buffer.from(a.bytes).equals(Buffer.from(other.bytes))) differ++
        if (!Buffer.from(a.bytes).equals(Buffer.from(next.bytes))) differ++
      }
      expect(differ).toBe(2 * SEEDS)
    })
  }

  it('covers the types: long beyond 2^53, every oneof exactly once, nested values', () => {
    const avroCase = CASES[0]
    const protoCase = CASES[1]
    let bigLong = false
    let nestedParent = false
    const oneofs = new Set<string>()
    for (let seed = 0; seed < SEEDS; seed++) {
      const a = avroCase.codec.random!(avroCase.schema, recordRng(seed, 0)) as Record<string, unknown>
      if (typeof a.l === 'bigint') bigLong = true
      if (a.parent !== null) nestedParent = true
      const p = protoCase.codec.random!(protoCase.schema, recordRng(seed, 0), protoCase.options) as Record<
        string,
        unknown
      >
      const set = ['text', 'spot', 'number'].filter((k) => k in p)
      expect(set.length).toBeLessThanOrEqual(1)
      set.forEach((k) => oneofs.add(k))
      expect(typeof p.at).toBe('string')
    }
    expect(bigLong).toBe(true)
    expect(nestedParent).toBe(true)
    expect([...oneofs].sort()).toEqual(['number', 'spot', 'text'])
  })

  it('looks plausible: an email field gets an email, an id a uuid', () => {
    const v = avro.random!(CASES[0].schema, recordRng(1, 1)) as Record<string, string>
    expect(v.email).toMatch(/^[a-z]+\.[a-z]+@example\.com$/)
    expect(v.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('JSON Schema drafts 2020-12 ($defs, prefixItems) and 4 (boolean exclusive bounds) fit too', () => {
    const modern = parsed(
      json,
      JSON.stringify({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        properties: {
          point: { type: 'array', prefixItems: [{ type: 'number' }, { type: 'number' }], items: false },
          tags: { type: 'array', prefixItems: [{ const: 'first' }], items: { $ref: '#/$defs/tag' } },
          at: { type: ['string', 'null'], format: 'time' },
        },
        required: ['point', 'tags'],
        $defs: { tag: { type: 'string', enum: ['x', 'y'] } },
      }),
    )
    const old = parsed(
      json,
      JSON.stringify({
        $schema: 'http://json-schema.org/draft-04/schema#',
        type: 'integer',
        minimum: 0,
        exclusiveMinimum: true,
        maximum: 3,
        exclusiveMaximum: true,
      }),
    )
    const seen = new Set<unknown>()
    for (let seed = 0; seed < 200; seed++) {
      expect(json.encode(modern, json.random!(modern, recordRng(seed, 0))).ok).toBe(true)
      const n = json.random!(old, recordRng(seed, 0))
      expect(validateJson(old, n)).toEqual([])
      seen.add(n)
    }
    expect([...seen].sort()).toEqual([1, 2])
  })

  it('names the schema path it cannot satisfy', () => {
    const s = parsed(
      json,
      JSON.stringify({
        type: 'object',
        properties: { x: { type: 'string', pattern: '^[0-9]{5}$' } },
        required: ['x'],
      }),
    )
    expect(() => json.random!(s, recordRng(1, 0))).toThrow(
      'Cannot generate a value for /properties/x/pattern: pattern is not supported',
    )
    const never = parsed(avro, '{"type":"record","name":"R","fields":[{"name":"r","type":"R"}]}')
    expect(() => avro.random!(never, recordRng(1, 0))).toThrow(/contain themselves without end/)
    const empty = parsed(json, '{"type":"integer","minimum":5,"maximum":4}')
    expect(() => json.random!(empty, recordRng(1, 0))).toThrow(/no integer fits its bounds/)
  })
})
