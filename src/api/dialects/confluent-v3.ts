import { parseConfigListOffThread, parseTopicListOffThread } from '../parse/parse-off-thread.ts'
import { isKafkaRestError } from '../errors.ts'
import { prepareBody, type HttpTransport, type RestRequest, type RestResponse } from '../http/transport.ts'
import { CONFLUENT_BASE, withCapabilities, type Capabilities } from '../capabilities.ts'
import type { DialectInfo, PartitionReader, PreparedProduce, ProduceOptions } from '../kafka-rest-client.ts'
import { createLimiter } from '../../lib/concurrency.ts'
import type {
  ConsumerGroupMember,
  ConsumerGroupMembers,
  ConsumerGroupStats,
  ConsumerGroupSummary,
  ConsumerLag,
  CreateTopicRequest,
  FetchRequest,
  FetchResult,
  Partition,
  PartitionOffsets,
  ProduceRecord,
  ProduceResult,
  TopicDetail,
  TopicSummary,
} from '../types.ts'
import { parseWireJson, toOffset } from '../wire-json.ts'
import { BaseClient } from './base-client.ts'
import type { V2Client } from './confluent-v2.ts'
import { JSON_TYPE } from './media-types.ts'
import {
  asArray,
  asInt,
  asObject,
  b64,
  concatBody,
  isObject,
  seg,
  stringifyBody,
  unexpected,
  valueJson,
} from './shared.ts'

/** Splits a body of concatenated JSON values (v3 streamed produce answers one report per record). */
export function splitJsonStream(text: string): string[] {
  const out: string[] = []
  let depth = 0
  let start = -1
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 92)
        i++ // backslash: skip the escaped character
      else if (c === 34) inString = false
      continue
    }
    if (c === 34) inString = true
    else if (c === 123 || c === 91) {
      if (depth++ === 0) start = i
    } else if (c === 125 || c === 93) {
      if (--depth === 0 && start >= 0) {
        out.push(text.slice(start, i + 1))
        start = -1
      }
    }
  }
  return out
}

/** Members of one group the console reads (each costs a request for its assignments), and assignments per member. */
export const MAX_GROUP_MEMBERS = 200
export const MAX_MEMBER_ASSIGNMENTS = 10_000
/** Assignment requests of one group in flight at once. */
const MEMBER_PARALLELISM = 4

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

function brokerIdFromRelated(link: unknown): number | null {
  const related = isObject(link) ? link.related : undefined
  const m = typeof related === 'string' ? /\/brokers\/(\d+)$/.exec(related) : null
  return m ? Number(m[1]) : null
}

/**
 * v3 paths carry the cluster id. If the endpoint now fronts another cluster (a restarted in-memory proxy, a
 * failover), requests answer 404 "Cluster … cannot be found": look the id up again and retry once.
 */
class ClusterScope {
  private readonly t: HttpTransport
  private clusterId: string

  constructor(t: HttpTransport, clusterId: string) {
    this.t = t
    this.clusterId = clusterId
  }

  private at(req: RestRequest): RestRequest {
    return { ...req, path: `/v3/clusters/${seg(this.clusterId, 'cluster id')}${req.path}` }
  }

  private async refreshed(e: unknown, signal?: AbortSignal): Promise<boolean> {
    if (!isKafkaRestError(e) || e.status !== 404 || !/cluster/i.test(e.serverMessage ?? '')) return false
    const list = asObject(
      await this.t.json({ path: '/v3/clusters', accept: JSON_TYPE, signal }),
      'a cluster list',
    )
    const first = asArray(list.data, 'clusters').find(isObject)
    const id = first && typeof first.cluster_id === 'string' ? first.cluster_id : null
    if (!id || id === this.clusterId) return false
    this.clusterId = id
    return true
  }

  async request(req: RestRequest): Promise<RestResponse> {
    try {
      return await this.t.request(this.at(req))
    } catch (e) {
      if (await this.refreshed(e, req.signal)) return this.t.request(this.at(req))
      throw e
    }
  }

