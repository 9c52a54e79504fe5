/**
 * Confluent REST Proxy API v3 under /v3 (docs/protocols.md §6): clusters, brokers, topics,
 * partitions, produce (single, streamed, batch) and the consumer groups made by v1/v2 consumers.
 * Plain application/json in and out.
 */
import { NotAcceptableError, RestError, badRequest, unsupportedMediaType } from './errors.ts'
import { JSON_TYPE, negotiate, parseContentType } from './media-types.ts'
import {
  decodeText,
  isPlainObject,
  parseIntegerParam,
  readBody,
  sendJson,
  sendNoContent,
  sendRaw,
  type RequestContext,
  type Router,
} from './http-kit.ts'
import { decodeBase64 } from './base64.ts'
import { StorageError, type NewRecord, type RecordHeader, type Topic } from './log-store.ts'
import { topicNameProblem } from './topic-names.ts'
import type { ConsumerGroup } from './consumer-groups.ts'
import { effectiveTopicConfigs, type SandboxState } from './sandbox-state.ts'

const V3_OFFERS = [[JSON_TYPE, 1]] as const

/** Topic configs Kafka accepts at creation (others are rejected like Kafka's InvalidConfigurationException). */
const KNOWN_TOPIC_CONFIGS = new Set([
  'cleanup.policy',
  'compression.type',
  'delete.retention.ms',
  'file.delete.delay.ms',
  'flush.messages',
  'flush.ms',
  'index.interval.bytes',
  'max.compaction.lag.ms',
  'max.message.bytes',
  'message.timestamp.type',
  'message.timestamp.difference.max.ms',
  'min.cleanable.dirty.ratio',
  'min.compaction.lag.ms',
  'min.insync.replicas',
  'preallocate',
  'retention.bytes',
  'retention.ms',
  'segment.bytes',
  'segment.index.bytes',
  'segment.jitter.ms',
  'segment.ms',
  'unclean.leader.election.enable',
  'message.downconversion.enable',
])

const RECORD_FIELDS = ['partition_id', 'headers', 'key', 'value', 'timestamp', 'originalSize']
const DATA_FIELDS = [
  'type',
  'data',
  'subject',
  'subject_name_strategy',
  'schema_id',
  'schema_version',
  'schema',
]

interface ProduceOutcome {
  ok: boolean
  json: Record<string, unknown>
}

