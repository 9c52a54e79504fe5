import { describe, expect, it } from 'vitest'
import { buildWireFormat, parseWireFormat } from './wire-format.ts'

describe('parseWireFormat', () => {
  it('reads the magic byte and a big-endian schema id', () => {
    const bytes = Uint8Array.from([0, 0x80, 0, 0x01, 0x2a, 9, 9])
    expect(parseWireFormat(bytes)).toEqual({ ok: true, schemaId: 0x8000012a, payloadOffset: 5 })
  })

  it('says why a value is not framed: another first byte, or too short', () => {
    expect(parseWireFormat(Uint8Array.from([0x7b, 0x7d]))).toEqual({
      ok: false,
      failure: expect.objectContaining({ kind: 'not-wire-format', firstByte: 0x7b }),
    })
    const short = parseWireFormat(Uint8Array.from([0, 0, 1]))
    expect(short.ok).toBe(false)
    if (!short.ok) expect(short.failure).toMatchObject({ kind: 'too-short', length: 3 })
    expect(parseWireFormat(new Uint8Array(0))).toMatchObject({
      ok: false,
      failure: { kind: 'too-short', length: 0 },
    })
  })

  it('reads Protobuf message indexes: a single 0 is [0], else a zig-zag count and zig-zag indexes', () => {
    expect(parseWireFormat(Uint8Array.from([0, 0, 0, 0, 7, 0, 8, 1]), 'PROTOBUF')).toEqual({
      ok: true,
      schemaId: 7,
      messageIndexes: [0],
      payloadOffset: 6,
    })
    // count 2 (zig-zag 4), indexes 1 (2) and 0 (0)
    expect(parseWireFormat(Uint8Array.from([0, 0, 0, 0, 7, 4, 2, 0, 8, 1]), 'PROTOBUF')).toEqual({
      ok: true,
      schemaId: 7,
      messageIndexes: [1, 0],
      payloadOffset: 8,
    })
    // Without the format, the same bytes are an Avro/JSON payload from offset 5.
    expect(parseWireFormat(Uint8Array.from([0, 0, 0, 0, 7, 4, 2, 0]))).toMatchObject({ payloadOffset: 5 })
  })

  it('refuses cut-off, negative or absurd message indexes with the offset', () => {
    const cut = parseWireFormat(Uint8Array.from([0, 0, 0, 0, 1, 4, 2]), 'PROTOBUF')
    expect(cut).toMatchObject({ ok: false, failure: { kind: 'bad-message-indexes', offset: 7 } })
    const negative = parseWireFormat(Uint8Array.from([0, 0, 0, 0, 1, 1]), 'PROTOBUF')
    expect(negative).toMatchObject({ ok: false, failure: { kind: 'bad-message-indexes', offset: 5 } })
    const huge = parseWireFormat(Uint8Array.from([0, 0, 0, 0, 1, 0xfe, 0x0f]), 'PROTOBUF')
    expect(huge).toMatchObject({ ok: false, failure: { kind: 'bad-message-indexes' } })
    const noIndexes = parseWireFormat(Uint8Array.from([0, 0, 0, 0, 1]), 'PROTOBUF')
    expect(noIndexes).toMatchObject({ ok: false, failure: { kind: 'bad-message-indexes', offset: 5 } })
  })
})

describe('buildWireFormat', () => {
  it('frames a payload, and parse reads back what build wrote', () => {
    const payload = Uint8Array.from([1, 2, 3])
    const avro = buildWireFormat(0xffffffff, payload)
    expect(Array.from(avro)).toEqual([0, 255, 255, 255, 255, 1, 2, 3])
    expect(Array.from(buildWireFormat(3, payload, [0]))).toEqual([0, 0, 0, 0, 3, 0, 1, 2, 3])
    for (const indexes of [[0], [2], [1, 0], [3, 200, 70000]]) {
      const framed = buildWireFormat(42, payload, indexes)
      const parsed = parseWireFormat(framed, 'PROTOBUF')
      expect(parsed).toMatchObject({ ok: true, schemaId: 42, messageIndexes: indexes })
      if (parsed.ok) expect(Array.from(framed.subarray(parsed.payloadOffset))).toEqual([1, 2, 3])
    }
  })

  it('refuses ids outside 32 bits', () => {
    expect(() => buildWireFormat(-1, new Uint8Array())).toThrow(RangeError)
    expect(() => buildWireFormat(2 ** 32, new Uint8Array())).toThrow(RangeError)
  })
})
