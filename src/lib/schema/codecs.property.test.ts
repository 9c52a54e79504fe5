import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { codec as avro } from './avro-codec.ts'
import { codec as json } from './json-schema-codec.ts'
import { codec as protobuf } from './protobuf-codec.ts'
import type { Codec, ParsedSchema } from './types.ts'
import { parseWireFormat } from './wire-format.ts'

function parsed(codec: Codec, text: string): ParsedSchema {
  const result = codec.parse(text)
  if (!result.ok) throw new Error(result.message)
  return result.schema
}

const AVRO = parsed(
  avro,
  JSON.stringify({
    type: 'record',
    name: 'R',
    fields: [
      { name: 'l', type: 'long' },
      { name: 's', type: ['null', 'string', { type: 'array', items: 'R' }] },
      { name: 'm', type: { type: 'map', values: 'double' } },
      { name: 'f', type: { type: 'fixed', name: 'F', size: 3 } },
      { name: 'd', type: { type: 'bytes', logicalType: 'decimal', precision: 30, scale: 4 } },
      { name: 't', type: { type: 'long', logicalType: 'timestamp-nanos' } },
    ],
  }),
)

const PROTO = parsed(
  protobuf,
  `syntax = "proto3";
   message M { sint64 a = 1; repeated fixed64 b = 2; map<int32, string> c = 3; M d = 4; bytes e = 5;
     oneof o { double f = 6; bool g = 7; } enum E { Z = 0; O = 1; } E h = 8; repeated M i = 9; }`,
)

const JSON_SCHEMA = parsed(json, '{"type":"object"}')

describe('registry codecs on arbitrary bytes', () => {
  it('never throw: any bytes decode to a value or to a typed failure with an offset inside the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (payload) => {
        const bytes = Uint8Array.from([0, 0, 0, 0, 1, ...payload])
        for (const [codec, schema] of [
          [avro, AVRO],
          [protobuf, PROTO],
          [json, JSON_SCHEMA],
        ] as const) {
          const result = codec.decode(schema, bytes, 5)
          if (!result.ok && result.failure.offset !== undefined) {
            expect(result.failure.offset).toBeGreaterThanOrEqual(5)
            expect(result.failure.offset).toBeLessThanOrEqual(bytes.length)
          }
          if (result.ok) expect(() => JSON.parse(result.value.json)).not.toThrow()
        }
        parseWireFormat(payload, 'PROTOBUF')
      }),
      { numRuns: 400 },
    )
  })

  it('round-trip: whatever decodes re-encodes to the same bytes (Avro) and decodes to the same JSON (Protobuf)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (payload) => {
        const a = avro.decode(AVRO, payload, 0)
        if (a.ok) {
          const again = avro.encode(AVRO, a.value.value)
          // Avro has one encoding per value except negative block counts and over-long varints; compare JSON.
          expect(again.ok).toBe(true)
          if (again.ok)
            expect(avro.decode(AVRO, again.bytes, 0)).toMatchObject({
              ok: true,
              value: { json: a.value.json },
            })
        }
        const p = protobuf.decode(PROTO, payload, 0)
        if (p.ok) {
          const again = protobuf.encode(PROTO, p.value.value)
          expect(again.ok).toBe(true)
          if (again.ok)
            expect(protobuf.decode(PROTO, again.bytes, 0)).toMatchObject({
              ok: true,
              value: { json: p.value.json },
            })
        }
      }),
      { numRuns: 400 },
    )
  })

  it('round-trip from values: exact longs, unicode, empty bytes, nested unions', () => {
    const long = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })
    const value = fc.record({
      l: long,
      s: fc.oneof(
        fc.constant(null),
        fc.string({ unit: 'grapheme' }).map((string) => ({ string })),
        fc.constant({
          array: [
            {
              l: 1n,
              s: { string: 'ü' },
              m: {},
              f: '000000',
              d: '0.0000',
              t: '1970-01-01T00:00:00.000000000Z',
            },
          ],
        }),
      ),
      m: fc.dictionary(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true })),
      f: fc.uint8Array({ minLength: 3, maxLength: 3 }).map((b) => Buffer.from(b).toString('hex')),
      d: fc.bigInt({ min: -(10n ** 29n), max: 10n ** 29n }).map((n) => {
        const abs = (n < 0n ? -n : n).toString().padStart(5, '0')
        return `${n < 0n ? '-' : ''}${abs.slice(0, -4)}.${abs.slice(-4)}`
      }),
      t: fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }),
    })
    fc.assert(
      fc.property(value, (v) => {
        const encoded = avro.encode(AVRO, v)
        expect(encoded.ok).toBe(true)
        if (!encoded.ok) return
        const decoded = avro.decode(AVRO, encoded.bytes, 0, { logical: 'raw' })
        expect(decoded.ok).toBe(true)
        if (!decoded.ok) return
        const out = decoded.value.value as Record<string, unknown>
        expect(BigInt(out.l as number | bigint)).toBe(v.l)
        expect(BigInt(out.t as number | bigint)).toBe(v.t)
        expect(out.s).toEqual(v.s === null || 'string' in v.s ? v.s : expect.anything())
        expect(out.f).toBe(v.f)
        const readable = avro.decode(AVRO, encoded.bytes, 0)
        expect(readable.ok && (readable.value.value as Record<string, unknown>).d).toBe(
          v.d.replace(/^-(0\.0+)$/, '$1'),
        )
        const again = avro.encode(AVRO, readable.ok ? readable.value.value : null)
        expect(again.ok && Buffer.from(again.bytes).equals(Buffer.from(encoded.bytes))).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})