export function registerV3Routes(router: Router, state: SandboxState): void {
  const accept = (ctx: RequestContext): void => {
    if (negotiate(ctx.req.headers.accept, V3_OFFERS) === null) throw new NotAcceptableError()
  }

  /** Reads a JSON body in the request's charset; 415 for non-JSON content types. */
  const bodyText = async (ctx: RequestContext): Promise<string> => {
    const { mediaType, charset } = parseContentType(ctx.req.headers['content-type'])
    if (mediaType !== null && mediaType !== JSON_TYPE) throw unsupportedMediaType()
    return decodeText(await readBody(ctx.req, ctx.maxBodyBytes), charset)
  }

  const clusterUrl = (ctx: RequestContext): string => `${ctx.origin}/v3/clusters/${state.clusterId}`
  const crn = `crn:///kafka=${state.clusterId}`

  const requireCluster = (ctx: RequestContext): void => {
    if (ctx.params.cluster !== state.clusterId) {
      throw new RestError(404, 404, `Cluster ${ctx.params.cluster} cannot be found.`)
    }
  }

  const requireTopic = (ctx: RequestContext): Topic => {
    requireCluster(ctx)
    const topic = state.store.getTopic(ctx.params.topic)
    if (topic === undefined) throw new RestError(404, 404, `Topic ${ctx.params.topic} cannot be found.`)
    return topic
  }

  const collection = (kind: string, self: string, data: unknown[]): unknown => ({
    kind,
    metadata: { self, next: null },
    data,
  })

  const clusterJson = (ctx: RequestContext): unknown => {
    const url = clusterUrl(ctx)
    return {
      kind: 'KafkaCluster',
      metadata: { self: url, resource_name: crn },
      cluster_id: state.clusterId,
      controller: { related: `${url}/brokers/${state.brokerId}` },
      acls: { related: `${url}/acls` },
      brokers: { related: `${url}/brokers` },
      broker_configs: { related: `${url}/broker-configs` },
      consumer_groups: { related: `${url}/consumer-groups` },
      topics: { related: `${url}/topics` },
      partition_reassignments: { related: `${url}/topics/-/partitions/-/reassignment` },
    }
  }

  const brokerJson = (ctx: RequestContext): unknown => {
    const url = `${clusterUrl(ctx)}/brokers/${state.brokerId}`
    return {
      kind: 'KafkaBroker',
      metadata: { self: url, resource_name: `${crn}/broker=${state.brokerId}` },
      cluster_id: state.clusterId,
      broker_id: state.brokerId,
      host: 'localhost',
      port: 9092,
      rack: null,
      configs: { related: `${url}/configs` },
      partition_replicas: { related: `${url}/partition-replicas` },
    }
  }

  const topicJson = (ctx: RequestContext, topic: Topic): unknown => {
    const url = `${clusterUrl(ctx)}/topics/${encodeURIComponent(topic.name)}`
    return {
      kind: 'KafkaTopic',
      metadata: { self: url, resource_name: `${crn}/topic=${topic.name}` },
      cluster_id: state.clusterId,
      topic_name: topic.name,
      is_internal: false,
      replication_factor: 1,
      partitions_count: topic.partitions.length,
      partitions: { related: `${url}/partitions` },
      configs: { related: `${url}/configs` },
      partition_reassignments: { related: `${url}/partitions/-/reassignment` },
      authorized_operations: [],
    }
  }

  const partitionJson = (ctx: RequestContext, topic: Topic, p: number): unknown => {
    const url = `${clusterUrl(ctx)}/topics/${encodeURIComponent(topic.name)}/partitions/${p}`
    return {
      kind: 'KafkaPartition',
      metadata: { self: url, resource_name: `${crn}/topic=${topic.name}/partition=${p}` },
      cluster_id: state.clusterId,
      topic_name: topic.name,
      partition_id: p,
      leader: { related: `${url}/replicas/${state.brokerId}` },
      replicas: { related: `${url}/replicas` },
      reassignment: { related: `${url}/reassignment` },
    }
  }

  router.add('GET', '/v3/clusters', (ctx) => {
    accept(ctx)
    sendJson(
      ctx,
      200,
      collection('KafkaClusterList', `${ctx.origin}/v3/clusters`, [clusterJson(ctx)]),
      JSON_TYPE,
    )
  })

  router.add('GET', '/v3/clusters/:cluster', (ctx) => {
    accept(ctx)
    requireCluster(ctx)
    sendJson(ctx, 200, clusterJson(ctx), JSON_TYPE)
  })

  router.add('GET', '/v3/clusters/:cluster/brokers', (ctx) => {
    accept(ctx)
    requireCluster(ctx)
    sendJson(
      ctx,
      200,
      collection('KafkaBrokerList', `${clusterUrl(ctx)}/brokers`, [brokerJson(ctx)]),
      JSON_TYPE,
    )
  })

  router.add('GET', '/v3/clusters/:cluster/brokers/:broker', (ctx) => {
    accept(ctx)
    requireCluster(ctx)
    if (ctx.params.broker !== String(state.brokerId)) {
      throw new RestError(404, 404, `Broker ${ctx.params.broker} cannot be found.`)
    }
    sendJson(ctx, 200, brokerJson(ctx), JSON_TYPE)
  })

  router.add('GET', '/v3/clusters/:cluster/topics', (ctx) => {
    accept(ctx)
    requireCluster(ctx)
    const data = state.store.topicNames().map((name) => topicJson(ctx, state.store.getTopic(name)!))
    sendJson(ctx, 200, collection('KafkaTopicList', `${clusterUrl(ctx)}/topics`, data), JSON_TYPE)
  })

  router.add('POST', '/v3/clusters/:cluster/topics', async (ctx) => {
    accept(ctx)
    requireCluster(ctx)
    const body = parseJson(await bodyText(ctx))
    if (!isPlainObject(body)) throw badRequest('The request body must be a JSON object')
    const allowed = [
      'topic_name',
      'partitions_count',
      'replication_factor',
      'configs',
      'validate_only',
      'replicas_assignments',
    ]
    for (const key of Object.keys(body))
      if (!allowed.includes(key)) throw badRequest(`Unrecognized field "${key}"`)
    if (typeof body.topic_name !== 'string') throw badRequest('topic_name is required and must be a string')
    const name = body.topic_name
    const problem = topicNameProblem(name)
    if (problem !== null) throw new RestError(400, 40002, problem)
    const partitions = optionalInt(body.partitions_count, 'partitions_count') ?? 1
    if (partitions < 1) throw new RestError(400, 40002, 'Number of partitions must be larger than 0.')
    if (partitions > 10_000)
      throw new RestError(400, 40002, 'The sandbox allows at most 10000 partitions per topic.')
    const replication = optionalInt(body.replication_factor, 'replication_factor') ?? 1
    if (replication === 0 || replication < -1)
      throw new RestError(400, 40002, 'Replication factor must be larger than 0.')
    if (replication > 1) {
      throw new RestError(
        400,
        40002,
        `Unable to replicate the partition ${replication} time(s): The target replication factor of ${replication} cannot be reached because only 1 broker(s) are registered.`,
      )
    }
    const configs: Record<string, string> = {}
    if (body.configs !== undefined && body.configs !== null) {
      if (!Array.isArray(body.configs)) throw badRequest('configs must be an array of {name, value}')
      for (const entry of body.configs) {
        if (!isPlainObject(entry) || typeof entry.name !== 'string')
          throw badRequest('configs entries need a string name')
        if (!KNOWN_TOPIC_CONFIGS.has(entry.name))
          throw new RestError(400, 40002, `Unknown topic config name: ${entry.name}`)
        if (entry.value !== null && entry.value !== undefined && typeof entry.value === 'object')
          throw badRequest(`config ${entry.name} must have a scalar value`)
        if (entry.value !== null && entry.value !== undefined) configs[entry.name] = String(entry.value)
      }
    }
    if (state.store.hasTopic(name)) throw new RestError(400, 40002, `Topic '${name}' already exists.`)
    if (body.validate_only === true) {
      const url = `${clusterUrl(ctx)}/topics/${encodeURIComponent(name)}`
      sendJson(
        ctx,
        200,
        {
          kind: 'KafkaTopic',
          metadata: { self: url, resource_name: `${crn}/topic=${name}` },
          cluster_id: state.clusterId,
          topic_name: name,
          is_internal: false,
          replication_factor: 1,
          partitions_count: partitions,
          partitions: { related: `${url}/partitions` },
          configs: { related: `${url}/configs` },
          partition_reassignments: { related: `${url}/partitions/-/reassignment` },
          authorized_operations: [],
        },
        JSON_TYPE,
      )
      return
    }
    const topic = createTopic(state, name, partitions, configs)
    ctx.res.setHeader('Location', `${clusterUrl(ctx)}/topics/${encodeURIComponent(name)}`)
    sendJson(ctx, 201, topicJson(ctx, topic), JSON_TYPE)
  })

  router.add('GET', '/v3/clusters/:cluster/topics/:topic', (ctx) => {
    accept(ctx)
    sendJson(ctx, 200, topicJson(ctx, requireTopic(ctx)), JSON_TYPE)
  })

  router.add('DELETE', '/v3/clusters/:cluster/topics/:topic', (ctx) => {
    accept(ctx)
    requireCluster(ctx)
    if (!state.store.hasTopic(ctx.params.topic)) {
      throw new RestError(404, 40403, 'This server does not host this topic-partition.')
    }
    deleteTopic(state, ctx.params.topic)
    sendNoContent(ctx)
  })

  router.add('GET', '/v3/clusters/:cluster/topics/:topic/configs', (ctx) => {
    accept(ctx)
    const topic = requireTopic(ctx)
    const url = `${clusterUrl(ctx)}/topics/${encodeURIComponent(topic.name)}/configs`
    const effective = effectiveTopicConfigs(state, topic.configs)
    const data = Object.keys(effective)
      .sort()
      .map((name) => {
        const isDefault = !(name in topic.configs)
        return {
          kind: 'KafkaTopicConfig',
          metadata: { self: `${url}/${name}`, resource_name: `${crn}/topic=${topic.name}/config=${name}` },
          cluster_id: state.clusterId,
          topic_name: topic.name,
          name,
          value: effective[name],
          is_default: isDefault,
          is_read_only: false,
          is_sensitive: false,
          source: isDefault ? 'DEFAULT_CONFIG' : 'DYNAMIC_TOPIC_CONFIG',
          synonyms: [],
        }
      })
    sendJson(ctx, 200, collection('KafkaTopicConfigList', url, data), JSON_TYPE)
  })

  router.add('GET', '/v3/clusters/:cluster/topics/:topic/partitions', (ctx) => {
    accept(ctx)
    const topic = requireTopic(ctx)
    const url = `${clusterUrl(ctx)}/topics/${encodeURIComponent(topic.name)}/partitions`
    const data = topic.partitions.map((_, p) => partitionJson(ctx, topic, p))
    sendJson(ctx, 200, collection('KafkaPartitionList', url, data), JSON_TYPE)
  })

  router.add('GET', '/v3/clusters/:cluster/topics/:topic/partitions/:partition', (ctx) => {
    accept(ctx)
    const topic = requireTopic(ctx)
    const p = parseIntegerParam(ctx.params.partition, 'partition_id')
    if (p < 0 || p >= topic.partitions.length) {
      throw new RestError(404, 404, `Partition ${p} cannot be found.`)
    }
    sendJson(ctx, 200, partitionJson(ctx, topic, p), JSON_TYPE)
  })

  // ---- produce ----------------------------------------------------------------------------

  router.add('POST', '/v3/clusters/:cluster/topics/:topic/records', async (ctx) => {
    accept(ctx)
    const text = await bodyText(ctx)
    if (text.trim() === '') {
      throw new RestError(422, 422, 'Payload error. Request body is empty. Data is required.')
    }
    const reports: string[] = []
    const pending: Array<{ index: number; record: V3Record }> = []
    // Produce in order but write in one batch; a stream of N objects gets N delivery reports.
    for (const chunk of splitJsonStream(text)) {
      if (chunk.error !== null) {
        reports.push(JSON.stringify({ error_code: 400, message: chunk.error }))
        break
      }
      const parsed = parseV3Record(chunk.value, RECORD_FIELDS)
      if ('error' in parsed) {
        reports.push(JSON.stringify({ error_code: parsed.code, message: parsed.error }))
        continue
      }
      pending.push({ index: reports.length, record: parsed.record })
      reports.push('')
    }
    const outcomes = produceRecords(
      ctx,
      pending.map((p) => p.record),
    )
    pending.forEach((p, i) => {
      reports[p.index] = JSON.stringify(outcomes[i].json)
    })
    sendRaw(ctx, 200, reports.join(''), JSON_TYPE)
  })

  router.add('POST', '/v3/clusters/:cluster/topics/:topic/records:batch', async (ctx) => {
    accept(ctx)
    const body = parseJson(await bodyText(ctx))
    if (!isPlainObject(body) || !Array.isArray(body.entries)) {
      throw new RestError(422, 42208, 'Payload error. The request body must be {"entries": [...]}.')
    }
    for (const key of Object.keys(body))
      if (key !== 'entries') throw badRequest(`Unrecognized field "${key}"`)
    if (body.entries.length === 0)
      throw new RestError(422, 42208, 'Payload error. entries must not be empty.')
    const ids = new Set<string>()
    const failures: unknown[] = []
    const pending: Array<{ id: string; record: V3Record }> = []
    for (const entry of body.entries) {
      if (!isPlainObject(entry) || (typeof entry.id !== 'string' && typeof entry.id !== 'number')) {
        throw new RestError(422, 42208, 'Payload error. Every entry needs an id.')
      }
      const id = String(entry.id)
      if (ids.has(id)) throw new RestError(422, 42208, `Payload error. Duplicate entry id: ${id}`)
      ids.add(id)
      const { id: _id, ...rest } = entry
      const parsed = parseV3Record(rest, RECORD_FIELDS)
      if ('error' in parsed) failures.push({ id, error_code: parsed.code, message: parsed.error })
      else pending.push({ id, record: parsed.record })
    }
    const outcomes = produceRecords(
      ctx,
      pending.map((p) => p.record),
    )
    const successes: unknown[] = []
    outcomes.forEach((o, i) => {
      if (o.ok) successes.push({ id: pending[i].id, ...o.json })
      else failures.push({ id: pending[i].id, ...o.json })
    })
    sendJson(ctx, 207, { successes, failures }, JSON_TYPE)
  })

  /** Appends valid records (one batch) and builds their delivery reports. */
  function produceRecords(ctx: RequestContext, records: V3Record[]): ProduceOutcome[] {
    const topic = state.store.getTopic(ctx.params.topic)
    if (topic === undefined) {
      return records.map(() => ({ ok: false, json: { error_code: 40401, message: 'Topic not found.' } }))
    }
    const outcomes: ProduceOutcome[] = new Array(records.length)
    const accepted: number[] = []
    records.forEach((r, i) => {
      if (r.partition !== undefined && r.partition !== null && r.partition >= topic.partitions.length) {
        outcomes[i] = {
          ok: false,
          json: { error_code: 40402, message: `Partition ${r.partition} of topic ${topic.name} not found.` },
        }
      } else accepted.push(i)
    })
    try {
      const results = state.store.append(
        topic,
        accepted.map((i) => records[i]),
      )
      results.forEach((res, j) => {
        const i = accepted[j]
        const info = records[i]
        const json: Record<string, unknown> = {
          error_code: 200,
          cluster_id: ctx.params.cluster,
          topic_name: topic.name,
          partition_id: res.partition,
          offset: res.offset,
          timestamp: new Date(res.timestamp).toISOString(),
        }
        if (info.keyType !== undefined) json.key = { type: info.keyType, size: records[i].key?.length ?? -1 }
        if (info.valueType !== undefined)
          json.value = { type: info.valueType, size: records[i].value?.length ?? -1 }
        outcomes[i] = { ok: true, json }
      })
    } catch (err) {
      if (!(err instanceof StorageError)) throw err
      state.log(`v3 produce to ${topic.name} failed: ${err.message}`)
      for (const i of accepted)
        outcomes[i] = { ok: false, json: { error_code: 50003, message: `Disk error: ${err.message}` } }
    }
    return outcomes
  }

  // ---- consumer groups --------------------------------------------------------------------

  const requireGroup = (ctx: RequestContext): ConsumerGroup => {
    requireCluster(ctx)
    state.consumers.expireIdle()
    const group = state.consumers.getGroup(ctx.params.group)
    if (group === undefined)
      throw new RestError(404, 404, `Consumer Group ${ctx.params.group} cannot be found.`)
    return group
  }

  const groupUrl = (ctx: RequestContext, id: string): string =>
    `${clusterUrl(ctx)}/consumer-groups/${encodeURIComponent(id)}`

  const groupJson = (ctx: RequestContext, group: ConsumerGroup): unknown => {
    const url = groupUrl(ctx, group.id)
    return {
      kind: 'KafkaConsumerGroup',
      metadata: { self: url, resource_name: `${crn}/consumer-group=${group.id}` },
      cluster_id: state.clusterId,
      consumer_group_id: group.id,
      is_simple: false,
      partition_assignor: 'range',
      state: group.instances.size > 0 ? 'STABLE' : 'EMPTY',
      type: 'CLASSIC',
      coordinator: { related: `${clusterUrl(ctx)}/brokers/${state.brokerId}` },
      consumers: { related: `${url}/consumers` },
      lag_summary: { related: `${url}/lag-summary` },
    }
  }

  interface Lag {
    topic: string
    partition: number
    current: number
    end: number
    lag: number
    consumerId: string
    clientId: string
  }

  const lagsOf = (group: ConsumerGroup): Lag[] =>
    group
      .committedOffsets()
      .filter((c) => state.store.getTopic(c.topic)?.partitions[c.partition] !== undefined)
      .map((c) => {
        const end = state.store.getTopic(c.topic)!.partitions[c.partition].logEndOffset
        const owner = state.consumers.ownerOf(group, c.topic, c.partition)
        return {
          topic: c.topic,
          partition: c.partition,
          current: c.offset,
          end,
          lag: Math.max(0, end - c.offset),
          consumerId: owner?.memberId ?? '',
          clientId: owner?.id ?? '',
        }
      })
      .sort((a, b) => (a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1))

  const lagJson = (ctx: RequestContext, group: ConsumerGroup, lag: Lag): unknown => {
    const url = `${groupUrl(ctx, group.id)}/lags/${encodeURIComponent(lag.topic)}/partitions/${lag.partition}`
    return {
      kind: 'KafkaConsumerLag',
      metadata: {
        self: url,
        resource_name: `${crn}/consumer-group=${group.id}/lag=${lag.topic}/partition=${lag.partition}`,
      },
      cluster_id: state.clusterId,
      consumer_group_id: group.id,
      topic_name: lag.topic,
      partition_id: lag.partition,
      current_offset: lag.current,
      log_end_offset: lag.end,
      lag: lag.lag,
      consumer_id: lag.consumerId,
      instance_id: null,
      client_id: lag.clientId,
    }
  }

  router.add('GET', '/v3/clusters/:cluster/consumer-groups', (ctx) => {
    accept(ctx)
    requireCluster(ctx)
    state.consumers.expireIdle()
    const data = state.consumers.groupIds().map((id) => groupJson(ctx, state.consumers.getGroup(id)!))
    sendJson(
      ctx,
      200,
      collection('KafkaConsumerGroupList', `${clusterUrl(ctx)}/consumer-groups`, data),
      JSON_TYPE,
    )
  })

  router.add('GET', '/v3/clusters/:cluster/consumer-groups/:group', (ctx) => {
    accept(ctx)
    sendJson(ctx, 200, groupJson(ctx, requireGroup(ctx)), JSON_TYPE)
  })

  router.add('GET', '/v3/clusters/:cluster/consumer-groups/:group/consumers', (ctx) => {
    accept(ctx)
    const group = requireGroup(ctx)
    const url = `${groupUrl(ctx, group.id)}/consumers`
    const data = [...group.instances.values()].map((m) => ({
      kind: 'KafkaConsumer',
      metadata: {
        self: `${url}/${encodeURIComponent(m.memberId)}`,
        resource_name: `${crn}/consumer-group=${group.id}/consumer=${m.memberId}`,
      },
      cluster_id: state.clusterId,
      consumer_group_id: group.id,
      consumer_id: m.memberId,
      instance_id: null,
      client_id: m.id,
      assignments: { related: `${url}/${encodeURIComponent(m.memberId)}/assignments` },
    }))
    sendJson(ctx, 200, collection('KafkaConsumerList', url, data), JSON_TYPE)
  })

  router.add('GET', '/v3/clusters/:cluster/consumer-groups/:group/lags', (ctx) => {
    accept(ctx)
    const group = requireGroup(ctx)
    const data = lagsOf(group).map((l) => lagJson(ctx, group, l))
    sendJson(ctx, 200, collection('KafkaConsumerLagList', `${groupUrl(ctx, group.id)}/lags`, data), JSON_TYPE)
  })

  router.add(
    'GET',
    '/v3/clusters/:cluster/consumer-groups/:group/lags/:topic/partitions/:partition',
    (ctx) => {
      accept(ctx)
      const group = requireGroup(ctx)
      const p = parseIntegerParam(ctx.params.partition, 'partition_id')
      const lag = lagsOf(group).find((l) => l.topic === ctx.params.topic && l.partition === p)
      if (lag === undefined) {
        throw new RestError(
          404,
          404,
          `Consumer lag for ${ctx.params.topic}-${p} in group ${group.id} cannot be found.`,
        )
      }
      sendJson(ctx, 200, lagJson(ctx, group, lag), JSON_TYPE)
    },
  )

  router.add('GET', '/v3/clusters/:cluster/consumer-groups/:group/lag-summary', (ctx) => {
    accept(ctx)
    const group = requireGroup(ctx)
    const lags = lagsOf(group)
    const max = lags.reduce<Lag | null>((m, l) => (m === null || l.lag > m.lag ? l : m), null)
    const url = groupUrl(ctx, group.id)
    sendJson(
      ctx,
      200,
      {
        kind: 'KafkaConsumerGroupLagSummary',
        metadata: {
          self: `${url}/lag-summary`,
          resource_name: `${crn}/consumer-group=${group.id}/lag-summary`,
        },
        cluster_id: state.clusterId,
        consumer_group_id: group.id,
        max_lag_consumer_id: max?.consumerId ?? '',
        max_lag_instance_id: null,
        max_lag_client_id: max?.clientId ?? '',
        max_lag_topic_name: max?.topic ?? '',
        max_lag_partition_id: max?.partition ?? 0,
        max_lag: max?.lag ?? 0,
        total_lag: lags.reduce((sum, l) => sum + l.lag, 0),
        max_lag_consumer: { related: `${url}/consumers/${encodeURIComponent(max?.consumerId ?? '')}` },
        max_lag_partition: {
          related: `${clusterUrl(ctx)}/topics/${encodeURIComponent(max?.topic ?? '')}/partitions/${max?.partition ?? 0}`,
        },
      },
      JSON_TYPE,
    )
  })
}

