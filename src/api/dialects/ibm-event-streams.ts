import { isValidUtf8 } from '../../lib/bytes/utf8.ts'
import type { HttpTransport } from '../http/transport.ts'
import { IBM_EVENT_STREAMS_BASE, withCapabilities, type Capabilities } from '../capabilities.ts'
import type { DialectInfo, ProduceOptions } from '../kafka-rest-client.ts'
import type { CreateTopicRequest, ProduceRecord, ProduceResult, TopicDetail, TopicSummary } from '../types.ts'
import { toOffset } from '../wire-json.ts'
import { BaseClient } from './base-client.ts'
import { IbmAdminApi } from './ibm-admin.ts'
import { isObject, seg, unsupported } from './shared.ts'

/**
 * Today's IBM Event Streams: the REST Producer API on `kafka_http_url` (one raw message per request; key and
 * headers as query parameters) plus the Admin REST API on `kafka_admin_url`. There is no consume API.
 */
export class IbmEventStreamsClient extends BaseClient {
  readonly dialect: DialectInfo = {
    id: 'ibm-event-streams',
    name: 'IBM Event Streams (REST Producer + Admin API)',
    notes: ['Event Streams has no REST consume API: browsing messages is unavailable with this endpoint'],
  }
  readonly capabilities: Capabilities
  private readonly producer: HttpTransport
  private readonly admin: IbmAdminApi | null

  constructor(producer: HttpTransport, admin: HttpTransport | null) {
    super()
    this.producer = producer
    this.admin = admin ? new IbmAdminApi(admin) : null
    this.capabilities = withCapabilities(IBM_EVENT_STREAMS_BASE, admin ? {} : { topics: null })
  }

  listTopics(signal?: AbortSignal): Promise<TopicSummary[]> {
    return this.admin
      ? this.admin.listTopics(signal)
      : Promise.reject(unsupported('Listing topics (no Admin API URL given)', this.dialect.name))
  }

  async getTopic(name: string, signal?: AbortSignal): Promise<TopicDetail> {
    if (!this.admin) return super.getTopic(name, signal)
    const topics = await this.admin.listTopics(signal)
    const t = topics.find((x) => x.name === name)
    const count = t?.partitionCount ?? 0
    return {
      name,
      partitions: Array.from({ length: count }, (_, id) => ({ id, leader: null, replicas: [], inSync: [] })),
      configs: await this.admin.configs(name, signal),
    }
  }

  async produce(
    topic: string,
    records: ProduceRecord[],
    options: ProduceOptions = {},
  ): Promise<ProduceResult[]> {
    const results: ProduceResult[] = []
    for (const r of records) {
      const text = r.value && isValidUtf8(r.value)
      const query: Record<string, string | undefined> = {}
      if (r.key) {
        query.key = new TextDecoder().decode(r.key)
        query.keyType = 'text'
      }
      if (r.headers?.length)
        query.headers = r.headers
          .map((h) => `${h.name}:${h.value ? new TextDecoder().decode(h.value) : ''}`)
          .join(',')
      const res = await this.producer.request({
        method: 'POST',
        path: `/topics/${seg(topic)}/records`,
        query,
        accept: 'application/json',
        contentType: text ? 'text/plain' : 'application/octet-stream',
        body: r.value ?? new Uint8Array(),
        signal: options.signal,
        onUploadProgress: options.onUploadProgress,
        onRequest: options.onRequest,
        timeoutMs: 120_000,
      })
      let partition: number | null = null
      let offset: string | null = null
      try {
        const body: unknown = JSON.parse(res.text)
        if (isObject(body)) {
          if (typeof body.partition === 'number') partition = body.partition
          if (body.offset !== undefined) offset = toOffset(body.offset)
        }
      } catch {
        // The producer API may answer without a body; the record was still accepted (HTTP 2xx).
      }
      results.push({ ok: true, partition, offset })
    }
    return results
  }

  createTopic(req: CreateTopicRequest, signal?: AbortSignal): Promise<void> {
    return this.admin ? this.admin.createTopic(req, signal) : super.createTopic(req, signal)
  }

  deleteTopic(name: string, signal?: AbortSignal): Promise<void> {
    return this.admin ? this.admin.deleteTopic(name, signal) : super.deleteTopic(name, signal)
  }
}
