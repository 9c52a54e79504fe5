/**
 * The broker's record size limit: a topic's `max.message.bytes` (Kafka's default 1048588) bounds the size of a
 * record batch. The sandbox checks each record as a batch of its own, as a producer sends a record larger than
 * its batch.size, and refuses a larger one with Kafka's RecordTooLargeException message.
 */
import type { RecordHeader } from './log-store.ts'

export const DEFAULT_MAX_MESSAGE_BYTES = 1_048_588
/** Kafka's RecordTooLargeException text for the broker's MESSAGE_TOO_LARGE (error 10). */
export const RECORD_TOO_LARGE =
  'The request included a message larger than the max message size the server will accept.'

/** A record batch v2 header: base offset … records count (DefaultRecordBatch.RECORD_BATCH_OVERHEAD). */
const BATCH_OVERHEAD = 61

/** Bytes of a zigzag varint (Kafka's ByteUtils.sizeOfVarint). */
function varintSize(n: number): number {
  let v = n >= 0 ? n * 2 : -n * 2 - 1
  let bytes = 1
  while (v >= 0x80) {
    v = Math.floor(v / 128)
    bytes++
  }
  return bytes
}

const dataSize = (data: Buffer | null): number =>
  data === null ? varintSize(-1) : varintSize(data.length) + data.length

/** The size of a batch holding just this record (DefaultRecord.sizeInBytes + the batch header). */
export function singleRecordBatchSize(
  key: Buffer | null,
  value: Buffer | null,
  headers: RecordHeader[] = [],
): number {
  // attributes, timestamp delta 0, offset delta 0
  let body = 1 + 1 + 1 + dataSize(key) + dataSize(value) + varintSize(headers.length)
  for (const h of headers) {
    const name = Buffer.byteLength(h.name, 'utf8')
    body += varintSize(name) + name + dataSize(h.value)
  }
  return BATCH_OVERHEAD + varintSize(body) + body
}

/** The topic's limit: its `max.message.bytes` override, else Kafka's default. */
export function maxMessageBytes(configs: Record<string, string>): number {
  const raw = configs['max.message.bytes']
  const n = raw === undefined ? NaN : Number(raw)
  return Number.isSafeInteger(n) && n >= 0 ? n : DEFAULT_MAX_MESSAGE_BYTES
}

/** Kafka's `max.message.bytes` is an INT with at least 0; anything else is refused at topic creation. */
export function maxMessageBytesProblem(value: string): string | null {
  const n = Number(value)
  if (value.trim() === '' || !Number.isSafeInteger(n) || n < 0 || n > 2_147_483_647)
    return `Invalid value ${value} for configuration max.message.bytes: a whole number from 0 to 2147483647`
  return null
}