/** Creates a topic (shared by v3 and the IBM admin API). */
export function createTopic(
  state: SandboxState,
  name: string,
  partitions: number,
  configs: Record<string, string>,
): Topic {
  try {
    return state.store.createTopic(name, partitions, configs)
  } catch (err) {
    if (err instanceof StorageError) throw new RestError(500, 50002, `Kafka error: ${err.message}`)
    throw err
  }
}

export function deleteTopic(state: SandboxState, name: string): void {
  try {
    state.store.deleteTopic(name)
  } catch (err) {
    if (err instanceof StorageError) throw new RestError(500, 50002, `Kafka error: ${err.message}`)
    throw err
  }
  state.consumers.forgetTopic(name)
}

function parseJson(text: string): unknown {
  if (text.trim() === '') throw badRequest('The request body is empty')
  try {
    return JSON.parse(text)
  } catch (err) {
    throw badRequest(`Unexpected character in JSON request body: ${(err as Error).message}`)
  }
}

function optionalInt(value: unknown, what: string): number | null {
  if (value === undefined || value === null) return null
  if (typeof value !== 'number' || !Number.isSafeInteger(value))
    throw badRequest(`${what} must be an integer`)
  return value
}

/** A record to produce plus the key/value types named in the request (for the delivery report). */
type V3Record = NewRecord & { keyType?: string; valueType?: string }
type ParsedV3 = { record: V3Record } | { error: string; code: number }

