/**
 * The Search page's URL: everything needed to run the same search again, never an endpoint, key or payload.
 * `#/search?topic=t&partitions=0,2&from=10&to=99&field=key&op=contains&q=x&expr=…&limit=500&maxmb=1024&run=1`
 */
import { QUICK_FIELDS, QUICK_OPS, type QuickField, type QuickOp } from './quick-match.ts'

export type RangeKind = 'all' | 'offsets' | 'time'

export interface SearchForm {
  topic: string
  /** Empty = all partitions. */
  partitions: number[]
  range: RangeKind
  fromOffset: string
  toOffset: string
  /** ISO-8601 instants (as typed in the form's datetime inputs, UTC). */
  since: string
  until: string
  field: QuickField
  op: QuickOp
  text: string
  expression: string
  maxMatches: number
  maxMegabytes: number
}

export const DEFAULT_MAX_MATCHES = 500
export const DEFAULT_MAX_MEGABYTES = 1024
const MAX_MATCHES_CAP = 100_000
const MAX_MEGABYTES_CAP = 1_000_000

export const EMPTY_FORM: SearchForm = {
  topic: '',
  partitions: [],
  range: 'all',
  fromOffset: '',
  toOffset: '',
  since: '',
  until: '',
  field: 'value',
  op: 'contains',
  text: '',
  expression: '',
  maxMatches: DEFAULT_MAX_MATCHES,
  maxMegabytes: DEFAULT_MAX_MEGABYTES,
}

const OFFSET = /^\d{1,19}$/
const PARTITIONS = /^\d{1,9}(,\d{1,9}){0,9999}$/

function positiveInt(text: string | null, fallback: number, cap: number): number {
  if (text === null || !/^\d{1,9}$/.test(text)) return fallback
  const n = Number(text)
  return n >= 1 ? Math.min(n, cap) : fallback
}

export function clampMatches(n: number): number {
  return Number.isFinite(n) && n >= 1 ? Math.min(Math.floor(n), MAX_MATCHES_CAP) : DEFAULT_MAX_MATCHES
}

export function clampMegabytes(n: number): number {
  return Number.isFinite(n) && n >= 1 ? Math.min(Math.floor(n), MAX_MEGABYTES_CAP) : DEFAULT_MAX_MEGABYTES
}

function isInstant(s: string): boolean {
  return s.length <= 40 && !Number.isNaN(Date.parse(s))
}

export function searchLinkParams(f: SearchForm, run: boolean): Record<string, string | undefined> {
  return {
    topic: f.topic || undefined,
    partitions: f.partitions.length > 0 ? f.partitions.join(',') : undefined,
    from: f.range === 'offsets' && f.fromOffset ? f.fromOffset : undefined,
    to: f.range === 'offsets' && f.toOffset ? f.toOffset : undefined,
    since: f.range === 'time' && f.since ? f.since : undefined,
    until: f.range === 'time' && f.until ? f.until : undefined,
    field: f.text ? f.field : undefined,
    op: f.text ? f.op : undefined,
    q: f.text || undefined,
    expr: f.expression.trim() || undefined,
    limit: f.maxMatches !== DEFAULT_MAX_MATCHES ? String(f.maxMatches) : undefined,
    maxmb: f.maxMegabytes !== DEFAULT_MAX_MEGABYTES ? String(f.maxMegabytes) : undefined,
    run: run ? '1' : undefined,
  }
}

/** Reads a link back; malformed values fall back to the defaults. */
export function parseSearchLink(params: URLSearchParams): { form: SearchForm; run: boolean } {
  const get = (k: string) => params.get(k)
  const from = get('from') ?? ''
  const to = get('to') ?? ''
  const since = get('since') ?? ''
  const until = get('until') ?? ''
  const parts = get('partitions') ?? ''
  const field = get('field') as QuickField | null
  const op = get('op') as QuickOp | null
  const offsets = OFFSET.test(from) || OFFSET.test(to)
  const times = isInstant(since) || isInstant(until)
  const form: SearchForm = {
    topic: (get('topic') ?? '').slice(0, 249),
    partitions: PARTITIONS.test(parts)
      ? [...new Set(parts.split(',').map(Number))].sort((a, b) => a - b)
      : [],
    range: offsets ? 'offsets' : times ? 'time' : 'all',
    fromOffset: OFFSET.test(from) ? from : '',
    toOffset: OFFSET.test(to) ? to : '',
    since: isInstant(since) ? since : '',
    until: isInstant(until) ? until : '',
    field: field && QUICK_FIELDS.includes(field) ? field : EMPTY_FORM.field,
    op: op && QUICK_OPS.includes(op) ? op : EMPTY_FORM.op,
    text: (get('q') ?? '').slice(0, 10_000),
    expression: (get('expr') ?? '').slice(0, 10_000),
    maxMatches: positiveInt(get('limit'), DEFAULT_MAX_MATCHES, MAX_MATCHES_CAP),
    maxMegabytes: positiveInt(get('maxmb'), DEFAULT_MAX_MEGABYTES, MAX_MEGABYTES_CAP),
  }
  return { form, run: get('run') === '1' && form.topic !== '' }
}
