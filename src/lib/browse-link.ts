/**
 * The browse view's URL contract, shared by every feature that links to a message (produce results, topic pages).
 * It holds view state only — never an endpoint, key or payload.
 */
export type BrowseStart = 'beginning' | 'end' | 'offset' | 'timestamp'

export interface BrowseLink {
  topic: string
  /** A partition number, or 'all'. */
  partition?: number | 'all'
  start?: BrowseStart
  /** With start=offset: the first offset of the window (exact decimal string). */
  offset?: string
  count?: number
  /** With start=timestamp: ISO 8601 instant. */
  ts?: string
  decoder?: string
  /** The selected message, `<partition>:<offset>`. */
  sel?: string
}

export function browseLinkParams(link: BrowseLink): Record<string, string | undefined> {
  return {
    topic: link.topic,
    partition: link.partition === undefined ? undefined : String(link.partition),
    start: link.start,
    offset: link.offset,
    count: link.count === undefined ? undefined : String(link.count),
    ts: link.ts,
    decoder: link.decoder,
    sel: link.sel,
  }
}

/** The link that opens the browser at exactly one message. */
export function messageLink(topic: string, partition: number, offset: string): BrowseLink {
  return { topic, partition, start: 'offset', offset, count: 50, sel: `${partition}:${offset}` }
}
