import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadWindow, mapLimit, type WindowRequest, type WindowStart } from './load-window.ts'
import type { MergeOrder } from './merge-records.ts'
import { FakeTopic } from './test-records.ts'

const ids = (records: { partition: number; offset: string }[]) =>
  records.map((r) => `${r.partition}:${r.offset}`)

function request(
  partitions: number[],
  start: WindowStart,
  count: number,
  order: MergeOrder = 'timestamp',
): WindowRequest {
  return { topic: 't', partitions, all: partitions.length > 1, start, count, order }
}

describe('loadWindow, one partition', () => {
  const topic = FakeTopic.of([120], undefined, 10) // offsets 10..129

  it('reads from the beginning', async () => {
    const w = await loadWindow(topic, request([0], { kind: 'beginning' }, 5))
    expect(ids(w.records)).toEqual(['0:10', '0:11', '0:12', '0:13', '0:14'])
    expect(w.next.get(0)).toBe('15')
    expect(w.hasPrevious).toBe(false)
    expect(w.hasNext).toBe(true)
  })

  it('reads the newest (end minus N)', async () => {
    const w = await loadWindow(topic, request([0], { kind: 'end' }, 3))
    expect(ids(w.records)).toEqual(['0:127', '0:128', '0:129'])
    expect(w.hasNext).toBe(false)
    expect(w.previous.get(0)).toBe('127')
  })

  it('clamps an offset past the end to the last window with a note', async () => {
    const w = await loadWindow(
      topic,
      request([0], { kind: 'offset', offset: '5000', direction: 'forward' }, 4),
    )
    expect(ids(w.records)).toEqual(['0:126', '0:127', '0:128', '0:129'])
    expect(w.notes[0]).toMatch(/past the end of partition 0/)
  })

  it('stops polling at the end offset it knows', async () => {
    const fresh = FakeTopic.of([3])
    await loadWindow(fresh, request([0], { kind: 'beginning' }, 50))
    expect(fresh.fetches).toEqual([expect.objectContaining({ offset: '0', count: 3, endOffset: '3' })])
  })

  it('reads nothing at all at the end of an empty partition', async () => {
    const empty = FakeTopic.of([0])
    const w = await loadWindow(empty, request([0], { kind: 'end' }, 50))
    expect(w.records).toEqual([])
    expect(empty.fetches).toEqual([])
  })

  it('finds the start by timestamp with a binary search', async () => {
    const t = FakeTopic.of([1000], (_p, i) => 5000 + i * 10)
    const w = await loadWindow(t, request([0], { kind: 'timestamp', ms: 5000 + 421 * 10 - 3 }, 2))
    expect(ids(w.records)).toEqual(['0:421', '0:422'])
    expect(w.timestampProbes).toBeLessThanOrEqual(11)
  })

  it('says when nothing is at or after the time', async () => {
    const w = await loadWindow(FakeTopic.of([10]), request([0], { kind: 'timestamp', ms: 1e12 }, 2))
    expect(w.records).toEqual([])
    expect(w.notes[0]).toMatch(/no messages at or after 2001-09-09T01:46:40.000Z/)
  })

  it('without bounds reads from offset 0 and refuses the newest', async () => {
    const t = FakeTopic.of([4])
    t.capabilities.browse.offsets = false
    const w = await loadWindow(t, request([0], { kind: 'beginning' }, 2))
    expect(ids(w.records)).toEqual(['0:0', '0:1'])
    await expect(loadWindow(t, request([0], { kind: 'end' }, 2))).rejects.toThrow(/end offsets/)
  })

  it('reports progress and the records-received moment', async () => {
    const seen: number[] = []
    let received = 0
    await loadWindow(FakeTopic.of([5, 5]), request([0, 1], { kind: 'beginning' }, 5), {
      onProgress: (n) => seen.push(n),
      onRecordsReceived: () => received++,
    })
    expect(seen.at(-1)).toBe(10)
    expect(received).toBe(1)
  })
})

describe('loadWindow, all partitions', () => {
  it('the newest N across partitions are really the newest by timestamp', async () => {
    // Partition 1 is busier and newer; per-partition "newest" would interleave wrongly.
    const t = FakeTopic.of([10, 30, 10], (p, i) => (p === 1 ? 1500 + i * 10 : 1000 + i * 100))
    const w = await loadWindow(t, request([0, 1, 2], { kind: 'end' }, 4))
    expect(ids(w.records)).toEqual(['0:8', '2:8', '0:9', '2:9'])
    const all = t.partitions.flatMap((p) => p.records).sort((a, b) => a.timestamp! - b.timestamp!)
    expect(ids(w.records)).toEqual(ids(all.slice(-4)))
  })

  it('merges by offset then partition when asked', async () => {
    const w = await loadWindow(FakeTopic.of([3, 2]), request([0, 1], { kind: 'beginning' }, 10, 'offset'))
    expect(ids(w.records)).toEqual(['0:0', '1:0', '0:1', '1:1', '0:2'])
  })

  it('uses per-partition positions and clamps a shared offset past a short partition to nothing', async () => {
    const t = FakeTopic.of([10, 3])
    const w = await loadWindow(
      t,
      request([0, 1], { kind: 'offset', offset: '5', direction: 'forward' }, 10, 'offset'),
    )
    expect(ids(w.records)).toEqual(['0:5', '0:6', '0:7', '0:8', '0:9'])
    expect(w.notes).toEqual([expect.stringMatching(/Offset 5 is past the end of partition 1/)])
    const per = await loadWindow(
      t,
      request(
        [0, 1],
        {
          kind: 'offset',
          offset: '0',
          positions: new Map([
            [0, '8'],
            [1, '2'],
          ]),
          direction: 'forward',
        },
        10,
        'offset',
      ),
    )
    expect(ids(per.records)).toEqual(['1:2', '0:8', '0:9'])
  })

  it('limits concurrency', async () => {
    let active = 0
    let peak = 0
    await mapLimit([1, 2, 3, 4, 5, 6, 7], 3, async () => {
      active++
      peak = Math.max(peak, active)
      await new Promise((r) => setTimeout(r, 1))
      active--
    })
    expect(peak).toBe(3)
  })
})

