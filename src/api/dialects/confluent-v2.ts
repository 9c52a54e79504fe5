import type { HttpTransport } from '../http/transport.ts'
import type { Capabilities, DialectInfo, ProduceOptions } from '../kafka-rest-client.ts'
import type {
  FetchRequest,
  FetchResult,
  PartitionOffsets,
  ProduceRecord,
  ProduceResult,
  TopicDetail,
  TopicSummary,
} from '../types.ts'
import { toOffset } from '../wire-json.ts'
import { BaseClient } from './base-client.ts'
import { ConsumerRegistry, fetchWithConsumer, type ConsumerFlavor } from './consumer-session.ts'
import { V2 } from './media-types.ts'
import {
  asObject,
  asStringList,
  b64,
  parseProduceOffsets,
  parseTopicDetail,
  seg,
  stringifyBody,
  valueJson,
} from './shared.ts'

/**
 * The v2 surface shared by Confluent REST Proxy v2, Karapace and (with its own tweaks) the Strimzi bridge:
 * metadata, partition offsets, produce with `offsets[]`, and browsing through a temporary consumer.
 */
export class V2Client extends BaseClient {
  readonly dialect: DialectInfo
  readonly capabilities: Capabilities
  protected readonly t: HttpTransport
  protected readonly flavor: ConsumerFlavor
  protected readonly consumers = new ConsumerRegistry()

  constructor(
    transport: HttpTransport,
    flavor: ConsumerFlavor = 'confluent',
    dialect?: DialectInfo,
    capabilities?: Partial<Capabilities>,
  ) {
    super()
    this.t = transport
    this.flavor = flavor
    this.dialect = dialect ?? { id: 'confluent-v2', name: 'Confluent REST Proxy API v2, binary', notes: [] }
    this.capabilities = {
      listTopics: true,
      topicMetadata: true,
      topicConfigs: true,
      partitionOffsets: true,
      produce: true,
      produceToPartition: true,
      produceKeys: true,
      produceHeaders: false,
      produceTimestamp: false,
      produceNull: true,
      produceBatch: true,
      browse: true,
      statelessBrowse: false,
      browseTimestamps: false,
      browseHeaders: false,
      createTopic: false,
      deleteTopic: false,
      consumerGroups: false,
      ...capabilities,
    }
  }

  /** Live consumer instances (for tests and the request log's cleanup check). */
  get liveConsumers(): number {
    return this.consumers.size
  }

  async listTopics(signal?: AbortSignal): Promise<TopicSummary[]> {
    const names = asStringList(
      await this.t.json({ path: '/topics', accept: V2.metadata, signal }),
      'a list of topic names',
    )
    return names.map((name) => ({ name }))
  }

  async getTopic(name: string, signal?: AbortSignal): Promise<TopicDetail> {
    return parseTopicDetail(
      await this.t.json({ path: `/topics/${seg(name)}`, accept: V2.metadata, signal }),
      name,
    )
  }

  async getPartitionOffsets(
    topic: string,
    partition: number,
    signal?: AbortSignal,
  ): Promise<PartitionOffsets> {
    const o = asObject(
      await this.t.json({
        path: `/topics/${seg(topic)}/partitions/${partition}/offsets`,
        accept: V2.metadata,
        signal,
      }),
      'partition offsets',
    )
    return {
      beginning: toOffset(o.beginning_offset, 'beginning_offset'),
      end: toOffset(o.end_offset, 'end_offset'),
    }
  }

  protected produceRecordBody(r: ProduceRecord, toPartition: boolean): Record<string, unknown> {
    const out: Record<string, unknown> = { value: valueJson(r) }
    if (r.key !== null) out.key = b64(r.key)
    if (!toPartition && r.partition !== undefined) out.partition = r.partition
    return out
  }

  async produce(
    topic: string,
    records: ProduceRecord[],
    options: ProduceOptions = {},
  ): Promise<ProduceResult[]> {
    const toPartition = options.partition !== undefined
    const raw = await this.t.json({
      method: 'POST',
      path: toPartition ? `/topics/${seg(topic)}/partitions/${options.partition}` : `/topics/${seg(topic)}`,
      accept: V2.metadata,
      contentType: V2.binary,
      body: stringifyBody({ records: records.map((r) => this.produceRecordBody(r, toPartition)) }),
      signal: options.signal,
      onUploadProgress: options.onUploadProgress,
      timeoutMs: 120_000,
    })
    return parseProduceOffsets(raw, records.length)
  }

  fetchRecords(req: FetchRequest): Promise<FetchResult> {
    return fetchWithConsumer(this.t, this.consumers, this.flavor, req)
  }

  async dispose(options: { keepalive?: boolean } = {}): Promise<void> {
    await this.consumers.deleteAll(options.keepalive)
  }
}
