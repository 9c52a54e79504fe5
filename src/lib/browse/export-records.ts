/**
 * The loaded (filtered) window as files: NDJSON (lossless — base64 bytes, headers, timestamps; what the produce
 * batch import reads) and CSV (RFC 4180). Nothing of the connection goes in: no endpoint, no key.
 */
import { partBytesOnce } from '../../api/lazy-record.ts'
import type { KafkaRecord } from '../../api/types.ts'
import { csvHeader, csvLine, toCsv } from '../records-io/csv.ts'
import { toNdjson, toNdjsonLine } from '../records-io/ndjson.ts'
import type { PortableRecord } from '../records-io/portable-record.ts'
import type { TimeZoneChoice } from '../time/format-timestamp.ts'
import type { DecodedWindow } from './decoded-window.ts'
import { yieldToBrowser, type SliceOptions } from './sliced-filter.ts'

export function toPortableRecord(r: KafkaRecord, decoded?: DecodedWindow): PortableRecord {
  const out: PortableRecord = {
    topic: r.topic,
    partition: r.partition,
    offset: r.offset,
    // A lazy record's bytes are decoded for the line and not kept: an export never doubles the window in memory.
    key: partBytesOnce(r, 'key'),
    value: partBytesOnce(r, 'value'),
  }
  if (r.timestamp !== undefined) out.timestamp = r.timestamp
  if (r.headers !== undefined) out.headers = r.headers.map((h) => ({ name: h.name, value: h.value }))
  const d = decoded?.get(r)
  if (d?.key !== undefined) out.keyDecoded = d.key
  if (d?.value !== undefined) out.valueDecoded = d.value
  return out
}

/** `decoded`: Schema Registry keys and values decoded, added beside the exact bytes. */
export function recordsToNdjson(records: KafkaRecord[], decoded?: DecodedWindow): string {
  return toNdjson(records.map((r) => toPortableRecord(r, decoded)))
}

export function recordsToCsv(
  records: KafkaRecord[],
  timeZone: TimeZoneChoice,
  decoded?: DecodedWindow,
): string {
  return toCsv(
    records.map((r) => toPortableRecord(r, decoded)),
    { timeZone },
  )
}

export type ExportFormat = 'ndjson' | 'csv'

export interface ExportOptions extends Omit<SliceOptions, 'onProgress'> {
  decoded?: DecodedWindow
  /** For CSV timestamps. */
  timeZone: TimeZoneChoice
  onProgress?(written: number, total: number): void
}

/**
 * The same file as `recordsToNdjson` / `recordsToCsv`, written a slice of a few ms at a time (the page stays
 * responsive with 100,000 records) into Blob parts, so no single string of the whole file is ever built.
 */
export async function exportInSlices(
  records: readonly KafkaRecord[],
  format: ExportFormat,
  options: ExportOptions,
): Promise<Blob> {
  const { decoded, timeZone, signal, sliceMs = 8, pause = yieldToBrowser, onProgress } = options
  const now = options.now ?? (() => performance.now())
  const csv = format === 'csv'
  const newline = csv ? '\r\n' : '\n'
  /** Calls `work` on each record, a slice at a time, until it returns true or every record is done. */
  const eachInSlices = async (work: (r: KafkaRecord, index: number) => boolean) => {
    let i = 0
    while (i < records.length) {
      if (signal?.aborted) throw signal.reason ?? new DOMException('The operation was aborted.', 'AbortError')
      const until = now() + sliceMs
      // The clock is read every 32 records.
      do {
        if (work(records[i], i)) return
        i++
      } while (i < records.length && ((i & 31) !== 0 || now() < until))
      if (i < records.length) await pause()
    }
  }
  // The CSV header names the decoded columns when any record has one: a first pass asks (the answers are kept).
  let decodedColumns = false
  if (csv && decoded) {
    await eachInSlices((r) => {
      const d = decoded.get(r)
      decodedColumns = d?.key !== undefined || d?.value !== undefined
      return decodedColumns
    })
  }
  const parts: Blob[] = csv ? [new Blob([csvHeader(decodedColumns) + newline])] : []
  let lines: string[] = []
  await eachInSlices((r, index) => {
    const p = toPortableRecord(r, decoded)
    lines.push(csv ? csvLine(p, { timeZone }, decodedColumns) : toNdjsonLine(p))
    // A Blob part per 512 lines: no string of the whole file, and not 100,000 tiny parts either.
    if (lines.length >= 512 || index === records.length - 1) {
      parts.push(new Blob([lines.join(newline) + newline]))
      lines = []
      onProgress?.(index + 1, records.length)
    }
    return false
  })
  return new Blob(parts, { type: csv ? 'text/csv;charset=utf-8' : 'application/x-ndjson' })
}

/** A file name that says what is in it: `demo.orders-p0-120-169.ndjson`, `demo.orders-all-….csv`. */
export function exportFileName(
  topic: string,
  partition: number | 'all',
  records: KafkaRecord[],
  ext: string,
): string {
  const safeTopic = topic.replace(/[^\w.-]/g, '_')
  const where = partition === 'all' ? 'all' : `p${partition}`
  if (records.length === 0) return `${safeTopic}-${where}-empty.${ext}`
  if (partition !== 'all') {
    let lo = BigInt(records[0].offset)
    let hi = lo
    for (const r of records) {
      const o = BigInt(r.offset)
      if (o < lo) lo = o
      if (o > hi) hi = o
    }
    return `${safeTopic}-${where}-${lo}-${hi}.${ext}`
  }
  return `${safeTopic}-${where}-${records.length}-messages.${ext}`
}
