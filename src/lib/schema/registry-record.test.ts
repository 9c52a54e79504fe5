import { describe, expect, it } from 'vitest'
import { codec as avro } from './avro-codec.ts'
import { codec as protobuf } from './protobuf-codec.ts'
import { decodeRegistryRecord, encodeRegistryRecord, peekSchemaId } from './registry-record.ts'
import type { Codec } from './types.ts'

function schemaOf(codec: Codec, text: string) {
  const parsed = codec.parse(text)
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed.schema
}

describe('registry records', () => {
  it('encodes, frames, peeks the id and decodes back (Avro)', () => {
    const schema = schemaOf(avro, '{"type":"record","name":"R","fields":[{"name":"n","type":"long"}]}')
    const encoded = encodeRegistryRecord(avro, schema, 77, { n: '-9223372036854775808' })
    expect(encoded.ok).toBe(true)
    if (!encoded.ok) return
    expect(Array.from(encoded.bytes.subarray(0, 5))).toEqual([0, 0, 0, 0, 77])
    expect(peekSchemaId(encoded.bytes)).toEqual({ ok: true, schemaId: 77 })
    expect(decodeRegistryRecord(avro, schema, encoded.bytes)).toMatchObject({
      ok: true,
      value: { json: '{"n":-9223372036854775808}' },
    })
  })

  it('carries Protobuf message indexes in the frame', () => {
    const schema = schemaOf(
      protobuf,
      'syntax = "proto3"; message A { int32 a = 1; } message B { string b = 1; }',
    )
    const encoded = encodeRegistryRecord(protobuf, schema, 5, { b: 'x' }, [1])
    expect(encoded.ok && Array.from(encoded.bytes)).toEqual([0, 0, 0, 0, 5, 2, 2, 0x0a, 1, 0x78])
    if (!encoded.ok) return
    expect(decodeRegistryRecord(protobuf, schema, encoded.bytes)).toMatchObject({
      ok: true,
      value: { json: '{"b":"x"}', messageName: 'B' },
    })
    const first = encodeRegistryRecord(protobuf, schema, 5, { a: 1 })
    expect(first.ok && Array.from(first.bytes)).toEqual([0, 0, 0, 0, 5, 0, 8, 1])
  })

  it('validates for the produce form through the codec, with paths', () => {
    const schema = schemaOf(avro, '{"type":"record","name":"R","fields":[{"name":"n","type":"int"}]}')
    expect(avro.validate(schema, { n: 1 })).toEqual([])
    expect(avro.validate(schema, { n: 'x' })).toEqual([expect.objectContaining({ instancePath: '/n' })])
  })

  it('says why a value is not a registry record', () => {
    const schema = schemaOf(avro, '"string"')
    expect(peekSchemaId(Uint8Array.from([0x7b]))).toMatchObject({
      ok: false,
      failure: { kind: 'not-wire-format' },
    })
    expect(decodeRegistryRecord(avro, schema, Uint8Array.from([1, 2]))).toMatchObject({
      ok: false,
      failure: { kind: 'not-wire-format', offset: 0 },
    })
    expect(decodeRegistryRecord(avro, schema, Uint8Array.from([0, 0]))).toMatchObject({
      ok: false,
      failure: { kind: 'too-short' },
    })
  })
})
