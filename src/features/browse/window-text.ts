/** Words and links for the browse screen (pure, so they are tested without a DOM). */
import type { KafkaRecord } from '../../api/types.ts'
import type { LoadedWindow } from '../../lib/browse/load-window.ts'
import { offsetSpan } from '../../lib/browse/offset-window.ts'
import { buildHash } from '../../lib/router/hash-location.ts'
import { viewToParams, type BrowseView } from './browse-view.ts'

export const messageId = (r: Pick<KafkaRecord, 'partition' | 'offset'>) => `${r.partition}:${r.offset}`

/** Where the message `<partition>:<offset>` is in `records`, or -1 (no string built per record). */
export function indexOfMessage(
  records: readonly Pick<KafkaRecord, 'partition' | 'offset'>[],
  id: string | undefined,
): number {
  const colon = id?.indexOf(':') ?? -1
  if (id === undefined || colon < 0) return -1
  const partition = Number(id.slice(0, colon))
  const offset = id.slice(colon + 1)
  // "01:5" names no message (messageId never writes it), as a string comparison would say.
  if (String(partition) !== id.slice(0, colon)) return -1
  return records.findIndex((r) => r.offset === offset && r.partition === partition)
}

/** What the window holds: "50 messages of partition 0, offsets 70–119" / "… merged by timestamp …". */
export function describeWindow(view: Pick<BrowseView, 'partition'>, w: LoadedWindow): string {
  const n = w.records.length
  const count = `${n.toLocaleString('en-US')} message${n === 1 ? '' : 's'}`
  const single =
    view.partition !== 'all'
      ? view.partition
      : w.partitions.length === 1
        ? w.partitions[0].range.partition
        : null
  if (single !== null) {
    // A partition's records arrive in offset order, so the window already knows its first and last offset.
    const shown = w.partitions.find((p) => p.range.partition === single)
    const span =
      shown?.first !== undefined && shown.last !== undefined && w.records.length > 0
        ? { min: shown.first, max: shown.last }
        : offsetSpan(w.records.map((r) => r.offset))
    return span
      ? `${count} of partition ${single}, offsets ${span.min}–${span.max}`
      : `No messages in this window of partition ${single}`
  }
  const parts = w.partitions.length
  const merge =
    w.order === 'timestamp'
      ? 'merged by timestamp (then partition and offset)'
      : 'merged by offset, then partition'
  return `${count} from ${parts} partition${parts === 1 ? '' : 's'}, ${merge}`
}

/** The link to this view with this message selected: view state only, never the endpoint or its key. */
export function messageUrl(
  view: BrowseView,
  record: Pick<KafkaRecord, 'partition' | 'offset'>,
  base: string,
): string {
  return `${base}${buildHash('/browse', viewToParams({ ...view, sel: messageId(record) }))}`
}
