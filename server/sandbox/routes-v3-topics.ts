/** v3 topics (docs/protocols.md §6): list, create, get, delete, configs and partitions. */
import { RestError, badRequest } from './errors.ts'
import { JSON_TYPE } from './media-types.ts'
import {
  isPlainObject,
  parseIntegerParam,
  sendJson,
  sendNoContent,
  type RequestContext,
  type Router,
} from './http-kit.ts'
import { StorageError, type Topic } from './log-store.ts'
import { topicNameProblem } from './topic-names.ts'
import { effectiveTopicConfigs, type SandboxState } from './sandbox-state.ts'
import { optionalInt, parseJson, type V3Kit } from './v3-kit.ts'
import { maxMessageBytesProblem } from './topic-limits.ts'

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

export function registerV3TopicRoutes(router: Router, kit: V3Kit): void {
  const { state, accept, bodyText, clusterUrl, crn, requireCluster, requireTopic, collection } = kit

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
        const value = configs[entry.name]
        const bad =
          entry.name === 'max.message.bytes' && value !== undefined ? maxMessageBytesProblem(value) : null
        if (bad !== null) throw new RestError(400, 40002, bad)
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
