import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findOffsetForTimestamp, MissingTimestampError, type TimestampProbe } from './timestamp-search.ts'

/** A log of (offset, timestamp) pairs, offsets ascending (gaps allowed, as after compaction). */
function probeOf(log: Array<[number, number | undefined]>): TimestampProbe & { calls: number } {
  const probe = async (offset: string) => {
    probe.calls++
    const hit = log.find(([o]) => o >= Number(offset))
    return hit ? { offset: String(hit[0]), timestamp: hit[1] } : null
  }
  probe.calls = 0
  return probe
}

describe('findOffsetForTimestamp', () => {
  it('finds the first offset at or after the time', async () => {
    const log = Array.from({ length: 100 }, (_, i): [number, number] => [i + 10, 1000 + i * 10])
    const bounds = { beginning: '10', end: '110' }
    expect((await findOffsetForTimestamp(probeOf(log), bounds, 1000)).offset).toBe('10')
    expect((await findOffsetForTimestamp(probeOf(log), bounds, 1005)).offset).toBe('11')
    expect((await findOffsetForTimestamp(probeOf(log), bounds, 1990)).offset).toBe('109')
    expect((await findOffsetForTimestamp(probeOf(log), bounds, 5000)).offset).toBe('110')
    expect((await findOffsetForTimestamp(probeOf(log), bounds, 0)).offset).toBe('10')
  })

  it('takes about log2(n) reads', async () => {
    const log = Array.from({ length: 100_000 }, (_, i): [number, number] => [i, i])
    const probe = probeOf(log)
    const result = await findOffsetForTimestamp(probe, { beginning: '0', end: '100000' }, 77_777)
    expect(result.offset).toBe('77777')
    expect(result.probes).toBeLessThanOrEqual(18)
  })

  it('handles an empty partition without reading', async () => {
    const probe = probeOf([])
    expect(await findOffsetForTimestamp(probe, { beginning: '5', end: '5' }, 1)).toEqual({
      offset: '5',
      probes: 0,
    })
  })

  it('refuses records without a timestamp', async () => {
    await expect(
      findOffsetForTimestamp(probeOf([[0, undefined]]), { beginning: '0', end: '1' }, 1),
    ).rejects.toBeInstanceOf(MissingTimestampError)
  })

  it('matches a linear scan on logs with gaps and equal timestamps (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 3 })), { maxLength: 60 }),
        fc.integer({ min: -5, max: 200 }),
        async (steps, target) => {
          let offset = 3
          let ts = 0
          const log: Array<[number, number]> = steps.map(([gap, dt]) => {
            offset += gap
            ts += dt
            return [offset, ts]
          })
          const end = log.length ? log[log.length - 1][0] + 1 : 4
          const { offset: found } = await findOffsetForTimestamp(
            probeOf(log),
            { beginning: '4', end: String(end) },
            target,
          )
          const first = log.find(([, t]) => t >= target)
          // Reading forward from the answer must give exactly the first qualifying record.
          const readFrom = log.find(([o]) => o >= Number(found))
          expect(readFrom?.[0]).toBe(first?.[0])
        },
      ),
    )
  })
})
