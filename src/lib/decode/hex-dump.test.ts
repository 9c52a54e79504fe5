import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { expectBytes } from '../testing/bytes-assert.ts'
import { hexToBytes } from '../bytes/hex.ts'
import { hexDumpHexWidth, hexDumpRow, hexDumpRowCount, hexDumpText } from './hex-dump.ts'

const enc = (s: string) => new TextEncoder().encode(s)

describe('hexDumpRow', () => {
  it('formats a full row like hexdump -C', () => {
    expect(hexDumpRow(enc('Hello, Kafka! 0123456789'), 0)).toEqual({
      offset: '00000000',
      hex: '48 65 6c 6c 6f 2c 20 4b  61 66 6b 61 21 20 30 31',
      ascii: 'Hello, Kafka! 01',
    })
  })

  it('pads a partial last row so columns line up and shows non-printables as dots', () => {
    const row = hexDumpRow(new Uint8Array([...enc('0123456789abcdef'), 0x00, 0x7f, 0x41, 0xff, 0x0a]), 1)
    expect(row.offset).toBe('00000010')
    expect(row.hex).toBe('00 7f 41 ff 0a'.padEnd(48, ' '))
    expect(row.hex).toHaveLength(hexDumpHexWidth())
    expect(row.ascii).toBe('..A..')
  })

  it('supports other row widths with a gap every 8 bytes', () => {
    expect(hexDumpRow(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 0, 10).hex).toBe(
      '01 02 03 04 05 06 07 08  09 0a',
    )
    expect(hexDumpRow(new Uint8Array([1, 2, 3, 4, 5]), 1, 4)).toEqual({
      offset: '00000004',
      hex: '05         ',
      ascii: '.',
    })
    expect(() => hexDumpRow(new Uint8Array(1), 0, 0)).toThrow(RangeError)
  })

  it('widens the offset column for values over 4 GiB (same width on every row)', () => {
    const huge = { length: 2 ** 32 + 5 } as Uint8Array // only length is read for rows past the data
    expect(hexDumpRow(huge, 0).offset).toBe('000000000')
    expect(hexDumpRow(huge, 2 ** 28).offset).toBe('100000000')
  })

  it('counts rows', () => {
    expect([0, 1, 16, 17, 10 * 1024 * 1024].map((n) => hexDumpRowCount(n))).toEqual([0, 1, 1, 2, 655360])
  })

  it('renders any visible window of a 10 MB value quickly', () => {
    const bytes = new Uint8Array(10 * 1024 * 1024)
    const start = performance.now()
    const last = hexDumpRowCount(bytes.length) - 1
    for (let r = last - 60; r <= last; r++) hexDumpRow(bytes, r)
    expect(performance.now() - start).toBeLessThan(50)
    expect(hexDumpRow(bytes, last).offset).toBe('009ffff0')
  })
})

describe('hexDumpText', () => {
  it('matches hexdump -C output including the final length line', () => {
    expect(hexDumpText(enc('Hello, Kafka!\n'))).toBe(
      '00000000  48 65 6c 6c 6f 2c 20 4b  61 66 6b 61 21 0a        |Hello, Kafka!.|\n0000000e\n',
    )
    expect(hexDumpText(new Uint8Array())).toBe('00000000\n')
  })

  it('truncates at maxBytes and says so', () => {
    const text = hexDumpText(new Uint8Array(40), 16)
    expect(text.split('\n')).toEqual([
      '00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|',
      '… 24 more bytes not shown (40 in total)',
      '',
    ])
  })

  it('agrees line by line with hexDumpRow for any row width (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), fc.integer({ min: 1, max: 20 }), (bytes, perRow) => {
        const lines = hexDumpText(bytes, Infinity, perRow).split('\n')
        for (let r = 0; r < hexDumpRowCount(bytes.length, perRow); r++) {
          const row = hexDumpRow(bytes, r, perRow)
          expect(lines[r]).toBe(`${row.offset}  ${row.hex}  |${row.ascii}|`)
        }
      }),
      { numRuns: 200 },
    )
  })

  it('hex column round-trips through hexToBytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const hex = Array.from(
          { length: hexDumpRowCount(bytes.length) },
          (_, r) => hexDumpRow(bytes, r).hex,
        ).join('\n')
        expectBytes(hexToBytes(hex), bytes)
      }),
      { numRuns: 200 },
    )
  })
})
