/**
 * The loaded (filtered) window as files: NDJSON (lossless — base64 bytes, headers, timestamps; what the produce
 * batch import reads) and CSV (RFC 4180). Nothing of the connection goes in: no endpoint, no key.
 */
import type { KafkaRecord } from '../../api/types.ts'
import { toCsv } from '../records-io/csv.ts'
import { toNdjson } from '../records-io/ndjson.ts'
import type { PortableRecord } from '../records-io/portable-record.ts'
import type { TimeZoneChoice } from '../time/format-timestamp.ts'
import type { DecodedWindow } from './decoded-window.ts'

export function toPortableRecord(r: KafkaRecord, decoded?: DecodedWindow): PortableRecord {
  const out: PortableRecord = {
    topic: r.topic,
    partition: r.partition,
    offset: r.offset,
    key: r.key,
    value: r.value,
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
