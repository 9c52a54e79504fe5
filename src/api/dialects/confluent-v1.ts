import { isKafkaRestError } from '../errors.ts'
import type { HttpTransport } from '../http/transport.ts'
import { CONFLUENT_BASE, withCapabilities, type Capabilities } from '../capabilities.ts'
import type { DialectInfo, PreparedProduce, ProduceOptions } from '../kafka-rest-client.ts'
import { recordFromBase64 } from '../lazy-record.ts'
import type {
  CreateTopicRequest,
  FetchRequest,
  FetchResult,
  KafkaRecord,
  PartitionOffsets,
  ProduceRecord,
  ProduceResult,
  TopicDetail,
  TopicSummary,
} from '../types.ts'
import { toOffset } from '../wire-json.ts'
import { BaseClient } from './base-client.ts'
import type { IbmAdminApi } from './ibm-admin.ts'
import { V1 } from './media-types.ts'
import { pollRecords } from './poll-records.ts'
import {
  asArray,
  asInt,
  asObject,
  getTopicDetail,
  listTopicNames,
  prepareProduceBinary,
  seg,
  unexpected,
} from './shared.ts'

const FETCH_CHUNK = 1000
const INT64_MAX = (1n << 63n) - 1n

export function parseV1Record(raw: unknown, topic: string): KafkaRecord {
  const r = asObject(raw, 'a message')
  return recordFromBase64({
    topic: typeof r.topic === 'string' ? r.topic : topic,
    partition: asInt(r.partition, 'partition'),
    offset: toOffset(r.offset),
    key: typeof r.key === 'string' ? r.key : null,
    value: typeof r.value === 'string' ? r.value : null,
  })
}

type Probe = 'records' | 'end' | 'out-of-range'

/**
 * Confluent REST Proxy API v1 with the binary embedded format — IBM Message Hub's REST API. Browsing uses the
 * stateless simple consumer; topic admin goes through the IBM admin API when the endpoint has it.
 */
export class ConfluentV1Client extends BaseClient {
  readonly dialect: DialectInfo
  readonly capabilities: Capabilities
  private readonly t: HttpTransport
  private readonly admin: IbmAdminApi | null

  constructor(
    transport: HttpTransport,
    options: { admin?: IbmAdminApi | null; simpleConsumer?: boolean } = {},
  ) {
    super()
    this.t = transport
    this.admin = options.admin ?? null
    const browse = options.simpleConsumer ?? true
    this.dialect = {
      id: 'confluent-v1',
      name: 'Confluent REST Proxy API v1, binary',
      notes: this.admin ? ['topic admin through the IBM Message Hub admin API (/admin/topics)'] : [],
    }
    this.capabilities = withCapabilities(CONFLUENT_BASE, {
      topics: { create: !!this.admin, delete: !!this.admin },
      // The simple consumer reads by offset with no instance; bounds are probed through it too.
      browse: browse ? { stateless: true } : null,
    })
  }

  listTopics(signal?: AbortSignal): Promise<TopicSummary[]> {
    return listTopicNames(this.t, V1.metadata, signal)
  }

  getTopic(name: string, signal?: AbortSignal): Promise<TopicDetail> {
    return getTopicDetail(this.t, name, V1.metadata, signal)
  }

  private async messages(
    topic: string,
    partition: number,
    offset: string,
    count: number,
    signal?: AbortSignal,
  ): Promise<KafkaRecord[]> {
    const list = asArray(
      await this.t.json({
        path: `/topics/${seg(topic)}/partitions/${partition}/messages`,
        query: { offset, count },
        accept: V1.binary,
        signal,
        timeoutMs: 60_000,
      }),
      'a list of messages',
    )
    return list.map((raw) => parseV1Record(raw, topic))
  }

