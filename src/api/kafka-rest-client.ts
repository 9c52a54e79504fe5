import type { Capabilities } from './capabilities.ts'
import type { RequestLogEntry } from './http/transport.ts'
import type {
  ConsumerGroupMembers,
  ConsumerGroupStats,
  ConsumerGroupSummary,
  ConsumerLag,
  CreateTopicRequest,
  DialectId,
  FetchRequest,
  FetchResult,
  PartitionOffsets,
  ProduceRecord,
  ProduceResult,
  TopicDetail,
  TopicSummary,
} from './types.ts'

export interface DialectInfo {
  id: DialectId
  /** e.g. "Confluent REST Proxy API v1, binary". */
  name: string
  /** Extra facts worth showing, e.g. "topic admin through the IBM Message Hub admin API". */
  notes: string[]
}

export interface ProduceOptions {
  /** Target partition, or undefined to let the endpoint choose. */
  partition?: number
  signal?: AbortSignal
  onUploadProgress?: (sentBytes: number, totalBytes: number) => void
  /** Told about every request this produce makes (see RestRequest.onRequest). */
  onRequest?: (entry: RequestLogEntry) => void
}

/** A produce request built ahead of sending (`prepareProduce`). Send it once. */
export interface PreparedProduce {
  send(): Promise<ProduceResult[]>
}

/**
 * Reads one partition again and again with the same server-side state (a v2 consumer instance, created on the
 * first read, seeked before each one): a scan of a whole partition costs one instance, not one per page. Reads
 * must not overlap. `close` deletes the instance; it is also registered for the client's dispose (pagehide).
 */
export interface PartitionReader {
  fetch(request: FetchRequest): Promise<FetchResult>
  close(): Promise<void>
}

/** One interface for every Kafka REST dialect. Components never call fetch; they call this. */
export interface KafkaRestClient {
  readonly dialect: DialectInfo
  readonly capabilities: Capabilities
  listTopics(signal?: AbortSignal): Promise<TopicSummary[]>
  getTopic(name: string, signal?: AbortSignal): Promise<TopicDetail>
  getPartitionOffsets(topic: string, partition: number, signal?: AbortSignal): Promise<PartitionOffsets>
  produce(topic: string, records: ProduceRecord[], options?: ProduceOptions): Promise<ProduceResult[]>
  /**
   * `produce`, with the request built now and sent when `send()` is called: a caller sending batch after batch
   * builds the next one while the previous is in flight, and still sends them in order.
   */
  prepareProduce(topic: string, records: ProduceRecord[], options?: ProduceOptions): PreparedProduce
  fetchRecords(request: FetchRequest): Promise<FetchResult>
  /** Only where reads keep server-side state (v2 consumers); stateless dialects read with fetchRecords. */
  openPartitionReader?(topic: string, partition: number): PartitionReader
  createTopic(request: CreateTopicRequest, signal?: AbortSignal): Promise<void>
  deleteTopic(name: string, signal?: AbortSignal): Promise<void>
  listConsumerGroups(signal?: AbortSignal): Promise<ConsumerGroupSummary[]>
  getConsumerLags(groupId: string, signal?: AbortSignal): Promise<ConsumerLag[]>
  /** Member count and lag totals of one group (for the group list). */
  getConsumerGroupStats(groupId: string, signal?: AbortSignal): Promise<ConsumerGroupStats>
  /** The group's members with their assignments (capped, see MAX_GROUP_MEMBERS). */
  getConsumerGroupMembers(groupId: string, signal?: AbortSignal): Promise<ConsumerGroupMembers>
  /** Deletes any server-side state (consumer instances). Safe to call more than once. */
  dispose(options?: { keepalive?: boolean }): Promise<void>
}

/** Words for the capability summary shown after connecting, e.g. "produce, browse by offset, no headers". */
export function describeCapabilities(c: Capabilities): string {
  const { produce, browse, topics } = c
  const parts: string[] = []
  if (!produce) parts.push('no produce')
  else parts.push(produce.batch ? 'produce' : 'produce (one record per request)')
  if (!browse) parts.push('no browsing')
  else parts.push(browse.stateless ? 'browse by offset' : 'browse by offset (temporary consumer)')
  const headers =
    browse?.headers && produce?.headers
      ? 'headers'
      : produce?.headers
        ? 'headers on produce only'
        : browse?.headers
          ? 'headers when browsing'
          : 'no headers'
  parts.push(headers)
  if (browse?.timestamps) parts.push('timestamps')
  if (topics && (topics.create || topics.delete))
    parts.push(
      topics.create && topics.delete
        ? 'create/delete topics'
        : topics.create
          ? 'create topics'
          : 'delete topics',
    )
  if (c.consumerGroups) parts.push('consumer groups')
  // Nothing about registry or search until a screen shows them.
  return parts.join(', ')
}