  async json<T = unknown>(req: RestRequest): Promise<T> {
    try {
      return await this.t.json<T>(this.at(req))
    } catch (e) {
      if (await this.refreshed(e, req.signal)) return this.t.json<T>(this.at(req))
      throw e
    }
  }
}

/**
 * Confluent REST Proxy API v3 (`/v3/clusters/...`): topic admin, produce with headers and timestamps, and
 * consumer groups. v3 has no consume API, so browsing (and exact offsets) go through v2 when it is present.
 */
export class ConfluentV3Client extends BaseClient {
  readonly dialect: DialectInfo
  readonly capabilities: Capabilities
  private readonly scope: ClusterScope
  private readonly v2: V2Client | null

  constructor(transport: HttpTransport, clusterId: string, v2: V2Client | null) {
    super()
    this.scope = new ClusterScope(transport, clusterId)
    this.v2 = v2
    this.dialect = {
      id: 'confluent-v3',
      name: 'Confluent REST Proxy API v3',
      notes: [
        `cluster ${clusterId}`,
        v2 ? 'browsing through API v2 consumers' : 'no API v2 on this endpoint: browsing unavailable',
      ],
    }
    this.capabilities = withCapabilities(CONFLUENT_BASE, {
      topics: { create: true, delete: true },
      produce: { headers: true, timestamp: true },
      // Browsing (and partition offsets) only through v2's consumers.
      browse: v2 ? {} : null,
    })
    // The family base has no groups (v2 has no group API), so v3 adds its own.
    this.capabilities = { ...this.capabilities, consumerGroups: { lag: true } }
  }

  get liveConsumers(): number {
    return this.v2?.liveConsumers ?? 0
  }

  async listTopics(signal?: AbortSignal): Promise<TopicSummary[]> {
    // Parsed (and sorted) in a worker: a cluster may have 1,000,000 topics.
    const res = await this.scope.request({ path: `/topics`, accept: JSON_TYPE, signal })
    return parseTopicListOffThread(res.bytes ?? res.text, signal)
  }

  private async partitionsV3(name: string, signal?: AbortSignal): Promise<Partition[]> {
    const list = asObject(
      await this.scope.json({
        path: `/topics/${seg(name)}/partitions`,
        accept: JSON_TYPE,
        signal,
      }),
      'a partition list',
    )
    const partitions = await Promise.all(
      asArray(list.data, 'partitions').map(async (raw): Promise<Partition> => {
        const p = asObject(raw, 'a partition')
        const id = asInt(p.partition_id, 'partition_id')
        const replicas = asObject(
          await this.scope.json({
            path: `/topics/${seg(name)}/partitions/${id}/replicas`,
            accept: JSON_TYPE,
            signal,
          }),
          'a replica list',
        )
        const rs = asArray(replicas.data, 'replicas').map((r) => {
          const o = asObject(r, 'a replica')
          return {
            broker: asInt(o.broker_id, 'broker_id'),
            leader: o.is_leader === true,
            inSync: o.is_in_sync === true,
          }
        })
        return {
          id,
          leader: brokerIdFromRelated(p.leader) ?? rs.find((r) => r.leader)?.broker ?? null,
          replicas: rs,
          inSync: rs.filter((r) => r.inSync).map((r) => r.broker),
        }
      }),
    )
    return partitions.sort((a, b) => a.id - b.id)
  }

  async getTopic(name: string, signal?: AbortSignal): Promise<TopicDetail> {
    // v2 gives leaders, replicas and ISR in one request; v3 needs one per partition.
    const [configs, partitions] = await Promise.all([
      // Parsed in a worker: an endpoint may answer with 50,000 configs.
      this.scope
        .request({ path: `/topics/${seg(name)}/configs`, accept: JSON_TYPE, signal })
        .then((res) => parseConfigListOffThread(res.bytes ?? res.text, signal)),
      this.v2 ? this.v2.getTopic(name, signal).then((t) => t.partitions) : this.partitionsV3(name, signal),
    ])
    return { name, partitions, configs }
  }

  getPartitionOffsets(topic: string, partition: number, signal?: AbortSignal): Promise<PartitionOffsets> {
    return this.v2
      ? this.v2.getPartitionOffsets(topic, partition, signal)
      : super.getPartitionOffsets(topic, partition, signal)
  }

