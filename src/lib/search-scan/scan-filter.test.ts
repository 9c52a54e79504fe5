import { describe, expect, it } from 'vitest'
import { bytesToBase64 } from '../bytes/base64.ts'
import { buildFilter } from './scan-filter.ts'
import { createScanHandler, type ScanWorkerResponse } from './scan-protocol.ts'
import { orders } from './test-fixtures.ts'

describe('buildFilter', () => {
  it('applies the quick match and the expression together, and stops at the match limit', () => {
    const f = buildFilter({
      quick: { field: 'header-value', op: 'equals', text: 'created' },
      expression: 'value.amount > 75.0',
    })
    if (!f.ok) throw new Error(f.problem.message)
    expect(f.run(orders(), 1000).matches.map((m) => m.key && new TextDecoder().decode(m.key))).toEqual([
      'order-52',
      'order-56',
      ...Array.from({ length: 10 }, (_, i) => `order-${60 + i * 4}`),
    ])
    const limited = f.run(orders(), 2)
    expect(limited.matches.length).toBe(2)
    expect(limited.scanned).toBe(57) // stopped right after the second match (order-56)
  })

  it('decodes base64 payloads byte for byte', () => {
    const bytes = new Uint8Array([0, 255, 128, 10])
    const f = buildFilter({})
    if (!f.ok) throw new Error()
    const r = f.run([{ partition: 0, offset: '5', key: bytesToBase64(bytes), value: null }], 10)
    expect([...r.matches[0].key!]).toEqual([0, 255, 128, 10])
    expect(r.bytes).toBe(4)
  })
})

describe('createScanHandler', () => {
  it('answers ready, results, and a positioned problem for a bad expression', () => {
    const out: ScanWorkerResponse[] = []
    const handle = createScanHandler((r) => out.push(r))
    handle({ type: 'batch', id: 1, records: [], maxMatches: 1 })
    handle({ type: 'init', spec: { expression: 'key ==' } })
    handle({ type: 'init', spec: { expression: 'value.orderId < 10' } })
    handle({ type: 'batch', id: 2, records: orders(), maxMatches: 500 })
    expect(out[0]).toMatchObject({ type: 'failed', id: 1 })
    expect(out[1]).toMatchObject({ type: 'invalid', problem: { position: 6 } })
    expect(out[2]).toEqual({ type: 'ready' })
    expect(out[3]).toMatchObject({ type: 'result', id: 2, scanned: 100 })
    expect(out[3].type === 'result' && out[3].matches.length).toBe(10)
  })
})
