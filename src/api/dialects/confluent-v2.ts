import type { HttpTransport } from '../http/transport.ts'
import { CONFLUENT_BASE, withCapabilities, type Capabilities, type CapabilityDiff } from '../capabilities.ts'
import type { DialectInfo, PartitionReader, PreparedProduce, ProduceOptions } from '../kafka-rest-client.ts'
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
import {
  ConsumerRegistry,
  createPartitionReader,
  fetchWithConsumer,
  type ConsumerFlavor,
} from './consumer-session.ts'
import { V2 } from './media-types.ts'
import {
  asObject,
  binaryRecordBody,
  getTopicDetail,
  listTopicNames,
  prepareProduceBinary,
  seg,
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
    capabilities: CapabilityDiff = {},
  ) {
    super()
    this.t = transport
    this.flavor = flavor
    this.dialect = dialect ?? { id: 'confluent-v2', name: 'Confluent REST Proxy API v2, binary', notes: [] }
    this.capabilities = withCapabilities(CONFLUENT_BASE, capabilities)
  }

  /** Live consumer instances (for tests and the request log's cleanup check). */
  get liveConsumers(): number {
    return this.consumers.size
  }

  listTopics(signal?: AbortSignal): Promise<TopicSummary[]> {
    return listTopicNames(this.t, V2.metadata, signal)
  }

  getTopic(name: string, signal?: AbortSignal): Promise<TopicDetail> {
    return getTopicDetail(this.t, name, V2.metadata, signal)
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

  /** Dialects built on v2 add their own record fields (Strimzi: headers, timestamp). */
  protected produceRecordBody(r: ProduceRecord, toPartition: boolean): Record<string, unknown> {
    return binaryRecordBody(r, toPartition)
  }

  /** Subclasses adjust a produce here (it is what `produce` sends), so both ways to produce stay alike. */
  async produce(
    topic: string,
    records: ProduceRecord[],
    options: ProduceOptions = {},
  ): Promise<ProduceResult[]> {
    return this.prepareProduce(topic, records, options).send()
  }

  prepareProduce(topic: string, records: ProduceRecord[], options: ProduceOptions = {}): PreparedProduce {
    return prepareProduceBinary(
      this.t,
      topic,
      records,
      options,
      { accept: V2.metadata, contentType: V2.binary },
      (r, p) => this.produceRecordBody(r, p),
    )
  }

  fetchRecords(req: FetchRequest): Promise<FetchResult> {
    return fetchWithConsumer(this.t, this.consumers, this.flavor, req)
  }

  openPartitionReader(topic: string, partition: number): PartitionReader {
    return createPartitionReader(this.t, this.consumers, this.flavor, topic, partition)
  }

  async dispose(options: { keepalive?: boolean } = {}): Promise<void> {
    await this.consumers.deleteAll(options.keepalive)
  }
}
