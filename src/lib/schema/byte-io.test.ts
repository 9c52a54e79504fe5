import { describe, expect, it } from 'vitest'
import { ByteReader, ByteWriter, DecodeError, pointer } from './byte-io.ts'

describe('byte reader and writer', () => {
  it('round-trips varints as numbers below 2^49 and bigint above, up to 64 bits', () => {
    for (const v of [0, 1, 127, 128, 2 ** 31, 2 ** 49 - 1, 2n ** 49n, 2n ** 63n, 2n ** 64n - 1n]) {
      const w = new ByteWriter()
      w.varint(v)
      const r = new ByteReader(w.result())
      expect(r.varint()).toBe(typeof v === 'bigint' && v < 2n ** 49n ? Number(v) : v)
      expect(r.pos).toBe(w.len)
    }
  })

  it('round-trips zig-zag values, exact beyond 2^53', () => {
    for (const v of [0, -1, 1, -(2 ** 30), 2 ** 30, -(2n ** 63n), 2n ** 63n - 1n, 2n ** 53n + 1n]) {
      const w = new ByteWriter()
      w.zigzag(v)
      expect(new ByteReader(w.result()).zigzag()).toBe(v)
    }
  })

  it('throws typed errors with offsets: truncated, and varints longer than 64 bits', () => {
    const truncated = () => new ByteReader(Uint8Array.from([1, 0x80]), 1).varint()
    expect(truncated).toThrow(DecodeError)
    try {
      truncated()
    } catch (error) {
      expect(error).toMatchObject({ kind: 'truncated', offset: 2 })
    }
    expect(() => new ByteReader(new Uint8Array(10).fill(0xff)).varint()).toThrow(/longer than 64 bits/)
  })

  it('makes JSON Pointers, escaping ~ and / as RFC 6901 says', () => {
    expect(pointer([])).toBe('')
    expect(pointer(['a/b', 'c~d', 0, ''])).toBe('/a~1b/c~0d/0/')
  })
})