  private async probe(
    topic: string,
    partition: number,
    offset: bigint,
    signal?: AbortSignal,
  ): Promise<Probe> {
    try {
      const list = await this.messages(topic, partition, offset.toString(), 1, signal)
      return list.length ? 'records' : 'end'
    } catch (e) {
      // The simple consumer reports an offset outside the log as a Kafka error (500/50002, OFFSET_OUT_OF_RANGE).
      if (isKafkaRestError(e) && e.kind === 'http' && e.status !== null && e.status >= 500)
        return 'out-of-range'
      if (isKafkaRestError(e) && e.kind === 'http' && (e.status === 416 || e.errorCode === 40002))
        return 'out-of-range'
      throw e
    }
  }

  /**
   * v1 has no offsets endpoint, so the log's bounds are found by probing the simple consumer: galloping then
   * bisecting, about 2·log2(end) small requests.
   */
  async getPartitionOffsets(
    topic: string,
    partition: number,
    signal?: AbortSignal,
  ): Promise<PartitionOffsets> {
    const probe = (o: bigint) => this.probe(topic, partition, o, signal)
    let begin: bigint
    const first = await probe(0n)
    if (first === 'end') return { beginning: '0', end: '0' }
    if (first === 'records') begin = 0n
    else {
      // Retention moved the start: gallop until inside the log, then bisect back to its first offset.
      let below = 0n
      let step = 1n
      let hit: { at: bigint; kind: Probe } | null = null
      while (step < 1n << 62n) {
        const at = below + step
        const kind = await probe(at)
        if (kind !== 'out-of-range') {
          hit = { at, kind }
          break
        }
        below = at
        step *= 2n
      }
      if (!hit) throw unexpected('a readable offset in the partition', 'out of range everywhere')
      let lo = below
      let hi = hit.at
      while (hi - lo > 1n) {
        const mid = (lo + hi) / 2n
        if ((await probe(mid)) === 'out-of-range') lo = mid
        else hi = mid
      }
      begin = hi
      if (hit.kind === 'end' && hi === hit.at) return { beginning: begin.toString(), end: hit.at.toString() }
    }
    let lo = begin
    let step = 1n
    for (;;) {
      // An endpoint answering records at every offset would make this gallop forever: offsets end at 2^63 − 1.
      if (lo + step > INT64_MAX)
        throw unexpected('the end of the partition', 'records at every offset probed')
      const at = lo + step
      const kind = await probe(at)
      if (kind === 'end') return { beginning: begin.toString(), end: at.toString() }
      if (kind === 'records') {
        lo = at
        step *= 2n
        continue
      }
      let hi = at
      while (hi - lo > 1n) {
        const mid = (lo + hi) / 2n
        const k = await probe(mid)
        if (k === 'end') return { beginning: begin.toString(), end: mid.toString() }
        if (k === 'records') lo = mid
        else hi = mid
      }
      return { beginning: begin.toString(), end: (lo + 1n).toString() }
    }
  }

  async fetchRecords(req: FetchRequest): Promise<FetchResult> {
    // The simple consumer reads the log directly: an empty answer is its end.
    const { records, nextOffset, note } = await pollRecords(
      req,
      (next, want) =>
        this.messages(req.topic, req.partition, next.toString(), Math.min(FETCH_CHUNK, want), req.signal),
      { emptyIsEnd: true },
    )
    return { records, nextOffset, note }
  }

  async produce(
    topic: string,
    records: ProduceRecord[],
    options: ProduceOptions = {},
  ): Promise<ProduceResult[]> {
    return this.prepareProduce(topic, records, options).send()
  }

  prepareProduce(topic: string, records: ProduceRecord[], options: ProduceOptions = {}): PreparedProduce {
    return prepareProduceBinary(this.t, topic, records, options, { accept: V1.plain, contentType: V1.binary })
  }

  createTopic(req: CreateTopicRequest, signal?: AbortSignal): Promise<void> {
    return this.admin ? this.admin.createTopic(req, signal) : super.createTopic(req, signal)
  }

  deleteTopic(name: string, signal?: AbortSignal): Promise<void> {
    return this.admin ? this.admin.deleteTopic(name, signal) : super.deleteTopic(name, signal)
  }
}
