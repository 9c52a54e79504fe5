import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareOffsets, mergeRecords, recordComparator } from './merge-records.ts'
import { record } from './test-records.ts'

const ids = (rs: { partition: number; offset: string }[]) => rs.map((r) => `${r.partition}:${r.offset}`)

describe('mergeRecords', () => {
  it('merges by timestamp, ties by partition then offset', () => {
    const merged = mergeRecords(
      [
        [record(0, 0, 10), record(0, 1, 30)],
        [record(1, 0, 10), record(1, 1, 20)],
      ],
      'timestamp',
    )
    expect(ids(merged)).toEqual(['0:0', '1:0', '1:1', '0:1'])
  })

  it('merges by offset then partition', () => {
    const merged = mergeRecords(
      [
        [record(0, 9), record(0, 10)],
        [record(1, 2), record(1, 100)],
      ],
      'offset',
    )
    expect(ids(merged)).toEqual(['1:2', '0:9', '0:10', '1:100'])
  })

  it('keeps each partition in offset order even when its timestamps go backwards', () => {
    const merged = mergeRecords([[record(0, 0, 50), record(0, 1, 5)], [record(1, 0, 20)]], 'timestamp')
    expect(ids(merged).filter((id) => id.startsWith('0:'))).toEqual(['0:0', '0:1'])
  })

  it('compares offsets beyond 2^53 exactly', () => {
    expect(compareOffsets('9007199254740993', '9007199254740992')).toBeGreaterThan(0)
    expect(compareOffsets('99', '100')).toBeLessThan(0)
    expect(compareOffsets('7', '7')).toBe(0)
  })

  it('is a sorted permutation of sorted inputs (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 20 }), { maxLength: 6 }),
        fc.constantFrom('timestamp' as const, 'offset' as const),
        (tsLists, order) => {
          const lists = tsLists.map((ts, p) => ts.sort((a, b) => a - b).map((t, i) => record(p, i * 3, t)))
          const merged = mergeRecords(lists, order)
          const expected = lists.flat().sort(recordComparator(order))
          expect(ids(merged)).toEqual(ids(expected))
        },
      ),
    )
  })
})
