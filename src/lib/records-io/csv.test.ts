import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { base64ToBytes } from '../bytes/base64.ts'
import { byteList } from '../testing/bytes-assert.ts'
import { toEpochMillis } from '../time/format-timestamp.ts'
import { BASE64_PREFIX, CSV_COLUMNS, toCsv } from './csv.ts'
import type { PortableRecord } from './portable-record.ts'

const enc = (s: string) => new TextEncoder().encode(s)

interface Cell {
  text: string
  quoted: boolean
}

/** A strict RFC 4180 reader, written independently of the exporter, that also reports which fields were quoted. */
function parseCsv(text: string): Cell[][] {
  const rows: Cell[][] = []
  let row: Cell[] = []
  let i = 0
  for (;;) {
    let cell: Cell
    if (text[i] === '"') {
      let value = ''
      i++
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field')
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"'
            i += 2
            continue
          }
          i++
          break
        }
        value += text[i++]
      }
      cell = { text: value, quoted: true }
    } else {
      let end = i
      while (end < text.length && text[end] !== ',' && text[end] !== '\r' && text[end] !== '\n') {
        if (text[end] === '"') throw new Error('quote inside an unquoted field')
        end++
      }
      cell = { text: text.slice(i, end), quoted: false }
      i = end
    }
    row.push(cell)
    if (text[i] === ',') {
      i++
      continue
    }
    if (text.startsWith('\r\n', i)) {
      rows.push(row)
      row = []
      i += 2
      if (i === text.length) return rows
      continue
    }
    throw new Error(`expected , or CRLF at ${i}, found ${JSON.stringify(text[i])}`)
  }
}

function cellBytes(cell: Cell): number[] | null {
  if (cell.text === '' && !cell.quoted) return null
  return cell.text.startsWith(BASE64_PREFIX)
    ? Array.from(base64ToBytes(cell.text.slice(BASE64_PREFIX.length)))
    : Array.from(enc(cell.text))
}

const tricky = fc.string({
  unit: fc.constantFrom('a', ',', '"', '\r', '\n', ' ', 'é', '😀', '=', '\t', 'base64:', '""'),
  maxLength: 12,
})
const trickyBytes = fc.oneof(
  tricky.map((s) => enc(s)),
  fc.uint8Array({ maxLength: 12 }),
)
const bytesOrNull = fc.option(trickyBytes, { nil: null })
const arbitraryRecord: fc.Arbitrary<PortableRecord> = fc.record(
  {
    topic: tricky,
    partition: fc.nat(1000),
    offset: fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }).map(String),
    timestamp: fc.option(fc.integer({ min: 0, max: 4e12 }), { nil: null }),
    key: bytesOrNull,
    value: bytesOrNull,
    headers: fc.array(fc.record({ name: tricky, value: bytesOrNull }), { maxLength: 2 }),
  },
  { requiredKeys: ['key', 'value'] },
)

describe('toCsv', () => {
  it('writes a header row and CRLF line ends, quoting only when needed', () => {
    const csv = toCsv(
      [
        {
          topic: 'orders',
          partition: 3,
          offset: '9223372036854775807',
          timestamp: Date.UTC(2026, 10, 26, 17, 5, 3, 123),
          key: enc('k,1'),
          value: enc('say "hi"\nbye'),
          headers: [{ name: 'h', value: null }],
        },
        { key: null, value: new Uint8Array() },
      ],
      { timeZone: 'Europe/Berlin' },
    )
    expect(csv).toBe(
      'topic,partition,offset,timestamp,key,value,headers\r\n' +
        'orders,3,9223372036854775807,2026-11-26T18:05:03.123+01:00,"k,1","say ""hi""\nbye","[{""name"":""h"",""value"":null}]"\r\n' +
        ',,,,,"",\r\n',
    )
  })

  it('writes invalid UTF-8 and text starting with the prefix as base64', () => {
    const rows = parseCsv(
      toCsv([{ key: new Uint8Array([0xff, 0x00]), value: enc('base64:AAAA') }], { timeZone: 'UTC' }),
    )
    expect(rows[1][4].text).toBe('base64:/wA=')
    expect(rows[1][5].text).toBe(`base64:${btoa('base64:AAAA')}`)
  })

  it('round-trips tricky fields through an independent RFC 4180 parser (property)', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryRecord, { maxLength: 4 }),
        fc.constantFrom('UTC', 'Asia/Kolkata'),
        (input, timeZone) => {
          const rows = parseCsv(toCsv(input, { timeZone }))
          expect(rows[0].map((c) => c.text)).toEqual([...CSV_COLUMNS])
          expect(rows).toHaveLength(input.length + 1)
          input.forEach((record, r) => {
            const [topic, partition, offset, timestamp, key, value, headers] = rows[r + 1]
            expect(topic.text).toBe(record.topic ?? '')
            expect(partition.text).toBe(record.partition === undefined ? '' : String(record.partition))
            expect(offset.text).toBe(record.offset ?? '')
            expect(timestamp.text === '' ? null : toEpochMillis(timestamp.text)).toBe(
              record.timestamp ?? null,
            )
            expect(cellBytes(key)).toEqual(byteList(record.key))
            expect(cellBytes(value)).toEqual(byteList(record.value))
            const parsedHeaders =
              headers.text === ''
                ? []
                : (JSON.parse(headers.text) as Array<{ name: string; value: string | null }>)
            expect(
              parsedHeaders.map((h) => ({
                name: h.name,
                value: h.value === null ? null : cellBytes({ text: h.value, quoted: true }),
              })),
            ).toEqual((record.headers ?? []).map((h) => ({ name: h.name, value: byteList(h.value) })))
          })
        },
      ),
      { numRuns: 300 },
    )
  })

  it('escapes formula-looking cells only when asked', () => {
    const records = [{ topic: '=cmd', key: enc('+1'), value: enc('-2,3'), headers: [] }]
    expect(
      parseCsv(toCsv(records, { timeZone: 'UTC' }))[1]
        .map((c) => c.text)
        .slice(0, 6),
    ).toEqual(['=cmd', '', '', '', '+1', '-2,3'])
    expect(
      parseCsv(toCsv(records, { timeZone: 'UTC', escapeFormulas: true }))[1]
        .map((c) => c.text)
        .slice(0, 6),
    ).toEqual(["'=cmd", '', '', '', "'+1", "'-2,3"])
  })

  it('can start with a BOM for Excel and keeps unparseable timestamps as received', () => {
    const csv = toCsv([{ key: null, value: null, timestamp: 'sometime' }], { timeZone: 'UTC', bom: true })
    expect(csv.startsWith('\ufefftopic,')).toBe(true)
    expect(csv.split('\r\n')[1]).toBe(',,,sometime,,,')
  })
})
