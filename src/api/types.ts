/** Domain types shared by every dialect adapter. Bytes stay bytes; offsets are exact decimal strings. */

export type DialectId =
  'confluent-v1' | 'confluent-v2' | 'confluent-v3' | 'strimzi' | 'karapace' | 'redpanda' | 'ibm-event-streams'

/** How the secret is sent: X-Auth-Token, Bearer, Basic user:password (the user is a separate, saved field), Basic token:<key>. */
export type AuthScheme = 'x-auth-token' | 'bearer' | 'basic' | 'basic-token' | 'none'

/** An offset as an exact decimal string: Kafka offsets are int64 and must never be rounded. */
export type Offset = string

export interface TopicSummary {
  name: string
  /** Known when the listing includes it (v3, IBM admin); otherwise undefined until the topic is opened. */
  partitionCount?: number
  internal?: boolean
}

export interface Replica {
  broker: number
  leader: boolean
  inSync: boolean
}

export interface Partition {
  id: number
  leader: number | null
  replicas: Replica[]
  inSync: number[]
  beginningOffset?: Offset
  endOffset?: Offset
}

export interface TopicConfigEntry {
  name: string
  value: string | null
}

export interface TopicDetail {
  name: string
  partitions: Partition[]
  configs: TopicConfigEntry[] | null
}

export interface RecordHeader {
  name: string
  value: Uint8Array | null
}

export interface KafkaRecord {
  topic: string
  partition: number
  offset: Offset
  /** Milliseconds since the epoch, when the dialect exposes it. */
  timestamp?: number
  key: Uint8Array | null
  value: Uint8Array | null
  /** Only where the dialect exposes headers; undefined means "not available", [] means "none". */
  headers?: RecordHeader[]
  /** Sizes in bytes, known without decoding (the list shows them for rows it has not decoded). */
  keySize: number
  valueSize: number
}

export interface ProduceRecord {
  key: Uint8Array | null
  value: Uint8Array | null
  /**
   * The value already base64-encoded (standard alphabet, padded), as text or as a Blob of that text — e.g. from
   * a Web Worker for a large file. When present it must be the base64 of `value`: adapters with JSON bodies
   * splice it in as is instead of encoding `value` again on the main thread (a Blob makes the request body a
   * Blob, which the browser streams); adapters that send raw bytes use `value`.
   */
  valueBase64?: string | Blob
  partition?: number
  headers?: RecordHeader[]
  /** Milliseconds since the epoch. */
  timestamp?: number
}

export type ProduceResult =
  /** partition/offset are null only where the API does not report them (IBM's REST producer). */
  | { ok: true; partition: number | null; offset: Offset | null; timestamp?: number }
  | { ok: false; errorCode: number | null; message: string }

export interface PartitionOffsets {
  beginning: Offset
  end: Offset
}

export interface FetchRequest {
  topic: string
  partition: number
  /** First offset wanted (inclusive). */
  offset: Offset
  /** How many records at most. */
  count: number
  /** End offset (exclusive) if known: polling stops there instead of waiting for more. */
  endOffset?: Offset
  signal?: AbortSignal
  onProgress?: (fetched: number) => void
  /**
   * A hint: the most key + value bytes one poll should bring (a v2 consumer's `max_bytes`), so a scan's answers
   * stay small enough to parse in a short main-thread task. Dialects without such a limit ignore it.
   */
  maxBytes?: number
}

export interface FetchResult {
  records: KafkaRecord[]
  /** The offset after the last record returned (where a "next" window starts). */
  nextOffset: Offset
  /** Why the read ended before `count` records or the end offset (the endpoint stopped making progress). */
  note?: string
}

export interface CreateTopicRequest {
  name: string
  partitions: number
  replicationFactor?: number
  configs?: Record<string, string>
}

export interface ConsumerGroupSummary {
  groupId: string
  state?: string
  consumers?: number
  /** The coordinator's broker id, when the endpoint names it. */
  coordinator?: number | null
  partitionAssignor?: string
  isSimple?: boolean
}

/** What one group's overview needs on a list: its member count and its lag summed over partitions. */
export interface ConsumerGroupStats {
  members: number
  totalLag: Offset
  maxLag: Offset
}

export interface ConsumerGroupMember {
  consumerId: string
  clientId?: string
  instanceId?: string | null
  assignments: Array<{ topic: string; partition: number }>
  /** More assignments than the console keeps for one member. */
  assignmentsTruncated?: boolean
}

export interface ConsumerGroupMembers {
  members: ConsumerGroupMember[]
  /** Members the endpoint listed; more than `members.length` when the list was capped. */
  total: number
}

export interface ConsumerLag {
  topic: string
  partition: number
  currentOffset: Offset
  logEndOffset: Offset
  lag: string
  consumerId?: string
}
