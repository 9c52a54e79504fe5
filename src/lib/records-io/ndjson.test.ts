import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { byteList } from '../testing/bytes-assert.ts'
import type { NdjsonLineResult } from './ndjson.ts'
import { parseNdjson, toNdjson, toNdjsonLine } from './ndjson.ts'
import type { PortableRecord } from './portable-record.ts'

const enc = (s: string) => new TextEncoder().encode(s)
const dec = (b: Uint8Array | null) => (b === null ? null : new TextDecoder().decode(b))

/** Bytes → plain arrays so records compare with toEqual across realms. */
function plain(record: PortableRecord) {
  return {
    ...record,
    key: byteList(record.key),
    value: byteList(record.value),
    ...(record.headers
      ? { headers: record.headers.map((h) => ({ name: h.name, value: byteList(h.value) })) }
      : {}),
  }
}

function records(results: NdjsonLineResult[]): PortableRecord[] {
  return results.map((r) => {
    if ('error' in r) throw new Error(r.error)
    return r.record
  })
}

function only(text: string): NdjsonLineResult {
  const results = parseNdjson(text)
  expect(results).toHaveLength(1)
  return results[0]
}

function errorOf(text: string): string {
  const result = only(text)
  if (!('error' in result)) throw new Error('expected an error')
  return result.error
}

const bytesOrNull = fc.option(fc.uint8Array({ maxLength: 24 }), { nil: null })
const isoTimestamp = fc.integer({ min: -8.64e15, max: 8.64e15 }).map((ms) => new Date(ms).toISOString())
const arbitraryRecord: fc.Arbitrary<PortableRecord> = fc.record(
  {
    topic: fc.string({ maxLength: 12 }),
    partition: fc.integer({ min: 0, max: 0x7fffffff }),
    offset: fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }).map(String),
    timestamp: fc.option(isoTimestamp, { nil: null }),
    key: bytesOrNull,
    value: bytesOrNull,
    headers: fc.array(fc.record({ name: fc.string({ maxLength: 8 }), value: bytesOrNull }), { maxLength: 3 }),
  },
  { requiredKeys: ['key', 'value'] },
)

describe('toNdjson', () => {
  it('writes one base64 object per line with a fixed field order', () => {
    const line = toNdjsonLine({
      topic: 't',
      partition: 0,
      offset: '42',
      timestamp: Date.UTC(2026, 10, 26, 17, 5, 3, 123),
      key: enc('k1'),
      value: null,
      headers: [{ name: 'h', value: enc('v') }],
    })
    expect(line).toBe(
      '{"topic":"t","partition":0,"offset":"42","timestamp":"2026-11-26T17:05:03.123Z","key":"azE=","value":null,' +
        '"headers":[{"name":"h","value":"dg=="}],"encoding":"base64"}',
    )
  })

  it('omits absent optional fields and terminates every line', () => {
    expect(
      toNdjson([
        { key: null, value: new Uint8Array() },
        { key: null, value: null, timestamp: -1 },
      ]),
    ).toBe(
      '{"key":null,"value":"","encoding":"base64"}\n{"timestamp":null,"key":null,"value":null,"encoding":"base64"}\n',
    )
    expect(toNdjson([])).toBe('')
  })
})

