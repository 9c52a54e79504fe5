import type { RequestLogEntry } from './http/transport.ts'
import type {
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

/** What an endpoint can do. The UI hides what is false and says why (see `notes`). */
export interface Capabilities {
  listTopics: boolean
  topicMetadata: boolean
  topicConfigs: boolean
  partitionOffsets: boolean
  produce: boolean
  produceToPartition: boolean
  produceKeys: boolean
  produceHeaders: boolean
  produceTimestamp: boolean
  /** A null value (tombstone) can be sent. */
  produceNull: boolean
  /** Several records in one request. */
  produceBatch: boolean
  browse: boolean
  /** Browsing needs no server-side consumer instance (nothing to clean up). */
  statelessBrowse: boolean
  browseTimestamps: boolean
  browseHeaders: boolean
  createTopic: boolean
  deleteTopic: boolean
  consumerGroups: boolean
}

export const NO_CAPABILITIES: Capabilities = {
  listTopics: false,
  topicMetadata: false,
  topicConfigs: false,
  partitionOffsets: false,
  produce: false,
  produceToPartition: false,
  produceKeys: false,
  produceHeaders: false,
  produceTimestamp: false,
  produceNull: false,
  produceBatch: false,
  browse: false,
  statelessBrowse: false,
  browseTimestamps: false,
  browseHeaders: false,
  createTopic: false,
  deleteTopic: false,
  consumerGroups: false,
}

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

/** One interface for every Kafka REST dialect. Components never call fetch; they call this. */
export interface KafkaRestClient {
  readonly dialect: DialectInfo
  readonly capabilities: Capabilities
  listTopics(signal?: AbortSignal): Promise<TopicSummary[]>
  getTopic(name: string, signal?: AbortSignal): Promise<TopicDetail>
  getPartitionOffsets(topic: string, partition: number, signal?: AbortSignal): Promise<PartitionOffsets>
  produce(topic: string, records: ProduceRecord[], options?: ProduceOptions): Promise<ProduceResult[]>
  fetchRecords(request: FetchRequest): Promise<FetchResult>
  createTopic(request: CreateTopicRequest, signal?: AbortSignal): Promise<void>
  deleteTopic(name: string, signal?: AbortSignal): Promise<void>
  listConsumerGroups(signal?: AbortSignal): Promise<ConsumerGroupSummary[]>
  getConsumerLags(groupId: string, signal?: AbortSignal): Promise<ConsumerLag[]>
  /** Deletes any server-side state (consumer instances). Safe to call more than once. */
  dispose(options?: { keepalive?: boolean }): Promise<void>
}

/** Words for the capability summary shown after connecting, e.g. "produce, browse by offset, no headers". */
export function describeCapabilities(c: Capabilities): string {
  const parts: string[] = []
  if (!c.produce) parts.push('no produce')
  else parts.push(c.produceBatch ? 'produce' : 'produce (one record per request)')
  if (!c.browse) parts.push('no browsing')
  else parts.push(c.statelessBrowse ? 'browse by offset' : 'browse by offset (temporary consumer)')
  const headers =
    c.browseHeaders && c.produceHeaders
      ? 'headers'
      : c.produceHeaders
        ? 'headers on produce only'
        : c.browseHeaders
          ? 'headers when browsing'
          : 'no headers'
  parts.push(headers)
  if (c.browseTimestamps) parts.push('timestamps')
  if (c.createTopic || c.deleteTopic)
    parts.push(
      c.createTopic && c.deleteTopic
        ? 'create/delete topics'
        : c.createTopic
          ? 'create topics'
          : 'delete topics',
    )
  if (c.consumerGroups) parts.push('consumer groups')
  return parts.join(', ')
}