  fetchRecords(req: FetchRequest): Promise<FetchResult> {
    return this.v2 ? this.v2.fetchRecords(req) : super.fetchRecords(req)
  }

  openPartitionReader(topic: string, partition: number): PartitionReader {
    if (!this.v2) throw new Error('Reading records needs the v2 API beside v3.')
    return this.v2.openPartitionReader(topic, partition)
  }

  async produce(
    topic: string,
    records: ProduceRecord[],
    options: ProduceOptions = {},
  ): Promise<ProduceResult[]> {
    return this.prepareProduce(topic, records, options).send()
  }

  /** Streamed produce: one JSON object per record in one request, one delivery report per record back. */
  prepareProduce(topic: string, records: ProduceRecord[], options: ProduceOptions = {}): PreparedProduce {
    const parts = records.map((r) => {
      const out: Record<string, unknown> = {}
      const partition = options.partition ?? r.partition
      if (partition !== undefined) out.partition_id = partition
      if (r.headers?.length) out.headers = r.headers.map((h) => ({ name: h.name, value: b64(h.value) }))
      if (r.key !== null) out.key = { type: 'BINARY', data: b64(r.key) }
      if (r.value !== null) out.value = { type: 'BINARY', data: valueJson(r) }
      if (r.timestamp !== undefined) out.timestamp = new Date(r.timestamp).toISOString()
      return stringifyBody(out)
    })
    // One JSON object per line; a Blob part (a value encoded by a worker) keeps the body a Blob.
    const body = concatBody(parts.flatMap((part, i) => (i === 0 ? [part] : ['\n', part])))
    const req: RestRequest = {
      method: 'POST',
      path: `/topics/${seg(topic)}/records`,
      accept: JSON_TYPE,
      contentType: JSON_TYPE,
      body: typeof body === 'string' ? prepareBody(body) : body,
      signal: options.signal,
      onUploadProgress: options.onUploadProgress,
      onRequest: options.onRequest,
      timeoutMs: 120_000,
    }
    return { send: async () => this.deliveryReports(await this.scope.request(req), records.length) }
  }

  private deliveryReports(res: RestResponse, expected: number): ProduceResult[] {
    const reports = splitJsonStream(res.text).map((t) => parseWireJson(t))
    if (reports.length !== expected) throw unexpected(`${expected} delivery reports`, reports.length)
    return reports.map((raw): ProduceResult => {
      const r = asObject(raw, 'a delivery report')
      const code = typeof r.error_code === 'number' ? r.error_code : null
      if (code !== 200 || r.offset === undefined) {
        return {
          ok: false,
          errorCode: code,
          message: typeof r.message === 'string' ? r.message : 'Delivery failed.',
        }
      }
      const ts = typeof r.timestamp === 'string' ? Date.parse(r.timestamp) : NaN
      return {
        ok: true,
        partition: asInt(r.partition_id, 'partition_id'),
        offset: toOffset(r.offset),
        ...(Number.isFinite(ts) ? { timestamp: ts } : {}),
      }
    })
  }

  async createTopic(req: CreateTopicRequest, signal?: AbortSignal): Promise<void> {
    const body: Record<string, unknown> = { topic_name: req.name, partitions_count: req.partitions }
    if (req.replicationFactor) body.replication_factor = req.replicationFactor
    if (req.configs) body.configs = Object.entries(req.configs).map(([name, value]) => ({ name, value }))
    await this.scope.request({
      method: 'POST',
      path: `/topics`,
      accept: JSON_TYPE,
      contentType: JSON_TYPE,
      body: JSON.stringify(body),
      signal,
    })
  }

  async deleteTopic(name: string, signal?: AbortSignal): Promise<void> {
    await this.scope.request({
      method: 'DELETE',
      path: `/topics/${seg(name)}`,
      accept: JSON_TYPE,
      signal,
    })
  }

