/**
 * The browse screen's state as it lives in the URL (`BrowseLink`), with defaults filled in, and the window
 * request it asks for. Pure: the page reads the hash, this turns it into a view and back.
 */
import type { BrowseCapabilities } from '../../api/capabilities.ts'
import {
  BROWSE_DECODERS,
  browseLinkParams,
  parseBrowseLink,
  type BrowseDecoder,
  type BrowseLink,
  type BrowseStart,
} from '../../lib/browse-link.ts'
import type { WindowRequest, WindowStart } from '../../lib/browse/load-window.ts'
import type { MergeOrder } from '../../lib/browse/merge-records.ts'
import {
  clampCount,
  DEFAULT_COUNT,
  formatPositions,
  parsePositions,
  samePosition,
  type Positions,
} from '../../lib/browse/offset-window.ts'
import { toEpochMillis } from '../../lib/time/format-timestamp.ts'

export interface BrowseView {
  topic: string | null
  partition: number | 'all'
  start: BrowseStart
  offset: string
  /** All partitions: per-partition positions from previous/next. */
  positions?: Positions
  direction: 'forward' | 'backward'
  count: number
  /** ISO 8601 instant for start=timestamp. */
  ts?: string
  decoder: BrowseDecoder
  keyDecoder: BrowseDecoder
  /** `<partition>:<offset>` */
  sel?: string
  q: string
  order: MergeOrder
  sort: 'oldest' | 'newest'
}

/** What the view needs of the browse group (null: the endpoint cannot browse). */
export type BrowseCaps = Pick<BrowseCapabilities, 'offsets' | 'timestamps'> | null

/** Why a start mode is not offered on this endpoint, or null when it is. */
export function startUnavailable(start: BrowseStart, caps: BrowseCaps): string | null {
  if (start === 'end' && !caps?.offsets)
    return 'This API does not report partition end offsets, so the newest messages cannot be found.'
  if (start === 'timestamp' && !caps?.timestamps)
    return 'This API does not return message timestamps (Confluent v1/v2 records have none), so there is nothing to search by time.'
  return null
}

export function defaultStart(caps: BrowseCaps): BrowseStart {
  return caps?.offsets ? 'end' : 'beginning'
}

export function viewFromParams(params: URLSearchParams, caps: BrowseCaps): BrowseView {
  const link: Partial<BrowseLink> = parseBrowseLink(params) ?? {}
  let start = link.start ?? defaultStart(caps)
  if (startUnavailable(start, caps)) start = 'beginning'
  if (start === 'timestamp' && !link.ts) start = defaultStart(caps)
  const positions = parsePositions(link.offsets)
  const view: BrowseView = {
    topic: link.topic ?? null,
    partition: link.partition ?? 'all',
    start,
    offset: link.offset ?? '0',
    direction: link.dir === 'back' ? 'backward' : 'forward',
    count: link.count === undefined ? DEFAULT_COUNT : clampCount(link.count),
    decoder: (link.decoder as BrowseDecoder | undefined) ?? 'auto',
    keyDecoder: (link.keyDecoder as BrowseDecoder | undefined) ?? 'auto',
    q: link.q ?? '',
    order: link.order ?? (caps?.timestamps ? 'timestamp' : 'offset'),
    sort: link.sort ?? 'oldest',
  }
  if (view.order === 'timestamp' && !caps?.timestamps) view.order = 'offset'
  if (positions.size > 0 && view.partition === 'all') view.positions = positions
  if (link.ts) view.ts = link.ts
  if (link.sel) view.sel = link.sel
  return view
}

/** URL parameters for a view; defaults are written out so a shared link does not depend on the reader's. */
export function viewToParams(view: BrowseView): Record<string, string | undefined> {
  const offsetStart = view.start === 'offset'
  return browseLinkParams({
    topic: view.topic ?? '',
    partition: view.partition,
    start: view.start,
    offset: offsetStart && !view.positions ? view.offset : undefined,
    offsets: offsetStart && view.positions ? formatPositions(view.positions) : undefined,
    dir: offsetStart && view.direction === 'backward' ? 'back' : undefined,
    count: view.count,
    ts: view.start === 'timestamp' ? view.ts : undefined,
    decoder: view.decoder === 'auto' ? undefined : view.decoder,
    keyDecoder: view.keyDecoder === 'auto' ? undefined : view.keyDecoder,
    sel: view.sel,
    q: view.q || undefined,
    order: view.partition === 'all' ? view.order : undefined,
    sort: view.sort === 'newest' ? 'newest' : undefined,
  })
}

export function isDecoder(value: string): value is BrowseDecoder {
  return (BROWSE_DECODERS as readonly string[]).includes(value)
}

/** The window a view asks for, given the topic's partitions (null when it cannot ask yet). */
export function windowRequest(
  view: BrowseView,
  partitionIds: number[],
): (WindowRequest & { partition: number | 'all' }) | null {
  if (!view.topic) return null
  const partitions = view.partition === 'all' ? partitionIds : [view.partition]
  if (partitions.length === 0) return null
  let start: WindowStart
  switch (view.start) {
    case 'beginning':
    case 'end':
      start = { kind: view.start }
      break
    case 'timestamp': {
      const ms = toEpochMillis(view.ts ?? null)
      if (ms === null || Number.isNaN(ms)) return null
      start = { kind: 'timestamp', ms }
      break
    }
    case 'offset':
      start = { kind: 'offset', offset: view.offset, direction: view.direction }
      if (view.positions) start.positions = view.positions
      break
  }
  return {
    topic: view.topic,
    partition: view.partition,
    partitions,
    all: view.partition === 'all',
    start,
    count: view.count,
    order: view.partition === 'all' ? view.order : 'offset',
  }
}

/** The view of a neighbouring window (previous/next) from per-partition positions. */
export function neighbourView(
  view: BrowseView,
  positions: Positions,
  direction: 'forward' | 'backward',
): BrowseView {
  const next: BrowseView = { ...view, start: 'offset', direction, sel: undefined }
  delete next.positions
  delete next.ts
  if (view.partition === 'all') {
    const shared = samePosition(positions)
    if (shared !== null) next.offset = shared
    else next.positions = positions
  } else {
    next.offset = positions.get(view.partition) ?? view.offset
  }
  return next
}
