/**
 * The browse view's URL contract, shared by every feature that links to a message (produce results, topic pages).
 * It holds view state only — never an endpoint, key or payload.
 */
import { toEpochMillis } from './time/format-timestamp.ts'

export type BrowseStart = 'beginning' | 'end' | 'offset' | 'timestamp'

/** How the browser shows a key or value; 'auto' picks from the bytes. */
export type BrowseDecoder = 'auto' | 'text' | 'json' | 'hex' | 'base64' | 'image'

export const BROWSE_DECODERS: readonly BrowseDecoder[] = ['auto', 'text', 'json', 'hex', 'base64', 'image']

export interface BrowseLink {
  topic: string
  /** A partition number, or 'all'. */
  partition?: number | 'all'
  start?: BrowseStart
  /** With start=offset: the first offset of the window (exact decimal string). */
  offset?: string
  /** With start=offset and All partitions: per-partition positions, `0:12,1:40` (overrides `offset`). */
  offsets?: string
  /** With start=offset: 'back' = the `count` messages before the position(s) instead of from them. */
  dir?: 'back'
  count?: number
  /** With start=timestamp: ISO 8601 instant. */
  ts?: string
  /** The value's decoder. */
  decoder?: string
  keyDecoder?: string
  /** The selected message, `<partition>:<offset>`. */
  sel?: string
  /** Quick filter text over the loaded window. */
  q?: string
  /** How All partitions are merged. */
  order?: 'timestamp' | 'offset'
  /** Display order of the list. */
  sort?: 'oldest' | 'newest'
}

export function browseLinkParams(link: BrowseLink): Record<string, string | undefined> {
  return {
    topic: link.topic,
    partition: link.partition === undefined ? undefined : String(link.partition),
    start: link.start,
    offset: link.offset,
    offsets: link.offsets,
    dir: link.dir,
    count: link.count === undefined ? undefined : String(link.count),
    ts: link.ts,
    decoder: link.decoder,
    keyDecoder: link.keyDecoder,
    sel: link.sel,
    q: link.q,
    order: link.order,
    sort: link.sort,
  }
}

/** The link that opens the browser at exactly one message. */
export function messageLink(topic: string, partition: number, offset: string): BrowseLink {
  return { topic, partition, start: 'offset', offset, count: 50, sel: `${partition}:${offset}` }
}

const START_VALUES: readonly BrowseStart[] = ['beginning', 'end', 'offset', 'timestamp']
const OFFSET = /^\d{1,19}$/
const POSITIONS = /^\d{1,9}:\d{1,19}(,\d{1,9}:\d{1,19})*$/
const SELECTION = /^\d{1,9}:\d{1,19}$/
/** Kafka offsets are signed 64-bit: 19 digits may still be too many (9999999999999999999 > 2^63 − 1). */
const INT64_MAX = (1n << 63n) - 1n

const isOffset = (s: string) => OFFSET.test(s) && BigInt(s) <= INT64_MAX
const positionsFit = (s: string) => s.split(',').every((part) => isOffset(part.split(':')[1]))

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined
}

/**
 * Reads a browse URL back. Values that are malformed are dropped (the view falls back to its defaults), so a
 * hand-edited or truncated link never breaks the page. Offsets are canonical decimals (no leading zeros).
 */
export function parseBrowseLink(params: URLSearchParams): BrowseLink | null {
  const topic = params.get('topic')
  if (!topic) return null
  const link: BrowseLink = { topic }
  const partition = params.get('partition')
  if (partition === 'all') link.partition = 'all'
  else if (partition !== null && /^\d{1,9}$/.test(partition)) link.partition = Number(partition)
  link.start = oneOf(params.get('start'), START_VALUES)
  const offset = params.get('offset')
  if (offset !== null && isOffset(offset)) link.offset = BigInt(offset).toString()
  const offsets = params.get('offsets')
  if (offsets !== null && POSITIONS.test(offsets) && positionsFit(offsets)) link.offsets = offsets
  if (params.get('dir') === 'back') link.dir = 'back'
  const count = params.get('count')
  if (count !== null && /^\d{1,6}$/.test(count)) link.count = Number(count)
  const ts = params.get('ts')
  if (ts !== null && ts.length <= 40) {
    const ms = toEpochMillis(ts)
    if (ms !== null && !Number.isNaN(ms)) link.ts = ts
  }
  link.decoder = oneOf(params.get('decoder'), BROWSE_DECODERS)
  link.keyDecoder = oneOf(params.get('keyDecoder'), BROWSE_DECODERS)
  const sel = params.get('sel')
  if (sel !== null && SELECTION.test(sel) && isOffset(sel.split(':')[1])) {
    const [p, o] = sel.split(':')
    link.sel = `${Number(p)}:${BigInt(o)}`
  }
  const q = params.get('q')
  if (q) link.q = q.slice(0, 500)
  link.order = oneOf(params.get('order'), ['timestamp', 'offset'] as const)
  link.sort = oneOf(params.get('sort'), ['oldest', 'newest'] as const)
  for (const k of Object.keys(link) as (keyof BrowseLink)[]) if (link[k] === undefined) delete link[k]
  return link
}

const shorten = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s)

function offsetWords(value: string): string {
  if (/^-\d+$/.test(value)) return 'is negative: Kafka offsets start at 0'
  if (/^\d+$/.test(value)) return `is beyond the largest Kafka offset (2^63 − 1 = ${INT64_MAX})`
  return 'is not a whole number'
}

/**
 * What `parseBrowseLink` refused among the offsets of a browse URL, one sentence each, so the page can say why
 * it shows another window than the link asked for (an offset is never read as a time or silently replaced).
 */
export function browseLinkProblems(params: URLSearchParams): string[] {
  const out: string[] = []
  const offset = params.get('offset')
  if (offset !== null && !isOffset(offset))
    out.push(`The link's offset ${shorten(offset)} ${offsetWords(offset)}; it was ignored.`)
  const offsets = params.get('offsets')
  if (offsets !== null && !(POSITIONS.test(offsets) && positionsFit(offsets))) {
    const bad = offsets
      .split(',')
      .map((part) => /^\s*(\d{1,9}):(.*)$/.exec(part))
      .find((m) => !m || !isOffset(m[2]))
    const why = bad
      ? `offset ${shorten(bad[2])} ${offsetWords(bad[2])}`
      : 'an entry is not <partition>:<offset>'
    out.push(`The link's per-partition offsets "${shorten(offsets)}" were ignored: ${why}.`)
  }
  const sel = params.get('sel')
  if (sel !== null && !linkableSelection(sel))
    out.push(`The link's selected message "${shorten(sel)}" is not <partition>:<offset>; it was ignored.`)
  return out
}

/** Whether a message id (`<partition>:<offset>`) survives a browse URL as is (else it is selected without a link). */
export function linkableSelection(id: string): boolean {
  if (!SELECTION.test(id)) return false
  const [p, o] = id.split(':')
  return isOffset(o) && `${Number(p)}:${BigInt(o)}` === id
}
