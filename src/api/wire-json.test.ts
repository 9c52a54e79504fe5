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
