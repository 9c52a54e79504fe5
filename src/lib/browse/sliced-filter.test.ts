import { describe, expect, it } from 'vitest'
import { filterInSlices, startFilter } from './sliced-filter.ts'

const numbers = Array.from({ length: 1000 }, (_, i) => i)
const even = (n: number) => n % 2 === 0

/** A clock that advances 1 ms per reading: a 10 ms slice then sees 10 readings (640 records). */
function tickingClock() {
  let t = 0
  return () => t++
}

describe('time-sliced filter', () => {
  it('scans in slices bounded by the clock and finds what Array.filter finds, in order', () => {
    const run = startFilter(numbers, even, tickingClock())
    expect(run.step(3)).toBe(false)
    expect(run.scanned).toBe(192)
    expect(run.step(1000)).toBe(true)
    expect(run.scanned).toBe(1000)
    expect(run.matches).toEqual(numbers.filter(even))
  })

  it('always makes progress, even with no time left', () => {
    const run = startFilter(numbers, even, () => 0)
    run.step(0)
    expect(run.scanned).toBe(64)
  })

  it('yields between slices and reports progress', async () => {
    const progress: Array<[number, number]> = []
    let pauses = 0
    const matches = await filterInSlices(numbers, even, {
      sliceMs: 2,
      now: tickingClock(),
      pause: async () => {
        pauses++
      },
      onProgress: (scanned, total) => progress.push([scanned, total]),
    })
    expect(matches).toEqual(numbers.filter(even))
    expect(pauses).toBe(7)
    expect(progress[0]).toEqual([128, 1000])
    expect(progress.at(-1)).toEqual([896, 1000])
  })

  it('stops at the next slice once its signal aborts (a new keystroke)', async () => {
    const controller = new AbortController()
    let seen = 0
    const run = filterInSlices(
      numbers,
      (n) => {
        seen++
        return even(n)
      },
      {
        signal: controller.signal,
        sliceMs: 1,
        now: tickingClock(),
        pause: async () => controller.abort(new Error('superseded')),
      },
    )
    await expect(run).rejects.toThrow('superseded')
    expect(seen).toBe(64)
  })

  it('an empty list is done at once', async () => {
    expect(await filterInSlices([], even)).toEqual([])
  })
})
