import { describe, expect, it } from 'vitest'
import { parseWireJson, stringifyWithOffsets, toOffset } from './wire-json.ts'

describe('parseWireJson', () => {
  it('keeps int64 offsets exact', () => {
    const body = parseWireJson('[{"offset":9223372036854775807,"partition":0,"value":"AAEC"}]') as Array<{
      offset: unknown
    }>
    expect(toOffset(body[0].offset)).toBe('9223372036854775807')
  })
  it('uses plain numbers for small integers', () => {
    expect(parseWireJson('{"offset":42}')).toEqual({ offset: 42 })
  })
  it('is not fooled by digits inside strings', () => {
    expect(parseWireJson('{"value":"12345678901234567890"}')).toEqual({ value: '12345678901234567890' })
  })
})

describe('toOffset', () => {
  it('rejects non-integers', () => {
    expect(() => toOffset(1.5)).toThrow(/integer offset/)
    expect(() => toOffset(null)).toThrow()
    expect(toOffset(12n)).toBe('12')
  })

  it('refuses offsets outside the signed 64-bit range with a clear message', () => {
    expect(toOffset(9223372036854775807n)).toBe('9223372036854775807')
    expect(toOffset(-9223372036854775808n)).toBe('-9223372036854775808')
    expect(() => toOffset(9223372036854775808n)).toThrow(
      /reported offset 9223372036854775808, outside the signed 64-bit range/,
    )
    expect(() => toOffset('99999999999999999999999', 'end_offset')).toThrow(/reported end_offset 9999/)
    expect(() => toOffset(-9223372036854775809n)).toThrow(/64-bit/)
    expect(() => toOffset(1e300)).toThrow(/64-bit/)
  })

  it('writes offsets canonically (a string offset with leading zeros is the same offset)', () => {
    expect(toOffset('007')).toBe('7')
  })
})

describe('stringifyWithOffsets', () => {
  it('writes marked string offsets as JSON numbers', () => {
    const json = stringifyWithOffsets(
      { offsets: [{ topic: 't', partition: 0, offset: '9223372036854775806' }] },
      new Set(['offset']),
    )
    expect(json).toBe('{"offsets":[{"topic":"t","partition":0,"offset":9223372036854775806}]}')
  })
})
