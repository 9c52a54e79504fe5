import { describe, expect, it } from 'vitest'
import type { ProduceCapabilities } from '../../api/capabilities.ts'
import type { ProduceRecord } from '../../api/types.ts'
import { copyProblem, copyProblems, copyRecords, type CopySink } from './copy-records.ts'
import { lazyWire, recordFromBase64 } from '../../api/lazy-record.ts'
import { decodeScanRecord } from '../search-scan/scan-record.ts'
import { orders } from '../search-scan/test-fixtures.ts'

const caps: ProduceCapabilities = {
  batch: true,
  toPartition: true,
  keys: true,
  headers: true,
  timestamp: false,
  tombstones: true,
}

function sink(produce: Partial<ProduceCapabilities> = {}, fail?: (r: ProduceRecord) => boolean) {
  const calls: ProduceRecord[][] = []
  const s: CopySink = {
    capabilities: { produce: { ...caps, ...produce } },
    async produce(_topic, records) {
      calls.push(records)
      return records.map((r) =>
        fail?.(r)
          ? { ok: false, errorCode: 40402, message: 'no' }
          : { ok: true, partition: r.partition ?? 0, offset: '1' },
      )
    },
  }
  return { s, calls }
}

const records = orders(25).map(decodeScanRecord)

describe('copyRecords', () => {
  it('produces the exact bytes in batches, to the same partition, with a result per record', async () => {
    const { s, calls } = sink({}, (r) => r.partition === 2)
    const progress: number[] = []
    const out = await copyRecords(s, 'dst', records, {
      partition: 'same',
      batchSize: 10,
      onProgress: (d) => progress.push(d),
    })
    expect(calls.map((c) => c.length)).toEqual([10, 10, 5])
    expect(calls[0][4].key).toBe(records[4].key)
    expect(calls[0][4].headers).toEqual(records[4].headers)
    expect(calls[0][4].partition).toBe(records[4].partition)
    expect(out.filter((o) => o.result.ok).length).toBe(17)
    expect(progress).toEqual([0, 10, 20, 25])
  })

  it('sends one record per request where the dialect has no batches, and stops on the signal', async () => {
    const { s, calls } = sink({ batch: false })
    const stop = new AbortController()
    const out = await copyRecords(s, 'dst', records, {
      partition: 'auto',
      signal: stop.signal,
      onProgress: (d) => d === 3 && stop.abort(),
    })
    expect(out.length).toBe(3)
    expect(calls.every((c) => c.length === 1 && c[0].partition === undefined)).toBe(true)
  })

  it('refuses a copy that would not be byte-exact', () => {
    expect(copyProblem(sink({ headers: false }).s, records, { partition: 'auto' })).toMatch(/headers/)
    expect(copyProblem(sink({ toPartition: false }).s, records, { partition: 'same' })).toMatch(/Auto/)
  })

  it('copies a browse window of lazy records byte-exact without keeping their decoded bytes', async () => {
    const { s, calls } = sink({ tombstones: false })
    const window = [
      recordFromBase64({ topic: 'src', partition: 1, offset: '7', key: '/wA=', value: 'gP7/AA==' }),
      recordFromBase64({
        topic: 'src',
        partition: 0,
        offset: '9',
        key: null,
        value: '',
        headers: [{ name: 'h', value: new Uint8Array([0xc3, 0x28]) }],
      }),
    ]
    expect(copyProblems(s, window)).toEqual({ same: null, auto: null })
    await copyRecords(s, 'dst', window, { partition: 'same' })
    expect(calls[0].map((r) => [r.key && [...r.key], r.value && [...r.value], r.partition])).toEqual([
      [[0xff, 0], [0x80, 0xfe, 0xff, 0], 1],
      [null, [], 0],
    ])
    expect(calls[0][1].headers).toEqual([{ name: 'h', value: new Uint8Array([0xc3, 0x28]) }])
    expect(window.every((r) => lazyWire(r) !== undefined)).toBe(true)
    const tombstone = recordFromBase64({ topic: 'src', partition: 0, offset: '1', key: null, value: null })
    expect(copyProblems(s, [tombstone]).auto).toMatch(/tombstones/)
  })
})
