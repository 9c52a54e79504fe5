import { describe, expect, it } from 'vitest'
import { createScanHandler, type ScanWorkerResponse } from './scan-protocol.ts'
import { CHUNK_CHARS, packScanRecords, unpackScanRecords, type ScanRecord } from './scan-record.ts'

const page: ScanRecord[] = [
  {
    partition: 3,
    offset: '9223372036854775806',
    timestamp: 1_700_000_000_000,
    key: 'a2V5',
    value: 'eyJpZCI6N30=',
  },
  // An empty key is not a missing key; a tombstone has no value.
  { partition: 3, offset: '9223372036854775807', key: '', value: null },
  {
    partition: 3,
    offset: '12',
    key: null,
    value: 'QUJD',
    headers: [{ name: 'h', value: new Uint8Array([0, 255]) }],
  },
  // Text an endpoint sent that is not base64 (even with the characters a separator might have used).
  { partition: 3, offset: '13', timestamp: 0, key: 'x,y\n', value: 'not base64 ✓' },
]

describe('packScanRecords', () => {
  it('round-trips keys, values, nulls, empty strings, offsets, timestamps and headers exactly', () => {
    const packed = packScanRecords(page)!
    expect(packed.count).toBe(4)
    expect(unpackScanRecords(structuredClone(packed))).toEqual(page)
  })

  it('keeps chunks under the large-object size, across boundaries, empty texts and texts longer than a chunk', () => {
    const sizes = [0, 1, 5000, CHUNK_CHARS, 0, CHUNK_CHARS - 1, 1, 70_000, 3, 0, 40_000, 10_000, 9_000]
    const many: ScanRecord[] = []
    for (let i = 0; i < 300; i++) {
      const n = sizes[i % sizes.length]
      const text = String.fromCharCode(65 + (i % 26)).repeat(n)
      many.push({ partition: 1, offset: String(i), key: i % 3 === 0 ? null : text.slice(0, 7), value: text })
    }
    const packed = packScanRecords(many)!
    expect(packed.values.length).toBeGreaterThan(10)
    for (const c of packed.values) expect(c.length <= CHUNK_CHARS || c.length === 70_000).toBe(true)
    expect(unpackScanRecords(structuredClone(packed))).toEqual(many)
  })

  it('packs nothing when a payload is already bytes (those pages go to the worker as they are)', () => {
    expect(
      packScanRecords([...page, { partition: 0, offset: '1', key: null, value: new Uint8Array([1]) }]),
    ).toBeNull()
  })

  it('an empty page packs to an empty page', () => {
    expect(unpackScanRecords(packScanRecords([])!)).toEqual([])
  })

  it('the worker filters a packed page as it filters the records', () => {
    const out: ScanWorkerResponse[] = []
    const handle = createScanHandler((r) => out.push(r))
    handle({ type: 'init', spec: { expression: 'offset >= 13' } })
    handle({ type: 'batch', id: 1, packed: packScanRecords(page)!, maxMatches: 10 })
    handle({ type: 'batch', id: 2, records: page, maxMatches: 10 })
    const [, a, b] = out
    expect(a).toMatchObject({ type: 'result', id: 1, scanned: 4 })
    expect(b).toMatchObject({ type: 'result', id: 2, scanned: 4 })
    if (a.type !== 'result' || b.type !== 'result') throw new Error('no result')
    expect(a.matches.map((m) => m.offset)).toEqual(['9223372036854775806', '9223372036854775807', '13'])
    expect(a.matches).toEqual(b.matches)
  })
})
