/** Test helpers: records with JSON values and headers, as the scan sees them. */
import type { RecordHeader } from '../../api/types.ts'
import type { ScanRecord } from './scan-record.ts'

const enc = (s: string) => new TextEncoder().encode(s)

export function scanRecord(
  partition: number,
  offset: number,
  key: string | null,
  value: string | null,
  headers?: Record<string, string | null>,
  timestamp?: number,
): ScanRecord {
  const r: ScanRecord = {
    partition,
    offset: String(offset),
    key: key === null ? null : enc(key),
    value: value === null ? null : enc(value),
  }
  if (headers)
    r.headers = Object.entries(headers).map(([name, v]): RecordHeader => ({
      name,
      value: v === null ? null : enc(v),
    }))
  if (timestamp !== undefined) r.timestamp = timestamp
  return r
}

/** 100 orders: key order-<i>, value {"orderId":i,"amount":i*1.5,"customer":{"name":…},"items":[…]}. */
export function orders(n = 100): ScanRecord[] {
  return Array.from({ length: n }, (_, i) =>
    scanRecord(
      i % 3,
      Math.floor(i / 3),
      `order-${i}`,
      JSON.stringify({
        orderId: i,
        amount: i * 1.5,
        customer: { name: i % 10 === 0 ? 'Ann' : 'Bob' },
        items: [{ sku: `s${i}`, qty: i % 7 }],
      }),
      { type: i % 4 === 0 ? 'created' : 'updated', ...(i % 25 === 0 ? { 'trace-id': `t${i}` } : {}) },
      1_700_000_000_000 + i * 1000,
    ),
  )
}
