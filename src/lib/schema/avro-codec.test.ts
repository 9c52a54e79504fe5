import * as avscNs from 'avsc'
import { parse as parseLossless } from 'lossless-json'
import { describe, expect, it } from 'vitest'
import { codec } from './avro-codec.ts'
import type { ParsedSchema } from './types.ts'

// avsc (Node only, dev dependency) is the independent witness of the bytes.
const avsc: typeof avscNs = (avscNs as unknown as { default?: typeof avscNs }).default ?? avscNs

function parsed(schema: unknown, references?: { name: string; schema: string }[]): ParsedSchema {
  const result = codec.parse(JSON.stringify(schema), references)
  if (!result.ok) throw new Error(result.message)
  return result.schema
}

function decode(schema: ParsedSchema, payload: Uint8Array, options?: { logical?: 'readable' | 'raw' }) {
  const framed = new Uint8Array(payload.length + 5)
  framed.set(payload, 5)
  return codec.decode(schema, framed, 5, options)
}

function encode(schema: ParsedSchema, value: unknown): Uint8Array {
  const result = codec.encode(schema, value)
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  return result.bytes
}

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')

const ORDER = {
  type: 'record',
  name: 'Order',
  namespace: 'shop',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'name', type: 'string' },
    { name: 'ok', type: 'boolean' },
    { name: 'ratio', type: 'float' },
    { name: 'score', type: 'double' },
    { name: 'tags', type: { type: 'array', items: 'string' } },
    { name: 'attrs', type: { type: 'map', values: 'int' } },
    { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['NEW', 'PAID'] } },
    { name: 'note', type: ['null', 'string'], default: null },
    { name: 'blob', type: 'bytes' },
    { name: 'hash', type: { type: 'fixed', name: 'Hash', size: 4 } },
    {
      name: 'inner',
      type: [
        'null',
        { type: 'record', name: 'Inner', fields: [{ name: 'x', type: ['int', 'Status', 'string'] }] },
      ],
    },
  ],
}

const ORDER_VALUE = {
  id: 42,
  name: 'Grüße, 世界 🎉',
  ok: true,
  ratio: 0.1,
  score: -1.5e300,
  tags: ['a', ''],
  attrs: { one: 1, ['__proto__']: -2147483648 },
  status: 'PAID',
  note: { string: 'hi' },
  blob: '',
  hash: 'deadbeef',
  inner: { 'shop.Inner': { x: { 'shop.Status': 'NEW' } } },
}

