import type { HttpTransport } from '../http/transport.ts'
import type { PreparedProduce, ProduceOptions } from '../kafka-rest-client.ts'
import type { CreateTopicRequest, ProduceRecord, ProduceResult, TopicDetail } from '../types.ts'
import { V2Client } from './confluent-v2.ts'
import { b64, topicNotFoundOn404 } from './shared.ts'

const EMPTY_HEADER_REFUSED: ProduceResult = {
  ok: false,
  errorCode: null,
  message:
    'Not sent: the Strimzi Kafka Bridge cannot produce a header with an empty or null value (its API needs non-empty base64). Remove that header or give it a value.',
}

/**
 * The Strimzi Kafka Bridge: the v2 consumer flow with its own names (`enable.auto.commit` as a boolean), exact
 * Accept matching, and records that carry timestamps and headers. Topics can be created (POST /admin/topics).
 */
export class StrimziClient extends V2Client {
  constructor(transport: HttpTransport, bridgeVersion?: string) {
    super(
      transport,
      'strimzi',
      {
        id: 'strimzi',
        name: 'Strimzi Kafka Bridge',
        notes: bridgeVersion ? [`bridge version ${bridgeVersion}`] : [],
      },
      {
        topics: { create: true },
        // In the binary format `value` is required and a JSON null is read as the text "null": no tombstones.
        produce: { headers: true, timestamp: true, tombstones: false },
        browse: { timestamps: true, headers: true },
      },
    )
  }

  // A missing topic is a 404 whose message is Kafka's UnknownTopicOrPartitionException.
  getTopic(name: string, signal?: AbortSignal): Promise<TopicDetail> {
    return topicNotFoundOn404(super.getTopic(name, signal), [404, null])
  }

  /**
   * The bridge's schema wants every header value as non-empty base64: an empty or null one makes the whole request
   * a 400 "Schema validation error" (0.33.1). Such a record fails alone, saying why; the others are sent.
   */
  prepareProduce(topic: string, records: ProduceRecord[], options: ProduceOptions = {}): PreparedProduce {
    const refused = records.map(
      (r) => r.headers?.some((h) => h.value === null || h.value.length === 0) ?? false,
    )
    if (!refused.includes(true)) return super.prepareProduce(topic, records, options)
    const sent = records.filter((_, i) => !refused[i])
    const prepared = sent.length > 0 ? super.prepareProduce(topic, sent, options) : null
    return {
      send: async () => {
        const results = prepared ? await prepared.send() : []
        let k = 0
        return records.map((_, i) => (refused[i] ? EMPTY_HEADER_REFUSED : results[k++]))
      },
    }
  }

  protected produceRecordBody(r: ProduceRecord, toPartition: boolean): Record<string, unknown> {
    const out = super.produceRecordBody(r, toPartition)
    if (r.headers?.length) out.headers = r.headers.map((h) => ({ key: h.name, value: b64(h.value!) }))
    if (r.timestamp !== undefined) out.timestamp = r.timestamp
    return out
  }

  async createTopic(req: CreateTopicRequest, signal?: AbortSignal): Promise<void> {
    const body: Record<string, unknown> = { topic_name: req.name, partitions_count: req.partitions }
    if (req.replicationFactor) body.replication_factor = req.replicationFactor
    await this.t.request({
      method: 'POST',
      path: '/admin/topics',
      accept: 'application/vnd.kafka.v2+json',
      contentType: 'application/vnd.kafka.json.v2+json',
      body: JSON.stringify(body),
      signal,
    })
  }
}