describe('parseNdjson', () => {
  it('imports exactly what toNdjson exports (property)', () => {
    fc.assert(
      fc.property(fc.array(arbitraryRecord, { maxLength: 5 }), (input) => {
        const text = toNdjson(input)
        const parsed = records(parseNdjson(text))
        expect(parsed.map(plain)).toEqual(input.map(plain))
        expect(toNdjson(parsed)).toBe(text)
      }),
      { numRuns: 300 },
    )
  })

  it('normalises numeric timestamps to ISO UTC on export', () => {
    const [record] = records(parseNdjson(toNdjson([{ key: null, value: null, timestamp: 0 }])))
    expect(record.timestamp).toBe('1970-01-01T00:00:00.000Z')
  })

  it('accepts hand-written utf8 lines (the default encoding)', () => {
    const result = only(
      '{"key": "order-1", "value": "{\\"a\\": 1}", "headers": [{"name": "trace", "value": "x"}, {"name": "empty"}]}',
    )
    expect('record' in result && plain(result.record)).toEqual({
      key: byteList(enc('order-1')),
      value: byteList(enc('{"a": 1}')),
      headers: [
        { name: 'trace', value: byteList(enc('x')) },
        { name: 'empty', value: null },
      ],
    })
  })

  it('serialises json-encoded values losslessly', () => {
    const result = only(
      '{"key": 7, "value": {"id": 12345678901234567890, "price": 1.10, "tags": ["a"]}, "headers": [{"name": "h", "value": "v"}], "encoding": "json"}',
    )
    if (!('record' in result)) throw new Error(result.error)
    expect(dec(result.record.key)).toBe('7')
    expect(dec(result.record.value)).toBe('{"id":12345678901234567890,"price":1.10,"tags":["a"]}')
    expect(dec(result.record.headers![0].value)).toBe('v')
    const text = only('{"key": "k", "value": "hello", "encoding": "json"}')
    expect('record' in text && dec(text.record.value)).toBe('"hello"')
    const tombstone = only('{"value": null, "encoding": "json"}')
    expect('record' in tombstone && tombstone.record.value).toBeNull()
  })

  it('keeps 64-bit offsets written as JSON numbers exact', () => {
    const result = only('{"offset": 9223372036854775807, "value": null}')
    expect('record' in result && result.record.offset).toBe('9223372036854775807')
    const padded = only('{"offset": "007", "value": null}')
    expect('record' in padded && padded.record.offset).toBe('7')
  })

  it('ignores blank lines, accepts CRLF and a BOM, and numbers lines from 1', () => {
    const text = '\ufeff{"value":"a"}\r\n\r\n   \n{"value":"b"}\n{oops}\n'
    const results = parseNdjson(text)
    expect(results.map((r) => r.line)).toEqual([1, 4, 5])
    expect(results.slice(0, 2).map((r) => 'record' in r && dec(r.record.value))).toEqual(['a', 'b'])
    expect('error' in results[2] && results[2].error).toMatch(/^Line 5: not valid JSON: /)
  })

  it.each([
    [
      '{"value": "@@@", "encoding": "base64"}',
      'value',
      /^Line 1, "value": is not valid base64: Invalid base64 character '@' at position 1$/,
    ],
    ['{"key": "a"}', 'value', /"value": is missing \(write "value": null for a tombstone\)/],
    [
      '{"value": null, "encoding": "hex"}',
      'encoding',
      /"encoding": must be "base64", "utf8" or "json", got "hex"/,
    ],
    ['{"value": null, "partition": -1}', 'partition', /"partition": must be a non-negative integer, got -1/],
    ['{"value": null, "partition": "0"}', 'partition', /must be a non-negative integer/],
    ['{"value": null, "offset": "-5"}', 'offset', /"offset": must be a non-negative integer/],
    ['{"value": null, "offset": 1.5}', 'offset', /"offset": must be a non-negative integer/],
    [
      '{"value": null, "timestamp": "yesterday"}',
      'timestamp',
      /"timestamp": "yesterday" is not epoch milliseconds/,
    ],
    ['{"value": null, "timestamp": true}', 'timestamp', /must be a string, a number or null/],
    ['{"value": {"a": 1}}', 'value', /for JSON values use "encoding": "json"/],
    ['{"value": "\\ud800x"}', 'value', /lone surrogate \\ud800 at index 0/],
    ['{"value": null, "headers": {"h": "v"}}', 'headers', /must be an array/],
    ['{"value": null, "headers": [{"value": "v"}]}', 'headers[0]', /"headers\[0\]": "name" must be a string/],
    [
      '{"value": null, "headers": [{"name": "h", "value": "!"}], "encoding": "base64"}',
      'headers[0].value',
      /is not valid base64/,
    ],
    ['{"value": null, "topic": 5}', 'topic', /"topic": must be a string/],
  ])('reports %s with the line and field', (text, field, message) => {
    const result = only(text)
    expect(result).toMatchObject({ line: 1, field })
    expect('error' in result && result.error).toMatch(message)
  })

  it('reports non-object lines and conflicting duplicate keys in json values', () => {
    expect(errorOf('[1, 2]')).toMatch(/^Line 1: expected a JSON object/)
    expect(errorOf('{"value": {"a": 1, "a": 2}, "encoding": "json"}')).toMatch(/^Line 1: .*Duplicate key 'a'/)
    expect(errorOf('{"value": "x",}')).toMatch(/^Line 1: not valid JSON: Trailing comma before '}'/)
  })
})