/** Validates one v3 ProduceRequest object; problems become error delivery reports (400). */
function parseV3Record(value: unknown, allowed: string[]): ParsedV3 {
  if (!isPlainObject(value))
    return { error: 'Bad Request: a produce request must be a JSON object', code: 400 }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      return {
        code: 400,
        error:
          `Unrecognized field "${key}" (class io.confluent.kafkarest.entities.v3.AutoValue_ProduceRequest$Builder), ` +
          'not marked as ignorable (6 known properties: "value", "originalSize", "partitionId", "headers", "key", "timestamp"])',
      }
    }
  }
  const record: V3Record = { key: null, value: null }
  if (value.partition_id !== undefined && value.partition_id !== null) {
    if (
      typeof value.partition_id !== 'number' ||
      !Number.isSafeInteger(value.partition_id) ||
      value.partition_id < 0
    )
      return { error: 'Bad Request: partition_id must be a non-negative integer', code: 400 }
    record.partition = value.partition_id
  }
  if (value.timestamp !== undefined && value.timestamp !== null) {
    const ts = typeof value.timestamp === 'string' ? Date.parse(value.timestamp) : NaN
    if (Number.isNaN(ts)) return { error: `Bad Request: timestamp must be an RFC 3339 date-time`, code: 400 }
    record.timestamp = ts
  }
  if (value.headers !== undefined && value.headers !== null) {
    if (!Array.isArray(value.headers)) return { error: 'Bad Request: headers must be an array', code: 400 }
    const headers: RecordHeader[] = []
    for (const h of value.headers) {
      if (!isPlainObject(h) || typeof h.name !== 'string')
        return { error: 'Bad Request: every header needs a string name', code: 400 }
      if (h.value === undefined || h.value === null) headers.push({ name: h.name, value: null })
      else {
        const decoded = typeof h.value === 'string' ? decodeBase64(h.value) : null
        if (decoded === null)
          return { error: `Bad Request: header ${h.name} value is not a valid base64 string.`, code: 400 }
        headers.push({ name: h.name, value: decoded })
      }
    }
    record.headers = headers
  }
  for (const which of ['key', 'value'] as const) {
    const data = value[which]
    if (data === undefined || data === null) continue
    if (!isPlainObject(data))
      return { error: `Bad Request: ${which} must be an object with type and data`, code: 400 }
    for (const k of Object.keys(data)) {
      if (!DATA_FIELDS.includes(k))
        return { error: `Bad Request: Unrecognized field "${k}" in ${which}`, code: 400 }
    }
    const typeRaw = data.type === undefined || data.type === null ? null : String(data.type).toUpperCase()
    const schemaBased =
      (typeRaw !== null && ['AVRO', 'JSONSCHEMA', 'PROTOBUF'].includes(typeRaw)) ||
      data.schema_id !== undefined ||
      data.schema_version !== undefined ||
      data.schema !== undefined ||
      data.subject !== undefined
    if (schemaBased) {
      return {
        error: `Bad Request: ${which} needs a schema registry, which the sandbox does not have.`,
        code: 400,
      }
    }
    if (typeRaw !== null && !['BINARY', 'JSON', 'STRING'].includes(typeRaw)) {
      return { error: `Bad Request: unknown ${which} type ${String(data.type)}`, code: 400 }
    }
    const type = typeRaw ?? 'BINARY'
    let bytes: Buffer | null = null
    const payload = data.data
    if (payload !== undefined && payload !== null) {
      if (type === 'JSON') bytes = Buffer.from(JSON.stringify(payload), 'utf8')
      else if (type === 'STRING') {
        if (typeof payload !== 'string')
          return { error: `Bad Request: data=${JSON.stringify(payload)} is not a string.`, code: 400 }
        bytes = Buffer.from(payload, 'utf8')
      } else {
        if (typeof payload !== 'string') {
          return { error: `Bad Request: data=${JSON.stringify(payload)} is not a base64 string.`, code: 400 }
        }
        bytes = decodeBase64(payload)
        if (bytes === null)
          return {
            error: `Bad Request: data="${payload.slice(0, 40)}" is not a valid base64 string.`,
            code: 400,
          }
      }
    }
    record[which] = bytes
    if (typeRaw !== null) record[which === 'key' ? 'keyType' : 'valueType'] = typeRaw
  }
  return { record }
}