describe('previous/next windows are exact', () => {
  const topicArb = fc.record({
    sizes: fc.array(fc.integer({ min: 0, max: 25 }), { minLength: 1, maxLength: 4 }),
    seed: fc.integer(),
    count: fc.integer({ min: 1, max: 12 }),
    order: fc.constantFrom<MergeOrder>('timestamp', 'offset'),
  })
  // Timestamps that grow within a partition but interleave arbitrarily across partitions.
  const build = ({ sizes, seed }: { sizes: number[]; seed: number }) =>
    FakeTopic.of(sizes, (p, i) => i * 7 + ((seed * (p + 3)) % 11) * (p + 1))

  it('walking Next from the beginning visits every record once, in order', async () => {
    await fc.assert(
      fc.asyncProperty(topicArb, async (arb) => {
        const t = build(arb)
        const partitions = arb.sizes.map((_, p) => p)
        const seen: string[] = []
        let w = await loadWindow(t, request(partitions, { kind: 'beginning' }, arb.count, arb.order))
        for (let guard = 0; guard < 200; guard++) {
          seen.push(...ids(w.records))
          if (!w.hasNext) break
          w = await loadWindow(
            t,
            request(
              partitions,
              { kind: 'offset', offset: '0', positions: w.next, direction: 'forward' },
              arb.count,
              arb.order,
            ),
          )
        }
        const total = arb.sizes.reduce((a, b) => a + b, 0)
        expect(seen).toHaveLength(total)
        expect(new Set(seen).size).toBe(total)
      }),
      { numRuns: 60 },
    )
  })

  it('walking Previous from the newest visits every record once', async () => {
    await fc.assert(
      fc.asyncProperty(topicArb, async (arb) => {
        const t = build(arb)
        const partitions = arb.sizes.map((_, p) => p)
        const seen: string[] = []
        let w = await loadWindow(t, request(partitions, { kind: 'end' }, arb.count, arb.order))
        for (let guard = 0; guard < 200; guard++) {
          seen.unshift(...ids(w.records))
          if (!w.hasPrevious) break
          w = await loadWindow(
            t,
            request(
              partitions,
              { kind: 'offset', offset: '0', positions: w.previous, direction: 'backward' },
              arb.count,
              arb.order,
            ),
          )
        }
        const total = arb.sizes.reduce((a, b) => a + b, 0)
        expect(new Set(seen).size).toBe(total)
        expect(seen).toHaveLength(total)
      }),
      { numRuns: 60 },
    )
  })

  it('Next then Previous comes back to the same window', async () => {
    await fc.assert(
      fc.asyncProperty(topicArb, async (arb) => {
        const t = build(arb)
        const partitions = arb.sizes.map((_, p) => p)
        const first = await loadWindow(t, request(partitions, { kind: 'beginning' }, arb.count, arb.order))
        if (!first.hasNext) return
        const second = await loadWindow(
          t,
          request(
            partitions,
            { kind: 'offset', offset: '0', positions: first.next, direction: 'forward' },
            arb.count,
            arb.order,
          ),
        )
        if (second.records.length === 0) return
        const back = await loadWindow(
          t,
          request(
            partitions,
            { kind: 'offset', offset: '0', positions: second.previous, direction: 'backward' },
            arb.count,
            arb.order,
          ),
        )
        expect(ids(back.records)).toEqual(ids(first.records))
      }),
      { numRuns: 60 },
    )
  })
})

describe('loadWindow, a hostile endpoint', () => {
  it("shows the adapter's note when a partition stopped making progress", async () => {
    const t = FakeTopic.of([10])
    const fetch = t.fetchRecords.bind(t)
    t.fetchRecords = async (r) => ({
      ...(await fetch({ ...r, count: 2 })),
      note: 'Partition 0: the endpoint returned no new records after offset 1.',
    })
    const w = await loadWindow(t, request([0], { kind: 'beginning' }, 5))
    expect(ids(w.records)).toEqual(['0:0', '0:1'])
    expect(w.notes).toEqual(['Partition 0: the endpoint returned no new records after offset 1.'])
  })

  it.each([
    [{ beginning: '10', end: '5' }, /beginning is after the end \(inverted\)/],
    [{ beginning: '-3', end: '5' }, /never negative/],
    [{ beginning: '0', end: '9223372036854775808' }, /largest Kafka offset/],
  ])('refuses bounds %o with a clear message, reading nothing', async (bounds, message) => {
    const t = FakeTopic.of([10])
    t.getPartitionOffsets = async () => bounds
    await expect(loadWindow(t, request([0], { kind: 'end' }, 5))).rejects.toThrow(message)
    expect(t.fetches).toEqual([])
  })
})
