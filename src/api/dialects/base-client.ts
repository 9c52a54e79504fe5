import type { Capabilities } from '../capabilities.ts'
import type { DialectInfo, KafkaRestClient, PreparedProduce, ProduceOptions } from '../kafka-rest-client.ts'
import type {
  ConsumerGroupMembers,
  ConsumerGroupStats,
  ConsumerGroupSummary,
  ConsumerLag,
  CreateTopicRequest,
  FetchRequest,
  FetchResult,
  PartitionOffsets,
  ProduceRecord,
  ProduceResult,
  TopicDetail,
  TopicSummary,
} from '../types.ts'
import { unsupported } from './shared.ts'

/** Defaults for operations a dialect lacks: each throws a clear "not available with <dialect>" error. */
export abstract class BaseClient implements KafkaRestClient {
  abstract readonly dialect: DialectInfo
  abstract readonly capabilities: Capabilities

  abstract listTopics(signal?: AbortSignal): Promise<TopicSummary[]>

  getTopic(_name: string, _signal?: AbortSignal): Promise<TopicDetail> {
    return Promise.reject(unsupported('Topic metadata', this.dialect.name))
  }

  getPartitionOffsets(_topic: string, _partition: number, _signal?: AbortSignal): Promise<PartitionOffsets> {
    return Promise.reject(unsupported('Partition offsets', this.dialect.name))
  }

  produce(_topic: string, _records: ProduceRecord[], _options?: ProduceOptions): Promise<ProduceResult[]> {
    return Promise.reject(unsupported('Producing', this.dialect.name))
  }

  /** Builds nothing ahead: a dialect whose request is worth building early overrides this. */
  prepareProduce(topic: string, records: ProduceRecord[], options?: ProduceOptions): PreparedProduce {
    return { send: () => this.produce(topic, records, options) }
  }

  fetchRecords(_request: FetchRequest): Promise<FetchResult> {
    return Promise.reject(unsupported('Browsing messages', this.dialect.name))
  }

  createTopic(_request: CreateTopicRequest, _signal?: AbortSignal): Promise<void> {
    return Promise.reject(unsupported('Creating topics', this.dialect.name))
  }

  deleteTopic(_name: string, _signal?: AbortSignal): Promise<void> {
    return Promise.reject(unsupported('Deleting topics', this.dialect.name))
  }

  listConsumerGroups(_signal?: AbortSignal): Promise<ConsumerGroupSummary[]> {
    return Promise.reject(unsupported('Consumer groups', this.dialect.name))
  }

  getConsumerLags(_groupId: string, _signal?: AbortSignal): Promise<ConsumerLag[]> {
    return Promise.reject(unsupported('Consumer lag', this.dialect.name))
  }

  getConsumerGroupStats(_groupId: string, _signal?: AbortSignal): Promise<ConsumerGroupStats> {
    return Promise.reject(unsupported('Consumer groups', this.dialect.name))
  }

  getConsumerGroupMembers(_groupId: string, _signal?: AbortSignal): Promise<ConsumerGroupMembers> {
    return Promise.reject(unsupported('Consumer groups', this.dialect.name))
  }

  async dispose(_options?: { keepalive?: boolean }): Promise<void> {}
}
