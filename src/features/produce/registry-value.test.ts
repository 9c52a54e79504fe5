import { describe, expect, it } from 'vitest'
import { codec as avro } from '../../lib/schema/avro-codec.ts'
import { parseJsonLossless, stringifyJsonLossless } from '../../lib/json/json-lossless.ts'
import { decodeRegistryRecord } from '../../lib/schema/registry-record.ts'
import type { ParsedSchema } from '../../lib/schema/types.ts'
import { codec as proto } from '../../lib/schema/protobuf-codec.ts'
import {
  checkRecordJson,
  encodeRecordJson,
  messageIndexesOf,
  sampleText,
  subjectOf,
  versionOf,
} from './registry-value.ts'

function avroSchema(): ParsedSchema {
  const parsed = avro.parse(
    '{"type":"record","name":"P","fields":[{"name":"id","type":"string"},{"name":"seq","type":"long"}]}',
  )
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed.schema
}

describe('registry values in the produce form', () => {
  it('defaults the subject to <topic>-value and the version to latest', () => {
    expect(subjectOf({ subject: '', version: 'latest', newSchema: null }, 'orders')).toBe('orders-value')
    expect(subjectOf({ subject: 'other', version: '2', newSchema: null }, 'orders')).toBe('other')
    expect(versionOf({ subject: '', version: '2', newSchema: null })).toBe(2)
    expect(versionOf({ subject: '', version: 'latest', newSchema: null })).toBe('latest')
  })

  it('encodes typed JSON byte-exact, a long beyond 2^53 keeping every digit, framed with the schema id', () => {
    const schema = avroSchema()
    const r = encodeRecordJson(avro, schema, 9, '{"id": "a", "seq": 9007199254740993}')
    expect(r.ok).toBe(true)
    if (!r.ok) return
    // magic 0, id 9, string "a" (len 1 zig-zag = 2), long 2^53+1 zig-zag varint.
    expect(Array.from(r.bytes.subarray(0, 7))).toEqual([0, 0, 0, 0, 9, 2, 0x61])
    const back = decodeRegistryRecord(avro, schema, r.bytes)
    expect(back.ok && back.value.json).toBe('{"id":"a","seq":9007199254740993}')
  })

  it('names the path of a value that does not fit, and refuses to encode it', () => {
    const schema = avroSchema()
    const bad = '{"id": "a", "seq": "not a number"}'
    expect(checkRecordJson(avro, schema, bad)?.message).toMatch(/^Does not fit the schema at \/seq: /)
    const r = encodeRecordJson(avro, schema, 9, bad)
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error.message).toMatch(/\/seq/)
  })

  it('reports invalid JSON with its position', () => {
    const e = checkRecordJson(avro, avroSchema(), '{"id": ')
    expect(e?.message).toMatch(/^Invalid JSON/)
    expect(e?.index).toBeTypeOf('number')
  })

  it('gives a sample that fits its own schema', () => {
    const schema = avroSchema()
    const text = sampleText(avro, schema)
    expect(checkRecordJson(avro, schema, text)).toBeNull()
    expect(stringifyJsonLossless(parseJsonLossless(text))).toContain('"seq"')
  })
})

describe('the Protobuf message of a record', () => {
  it('finds the chosen message by name, defaults to the first, and names a missing one', () => {
    const schema = parsedProto()
    const choice = { subject: '', version: 'latest', newSchema: null }
    expect(messageIndexesOf(proto, schema, choice)).toEqual({ ok: true, indexes: undefined })
    expect(messageIndexesOf(proto, schema, { ...choice, message: 'p.Outer.Inner' })).toEqual({
      ok: true,
      indexes: [1, 0],
    })
    expect(messageIndexesOf(proto, schema, { ...choice, message: 'p.Gone' })).toEqual({
      ok: false,
      message: 'The schema has no message p.Gone: choose another.',
    })
    // Avro has one record per schema: the choice is ignored.
    expect(messageIndexesOf(avro, avroSchema(), { ...choice, message: 'x' })).toEqual({
      ok: true,
      indexes: undefined,
    })
    // The sample and the check follow the chosen message.
    expect(sampleText(proto, schema, 'key', [1, 0])).toBe('{"n":0}')
    expect(checkRecordJson(proto, schema, '{"a":"x"}', [1, 0])?.message).toMatch(/a/)
    expect(checkRecordJson(proto, schema, '{"a":"x"}')).toBeNull()
  })
})

function parsedProto(): ParsedSchema {
  const parsed = proto.parse(
    'syntax = "proto3"; package p; message First { string a = 1; } message Outer { message Inner { int32 n = 1; } }',
  )
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed.schema
}
