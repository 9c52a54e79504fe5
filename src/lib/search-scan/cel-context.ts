/**
 * The variables a Filter expression sees for one record. `value` (and `key`) are parsed JSON when they are JSON —
 * integers become CEL ints (bigint), every digit kept beyond 2^53 — and UTF-8 text otherwise; `headers` maps each
 * header name to its value as text (the last one wins when a name repeats).
 */
import { parse as parseLossless, isInteger } from 'lossless-json'
import type { MatchedRecord } from './scan-record.ts'

export interface CelRecordContext {
  key: unknown
  value: unknown
  headers: Map<string, string>
  partition: bigint
  offset: bigint
  timestamp: bigint
  size: bigint
}

const text = new TextDecoder('utf-8', { fatal: false })

/** JSON starts with one of these (after whitespace); anything else is text without trying to parse it. */
function looksLikeJson(b: Uint8Array): boolean {
  let i = 0
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09)) i++
  if (i >= b.length) return false
  const c = b[i]
  return c === 0x7b || c === 0x5b // only objects and arrays: "42" or "true" stay text, as users type them
}

const MAX_WALK = 200_000

/**
 * Native JSON.parse (fast), then integers → bigint. An integer beyond 2^53 was already rounded by JSON.parse, so
 * that text is parsed again losslessly. Returns undefined when it is not JSON.
 */
export function parseJsonForCel(source: string): unknown {
  let root: unknown
  try {
    root = JSON.parse(source)
  } catch {
    return undefined
  }
  let unsafe = false
  const convert = (v: unknown): unknown => {
    if (typeof v !== 'number' || !Number.isInteger(v)) return v
    if (!Number.isSafeInteger(v)) unsafe = true
    return BigInt(v)
  }
  // Iterative: deep JSON must not overflow the stack; bounded: a huge document is walked at most MAX_WALK nodes.
  const stack: unknown[] = [root]
  let visited = 0
  while (stack.length > 0 && visited++ < MAX_WALK) {
    const node = stack.pop()
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        node[i] = convert(node[i])
        if (typeof node[i] === 'object' && node[i] !== null) stack.push(node[i])
      }
    } else if (typeof node === 'object' && node !== null) {
      const o = node as Record<string, unknown>
      for (const k of Object.keys(o)) {
        o[k] = convert(o[k])
        if (typeof o[k] === 'object' && o[k] !== null) stack.push(o[k])
      }
    }
  }
  if (unsafe) {
    try {
      return parseLossless(source, null, (s) => (isInteger(s) ? BigInt(s) : Number(s)))
    } catch {
      return root
    }
  }
  return root
}

export function payloadForCel(b: Uint8Array | null): unknown {
  if (b === null) return null
  const s = text.decode(b)
  if (looksLikeJson(b)) {
    const parsed = parseJsonForCel(s)
    if (parsed !== undefined) return parsed
  }
  return s
}

export function headersForCel(r: MatchedRecord): Map<string, string> {
  const m = new Map<string, string>()
  for (const h of r.headers ?? []) m.set(h.name, h.value === null ? '' : text.decode(h.value))
  return m
}

export interface ContextNeeds {
  key: boolean
  value: boolean
  headers: boolean
}

/** Only what the expression names is decoded: a filter on `offset` never parses a value. */
export function celContext(r: MatchedRecord, size: number, needs: ContextNeeds): CelRecordContext {
  return {
    key: needs.key ? payloadForCel(r.key) : null,
    value: needs.value ? payloadForCel(r.value) : null,
    headers: needs.headers ? headersForCel(r) : new Map(),
    partition: BigInt(r.partition),
    offset: BigInt(r.offset),
    timestamp: BigInt(r.timestamp ?? -1),
    size: BigInt(size),
  }
}
