import { describe, expect, it } from 'vitest'
import { CEL_EXAMPLES, compileFilter } from './cel-filter.ts'
import { decodeScanRecord, recordSize } from './scan-record.ts'
import { orders, scanRecord } from './test-fixtures.ts'

const all = orders().map(decodeScanRecord)
const count = (expression: string) => {
  const f = compileFilter(expression)
  if (!f.ok) throw new Error(f.problem.message)
  return all.filter((r) => f.test(r, recordSize(r))).length
}

describe('compileFilter', () => {
  it('filters on the key, the JSON value, headers and metadata with exact counts', () => {
    expect(count('key.startsWith("order-9")')).toBe(11)
    expect(count('value.orderId == 42')).toBe(1)
    expect(count('value.amount > 100.0')).toBe(33) // i*1.5 > 100 → i ≥ 67
    expect(count('value.customer.name == "Ann"')).toBe(10)
    expect(count('value.items.exists(i, i.qty == 0)')).toBe(15) // multiples of 7 below 100
    expect(count('headers["type"] == "created"')).toBe(25)
    expect(count('"trace-id" in headers')).toBe(4)
    expect(count('partition == 1')).toBe(33)
    expect(count('partition == 0 && offset < 10')).toBe(10)
    expect(count('timestamp >= 1700000090000')).toBe(10)
    expect(count('size > 0')).toBe(100)
  })

  it('keeps where and why the expression first failed (a field some messages lack)', () => {
    const f = compileFilter('value.total > 100')
    if (!f.ok) throw new Error(f.problem.message)
    const [a, b] = [scanRecord(2, 7, null, '{"id": 1}'), scanRecord(2, 8, null, '{"total": 500}')]
    expect(f.test(decodeScanRecord(b), 1)).toBe(true)
    expect(f.firstError()).toBeNull()
    expect(f.test(decodeScanRecord(a), 1)).toBe(false)
    expect(f.test(decodeScanRecord(scanRecord(2, 9, null, '{}')), 1)).toBe(false)
    expect(f.errors()).toBe(2)
    expect(f.firstError()).toEqual({ partition: 2, offset: '7', message: 'No such key: total' })
  })

  it('keeps every digit of integers beyond 2^53', () => {
    const r = decodeScanRecord(scanRecord(0, 0, null, '{"id": 12345678901234567891}'))
    const f = compileFilter('value.id == 12345678901234567891')
    const g = compileFilter('value.id == 12345678901234567890')
    expect(f.ok && f.test(r, 1)).toBe(true)
    expect(g.ok && g.test(r, 1)).toBe(false)
  })

  it('gives text values as strings and counts evaluation errors as non-matches', () => {
    const text = decodeScanRecord(scanRecord(0, 0, 'k', 'ERROR disk full'))
    const f = compileFilter('value.startsWith("ERROR")')
    expect(f.ok && f.test(text, 1)).toBe(true)
    const g = compileFilter('value.missing == 1')
    if (!g.ok) throw new Error('should compile')
    expect(g.test(all[0], 1)).toBe(false)
    expect(g.errors()).toBe(1)
  })

  it('reports a syntax error with its position', () => {
    const f = compileFilter('value.amount >')
    expect(f.ok).toBe(false)
    if (f.ok) return
    expect(f.problem.position).toBe(14)
    expect(f.problem.column).toBe(15)
    expect(f.problem.message).toMatch(/Unexpected/)
  })

  it('refuses unknown variables and non-boolean expressions', () => {
    const u = compileFilter('foo == 1')
    expect(u.ok || u.problem.message).toMatch(/Unknown variable: foo/)
    const n = compileFilter('offset + 1')
    expect(n.ok || n.problem.message).toMatch(/not true or false/)
  })

  it('compiles every example of the help', () => {
    for (const e of CEL_EXAMPLES) expect(compileFilter(e.expression).ok, e.expression).toBe(true)
  })
})
