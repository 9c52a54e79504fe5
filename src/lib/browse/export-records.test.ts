import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseNdjson } from '../records-io/ndjson.ts'
import { byteList } from '../testing/bytes-assert.ts'
import { lazyWire, recordFromBase64 } from '../../api/lazy-record.ts'
import type { DecodedWindow } from './decoded-window.ts'
import { exportFileName, exportInSlices, recordsToCsv, recordsToNdjson } from './export-records.ts'
import { record } from './test-records.ts'

describe('export', () => {
  it('NDJSON round-trips bytes, headers, offsets and timestamps through the batch import parser', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            key: fc.option(fc.uint8Array({ maxLength: 20 })),
            value: fc.option(fc.uint8Array({ maxLength: 200 })),
            headers: fc.option(
              fc.array(fc.record({ name: fc.string(), value: fc.option(fc.uint8Array({ maxLength: 8 })) })),
            ),
          }),
          { maxLength: 8 },
        ),
        (rows) => {
          const records = rows.map((r, i) => ({
            ...record(i % 3, `9223372036854775${800 + i}`, 1_700_000_000_000 + i),
            key: r.key,
            value: r.value,
            ...(r.headers ? { headers: r.headers } : {}),
          }))
          const parsed = parseNdjson(recordsToNdjson(records))
          expect(parsed).toHaveLength(records.length)
          parsed.forEach((line, i) => {
            if (!('record' in line)) throw new Error(line.error)
            const p = line.record
            expect(byteList(p.key)).toEqual(byteList(records[i].key))
            expect(byteList(p.value)).toEqual(byteList(records[i].value))
            expect(p.offset).toBe(records[i].offset)
            expect(p.partition).toBe(records[i].partition)
            expect(new Date(p.timestamp as string).getTime()).toBe(records[i].timestamp)
            expect(p.headers?.map((h) => [h.name, byteList(h.value)])).toEqual(
              records[i].headers?.map((h) => [h.name, byteList(h.value)]),
            )
          })
        },
      ),
      { numRuns: 50 },
    )
  })

  it('CSV quotes per RFC 4180 and marks binary as base64', () => {
    const r = { ...record(0, 5, 0, 'a,"b"\nc'), key: new Uint8Array([0xff]) }
    const csv = recordsToCsv([r], 'UTC')
    expect(csv).toBe(
      'topic,partition,offset,timestamp,key,value,headers\r\n' +
        't,0,5,1970-01-01T00:00:00.000Z,base64:/w==,"a,""b""\nc",\r\n',
    )
  })

  it('names files after what they hold', () => {
    const rs = [record(0, 12), record(0, 9), record(0, 100)]
    expect(exportFileName('demo.orders', 0, rs, 'ndjson')).toBe('demo.orders-p0-9-100.ndjson')
    expect(exportFileName('a/b', 'all', rs, 'csv')).toBe('a_b-all-3-messages.csv')
    expect(exportFileName('t', 1, [], 'csv')).toBe('t-p1-empty.csv')
  })

  describe('in slices', () => {
    const records = Array.from({ length: 1300 }, (_, i) => ({
      ...record(i % 2, i, 1_700_000_000_000 + i, `{"seq":${i},"text":"a,'b'"}`),
      key: i % 7 === 0 ? null : new TextEncoder().encode(`k-${i}`),
    }))
    /** A clock that advances 1 ms per reading, so a 2 ms slice covers 64 records. */
    const ticking = () => {
      let t = 0
      return () => t++
    }

    it('writes the same NDJSON and CSV as at once, yielding between slices', async () => {
      let pauses = 0
      const progress: number[] = []
      const opts = {
        timeZone: 'UTC' as const,
        sliceMs: 2,
        now: ticking(),
        pause: async () => {
          pauses++
        },
        onProgress: (n: number) => progress.push(n),
      }
      const ndjson = await exportInSlices(records, 'ndjson', opts)
      expect(await ndjson.text()).toBe(recordsToNdjson(records))
      expect(ndjson.type).toBe('application/x-ndjson')
      expect(pauses).toBeGreaterThan(10)
      expect(progress).toEqual([512, 1024, 1300])
      const csv = await exportInSlices(records, 'csv', { ...opts, now: ticking() })
      expect(await csv.text()).toBe(recordsToCsv(records, 'UTC'))
    })

    it('adds the decoded columns when any record decodes, as at once', async () => {
      const decoded: DecodedWindow = { get: (r) => (r.offset === '1200' ? { value: '{"x":1}' } : undefined) }
      const csv = await exportInSlices(records, 'csv', { timeZone: 'UTC', decoded, pause: async () => {} })
      expect(await csv.text()).toBe(recordsToCsv(records, 'UTC', decoded))
      expect(await (await exportInSlices([], 'ndjson', { timeZone: 'UTC' })).text()).toBe('')
    })

    it('stops when its signal aborts', async () => {
      const controller = new AbortController()
      const run = exportInSlices(records, 'ndjson', {
        timeZone: 'UTC',
        sliceMs: 1,
        now: ticking(),
        signal: controller.signal,
        pause: async () => controller.abort(new Error('left the page')),
      })
      await expect(run).rejects.toThrow('left the page')
    })

    it('does not keep the bytes of lazy records it decodes', async () => {
      const lazy = recordFromBase64({ topic: 't', partition: 0, offset: '0', key: null, value: 'aGk=' })
      const file = await exportInSlices([lazy], 'ndjson', { timeZone: 'UTC' })
      expect(await file.text()).toContain('"value":"aGk="')
      expect(lazyWire(lazy)).toEqual({ key: null, value: 'aGk=' })
    })
  })
})
