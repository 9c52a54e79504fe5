import { isKafkaRestError } from '../errors.ts'
import type { HttpTransport } from '../http/transport.ts'
import { CONFLUENT_BASE, withCapabilities, type Capabilities } from '../capabilities.ts'
import type { DialectInfo, ProduceOptions } from '../kafka-rest-client.ts'
import type {
  FetchRequest,
  FetchResult,
  KafkaRecord,
  ProduceRecord,
  ProduceResult,
  TopicDetail,
  TopicSummary,
} from '../types.ts'
import { BaseClient } from './base-client.ts'
import { parseV2Record } from './consumer-session.ts'
import { V2 } from './media-types.ts'
import { pollRecords } from './poll-records.ts'
import {
  asArray,
  listTopicNames,
  b64,
  isObject,
  parseProduceOffsets,
  seg,
  stringifyBody,
  valueJson,
} from './shared.ts'

const MAX_PARTITIONS_PROBED = 256
const MAX_BYTES = 4 * 1024 * 1024

/**
 * Redpanda's HTTP proxy (pandaproxy): v2 types only, no topic metadata route, and a stateless per-partition
 * read (`GET /topics/{t}/partitions/{p}/records`) — so browsing needs no consumer instance.
 */
export class RedpandaClient extends BaseClient {
  readonly dialect: DialectInfo = {
    id: 'redpanda',
    name: 'Redpanda HTTP proxy (v2), binary',
    notes: ['partitions found by probing: the proxy has no topic metadata route'],
  }
  // The records endpoint reads by offset with no consumer instance, and there is no offsets endpoint.
  readonly capabilities: Capabilities = withCapabilities(CONFLUENT_BASE, {
    browse: { stateless: true, offsets: false },
  })
  private readonly t: HttpTransport

  constructor(transport: HttpTransport) {
    super()
    this.t = transport
  }

  listTopics(signal?: AbortSignal): Promise<TopicSummary[]> {
    return listTopicNames(this.t, V2.metadata, signal)
  }

  private async read(
    topic: string,
    partition: number,
    offset: string,
    signal?: AbortSignal,
    maxBytes = MAX_BYTES,
  ): Promise<KafkaRecord[]> {
    const raw = await this.t.json({
      path: `/topics/${seg(topic)}/partitions/${partition}/records`,
      query: { offset, timeout: 1000, max_bytes: maxBytes },
      accept: V2.binary,
      signal,
    })
    // The serializer writes a bare array; the published API doc shows `{records: [...]}`. Accept both.
    const list = isObject(raw) && Array.isArray(raw.records) ? raw.records : asArray(raw, 'a list of records')
    return list.map((r) => parseV2Record(r, 'confluent'))
  }

  /** Partitions exist up to the first one the proxy calls unknown (40402). */
  async getTopic(name: string, signal?: AbortSignal): Promise<TopicDetail> {
    const partitions: TopicDetail['partitions'] = []
    for (let p = 0; p < MAX_PARTITIONS_PROBED; p++) {
      try {
        await this.read(name, p, '0', signal, 1)
      } catch (e) {
        if (isKafkaRestError(e) && (e.errorCode === 40402 || (p > 0 && e.status === 404))) break
        throw e
      }
      partitions.push({ id: p, leader: null, replicas: [], inSync: [] })
    }
    return { name, partitions, configs: null }
  }

  async fetchRecords(req: FetchRequest): Promise<FetchResult> {
    // A stateless read answers at once: an empty answer is the end of the log.
    const { records, nextOffset, note } = await pollRecords(
      req,
      (next) => this.read(req.topic, req.partition, next.toString(), req.signal),
      { emptyIsEnd: true },
    )
    return { records, nextOffset, note }
  }

  async produce(
    topic: string,
    records: ProduceRecord[],
    options: ProduceOptions = {},
  ): Promise<ProduceResult[]> {
    const body = {
      records: records.map((r) => {
        const out: Record<string, unknown> = { value: valueJson(r) }
        if (r.key !== null) out.key = b64(r.key)
        const partition = options.partition ?? r.partition
        if (partition !== undefined) out.partition = partition
        return out
      }),
    }
    const raw = await this.t.json({
      method: 'POST',
      path: `/topics/${seg(topic)}`,
      accept: V2.metadata,
      contentType: V2.binary,
      body: stringifyBody(body),
      signal: options.signal,
      onUploadProgress: options.onUploadProgress,
      onRequest: options.onRequest,
      timeoutMs: 120_000,
    })
    return parseProduceOffsets(raw, records.length)
  }
}
