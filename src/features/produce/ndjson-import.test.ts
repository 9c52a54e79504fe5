import { describe, expect, it } from 'vitest'
import { NO_CAPABILITIES, withCapabilities, type Capabilities } from '../../api/capabilities.ts'
import { byteList } from '../../lib/testing/bytes-assert.ts'
import { importNdjson, otherTopicsNote, readyRecords } from './ndjson-import.ts'

const V3: Capabilities = {
  ...NO_CAPABILITIES,
  produce: { batch: true, toPartition: true, keys: true, headers: true, timestamp: true, tombstones: true },
}
const V1 = withCapabilities(V3, { produce: { headers: false, timestamp: false } })

const FILE = [
  '{"key": "user-1", "value": "hello 😀", "encoding": "utf8"}',
  '{"key": "AAE=", "value": "AAEC/w==", "partition": 2, "headers": [{"name": "h", "value": "dg=="}], "encoding": "base64", "timestamp": "2026-11-26T17:05:03.123Z"}',
  '',
  '{"value": {"n": 12345678901234567890}, "encoding": "json", "topic": "elsewhere"}',
  '{"value": "not base64!", "encoding": "base64"}',
  '{"value": null}',
].join('\n')

describe('importNdjson', () => {
  it('maps each line to the record it sends, byte for byte', () => {
    const imported = importNdjson('f.ndjson', FILE, V3)
    expect(imported.rows.map((r) => [r.line, r.ok])).toEqual([
      [1, true],
      [2, true],
      [4, true],
      [5, false],
      [6, true],
    ])
    const [a, b, c, , e] = imported.rows
    if (!a.ok || !b.ok || !c.ok || !e.ok) throw new Error('rows should be ok')
    expect(new TextDecoder().decode(a.record.value!)).toBe('hello 😀')
    expect(byteList(b.record.key)).toEqual([0, 1])
    expect(byteList(b.record.value)).toEqual([0, 1, 2, 255])
    expect(b.record.partition).toBe(2)
    expect(b.record.headers?.map((h) => [h.name, byteList(h.value)])).toEqual([['h', [0x76]]])
    expect(b.record.timestamp).toBe(Date.UTC(2026, 10, 26, 17, 5, 3, 123))
    expect(new TextDecoder().decode(c.record.value!)).toBe('{"n":12345678901234567890}')
    expect(e.record.value).toBeNull()
    expect(readyRecords(imported)).toHaveLength(4)
    expect(imported.lineTopics).toEqual(['elsewhere'])
  })

  it('says which line is wrong and why', () => {
    const bad = importNdjson('f.ndjson', FILE, V3).rows.find((r) => !r.ok)
    expect(bad).toMatchObject({
      line: 5,
      error: expect.stringMatching(/^Line 5, "value": is not valid base64/),
    })
  })

  it('refuses tombstones and partitions the endpoint cannot send, and notes dropped headers and timestamps', () => {
    const imported = importNdjson(
      'f.ndjson',
      FILE,
      withCapabilities(V1, { produce: { tombstones: false, toPartition: false } }),
    )
    const errors = imported.rows.flatMap((r) => (r.ok ? [] : [r.error]))
    expect(errors).toEqual([
      expect.stringMatching(/^Line 2: "partition" is 2, but this endpoint cannot choose the partition/),
      expect.stringMatching(/^Line 5/),
      expect.stringMatching(/^Line 6: "value" is null \(a tombstone\)/),
    ])
    const withPartition = importNdjson('f.ndjson', FILE, V1)
    expect(withPartition.notes).toEqual([
      '1 record carries headers, which this endpoint cannot send: they are left out.',
      '1 record carries a timestamp, which this endpoint cannot set: the broker assigns one.',
    ])
    const b = withPartition.rows[1]
    expect(b.ok && b.record.headers).toBeUndefined()
    expect(b.ok && b.record.timestamp).toBeUndefined()
  })

  it('notes lines that name another topic than the form', () => {
    const imported = importNdjson('f.ndjson', FILE, V3)
    expect(otherTopicsNote(imported, 'demo')).toBe(
      'Some lines name another topic (elsewhere); every record goes to demo.',
    )
    expect(otherTopicsNote(imported, 'elsewhere')).toBeNull()
  })
})