  async listConsumerGroups(signal?: AbortSignal): Promise<ConsumerGroupSummary[]> {
    const list = asObject(
      await this.scope.json({ path: `/consumer-groups`, accept: JSON_TYPE, signal }),
      'a consumer group list',
    )
    return asArray(list.data, 'consumer groups').map((raw) => {
      const g = asObject(raw, 'a consumer group')
      if (typeof g.consumer_group_id !== 'string')
        throw unexpected('a consumer_group_id', g.consumer_group_id)
      return {
        groupId: g.consumer_group_id,
        state: text(g.state),
        coordinator: brokerIdFromRelated(g.coordinator),
        partitionAssignor: text(g.partition_assignor),
        isSimple: typeof g.is_simple === 'boolean' ? g.is_simple : undefined,
      }
    })
  }

  private groupPath(groupId: string): string {
    return `/consumer-groups/${seg(groupId, 'consumer group')}`
  }

  private async consumerList(groupId: string, signal?: AbortSignal): Promise<unknown[]> {
    const list = asObject(
      await this.scope.json({ path: `${this.groupPath(groupId)}/consumers`, accept: JSON_TYPE, signal }),
      'a consumer list',
    )
    return asArray(list.data, 'consumers')
  }

  async getConsumerGroupStats(groupId: string, signal?: AbortSignal): Promise<ConsumerGroupStats> {
    const [consumers, summary] = await Promise.all([
      this.consumerList(groupId, signal),
      this.scope.json({ path: `${this.groupPath(groupId)}/lag-summary`, accept: JSON_TYPE, signal }),
    ])
    const s = asObject(summary, 'a lag summary')
    return {
      members: consumers.length,
      totalLag: toOffset(s.total_lag, 'total_lag'),
      maxLag: toOffset(s.max_lag, 'max_lag'),
    }
  }

  async getConsumerGroupMembers(groupId: string, signal?: AbortSignal): Promise<ConsumerGroupMembers> {
    const all = await this.consumerList(groupId, signal)
    // One request per member for its assignments: bounded in number and in parallel.
    const limiter = createLimiter(MEMBER_PARALLELISM)
    const members = await Promise.all(
      all.slice(0, MAX_GROUP_MEMBERS).map(async (raw): Promise<ConsumerGroupMember> => {
        const c = asObject(raw, 'a consumer')
        if (typeof c.consumer_id !== 'string') throw unexpected('a consumer_id', c.consumer_id)
        const consumerId = c.consumer_id
        const assigned = await limiter.run(
          () =>
            this.scope.json({
              path: `${this.groupPath(groupId)}/consumers/${seg(consumerId, 'consumer id')}/assignments`,
              accept: JSON_TYPE,
              signal,
            }),
          signal,
        )
        const rows = asArray(asObject(assigned, 'an assignment list').data, 'assignments')
        return {
          consumerId,
          clientId: text(c.client_id),
          instanceId: text(c.instance_id) ?? null,
          assignments: rows.slice(0, MAX_MEMBER_ASSIGNMENTS).map((r) => {
            const a = asObject(r, 'an assignment')
            return { topic: String(a.topic_name), partition: asInt(a.partition_id, 'partition_id') }
          }),
          ...(rows.length > MAX_MEMBER_ASSIGNMENTS ? { assignmentsTruncated: true } : {}),
        }
      }),
    )
    return { members, total: all.length }
  }

  async getConsumerLags(groupId: string, signal?: AbortSignal): Promise<ConsumerLag[]> {
    const list = asObject(
      await this.scope.json({
        path: `${this.groupPath(groupId)}/lags`,
        accept: JSON_TYPE,
        signal,
      }),
      'a lag list',
    )
    return asArray(list.data, 'lags').map((raw) => {
      const l = asObject(raw, 'a lag')
      return {
        topic: String(l.topic_name),
        partition: asInt(l.partition_id, 'partition_id'),
        currentOffset: toOffset(l.current_offset, 'current_offset'),
        logEndOffset: toOffset(l.log_end_offset, 'log_end_offset'),
        lag: toOffset(l.lag, 'lag'),
        consumerId: typeof l.consumer_id === 'string' ? l.consumer_id : undefined,
      }
    })
  }

  dispose(options?: { keepalive?: boolean }): Promise<void> {
    return this.v2?.dispose(options) ?? Promise.resolve()
  }
}
