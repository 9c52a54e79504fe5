import { describe, expect, it } from 'vitest'
import { FakeTopic } from '../browse/test-records.ts'
import { buildFilter, type FilterSpec } from './scan-filter.ts'
import { runScan, type PageFilter, type ScanRequest } from './scan-runner.ts'
import type { MatchedRecord } from './scan-record.ts'

function filterOf(spec: FilterSpec): PageFilter {
  const f = buildFilter(spec)
  if (!f.ok) throw new Error(f.problem.message)
  return async (records, max) => f.run(records, max)
}

const base = (over: Partial<ScanRequest> = {}): ScanRequest => ({
  topic: 't',
  partitions: [0, 1, 2],
  range: { kind: 'all' },
  maxMatches: 500,
  maxBytes: 1e9,
  pageSize: 7,
  ...over,
})

describe('runScan', () => {
  it('reads every partition page by page and finds every match', async () => {
    const topic = FakeTopic.of([30, 0, 45])
    const found: MatchedRecord[] = []
    const summary = await runScan(topic, filterOf({ expression: 'offset % 10 == 3' }), base(), {
      onMatches: (m) => found.push(...m),
    })
    expect(summary).toMatchObject({ end: 'done', scanned: 75, matches: 8 })
    expect(found.map((m) => `${m.partition}:${m.offset}`).sort()).toEqual(
      ['0:3', '0:13', '0:23', '2:3', '2:13', '2:23', '2:33', '2:43'].sort(),
    )
    expect(topic.fetches.every((f) => f.count <= 7)).toBe(true)
  })

  it('stops at the match limit and at the bytes limit', async () => {
    const limited = await runScan(
      FakeTopic.of([50, 50]),
      filterOf({}),
      base({ partitions: [0, 1], maxMatches: 12 }),
    )
    expect(limited).toMatchObject({ end: 'match-limit', matches: 12 })
    const bytes = await runScan(
      FakeTopic.of([100]),
      filterOf({ expression: 'false' }),
      base({ partitions: [0], maxBytes: 50 }),
    )
    expect(bytes.end).toBe('byte-limit')
    expect(bytes.scanned).toBeLessThan(100)
  })

  it('reads an offset range and a time range', async () => {
    const topic = FakeTopic.of([100], (_p, i) => 10_000 + i * 10)
    const offsets = await runScan(
      topic,
      filterOf({}),
      base({ partitions: [0], range: { kind: 'offsets', from: '20', to: '29' } }),
    )
    expect(offsets).toMatchObject({ scanned: 10, matches: 10 })
    const time = await runScan(
      topic,
      filterOf({}),
      base({ partitions: [0], range: { kind: 'time', fromMs: 10_500, toMs: 10_590 } }),
    )
    expect(time).toMatchObject({ scanned: 10, matches: 10 })
  })

  it('stops when the signal aborts, mid-scan', async () => {
    const topic = FakeTopic.of([1000])
    const stop = new AbortController()
    let pages = 0
    const summary = await runScan(
      topic,
      async (records, max) => {
        if (++pages === 3) stop.abort()
        return filterOf({})(records, max)
      },
      base({ partitions: [0], pageSize: 10 }),
      {},
      stop.signal,
    )
    expect(summary.end).toBe('stopped')
    expect(topic.fetches.length).toBeLessThanOrEqual(4)
  })

  it('names a partition whose read fails and goes on with the others', async () => {
    const topic = FakeTopic.of([5, 5])
    const original = topic.fetchRecords.bind(topic)
    topic.fetchRecords = async (req) => {
      if (req.partition === 1) throw new Error('boom')
      return original(req)
    }
    const summary = await runScan(topic, filterOf({}), base({ partitions: [0, 1] }))
    expect(summary).toMatchObject({ end: 'done', scanned: 5, notes: ['Partition 1: boom'] })
  })
})

describe('runScan poll limit', () => {
  it('asks for small polls, and once more without the limit when a record is larger than it', async () => {
    const topic = FakeTopic.of([5])
    const original = topic.fetchRecords.bind(topic)
    const asked: string[] = []
    topic.fetchRecords = async (req) => {
      asked.push(`${req.offset}/${req.maxBytes}`)
      return req.maxBytes !== undefined && req.offset === '2'
        ? { records: [], nextOffset: req.offset, note: 'stopped making progress' }
        : original(req)
    }
    const summary = await runScan(topic, filterOf({}), base({ partitions: [0], pageSize: 2, pollBytes: 100 }))
    expect(summary).toMatchObject({ end: 'done', scanned: 5 })
    expect(asked).toEqual(['0/100', '2/100', '2/undefined', '4/100'])
  })
})
