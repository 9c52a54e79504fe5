/**
 * The Quick match of the Search page, as AKHQ has it: contains / not contains / equals on the key, the value, a
 * header name or a header value. It works on the UTF-8 bytes: "contains" folds ASCII case (as the browse filter
 * does), "equals" is exact. "Not contains" on headers means no header name (or value) contains the text.
 */
import { encodeUtf8 } from '../bytes/utf8.ts'
import { indexOfFolded } from '../browse/record-filter.ts'
import type { MatchedRecord } from './scan-record.ts'

export type QuickField = 'key' | 'value' | 'header-name' | 'header-value'
export type QuickOp = 'contains' | 'not-contains' | 'equals'

export interface QuickMatch {
  field: QuickField
  op: QuickOp
  text: string
}

export const QUICK_FIELDS: readonly QuickField[] = ['key', 'value', 'header-name', 'header-value']
export const QUICK_OPS: readonly QuickOp[] = ['contains', 'not-contains', 'equals']

const lower = (b: number) => (b >= 0x41 && b <= 0x5a ? b | 0x20 : b)

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** A predicate for `quick`, or null when its text is empty (no quick match: everything passes). */
export function quickMatcher(quick: QuickMatch): ((r: MatchedRecord) => boolean) | null {
  if (quick.text === '') return null
  const exact = encodeUtf8(quick.text)
  const folded = exact.map(lower)
  const test =
    quick.op === 'equals'
      ? (b: Uint8Array | null) => b !== null && bytesEqual(b, exact)
      : (b: Uint8Array | null) => b !== null && indexOfFolded(b, folded) >= 0
  const names = new Map<string, Uint8Array>()
  const nameBytes = (name: string) => {
    let b = names.get(name)
    if (!b) {
      b = encodeUtf8(name)
      if (names.size < 1000) names.set(name, b)
    }
    return b
  }
  const any = (r: MatchedRecord): boolean => {
    switch (quick.field) {
      case 'key':
        return test(r.key)
      case 'value':
        return test(r.value)
      case 'header-name':
        return r.headers?.some((h) => test(nameBytes(h.name))) ?? false
      case 'header-value':
        return r.headers?.some((h) => test(h.value)) ?? false
    }
  }
  return quick.op === 'not-contains' ? (r) => !any(r) : any
}
