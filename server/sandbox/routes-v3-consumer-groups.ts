/**
 * v3 consumer groups (docs/protocols.md §6) — the groups made through v1/v2 consumers:
 * list, get, consumers, lags, one partition's lag and the lag summary.
 */
import { RestError } from './errors.ts'
import { JSON_TYPE } from './media-types.ts'
import { parseIntegerParam, sendJson, type RequestContext, type Router } from './http-kit.ts'
import type { ConsumerGroup } from './consumer-groups.ts'
import type { V3Kit } from './v3-kit.ts'

export function registerV3ConsumerGroupRoutes(router: Router, kit: V3Kit): void {
  const { state, accept, clusterUrl, crn, requireCluster, collection } = kit

  const requireGroup = (ctx: RequestContext): ConsumerGroup => {
    requireCluster(ctx)
    state.consumers.expireIdle()
    const group = state.consumers.getGroup(ctx.params.group)
    if (group === undefined || !exists(group))
      throw new RestError(404, 404, `Consumer Group ${ctx.params.group} cannot be found.`)
    return group
  }

  // Kafka forgets a group with no members and no committed offsets (a browse consumer that only assigned).
  const exists = (group: ConsumerGroup): boolean => group.instances.size > 0 || group.committed.size > 0

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
    const data = state.consumers
      .groupIds()
      .map((id) => state.consumers.getGroup(id)!)
      .filter(exists)
      .map((group) => groupJson(ctx, group))
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

  router.add('GET', '/v3/clusters/:cluster/consumer-groups/:group/consumers/:consumer/assignments', (ctx) => {
    accept(ctx)
    const group = requireGroup(ctx)
    const member = [...group.instances.values()].find((m) => m.memberId === ctx.params.consumer)
    if (member === undefined)
      throw new RestError(404, 404, `Consumer ${ctx.params.consumer} cannot be found.`)
    const url = `${groupUrl(ctx, group.id)}/consumers/${encodeURIComponent(member.memberId)}/assignments`
    const data = state.consumers.assignment(member).map((tp) => ({
      kind: 'KafkaConsumerAssignment',
      metadata: {
        self: `${url}/${encodeURIComponent(tp.topic)}/partitions/${tp.partition}`,
        resource_name: `${crn}/consumer-group=${group.id}/consumer=${member.memberId}/assignment=${tp.topic}/partition=${tp.partition}`,
      },
      cluster_id: state.clusterId,
      consumer_group_id: group.id,
      consumer_id: member.memberId,
      topic_name: tp.topic,
      partition_id: tp.partition,
      partition: {
        related: `${clusterUrl(ctx)}/topics/${encodeURIComponent(tp.topic)}/partitions/${tp.partition}`,
      },
      lag: {
        related: `${groupUrl(ctx, group.id)}/lags/${encodeURIComponent(tp.topic)}/partitions/${tp.partition}`,
      },
    }))
    sendJson(ctx, 200, collection('KafkaConsumerAssignmentList', url, data), JSON_TYPE)
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
