import { describe, expect, it } from 'vitest'
import { record } from '../../lib/browse/test-records.ts'
import type { FetchRequest, KafkaRecord } from '../types.ts'
import { pollRecords, type PollClock } from './poll-records.ts'

/** A clock that only moves when the loop sleeps or a poll "takes" time: tests run instantly. */
class FakeClock implements PollClock {
  t = 0
  sleeps: number[] = []
  now = () => this.t
  sleep = async (ms: number) => {
    this.sleeps.push(ms)
    this.t += ms
  }
}

const req = (over: Partial<FetchRequest> = {}): FetchRequest => ({
  topic: 't',
  partition: 0,
  offset: '0',
  count: 10,
  ...over,
})

/** A fake fetcher: answers each poll with the next scripted batch (the last one forever), counting polls. */
function script(...batches: KafkaRecord[][]) {
  const asked: bigint[] = []
  const poll = async (next: bigint) => {
    asked.push(next)
    return batches[Math.min(asked.length - 1, batches.length - 1)]
  }
  return { poll, asked }
}

describe('pollRecords', () => {
  it('reads until the count, continuing from the last offset', async () => {
    const s = script([record(0, 0), record(0, 1)], [record(0, 2), record(0, 3)])
    const r = await pollRecords(req({ count: 4 }), s.poll, { emptyIsEnd: true, clock: new FakeClock() })
    expect(r.records.map((x) => x.offset)).toEqual(['0', '1', '2', '3'])
    expect(r.nextOffset).toBe('4')
    expect(s.asked).toEqual([0n, 2n])
    expect(r.note).toBeUndefined()
  })

  it('ends a stateless read at the first empty answer, without a note', async () => {
    const s = script([record(0, 0)], [])
    const r = await pollRecords(req(), s.poll, { emptyIsEnd: true, clock: new FakeClock() })
    expect(r.records).toHaveLength(1)
    expect(r.stats.polls).toBe(2)
    expect(r.note).toBeUndefined()
  })

  it('ends when the endpoint keeps answering an already-read record, and says so', async () => {
    const clock = new FakeClock()
    const s = script([record(0, 5)], [record(0, 5)])
    const r = await pollRecords(req({ offset: '5', endOffset: '100' }), s.poll, { emptyIsEnd: true, clock })
    expect(r.records.map((x) => x.offset)).toEqual(['5'])
    // 1 productive poll + 5 idle ones, not an endless loop.
    expect(r.stats.polls).toBe(6)
    expect(r.note).toMatch(
      /^Partition 0: the endpoint returned no new records after offset 5, although its end/,
    )
    expect(r.note).toMatch(/already read/)
  })

  it('spaces idle polls out: never more than 4 a second, backing off to 1 s', async () => {
    const clock = new FakeClock()
    const s = script([record(0, 0)])
    const r = await pollRecords(req({ offset: '1' }), s.poll, { emptyIsEnd: false, clock })
    expect(clock.sleeps).toEqual([250, 500, 1000, 1000])
    expect(r.stats.polls).toBe(5)
    expect(r.stats.polls / (clock.t / 1000)).toBeLessThanOrEqual(4)
  })

  it('counts a poll waiting on the server towards the interval (no extra wait after a long poll)', async () => {
    const clock = new FakeClock()
    const poll = async () => {
      clock.t += 1000 // the endpoint held the poll for its timeout
      return []
    }
    await pollRecords(req({ endOffset: '9' }), poll, { emptyIsEnd: false, clock })
    expect(clock.sleeps).toEqual([])
  })

  it('treats records of another partition or topic as no progress', async () => {
    const other = { ...record(1, 7) }
    const otherTopic = { ...record(0, 7), topic: 'u' }
    const s = script([other, otherTopic])
    const r = await pollRecords(req({ offset: '7' }), s.poll, { emptyIsEnd: true, clock: new FakeClock() })
    expect(r.records).toEqual([])
    expect(r.stats.polls).toBe(5)
    expect(r.note).toMatch(/no new records from offset 7 on .*another partition or topic/)
  })

  it('a consumer answering empty with a known end stops after the idle polls with a note', async () => {
    const s = script([])
    const r = await pollRecords(req({ endOffset: '50' }), s.poll, {
      emptyIsEnd: false,
      limits: { maxIdlePolls: 8 },
      clock: new FakeClock(),
    })
    expect(r.stats.polls).toBe(8)
    expect(r.note).toMatch(/although its end offset is 50 \(8 polls in a row came back empty\)/)
  })

  it('a consumer answering empty without a known end simply ends (nothing more to read)', async () => {
    const s = script([])
    const r = await pollRecords(req(), s.poll, {
      emptyIsEnd: false,
      limits: { maxIdlePolls: 3 },
      clock: new FakeClock(),
    })
    expect(r.stats.polls).toBe(3)
    expect(r.note).toBeUndefined()
  })

  it('ends on the time budget even with a generous poll count', async () => {
    const clock = new FakeClock()
    const poll = async () => {
      clock.t += 4000
      return [record(0, 0)]
    }
    const r = await pollRecords(req({ offset: '1' }), poll, {
      emptyIsEnd: false,
      limits: { maxIdlePolls: 1000, idleBudgetMs: 10_000 },
      clock,
    })
    expect(r.stats.polls).toBe(3)
    expect(r.note).toMatch(/for over 10 s/)
  })

  it('stops at a record past the end offset, without taking it', async () => {
    const s = script([record(0, 3), record(0, 4), record(0, 9)])
    const r = await pollRecords(req({ offset: '3', endOffset: '5' }), s.poll, {
      emptyIsEnd: false,
      clock: new FakeClock(),
    })
    expect(r.records.map((x) => x.offset)).toEqual(['3', '4'])
    expect(r.stats.polls).toBe(1)
  })

  it('keeps reading while each poll brings something new', async () => {
    let n = 0
    const poll = async () => [record(0, n++)]
    const r = await pollRecords(req({ count: 100 }), poll, { emptyIsEnd: false, clock: new FakeClock() })
    expect(r.records).toHaveLength(100)
    expect(r.stats.idlePolls).toBe(0)
  })

  it('aborts while waiting between polls', async () => {
    const ac = new AbortController()
    const s = script([record(0, 0)])
    const pending = pollRecords(req({ offset: '1', signal: ac.signal }), s.poll, { emptyIsEnd: false })
    setTimeout(() => ac.abort(), 20)
    await expect(pending).rejects.toThrow()
    expect(s.asked.length).toBeLessThanOrEqual(2)
  })
})