interface StreamChunk {
  value: unknown
  error: string | null
}

/** Splits a body of concatenated JSON values (Confluent's streamed produce) without a full parser. */
export function* splitJsonStream(text: string): Generator<StreamChunk> {
  let i = 0
  const n = text.length
  while (i < n) {
    while (i < n && /\s/.test(text[i])) i++
    if (i >= n) return
    const start = i
    const open = text[i]
    if (open === '{' || open === '[') {
      let depth = 0
      let inString = false
      for (; i < n; i++) {
        const c = text[i]
        if (inString) {
          if (c === '\\') i++
          else if (c === '"') inString = false
        } else if (c === '"') inString = true
        else if (c === '{' || c === '[') depth++
        else if (c === '}' || c === ']') {
          depth--
          if (depth === 0) {
            i++
            break
          }
        }
      }
      if (depth !== 0) {
        yield { value: null, error: 'Unexpected end-of-input: the JSON object is not complete' }
        return
      }
    } else {
      while (i < n && !/[\s{[]/.test(text[i])) i++
    }
    const chunk = text.slice(start, i)
    try {
      yield { value: JSON.parse(chunk), error: null }
    } catch (err) {
      yield { value: null, error: `Unexpected character in JSON: ${(err as Error).message}` }
      return
    }
  }
}
