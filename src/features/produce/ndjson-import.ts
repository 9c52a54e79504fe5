import type { Capabilities } from '../../api/capabilities.ts'
import type { ProduceRecord } from '../../api/types.ts'
import { parseNdjson } from '../../lib/records-io/ndjson.ts'
import type { PortableRecord } from '../../lib/records-io/portable-record.ts'
import { toEpochMillis } from '../../lib/time/format-timestamp.ts'

/** One NDJSON line as the import preview shows it: a record ready to send, or why it cannot be sent. */
export type ImportRow =
  { line: number; ok: true; record: ProduceRecord } | { line: number; ok: false; error: string }

export interface NdjsonImport {
  fileName: string
  rows: ImportRow[]
  /** Facts about what will not be sent as written (dialect limits), one sentence each. */
  notes: string[]
  /** Topics the lines name (`topic` fields); every record still goes to the form's topic. */
  lineTopics: string[]
}

function toProduceRecord(
  p: PortableRecord,
  caps: Capabilities,
): { record: ProduceRecord } | { error: string } {
  if (p.value === null && !caps.produce?.tombstones) {
    return { error: '"value" is null (a tombstone), which this endpoint cannot send.' }
  }
  if (p.partition !== undefined && !caps.produce?.toPartition) {
    return { error: `"partition" is ${p.partition}, but this endpoint cannot choose the partition.` }
  }
  const record: ProduceRecord = { key: p.key, value: p.value }
  if (p.partition !== undefined) record.partition = p.partition
  if (caps.produce?.headers && p.headers?.length) record.headers = p.headers
  const ms = toEpochMillis(p.timestamp ?? null)
  if (caps.produce?.timestamp && ms !== null && !Number.isNaN(ms)) record.timestamp = ms
  return { record }
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/**
 * Parses an NDJSON file (see `parseNdjson` for the line format and encodings) into produce records for this
 * endpoint. Lines that cannot be sent as written are errors, never silently changed; dropped extras
 * (headers or timestamps the dialect cannot send) are listed in `notes`.
 */
export function importNdjson(fileName: string, text: string, caps: Capabilities): NdjsonImport {
  const rows: ImportRow[] = []
  let droppedHeaders = 0
  let droppedTimestamps = 0
  const lineTopics = new Set<string>()
  for (const parsed of parseNdjson(text)) {
    if ('error' in parsed) {
      rows.push({ line: parsed.line, ok: false, error: parsed.error })
      continue
    }
    const p = parsed.record
    const mapped = toProduceRecord(p, caps)
    if ('error' in mapped) {
      rows.push({ line: parsed.line, ok: false, error: `Line ${parsed.line}: ${mapped.error}` })
      continue
    }
    if (p.headers?.length && !caps.produce?.headers) droppedHeaders++
    if (p.timestamp !== undefined && p.timestamp !== null && !caps.produce?.timestamp) droppedTimestamps++
    if (p.topic !== undefined) lineTopics.add(p.topic)
    rows.push({ line: parsed.line, ok: true, record: mapped.record })
  }
  const notes: string[] = []
  const carry = (n: number) => `${plural(n, 'record')} ${n === 1 ? 'carries' : 'carry'}`
  if (droppedHeaders) {
    notes.push(`${carry(droppedHeaders)} headers, which this endpoint cannot send: they are left out.`)
  }
  if (droppedTimestamps) {
    notes.push(
      `${carry(droppedTimestamps)} a timestamp, which this endpoint cannot set: the broker assigns one.`,
    )
  }
  return { fileName, rows, notes, lineTopics: [...lineTopics] }
}

/** A note when lines name topics other than the one the form sends to. */
export function otherTopicsNote(imported: NdjsonImport, topic: string): string | null {
  const others = imported.lineTopics.filter((t) => t !== topic)
  if (others.length === 0) return null
  const names = others.slice(0, 3).join(', ') + (others.length > 3 ? ', …' : '')
  return `Some lines name another topic (${names}); every record goes to ${topic || 'the topic chosen above'}.`
}

export function readyRecords(imported: NdjsonImport): ProduceRecord[] {
  return imported.rows.flatMap((r) => (r.ok ? [r.record] : []))
}
