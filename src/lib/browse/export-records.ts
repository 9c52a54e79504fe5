/**
 * The loaded (filtered) window as files: NDJSON (lossless — base64 bytes, headers, timestamps; what the produce
 * batch import reads) and CSV (RFC 4180). Nothing of the connection goes in: no endpoint, no key.
 */
import type { KafkaRecord } from '../../api/types.ts'
import { toCsv } from '../records-io/csv.ts'
import { toNdjson } from '../records-io/ndjson.ts'
import type { PortableRecord } from '../records-io/portable-record.ts'
import type { TimeZoneChoice } from '../time/format-timestamp.ts'

export function toPortableRecord(r: KafkaRecord): PortableRecord {
  const out: PortableRecord = {
    topic: r.topic,
    partition: r.partition,
    offset: r.offset,
    key: r.key,
    value: r.value,
  }
  if (r.timestamp !== undefined) out.timestamp = r.timestamp
  if (r.headers !== undefined) out.headers = r.headers.map((h) => ({ name: h.name, value: h.value }))
  return out
}

export function recordsToNdjson(records: KafkaRecord[]): string {
  return toNdjson(records.map(toPortableRecord))
}

export function recordsToCsv(records: KafkaRecord[], timeZone: TimeZoneChoice): string {
  return toCsv(records.map(toPortableRecord), { timeZone })
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