describe('Avro codec', () => {
  it('round-trips every type byte-exactly, and avsc reads and writes the same bytes', () => {
    const schema = parsed(ORDER)
    const bytes = encode(schema, ORDER_VALUE)
    const result = decode(schema, bytes)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.value).toEqual(ORDER_VALUE)
    expect(Object.getPrototypeOf((result.value.value as Record<string, object>).attrs)).toBe(Object.prototype) // "__proto__" stayed data
    expect(JSON.parse(result.value.json)).toEqual(JSON.parse(JSON.stringify(ORDER_VALUE)))
    expect(hex(encode(schema, result.value.value))).toBe(hex(bytes))

    const type = avsc.Type.forSchema(ORDER as avscNs.Schema, { wrapUnions: true })
    const avscValue = {
      ...ORDER_VALUE,
      ratio: Math.fround(0.1),
      attrs: { one: 1, ['__proto__']: -2147483648 },
      blob: Buffer.alloc(0),
      hash: Buffer.from('deadbeef', 'hex'),
    }
    expect(hex(type.toBuffer(avscValue))).toBe(hex(bytes))
    const back = type.fromBuffer(Buffer.from(bytes))
    expect(back.name).toBe(ORDER_VALUE.name)
    expect(back.hash.toString('hex')).toBe('deadbeef')
  })

  it('keeps longs exact across the whole int64 range, as avsc with a bigint long type does', () => {
    const bigLong = avsc.types.LongType.__with({
      fromBuffer: (b: Buffer) => b.readBigInt64LE(),
      toBuffer: (n: bigint) => {
        const b = Buffer.alloc(8)
        b.writeBigInt64LE(n)
        return b
      },
      fromJSON: BigInt,
      toJSON: Number,
      isValid: (n: unknown) => typeof n === 'bigint',
      compare: (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0),
    })
    const witness = avsc.Type.forSchema({ type: 'array', items: 'long' }, { registry: { long: bigLong } })
    const schema = parsed({ type: 'array', items: 'long' })
    const values = [2n ** 63n - 1n, -(2n ** 63n), 2n ** 53n + 1n, -(2n ** 53n) - 1n, -1n, 0n, 1n, 2n ** 31n]
    const bytes = encode(schema, values)
    expect(hex(bytes)).toBe(hex(witness.toBuffer(values)))
    const result = decode(schema, bytes)
    expect(result.ok && result.value.json).toBe(`[${values.join(',')}]`)
    // Long as the max value: fe ff … 01 (zig-zag 2^64-2).
    expect(hex(encode(parsed('long'), '9223372036854775807'))).toBe('feffffffffffffffff01')
    // From lossless JSON text as the produce form parses it.
    const fromText = encode(schema, parseLossless('[9223372036854775807,-9223372036854775808]'))
    expect(decode(schema, fromText)).toMatchObject({
      ok: true,
      value: { json: '[9223372036854775807,-9223372036854775808]' },
    })
  })

  it('refuses longs and ints out of range, with the path', () => {
    expect(codec.encode(parsed('long'), '9223372036854775808')).toMatchObject({
      ok: false,
      errors: [{ instancePath: '' }],
    })
    const rec = parsed({ type: 'record', name: 'R', fields: [{ name: 'n', type: 'int' }] })
    expect(codec.encode(rec, { n: 2 ** 31 })).toMatchObject({ ok: false, errors: [{ instancePath: '/n' }] })
    expect(codec.encode(rec, { n: 1, extra: 1 })).toMatchObject({
      ok: false,
      errors: [{ instancePath: '/extra' }],
    })
    expect(codec.encode(rec, {})).toMatchObject({ ok: false, errors: [{ instancePath: '/n' }] })
  })

  it('shows logical types readably, with the raw value in an annotation, and encodes either form', () => {
    const schema = parsed({
      type: 'record',
      name: 'L',
      fields: [
        { name: 'price', type: { type: 'bytes', logicalType: 'decimal', precision: 20, scale: 2 } },
        {
          name: 'neg',
          type: { type: 'fixed', name: 'D', size: 8, logicalType: 'decimal', precision: 18, scale: 3 },
        },
        { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } },
        { name: 'atMicros', type: { type: 'long', logicalType: 'timestamp-micros' } },
        { name: 'local', type: { type: 'long', logicalType: 'local-timestamp-millis' } },
        { name: 'day', type: { type: 'int', logicalType: 'date' } },
        { name: 'time', type: { type: 'int', logicalType: 'time-millis' } },
        { name: 'timeMicros', type: { type: 'long', logicalType: 'time-micros' } },
        { name: 'id', type: { type: 'string', logicalType: 'uuid' } },
        { name: 'bad', type: { type: 'string', logicalType: 'date' } },
      ],
    })
    const value = {
      price: '12345678901234567.89',
      neg: '-0.005',
      at: '2026-12-06T14:10:33.123Z',
      atMicros: '1969-12-31T23:59:59.999999Z',
      local: '2026-12-06T14:10:33.000',
      day: '2026-12-06',
      time: '23:59:59.999',
      timeMicros: '00:00:00.000001',
      id: '6f1c2c9e-8f7a-4d3b-9d1e-0123456789ab',
      bad: 'not a date', // a logical type that does not fit its base type is ignored (spec)
    }
    const bytes = encode(schema, value)
    const result = decode(schema, bytes)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.value).toEqual(value)
    expect(result.value.annotations).toContainEqual({
      pointer: '/at',
      note: 'timestamp-millis 1796566233123',
    })
    expect(result.value.annotations).toContainEqual({ pointer: '/atMicros', note: 'timestamp-micros -1' })
    expect(result.value.annotations).toContainEqual({ pointer: '/day', note: 'date 20793' })
    const raw = decode(schema, bytes, { logical: 'raw' })
    expect(raw.ok && (raw.value.value as Record<string, unknown>).at).toBe(1796566233123)
    expect(raw.ok && raw.value.annotations).toContainEqual({
      pointer: '/at',
      note: 'timestamp-millis 2026-12-06T14:10:33.123Z',
    })
    // The raw number encodes to the same bytes.
    expect(hex(encode(schema, { ...value, at: 1796566233123, atMicros: -1 }))).toBe(hex(bytes))
    expect(codec.encode(schema, { ...value, price: '1.234' })).toMatchObject({
      ok: false,
      errors: [{ instancePath: '/price' }],
    })
    expect(codec.encode(schema, { ...value, at: 'yesterday' })).toMatchObject({
      ok: false,
      errors: [{ instancePath: '/at' }],
    })
  })

  it('accepts bare union values and fills defaults when producing', () => {
    const schema = parsed({
      type: 'record',
      name: 'U',
      fields: [
        { name: 'a', type: ['null', 'string', 'long'] },
        { name: 'b', type: ['string', 'null'], default: 'dflt' },
        { name: 'c', type: { type: 'array', items: ['null', 'U'] }, default: [] },
      ],
    })
    const bytes = encode(schema, { a: 7, c: [null, { a: 'x' }] })
    const result = decode(schema, bytes)
    expect(result.ok && result.value.value).toEqual({
      a: { long: 7 },
      b: { string: 'dflt' },
      c: [null, { U: { a: { string: 'x' }, b: { string: 'dflt' }, c: [] } }],
    })
    expect(codec.encode(schema, { a: true })).toMatchObject({ ok: false, errors: [{ instancePath: '/a' }] })
  })

  it('uses named types from references', () => {
    const ref = {
      name: 'money',
      schema: JSON.stringify({ type: 'fixed', name: 'Money', namespace: 'fin', size: 2 }),
    }
    const schema = parsed(
      { type: 'record', name: 'P', namespace: 'fin', fields: [{ name: 'm', type: 'Money' }] },
      [ref],
    )
    expect(decode(schema, encode(schema, { m: 'ffff' }))).toMatchObject({
      ok: true,
      value: { json: '{"m":"ffff"}' },
    })
    expect(codec.parse('{"type":"record","name":"P","fields":[{"name":"m","type":"Money"}]}')).toMatchObject({
      ok: false,
      message: expect.stringContaining('"Money" is not defined'),
    })
  })

  it('reports schema errors clearly', () => {
    expect(codec.parse('{')).toMatchObject({ ok: false, message: expect.stringContaining('not valid JSON') })
    expect(codec.parse('["int","int"]')).toMatchObject({
      ok: false,
      message: expect.stringContaining('two branches'),
    })
    expect(codec.parse('{"type":"enum","name":"E","symbols":["A","A"]}')).toMatchObject({ ok: false })
  })

  it('says why a payload does not match, and at which byte (counting the 5-byte prefix)', () => {
    const schema = parsed(ORDER)
    const bytes = encode(schema, ORDER_VALUE)
    const truncated = decode(schema, bytes.subarray(0, bytes.length - 3))
    expect(truncated).toMatchObject({ ok: false, failure: { kind: 'truncated' } })
    const trailing = decode(schema, Uint8Array.from([...bytes, 0, 0]))
    expect(trailing).toMatchObject({
      ok: false,
      failure: { kind: 'trailing-bytes', offset: 5 + bytes.length },
    })
    const union = decode(parsed(['null', 'string']), Uint8Array.from([4]))
    expect(union).toMatchObject({ ok: false, failure: { kind: 'mismatch', offset: 5 } })
    expect(decode(parsed('boolean'), Uint8Array.from([2]))).toMatchObject({
      ok: false,
      failure: { kind: 'mismatch' },
    })
    expect(decode(parsed('int'), Uint8Array.from([0x80, 0x80, 0x80, 0x80, 0x10]))).toMatchObject({
      ok: false,
      failure: { kind: 'mismatch', offset: 5 },
    })
    expect(decode(parsed('string'), Uint8Array.from([3]))).toMatchObject({
      ok: false,
      failure: { kind: 'mismatch' },
    })
    expect(decode(parsed('string'), Uint8Array.from([0x7f, 0x41]))).toMatchObject({
      ok: false,
      failure: { kind: 'mismatch', offset: 5 },
    }) // length -64
    expect(decode(parsed('string'), Uint8Array.from([0x7e, 0x41]))).toMatchObject({
      ok: false,
      failure: { kind: 'truncated', offset: 6 },
    })
    expect(decode(parsed('string'), Uint8Array.from([4, 0xc3, 0x28]))).toMatchObject({
      ok: false,
      failure: { kind: 'mismatch', offset: 6 },
    })
    expect(decode(parsed('long'), new Uint8Array(11).fill(0xff))).toMatchObject({
      ok: false,
      failure: { kind: 'mismatch' },
    })
  })

  it('stops hostile payloads: endless null arrays and deep recursion end in a failure, not a hang', () => {
    const nulls = decode(
      parsed({ type: 'array', items: 'null' }),
      Uint8Array.from([0xfe, 0xff, 0xff, 0xff, 0x0f]),
    )
    expect(nulls).toMatchObject({
      ok: false,
      failure: { kind: 'mismatch', message: expect.stringContaining('values') },
    })
    const list = parsed({ type: 'record', name: 'Node', fields: [{ name: 'next', type: ['null', 'Node'] }] })
    const deep = decode(list, new Uint8Array(100_000).fill(2))
    expect(deep).toMatchObject({
      ok: false,
      failure: { kind: 'mismatch', message: expect.stringContaining('deeper') },
    })
  })
})
