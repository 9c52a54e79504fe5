import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RingBuffer } from './ring-buffer.ts'

describe('RingBuffer', () => {
  it('keeps the newest items, oldest first', () => {
    const b = new RingBuffer<number>(3)
    b.push(1, 2)
    expect(b.toArray()).toEqual([1, 2])
    b.push(3, 4, 5)
    expect(b.toArray()).toEqual([3, 4, 5])
    expect(b.dropped).toBe(2)
    expect(b.size).toBe(3)
    b.clear()
    expect(b.toArray()).toEqual([])
  })

  it('rejects a useless capacity', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError)
  })

  it('equals the tail of everything pushed (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.array(fc.integer(), { maxLength: 10 })),
        (cap, batches) => {
          const b = new RingBuffer<number>(cap)
          for (const batch of batches) b.push(...batch)
          const all = batches.flat()
          expect(b.toArray()).toEqual(all.slice(Math.max(0, all.length - cap)))
          expect(b.dropped).toBe(Math.max(0, all.length - cap))
        },
      ),
    )
  })
})
