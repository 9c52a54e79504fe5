import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseNdjson } from '../records-io/ndjson.ts'
import { byteList } from '../testing/bytes-assert.ts'
import { exportFileName, recordsToCsv, recordsToNdjson } from './export-records.ts'
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
})
